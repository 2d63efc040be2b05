import type { DynamicModule } from '@nestjs/common';
import { BotsModule } from './bots/bots.module';
import { ChannelsModule } from './channels/channels.module';
import { EmojisModule } from './emojis/emojis.module';
import { GuildsModule } from './guilds/guilds.module';
import { InvitesModule } from './invites/invites.module';
import { MembersModule } from './members/members.module';
import { RolesModule } from './roles/roles.module';

/** Guild-side feature modules: guilds, channels, roles, members (kicks, bans, nicknames), invites. */
export const GUILD_FEATURE_MODULES: NonNullable<DynamicModule['imports']> = [
  GuildsModule,
  ChannelsModule,
  RolesModule,
  MembersModule,
  InvitesModule,
  BotsModule,
  EmojisModule,
];
