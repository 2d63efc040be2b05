import {
  ERROR,
  type CompletedPart,
  EMOJI_CONTENT_TYPES,
  type FilePurpose,
  type UploadRequest,
} from '@bonfire/contracts';
import { AppError, idParam } from '@bonfire/platform';

/** A file id in the path: anything but a snowflake is an unknown file. */
export const fileIdParam = () => idParam(ERROR.UNKNOWN_FILE, 'Unknown file.');

export interface UploadLimits {
  maxAttachmentBytes: number;
  maxAvatarBytes: number;
  /** Content types allowed for avatars and guild icons. */
  avatarTypes: readonly string[];
  /** Largest custom emoji image. */
  maxEmojiBytes: number;
}

export function maxBytes(purpose: FilePurpose, limits: UploadLimits): number {
  if (purpose === 'emoji') return limits.maxEmojiBytes;
  return purpose === 'attachment' ? limits.maxAttachmentBytes : limits.maxAvatarBytes;
}

/** The image types a purpose allows (attachments: any type). */
export function imageTypesFor(purpose: FilePurpose, avatarTypes: readonly string[]): readonly string[] {
  return purpose === 'emoji' ? EMOJI_CONTENT_TYPES : avatarTypes;
}

/**
 * Checks an upload request against the limits before anything is stored: 413 when the declared size is
 * over the purpose's limit, 400 when an avatar or icon is not one of the allowed image types.
 */
export function checkUploadRequest(purpose: FilePurpose, request: UploadRequest, limits: UploadLimits): void {
  const limit = maxBytes(purpose, limits);
  if (request.size > limit) {
    throw new AppError(ERROR.PAYLOAD_TOO_LARGE, `The file is larger than ${limit} bytes.`, {
      details: [{ field: 'body.size', code: 'too_big', message: `must be at most ${limit} bytes` }],
    });
  }
  const allowed = imageTypesFor(purpose, limits.avatarTypes);
  if (purpose !== 'attachment' && !allowed.includes(normaliseType(request.contentType))) {
    throw new AppError(ERROR.UNSUPPORTED_TYPE, `An ${purpose} must be one of ${allowed.join(', ')}.`, {
      details: [
        {
          field: 'body.contentType',
          code: 'invalid',
          message: `must be one of ${allowed.join(', ')}`,
        },
      ],
    });
  }
}

const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'audio/mp3': 'audio/mpeg',
  'application/x-zip-compressed': 'application/zip',
};

/** Lower case, parameters dropped, common aliases folded (image/jpg → image/jpeg). */
export function normaliseType(contentType: string): string {
  const bare = contentType.split(';')[0]!.trim().toLowerCase();
  return ALIASES[bare] ?? bare;
}

/** The parts of a multipart upload of `size` bytes: every one `partSize` bytes but the last. */
export function planParts(size: number, partSize: number): { partNumber: number; size: number }[] {
  const count = Math.ceil(size / partSize);
  return Array.from({ length: count }, (_, index) => ({
    partNumber: index + 1,
    size: index === count - 1 ? size - partSize * (count - 1) : partSize,
  }));
}

/**
 * Checks the parts a client completes a multipart upload with: exactly parts 1..`expected`, each once.
 * Returns them in part order (S3 wants ascending numbers); 400 INVALID_PARTS naming each problem otherwise.
 */
export function checkCompletedParts(
  parts: readonly CompletedPart[] | undefined,
  expected: number,
): CompletedPart[] {
  if (parts === undefined) {
    throw invalidParts([
      { field: 'body.parts', code: 'required', message: `must list the ETags of all ${expected} parts` },
    ]);
  }
  const details: { field: string; code: string; message: string }[] = [];
  const seen = new Set<number>();
  parts.forEach((part, index) => {
    if (part.partNumber > expected) {
      details.push({
        field: `body.parts.${index}.partNumber`,
        code: 'too_big',
        message: `this upload has ${expected} parts`,
      });
    } else if (seen.has(part.partNumber)) {
      details.push({
        field: `body.parts.${index}.partNumber`,
        code: 'duplicate',
        message: `part ${part.partNumber} is listed twice`,
      });
    }
    seen.add(part.partNumber);
  });
  const missing = planParts(expected, 1)
    .map((part) => part.partNumber)
    .filter((partNumber) => !seen.has(partNumber));
  if (missing.length > 0) {
    details.push({
      field: 'body.parts',
      code: 'missing',
      message: `missing part numbers: ${summarise(missing)}`,
    });
  }
  if (details.length > 0) throw invalidParts(details);
  return [...parts].sort((a, b) => a.partNumber - b.partNumber);
}

export function invalidParts(details: { field: string; code: string; message: string }[]): AppError {
  return new AppError(
    ERROR.INVALID_PARTS,
    'The parts do not complete this upload; send every part’s number and ETag once.',
    { details },
  );
}

function summarise(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 10).join(', ');
  return numbers.length > 10 ? `${shown} and ${numbers.length - 10} more` : shown;
}
