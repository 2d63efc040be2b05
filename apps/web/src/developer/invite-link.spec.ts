import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@bonfire/contracts';
import { botInviteLink, parseAuthorizeQuery } from './invite-link';

describe('bot invite links', () => {
  it('builds the authorise link with the permission bits in decimal', () => {
    const bits = PERMISSIONS.SEND_MESSAGES | PERMISSIONS.VIEW_CHANNEL;
    const link = botInviteLink('https://bonfire.test', '42', bits);
    expect(link).toBe(`https://bonfire.test/oauth2/authorize?client_id=42&permissions=${bits.toString()}`);
    expect(parseAuthorizeQuery(new URL(link).search)).toEqual({ clientId: '42', permissions: bits });
  });

  it('reads a missing or malformed query as no application and no permissions', () => {
    expect(parseAuthorizeQuery('')).toEqual({ clientId: null, permissions: 0n });
    expect(parseAuthorizeQuery('?client_id=abc&permissions=-1')).toEqual({ clientId: null, permissions: 0n });
  });
});
