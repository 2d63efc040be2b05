import type { FilePurpose } from '@bonfire/contracts';
import { imageTypesFor, normaliseType } from './upload-rules';

/** Image types sharp reads and we make thumbnails for. */
export const THUMBNAIL_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
]);

/**
 * Declared types whose bytes carry a signature file-type recognises: for these the signature must be
 * there and agree. Other declared types (text, JSON, CSV, …) have no signature to check.
 */
function isSniffable(type: string): boolean {
  return (
    type.startsWith('image/') ||
    type.startsWith('video/') ||
    type.startsWith('audio/') ||
    type === 'application/pdf' ||
    type === 'application/zip' ||
    type === 'application/gzip'
  );
}

/** Executables and scripts-with-a-signature: never accepted under another declared type. */
const EXECUTABLE_TYPES: ReadonlySet<string> = new Set([
  'application/x-elf',
  'application/x-msdownload',
  'application/x-mach-binary',
  'application/x-executable',
  'application/vnd.microsoft.portable-executable',
  'application/x-sharedlib',
]);

type TypeDecision =
  { accepted: true; contentType: string; image: boolean } | { accepted: false; reason: string };

/**
 * Decides what an upload really is from its declared type and the type sniffed from its first bytes
 * (undefined when file-type recognises nothing):
 * - a recognised signature must agree with the declared type, except that `application/octet-stream`
 *   takes whatever was found — so a `.png` that is an executable is refused;
 * - a declared image/video/audio/PDF/archive type must be backed by its signature;
 * - an executable signature is never accepted as anything but octet-stream or itself;
 * - avatars and icons must be one of the allowed image types after sniffing; emoji PNG, GIF or WebP.
 */
export function decideType(
  purpose: FilePurpose,
  declaredType: string,
  sniffedType: string | undefined,
  avatarTypes: readonly string[],
): TypeDecision {
  const declared = normaliseType(declaredType);
  const sniffed = sniffedType === undefined ? undefined : normaliseType(sniffedType);
  let contentType: string;
  if (sniffed === undefined) {
    if (isSniffable(declared)) return { accepted: false, reason: `the content is not ${declared}` };
    contentType = declared;
  } else if (sniffed === declared) {
    contentType = sniffed;
  } else if (declared === 'application/octet-stream') {
    contentType = sniffed;
  } else if (EXECUTABLE_TYPES.has(sniffed)) {
    return { accepted: false, reason: `the content is an executable (${sniffed}), not ${declared}` };
  } else {
    return { accepted: false, reason: `the content is ${sniffed}, not ${declared}` };
  }
  const allowed = imageTypesFor(purpose, avatarTypes);
  if (purpose !== 'attachment' && !allowed.includes(contentType)) {
    return { accepted: false, reason: `an ${purpose} must be one of ${allowed.join(', ')}` };
  }
  return { accepted: true, contentType, image: THUMBNAIL_TYPES.has(contentType) };
}
