import { ERROR } from '@bonfire/contracts';
import { AppError, idParam } from '@bonfire/platform';

export const emojiIdPipe = () => idParam(ERROR.UNKNOWN_EMOJI, 'Unknown emoji.');

export function unknownEmoji(): AppError {
  return new AppError(ERROR.UNKNOWN_EMOJI, 'Unknown emoji.');
}

export function unknownGuild(): AppError {
  return new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');
}
