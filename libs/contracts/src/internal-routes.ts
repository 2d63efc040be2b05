/**
 * The internal HTTP routes the services call on each other. They are not in the gateway's routing table, so
 * no client reaches them; each still requires the identity header its caller signs. Each route is written
 * here once: the serving controller is mounted at its group's `controller` and its handler at the route
 * (Nest's syntax, `:param`), and the caller builds the path with internalPath(). The lint rule
 * `internal-route-from-contracts` keeps `internal/v1/…` literals out of the apps.
 */
export const INTERNAL_ROUTES = {
  /** auth */
  auth: { controller: 'internal/v1/auth', revokedSessions: 'revoked-sessions' },
  /** auth: a bot's token checked by the gateway (api/bots.dto.ts). */
  botTokens: { controller: 'internal/v1/bot-tokens', verify: 'verify' },
  /** auth: the account part of a data export. */
  users: { controller: 'internal/v1/users', ownAccount: '@me/account' },
  /** presence: what each gateway reports. */
  presence: {
    controller: 'internal/v1/presence',
    report: 'gateways/:gatewayId/report',
    heartbeat: 'gateways/:gatewayId/heartbeat',
    gateway: 'gateways/:gatewayId',
    ready: 'ready',
  },
  /** chat, for the gateway's realtime edge (and the permission checks of file and search). */
  realtime: {
    controller: 'internal/v1/realtime',
    state: 'state',
    visibleChannels: 'guilds/:guildId/visible-channels',
    channelPermissions: 'channels/:channelId/permissions',
  },
  /** chat, for search. */
  search: {
    controller: 'internal/v1/search',
    readableChannels: 'guilds/:guildId/readable-channels',
    users: 'users',
  },
  /** chat, for voice. */
  voice: { controller: 'internal/v1/voice', channelAccess: 'channels/:channelId/access' },
  /** chat, for file: a guild-level permission check. */
  guilds: { controller: 'internal/v1/guilds', permissions: ':guildId/permissions' },
  /** file, for chat: attachments and emoji claimed by a message or an emoji. */
  attachments: { controller: 'internal/v1/attachments', claim: 'claim' },
  emojis: { controller: 'internal/v1/emojis', claim: 'claim' },
  /** file, for chat's data exports. */
  exports: {
    controller: 'internal/v1/exports',
    create: '',
    complete: ':fileId/complete',
    fileLinks: 'file-links',
  },
  /** file, for chat's link embeds. */
  remoteImages: { controller: 'internal/v1/remote-images', fetch: '' },
} as const;

type Routes = typeof INTERNAL_ROUTES;
export type InternalRouteGroup = keyof Routes;
export type InternalRouteName<G extends InternalRouteGroup> = Exclude<keyof Routes[G], 'controller'>;

/** The `:param` names of a route. */
type ParamsOf<R> = R extends `${string}:${infer Param}/${infer Rest}`
  ? Param | ParamsOf<Rest>
  : R extends `${string}:${infer Param}`
    ? Param
    : never;
type RouteParams<G extends InternalRouteGroup, N extends InternalRouteName<G>> =
  ParamsOf<Routes[G][N]> extends never ? [] : [params: Record<ParamsOf<Routes[G][N]>, string>];

/** The path of an internal route, each parameter URL-encoded: `internalPath('realtime', 'state')`. */
export function internalPath<G extends InternalRouteGroup, N extends InternalRouteName<G>>(
  group: G,
  name: N,
  ...[params]: RouteParams<G, N>
): string {
  const routes = INTERNAL_ROUTES[group] as Record<string, string>;
  const route = routes[name as string]!.replace(/:(\w+)/g, (_, param: string) => {
    const value = (params as Record<string, string> | undefined)?.[param];
    if (value === undefined) throw new Error(`internalPath(${group}.${String(name)}): no ${param}`);
    return encodeURIComponent(value);
  });
  return `/${routes.controller}${route === '' ? '' : `/${route}`}`;
}
