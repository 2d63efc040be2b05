import { AppError } from '@bonfire/platform';
import { describe, expect, it } from 'vitest';
import { checkUploadRequest, maxBytes, normaliseType, type UploadLimits } from './upload-rules';

const MIB = 1024 * 1024;
const limits: UploadLimits = {
  maxAttachmentBytes: 25 * MIB,
  maxAvatarBytes: 8 * MIB,
  avatarTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
};

function refusal(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('upload limits', () => {
  it('allows up to the purpose limit, inclusive', () => {
    expect(maxBytes('attachment', limits)).toBe(25 * MIB);
    expect(maxBytes('avatar', limits)).toBe(8 * MIB);
    expect(() =>
      checkUploadRequest(
        'attachment',
        { filename: 'a.bin', size: 25 * MIB, contentType: 'application/zip' },
        limits,
      ),
    ).not.toThrow();
    expect(() =>
      checkUploadRequest('icon', { filename: 'i.png', size: 8 * MIB, contentType: 'image/png' }, limits),
    ).not.toThrow();
  });

  it('answers 413 PAYLOAD_TOO_LARGE naming body.size above the limit', () => {
    const tooBig = refusal(() =>
      checkUploadRequest(
        'attachment',
        { filename: 'a', size: 25 * MIB + 1, contentType: 'text/plain' },
        limits,
      ),
    );
    expect(tooBig.status).toBe(413);
    expect(tooBig.code).toBe('PAYLOAD_TOO_LARGE');
    expect(tooBig.details?.[0]?.field).toBe('body.size');
    expect(
      refusal(() =>
        checkUploadRequest(
          'avatar',
          { filename: 'a.png', size: 8 * MIB + 1, contentType: 'image/png' },
          limits,
        ),
      ).status,
    ).toBe(413);
  });

  it('answers 400 UNSUPPORTED_TYPE for avatars and icons that are not allowed images', () => {
    const svg = refusal(() =>
      checkUploadRequest('avatar', { filename: 'a.svg', size: 10, contentType: 'image/svg+xml' }, limits),
    );
    expect(svg.status).toBe(400);
    expect(svg.code).toBe('UNSUPPORTED_TYPE');
    expect(svg.details?.[0]?.field).toBe('body.contentType');
    expect(() =>
      checkUploadRequest('avatar', { filename: 'a.jpg', size: 10, contentType: 'image/jpg' }, limits),
    ).not.toThrow();
    expect(() =>
      checkUploadRequest('attachment', { filename: 'a.svg', size: 10, contentType: 'image/svg+xml' }, limits),
    ).not.toThrow();
  });

  it('normalises content types', () => {
    expect(normaliseType('Image/JPG; charset=binary')).toBe('image/jpeg');
    expect(normaliseType('text/plain;charset=utf-8')).toBe('text/plain');
  });
});
