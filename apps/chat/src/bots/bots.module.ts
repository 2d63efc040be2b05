import { Module } from '@nestjs/common';
import { GuildsModule } from '../guilds/guilds.module';
import { MembersModule } from '../members/members.module';
import { RolesModule } from '../roles/roles.module';
import { OAuth2Controller } from './oauth2.controller';
import { OAuth2Service } from './oauth2.service';

/** The authorise link that adds an application's bot user to a guild. */
@Module({
  imports: [GuildsModule, MembersModule, RolesModule],
  controllers: [OAuth2Controller],
  providers: [OAuth2Service],
})
export class BotsModule {}
