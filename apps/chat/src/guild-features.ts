import type { DynamicModule } from '@nestjs/common';

/** Guild-side feature modules: guilds, channels, roles, members (kicks, bans, nicknames), invites. */
export const GUILD_FEATURE_MODULES: NonNullable<DynamicModule['imports']> = [];
