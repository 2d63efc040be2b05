import { Module } from '@nestjs/common';
import { GuildsModule } from '../guilds/guilds.module';
import { MembersModule } from '../members/members.module';
import { GuildInvitesController, InvitesController } from './invites.controller';
import { InvitesRepository } from './invites.repository';
import { InvitesService } from './invites.service';

@Module({
  imports: [GuildsModule, MembersModule],
  controllers: [GuildInvitesController, InvitesController],
  providers: [InvitesRepository, InvitesService],
})
export class InvitesModule {}
