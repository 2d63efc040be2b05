import { describe, expect, it } from 'vitest';
import { INTERNAL_ROUTES, internalPath } from './internal-routes';

describe('internalPath', () => {
  it('joins the controller and the route, a route of its own or none', () => {
    expect(internalPath('realtime', 'state')).toBe('/internal/v1/realtime/state');
    expect(internalPath('exports', 'create')).toBe('/internal/v1/exports');
    expect(internalPath('users', 'ownAccount')).toBe('/internal/v1/users/@me/account');
  });

  it('puts each parameter in its place, URL-encoded', () => {
    expect(internalPath('realtime', 'visibleChannels', { guildId: '42' })).toBe(
      '/internal/v1/realtime/guilds/42/visible-channels',
    );
    expect(internalPath('guilds', 'permissions', { guildId: '7' })).toBe('/internal/v1/guilds/7/permissions');
    expect(internalPath('presence', 'gateway', { gatewayId: 'gw 1/a' })).toBe(
      '/internal/v1/presence/gateways/gw%201%2Fa',
    );
  });

  it('refuses a missing parameter rather than sending `:param` on the wire', () => {
    const call = internalPath as (group: string, name: string, params?: object) => string;
    expect(() => call('voice', 'channelAccess', {})).toThrow(/no channelId/);
  });

  it('every route sits under its group’s versioned internal controller', () => {
    for (const [group, routes] of Object.entries(INTERNAL_ROUTES)) {
      expect(routes.controller, group).toMatch(/^internal\/v1\/[a-z-]+$/);
      for (const [name, route] of Object.entries(routes)) {
        if (name !== 'controller') expect(route, `${group}.${name}`).not.toMatch(/^\/|\/$/);
      }
    }
  });
});
