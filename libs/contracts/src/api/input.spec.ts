import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  compareIds,
  findUnsafeText,
  isSnowflake,
  patchSchema,
  SNOWFLAKE_PATTERN,
  snowflakeSchema,
  unsafeTextReason,
} from './input';

describe('isSnowflake', () => {
  it('accepts decimal ids that fit a BIGINT', () => {
    for (const id of ['0', '1', '122294273094303744', '9223372036854775807']) {
      expect(isSnowflake(id), id).toBe(true);
    }
  });

  it('refuses exponents, signs, overflow, words and other types', () => {
    const bad = ['1e100', '-1', '+1', '9223372036854775808', '99999999999999999999', '', 'abc', ' 1', '1.0'];
    for (const id of bad) expect(isSnowflake(id), id).toBe(false);
    for (const value of [1, 1n, null, undefined, ['1'], { id: '1' }]) expect(isSnowflake(value)).toBe(false);
  });

  it('is the schema for ids in bodies and queries', () => {
    expect(snowflakeSchema.safeParse('42').success).toBe(true);
    const result = snowflakeSchema.safeParse('1e100');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must be a snowflake id');
  });

  it('has a pattern (stated in the OpenAPI documents) that agrees with it around every limit', () => {
    const max = (1n << 63n) - 1n;
    const samples = ['0', '7', '0000000000000000001', '99999999999999999999', '1e100', ''];
    for (let digits = 1; digits <= 20; digits++) {
      samples.push('9'.repeat(digits), `1${'0'.repeat(digits - 1)}`);
    }
    for (let offset = -1000n; offset <= 1000n; offset += 37n) samples.push(String(max + offset));
    for (let position = 0; position < 19; position++) {
      const digits = max.toString().split('');
      digits[position] = String((Number(digits[position]) + 1) % 10);
      samples.push(digits.join(''));
    }
    for (const id of samples) expect(SNOWFLAKE_PATTERN.test(id), id).toBe(isSnowflake(id));
    expect(z.toJSONSchema(snowflakeSchema)).toMatchObject({ pattern: SNOWFLAKE_PATTERN.source });
  });
});

describe('compareIds', () => {
  it('orders ids as their numbers, without BigInt', () => {
    const ids = ['100', '99', '9223372036854775807', '1', '101', '1000000000000000000'];
    const sorted = [...ids].sort(compareIds);
    expect(sorted).toEqual([...ids].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)));
    expect(compareIds('42', '42')).toBe(0);
    expect(compareIds('99', '100')).toBeLessThan(0);
    expect(compareIds('200', '199')).toBeGreaterThan(0);
  });
});

describe('unsafeTextReason', () => {
  it('lets ordinary text through, astral characters (surrogate pairs) included', () => {
    for (const text of ['', 'hello', 'ünïcödé', '🔥 campfire', '\ud83d\udd25', 'tab\tnewline\n']) {
      expect(unsafeTextReason(text), text).toBeNull();
    }
  });

  it('names NUL characters', () => {
    expect(unsafeTextReason('a\u0000b')).toMatch(/NUL/);
  });

  it('names lone surrogates, high or low, anywhere', () => {
    for (const text of ['\ud800', 'a\ud800b', 'a\udc00', '\udc00\ud800', '🔥\ud83d']) {
      expect(unsafeTextReason(text), JSON.stringify(text)).toMatch(/surrogate/);
    }
  });
});

describe('findUnsafeText', () => {
  it('finds every bad string and property name with its path', () => {
    const found = findUnsafeText({
      name: 'fine',
      about: 'a\u0000',
      tags: ['ok', 'b\ud800'],
      nested: { ['k\u0000']: 'v', deep: [{ text: '\udc00' }] },
      count: 3,
      flag: true,
      none: null,
    });
    expect(found.map((entry) => entry.path)).toEqual([
      ['about'],
      ['tags', 1],
      ['nested', 'k\u0000'],
      ['nested', 'deep', 0, 'text'],
    ]);
    expect(found[2]?.message).toMatch(/^property name/);
  });

  it('finds nothing in clean or non-object input', () => {
    expect(findUnsafeText({ a: 'b', c: [1, 'd'] })).toEqual([]);
    expect(findUnsafeText(undefined)).toEqual([]);
    expect(findUnsafeText(12)).toEqual([]);
    expect(findUnsafeText('\u0000')).toEqual([{ path: [], message: expect.stringMatching(/NUL/) }]);
  });
});

describe('patchSchema', () => {
  const schema = patchSchema({ name: z.string().optional(), about: z.string().nullable().optional() });

  it('accepts any one field, null included', () => {
    expect(schema.parse({ name: 'x' })).toEqual({ name: 'x' });
    expect(schema.parse({ about: null })).toEqual({ about: null });
  });

  it('refuses an empty update on the body itself', () => {
    const result = schema.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: [], message: 'give at least one field to change' }),
    ]);
  });

  it('refuses unknown fields', () => {
    expect(schema.safeParse({ nmae: 'x' }).success).toBe(false);
  });

  it('documents the rule in the JSON schema', () => {
    expect(z.toJSONSchema(schema, { io: 'input' })).toMatchObject({ minProperties: 1 });
  });
});
