import { ERROR, type ErrorCodeOfStatus, snowflakeSchema } from '@bonfire/contracts';
import { AppError, idParam } from '@bonfire/platform';

/** Ids in request bodies and queries: the one snowflake rule of every service. */
export const idSchema = snowflakeSchema;

/** Path ids: anything that is not a snowflake names nothing, so it answers 404 with the given code. */
export const guildIdPipe = () => idParam(ERROR.UNKNOWN_GUILD, 'Unknown guild.');
export const channelIdPipe = () => idParam(ERROR.UNKNOWN_CHANNEL, 'Unknown channel.');
export const roleIdPipe = () => idParam(ERROR.UNKNOWN_ROLE, 'Unknown role.');
export const userIdPipe = () => idParam(ERROR.UNKNOWN_MEMBER, 'Unknown member.');

/** 400 VALIDATION_FAILED naming one field (for checks that need the database, e.g. an unknown parent). */
export function invalidField(field: string, code: string, message: string): AppError {
  return AppError.validation([{ field, code, message }], message);
}

/** 400 with a limit's own code (TOO_MANY_ROLES…). */
export function limitReached(code: ErrorCodeOfStatus<400>, message: string): AppError {
  return new AppError(code, message);
}

export function ownerOnly(action: string): AppError {
  return new AppError(ERROR.OWNER_ONLY, `Only the guild owner can ${action}.`);
}
