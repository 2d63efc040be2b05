import { describe, expect, it } from 'vitest';
import { SnowflakeGenerator, snowflakeFromTime, snowflakeTime } from './snowflake';

describe('SnowflakeGenerator', () => {
  it('makes unique, increasing ids even within one millisecond', () => {
    const generator = new SnowflakeGenerator(7, () => Date.UTC(2026, 5, 1));
    const ids = Array.from({ length: 5000 }, () => generator.next());
    expect(new Set(ids).size).toBe(5000);
    const sorted = [...ids].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    expect(sorted).toEqual(ids);
  });

  it('encodes its time and survives a clock going backwards', () => {
    let now = Date.UTC(2026, 10, 23, 12);
    const generator = new SnowflakeGenerator(1, () => now);
    const first = generator.next();
    expect(snowflakeTime(first)).toBe(now);
    now -= 10_000;
    expect(BigInt(generator.next())).toBeGreaterThan(BigInt(first));
  });

  it('turns a time into a lower bound id', () => {
    const t = Date.UTC(2026, 3, 1);
    const generator = new SnowflakeGenerator(3, () => t);
    expect(BigInt(generator.next())).toBeGreaterThanOrEqual(BigInt(snowflakeFromTime(t)));
    expect(BigInt(snowflakeFromTime(t + 1))).toBeGreaterThan(BigInt(generator.next()));
  });

  it('refuses an out-of-range worker id', () => {
    expect(() => new SnowflakeGenerator(1024)).toThrow(RangeError);
  });
});
