import { AppError } from '@bonfire/platform';
import { Injectable, type PipeTransform } from '@nestjs/common';
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

const MAX_BIGINT = (1n << 63n) - 1n;

/** A snowflake id as a decimal string that fits a Postgres BIGINT. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_BIGINT;
}

/** Ids in request bodies and queries. */
export const idSchema = z.string().refine(isId, 'must be a snowflake id');

/** Permission bitfields in request bodies: decimal strings of at most 64 bits. */
export const bitfieldSchema = z
  .string()
  .regex(/^\d{1,20}$/, 'must be a decimal bitfield')
  .refine((value) => BigInt(value) < 1n << 64n, 'must fit in 64 bits');

/** Path ids: anything that is not a snowflake names nothing, so it answers 404 with the given code. */
@Injectable()
export class IdParamPipe implements PipeTransform<string, string> {
  constructor(
    private readonly code: string,
    private readonly message: string,
  ) {}

  transform(value: string): string {
    if (!isId(value)) throw AppError.notFound(this.message, this.code);
    return value;
  }
}

export const guildIdPipe = () => new IdParamPipe(GUILD_ERROR_CODES.unknownGuild, 'Unknown guild.');
export const channelIdPipe = () => new IdParamPipe(GUILD_ERROR_CODES.unknownChannel, 'Unknown channel.');
export const roleIdPipe = () => new IdParamPipe(GUILD_ERROR_CODES.unknownRole, 'Unknown role.');
export const userIdPipe = () => new IdParamPipe(GUILD_ERROR_CODES.unknownMember, 'Unknown member.');

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
