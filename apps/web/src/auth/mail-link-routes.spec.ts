import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../app/router';
import { tokenFromLocation } from './MailLinkPages';

describe('mailed-link pages', () => {
  it('routes the links of the mails and the reset request to their pages, and back', () => {
    for (const page of ['verify-email', 'reset-password', 'confirm-email', 'forgot-password'] as const) {
      expect(parseRoute(`/${page}`)).toEqual({ page });
      expect(routePath({ page })).toBe(`/${page}`);
    }
    expect(parseRoute('/verify-email/extra')).toEqual({ page: 'home', channelId: null });
  });

  it('reads the token from the query string', () => {
    expect(tokenFromLocation('?token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromLocation('')).toBe('');
  });
});
