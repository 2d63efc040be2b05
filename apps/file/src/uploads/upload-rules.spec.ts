import { AppError } from '@bonfire/platform';
import { describe, expect, it } from 'vitest';
import {
  checkCompletedParts,
  checkUploadRequest,
  maxBytes,
  normaliseType,
  planParts,
  type UploadLimits,
} from './upload-rules';

const MIB = 1024 * 1024;
const limits: UploadLimits = {
  maxAttachmentBytes: 25 * MIB,
  maxAvatarBytes: 8 * MIB,
  avatarTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
  maxEmojiBytes: 256 * 1024,
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

  it('holds emoji to 256 KiB of PNG, GIF or WebP', () => {
    expect(maxBytes('emoji', limits)).toBe(256 * 1024);
    expect(() =>
      checkUploadRequest('emoji', { filename: 'e.gif', size: 256 * 1024, contentType: 'image/gif' }, limits),
    ).not.toThrow();
    const big = refusal(() =>
      checkUploadRequest(
        'emoji',
        { filename: 'e.png', size: 256 * 1024 + 1, contentType: 'image/png' },
        limits,
      ),
    );
    expect([big.status, big.code, big.details?.[0]?.field]).toEqual([413, 'PAYLOAD_TOO_LARGE', 'body.size']);
    const jpeg = refusal(() =>
      checkUploadRequest('emoji', { filename: 'e.jpg', size: 10, contentType: 'image/jpeg' }, limits),
    );
    expect([jpeg.status, jpeg.code, jpeg.details?.[0]?.field]).toEqual([
      400,
      'UNSUPPORTED_TYPE',
      'body.contentType',
    ]);
  });

  it('normalises content types', () => {
    expect(normaliseType('Image/JPG; charset=binary')).toBe('image/jpeg');
    expect(normaliseType('text/plain;charset=utf-8')).toBe('text/plain');
  });
});

describe('multipart parts', () => {
  it('cuts a file into full parts and a shorter last one', () => {
    expect(planParts(20 * MIB + 3, 8 * MIB)).toEqual([
      { partNumber: 1, size: 8 * MIB },
      { partNumber: 2, size: 8 * MIB },
      { partNumber: 3, size: 4 * MIB + 3 },
    ]);
    expect(planParts(16 * MIB, 8 * MIB).map((part) => part.size)).toEqual([8 * MIB, 8 * MIB]);
  });

  it('accepts every part once, in any order, and returns them in part order', () => {
    const parts = [
      { partNumber: 3, etag: '"c"' },
      { partNumber: 1, etag: '"a"' },
      { partNumber: 2, etag: '"b"' },
    ];
    expect(checkCompletedParts(parts, 3).map((part) => part.partNumber)).toEqual([1, 2, 3]);
  });

  it('refuses missing, repeated and unknown parts with INVALID_PARTS naming each', () => {
    const none = refusal(() => checkCompletedParts(undefined, 2));
    expect(none.status).toBe(400);
    expect(none.code).toBe('INVALID_PARTS');
    expect(none.details).toEqual([expect.objectContaining({ field: 'body.parts', code: 'required' })]);

    const wrong = refusal(() =>
      checkCompletedParts(
        [
          { partNumber: 1, etag: '"a"' },
          { partNumber: 1, etag: '"a"' },
          { partNumber: 5, etag: '"e"' },
        ],
        3,
      ),
    );
    expect(wrong.code).toBe('INVALID_PARTS');
    expect(wrong.details?.map((detail) => [detail.field, detail.code])).toEqual([
      ['body.parts.1.partNumber', 'duplicate'],
      ['body.parts.2.partNumber', 'too_big'],
      ['body.parts', 'missing'],
    ]);
    expect(wrong.details?.[2]?.message).toBe('missing part numbers: 2, 3');
  });
});
