import { AppError, idParam } from '@bonfire/platform';
import { ACCESS_ERROR_CODES } from '../access/access.service';

/** Error codes of custom emoji (stable; clients switch on them). */
export const EMOJI_ERRORS = {
  unknownEmoji: 'UNKNOWN_EMOJI',
  nameTaken: 'EMOJI_NAME_TAKEN',
  tooManyEmojis: 'TOO_MANY_EMOJIS',
  invalidEmojiFile: 'INVALID_EMOJI_FILE',
} as const;

export const emojiIdPipe = () => idParam(EMOJI_ERRORS.unknownEmoji, 'Unknown emoji.');

export function unknownEmoji(): AppError {
  return AppError.notFound('Unknown emoji.', EMOJI_ERRORS.unknownEmoji);
}

export function unknownGuild(): AppError {
  return AppError.notFound('Unknown guild.', ACCESS_ERROR_CODES.unknownGuild);
}
