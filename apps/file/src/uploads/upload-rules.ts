import type { FilePurpose, UploadRequest } from '@bonfire/contracts';
import { AppError } from '@bonfire/platform';

export const UPLOAD_ERRORS = {
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  unsupportedType: 'UNSUPPORTED_TYPE',
  typeMismatch: 'TYPE_MISMATCH',
  sizeMismatch: 'SIZE_MISMATCH',
  uploadMissing: 'UPLOAD_MISSING',
  unknownFile: 'UNKNOWN_FILE',
} as const;

export interface UploadLimits {
  maxAttachmentBytes: number;
  maxAvatarBytes: number;
  /** Content types allowed for avatars and guild icons. */
  avatarTypes: readonly string[];
}

export function maxBytes(purpose: FilePurpose, limits: UploadLimits): number {
  return purpose === 'attachment' ? limits.maxAttachmentBytes : limits.maxAvatarBytes;
}

/**
 * Checks an upload request against the limits before anything is stored: 413 when the declared size is
 * over the purpose's limit, 400 when an avatar or icon is not one of the allowed image types.
 */
export function checkUploadRequest(purpose: FilePurpose, request: UploadRequest, limits: UploadLimits): void {
  const limit = maxBytes(purpose, limits);
  if (request.size > limit) {
    throw new AppError(413, UPLOAD_ERRORS.payloadTooLarge, `The file is larger than ${limit} bytes.`, [
      { field: 'body.size', code: 'too_big', message: `must be at most ${limit} bytes` },
    ]);
  }
  if (purpose !== 'attachment' && !limits.avatarTypes.includes(normaliseType(request.contentType))) {
    throw new AppError(
      400,
      UPLOAD_ERRORS.unsupportedType,
      `An ${purpose} must be one of ${limits.avatarTypes.join(', ')}.`,
      [
        {
          field: 'body.contentType',
          code: 'invalid',
          message: `must be one of ${limits.avatarTypes.join(', ')}`,
        },
      ],
    );
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
