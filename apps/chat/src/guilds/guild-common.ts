import { snowflakeSchema } from '@bonfire/contracts';
import { AppError, idParam } from '@bonfire/platform';

/** Error codes of the guild side of chat (stable; clients switch on them). */
export const GUILD_ERROR_CODES = {
  unknownGuild: 'UNKNOWN_GUILD',
  unknownChannel: 'UNKNOWN_CHANNEL',
  unknownRole: 'UNKNOWN_ROLE',
  unknownMember: 'UNKNOWN_MEMBER',
  unknownUser: 'UNKNOWN_USER',
  unknownBan: 'UNKNOWN_BAN',
  unknownInvite: 'UNKNOWN_INVITE',
  unknownOverwrite: 'UNKNOWN_OVERWRITE',
  ownerOnly: 'OWNER_ONLY',
  ownerCannotLeave: 'OWNER_CANNOT_LEAVE',
  banned: 'BANNED',
  roleHierarchy: 'ROLE_HIERARCHY',
  memberHierarchy: 'MEMBER_HIERARCHY',
  cannotGrantPermissions: 'CANNOT_GRANT_PERMISSIONS',
  everyoneRole: 'EVERYONE_ROLE',
  tooManyGuilds: 'TOO_MANY_GUILDS',
  tooManyChannels: 'TOO_MANY_CHANNELS',
  tooManyRoles: 'TOO_MANY_ROLES',
} as const;

/** Ids in request bodies and queries: the one snowflake rule of every service. */
export const idSchema = snowflakeSchema;

/** Path ids: anything that is not a snowflake names nothing, so it answers 404 with the given code. */
export const guildIdPipe = () => idParam(GUILD_ERROR_CODES.unknownGuild, 'Unknown guild.');
export const channelIdPipe = () => idParam(GUILD_ERROR_CODES.unknownChannel, 'Unknown channel.');
export const roleIdPipe = () => idParam(GUILD_ERROR_CODES.unknownRole, 'Unknown role.');
export const userIdPipe = () => idParam(GUILD_ERROR_CODES.unknownMember, 'Unknown member.');

/** 400 VALIDATION_FAILED naming one field (for checks that need the database, e.g. an unknown parent). */
export function invalidField(field: string, code: string, message: string): AppError {
  return AppError.validation([{ field, code, message }], message);
}

export function limitReached(code: string, message: string): AppError {
  return new AppError(400, code, message);
}

export function ownerOnly(action: string): AppError {
  return AppError.forbidden(`Only the guild owner can ${action}.`, GUILD_ERROR_CODES.ownerOnly);
}
