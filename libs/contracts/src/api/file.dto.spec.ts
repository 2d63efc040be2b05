import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { completeUploadRequestSchema, uploadRequestSchema } from './file.dto';

const upload = (filename: string) => ({ filename, size: 1, contentType: 'text/plain' });

describe('upload bodies state their rules as patterns (the OpenAPI documents carry them)', () => {
  it('refuses blank, slashed or control-character file names; the pattern refuses the same', () => {
    const pattern = new RegExp(
      (z.toJSONSchema(uploadRequestSchema) as unknown as { properties: { filename: { pattern: string } } })
        .properties.filename.pattern,
    );
    for (const [filename, ok] of [
      ['a.txt', true],
      [' spaced name.png ', true],
      ['   ', false],
      ['\t', false],
      ['a/b', false],
      ['a\\b', false],
      ['a\u0001b', false],
    ] as const) {
      expect(uploadRequestSchema.safeParse(upload(filename)).success, JSON.stringify(filename)).toBe(ok);
      expect(pattern.test(filename), JSON.stringify(filename)).toBe(ok);
    }
  });

  it('refuses a blank part ETag', () => {
    for (const etag of ['\r', '   ']) {
      expect(completeUploadRequestSchema.safeParse({ parts: [{ partNumber: 1, etag }] }).success).toBe(false);
    }
    expect(completeUploadRequestSchema.safeParse({ parts: [{ partNumber: 1, etag: '"abc"' }] }).success).toBe(
      true,
    );
  });
});
