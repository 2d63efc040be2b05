import { describe, expect, it } from 'vitest';
import { parseRoute, type Route, routePath } from './router';

describe('routes', () => {
  it('round-trips every page through its path', () => {
    const routes: Route[] = [
      { page: 'login' },
      { page: 'register' },
      { page: 'settings' },
      { page: 'admin' },
      { page: 'authorize' },
      { page: 'invite', code: 'abc' },
      { page: 'home', channelId: null },
      { page: 'home', channelId: '42' },
      { page: 'guild', guildId: '1', channelId: null },
      { page: 'guild', guildId: '1', channelId: '2' },
    ];
    for (const route of routes) expect(parseRoute(routePath(route))).toEqual(route);
  });

  it('sends unknown paths home', () => {
    expect(parseRoute('/nothing/here')).toEqual({ page: 'home', channelId: null });
  });
});
