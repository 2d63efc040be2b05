import { snowflakeSchema } from '@bonfire/contracts';
import { AppError, idParam } from '@bonfire/platform';
import { z } from 'zod';

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

/**
 * Permission bitfields in request bodies: decimal strings of at most 64 bits (0 to 2^64-1), as one
 * regular expression: the OpenAPI documents state it, and nothing calls BigInt() on a non-number
 * (a refinement would still run after a failed format check, and BigInt('1*') throws: a 500).
 */
export const BITFIELD_PATTERN =
  /^(?:\d{1,19}|0\d{19}|1[0-7]\d{18}|18[0-3]\d{17}|184[0-3]\d{16}|1844[0-5]\d{15}|18446[0-6]\d{14}|184467[0-3]\d{13}|1844674[0-3]\d{12}|184467440[0-6]\d{10}|1844674407[0-2]\d{9}|18446744073[0-6]\d{8}|1844674407370[0-8]\d{6}|18446744073709[0-4]\d{5}|184467440737095[0-4]\d{4}|18446744073709550\d{3}|18446744073709551[0-5]\d{2}|1844674407370955160\d|1844674407370955161[0-4]|18446744073709551615)$/;

export const bitfieldSchema = z
  .string()
  .regex(BITFIELD_PATTERN, 'must be a decimal bitfield of at most 64 bits');

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
