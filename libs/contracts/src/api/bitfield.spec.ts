import { describe, expect, it } from 'vitest';
import { BITFIELD_PATTERN, bitfieldSchema } from './input';

describe('bitfieldSchema', () => {
  it('refuses a non-number with a validation issue instead of throwing (a 500 before)', () => {
    for (const value of ['52097*', '1e3', '-1', '', ' 1', '0x10']) {
      const result = bitfieldSchema.safeParse(value);
      expect(result.success, value).toBe(false);
      expect(result.error?.issues[0]?.message, value).toMatch(/bitfield/);
    }
  });

  it('accepts exactly 0 to 2^64-1, the rule its pattern states in the OpenAPI documents', () => {
    const max = (1n << 64n) - 1n;
    const samples = ['0', '00000000000000000000', '000000000000000000000', '99999999999999999999'];
    for (let offset = -1000n; offset <= 1000n; offset += 41n) samples.push(String(max + offset));
    for (let position = 0; position < 20; position++) {
      const digits = max.toString().split('');
      digits[position] = String((Number(digits[position]) + 1) % 10);
      samples.push(digits.join(''));
    }
    for (const value of samples) {
      const fits =
        value.length >= 1 &&
        value.length <= 20 &&
        [...value].every((digit) => digit >= '0' && digit <= '9') &&
        BigInt(value) <= max;
      expect(bitfieldSchema.safeParse(value).success, value).toBe(fits);
      expect(BITFIELD_PATTERN.test(value), value).toBe(fits);
    }
  });
});
