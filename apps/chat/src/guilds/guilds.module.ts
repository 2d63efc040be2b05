import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { MembersModule } from '../members/members.module';
import { RolesModule } from '../roles/roles.module';
import { GuildsController, MyGuildsController } from './guilds.controller';
import { GuildsRepository } from './guilds.repository';
import { GuildsService } from './guilds.service';

@Module({
  imports: [RolesModule, MembersModule, ChannelsModule],
  controllers: [GuildsController, MyGuildsController],
  providers: [GuildsRepository, GuildsService],
  exports: [GuildsRepository, GuildsService],
})
export class GuildsModule {}
