import { BITFIELD_PATTERN, isSnowflake } from '@bonfire/contracts';

/** The authorise link a bot's owner shares: `<origin>/oauth2/authorize?client_id=<id>&permissions=<bits>`. */
export function botInviteLink(origin: string, clientId: string, permissions: bigint): string {
  const query = new URLSearchParams({ client_id: clientId, permissions: permissions.toString() });
  return `${origin}/oauth2/authorize?${query.toString()}`;
}

/** The authorise page's query: the application and the permissions it asks for (0 when absent or invalid). */
export function parseAuthorizeQuery(search: string): { clientId: string | null; permissions: bigint } {
  const query = new URLSearchParams(search);
  const clientId = query.get('client_id');
  let permissions = 0n;
  const raw = query.get('permissions');
  if (raw && BITFIELD_PATTERN.test(raw)) permissions = BigInt(raw);
  return { clientId: clientId && isSnowflake(clientId) ? clientId : null, permissions };
}
