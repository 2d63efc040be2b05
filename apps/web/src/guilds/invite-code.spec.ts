import { describe, expect, it } from 'vitest';
import { inviteCodeFrom } from './invite-code';

describe('invite codes', () => {
  it('takes the code from a link or the code itself', () => {
    expect(inviteCodeFrom(' http://localhost:8080/invite/hTKzmak ')).toBe('hTKzmak');
    expect(inviteCodeFrom('https://chat.example/invite/abc123?utm=x')).toBe('abc123');
    expect(inviteCodeFrom('abc123')).toBe('abc123');
  });
});
