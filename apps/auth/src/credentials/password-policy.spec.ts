import { AppError } from '@bonfire/platform';
import { describe, expect, it } from 'vitest';
import { assertPasswordAcceptable, checkPassword } from './password-policy';

const context = { email: 'Ada@Example.com', username: 'ada_l' };
const codes = (password: string) => checkPassword(password, context).map((problem) => problem.code);

describe('password policy', () => {
  it('accepts 8 to 256 characters', () => {
    expect(codes('correct horse')).toEqual([]);
    expect(codes('a'.repeat(8))).toEqual([]);
    expect(codes('a'.repeat(256))).toEqual([]);
  });

  it('rejects too short and too long passwords', () => {
    expect(codes('a'.repeat(7))).toEqual(['too_short']);
    expect(codes('a'.repeat(257))).toEqual(['too_long']);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(codes('🔥🔥🔥🔥🔥🔥🔥')).toEqual(['too_short']); // 7 emoji = 14 UTF-16 units
    expect(codes('🔥'.repeat(256))).toEqual([]);
  });

  it('rejects the email or the username, ignoring case and surrounding spaces', () => {
    expect(codes('ada@example.COM')).toEqual(['equals_email']);
    expect(codes(' ADA_L_x ')).toEqual([]);
    expect(checkPassword('Ada_L', { email: 'x@y.z', username: 'ada_l' }).map((p) => p.code)).toEqual([
      'too_short',
      'equals_username',
    ]);
    expect(checkPassword('  ADA_LOVELACE  ', { email: 'x@y.z', username: 'ada_lovelace' })[0]).toMatchObject({
      field: 'body.password',
      code: 'equals_username',
    });
  });

  it('throws WEAK_PASSWORD with details', () => {
    try {
      assertPasswordAcceptable('short', context, 'body.newPassword');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).code).toBe('WEAK_PASSWORD');
      expect((error as AppError).details).toEqual([expect.objectContaining({ field: 'body.newPassword' })]);
    }
  });
});
