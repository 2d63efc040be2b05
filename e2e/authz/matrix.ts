import type { PermissionName } from '@bonfire/contracts';
import type { Policy } from './policy';
import type { Secrets, World } from './world';

/**
 * The callers of the matrix: no token; a signed-in stranger (no member of anything of the fixture's); a
 * member without the needed permission (@everyone has only VIEW_CHANNEL); a member granted it by a role
 * (`mod`: everything but ADMINISTRATOR); the guild's owner.
 */
export const ROLES = ['anonymous', 'stranger', 'member', 'granted', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Where a channel-scoped operation is aimed: `base` (the public text channel, or the resource the exercise
 * names), `private` (the private text channel: `member` cannot see it), `dm` (the group DM of owner,
 * granted and member: all three are recipients, DM permissions have no roles).
 */
export type Variant = 'base' | 'private' | 'dm';

/** ok: 2xx (or 302 for downloads); the others: 401, 404, 403; a number: exactly that status. */
export type Outcome = 'ok' | 'unauthenticated' | 'hidden' | 'forbidden' | number;

export function expectedOutcome(policy: Policy, role: Role, variant: Variant): Outcome {
  if (policy.kind === 'secret') return 'ok';
  if (role === 'anonymous') return policy.kind === 'public' ? 'ok' : 'unauthenticated';
  if (policy.kind === 'public' || policy.kind === 'signedIn') return 'ok';
  if (policy.kind === 'admin') return role === 'owner' ? 'ok' : 'forbidden';
  if (role === 'stranger') return 'hidden';
  if (variant === 'dm') return dmOutcome(policy, role);
  if (variant === 'private' && role === 'member') return 'hidden';
  switch (policy.kind) {
    case 'member': {
      const exception = role === 'owner' ? policy.except?.owner : undefined;
      return exception ? exception.status : 'ok';
    }
    case 'permission':
      return role === 'member' ? (policy.lacking ?? 'forbidden') : 'ok';
    case 'owner':
      return role === 'owner' ? 'ok' : 'forbidden';
    case 'holder':
      return role === 'owner' ? 'ok' : policy.others;
  }
}

/** What DM recipients may do (chat's DM_PERMISSIONS: there are no roles or overwrites in DMs). */
const DM_PERMISSIONS: readonly PermissionName[] = [
  'VIEW_CHANNEL',
  'SEND_MESSAGES',
  'READ_MESSAGE_HISTORY',
  'ADD_REACTIONS',
  'ATTACH_FILES',
  'EMBED_LINKS',
  'CONNECT',
  'SPEAK',
];

/**
 * In the group DM (owner, granted and member are recipients) every recipient has the DM permissions; what
 * they do not cover is its owner's (or the holder's: the owner made the fixture's messages) alone.
 */
function dmOutcome(policy: Policy, role: Role): Outcome {
  const everyone =
    policy.kind === 'member' ||
    (policy.kind === 'permission' &&
      (policy.dm === 'recipients' || policy.permissions.every((name) => DM_PERMISSIONS.includes(name))));
  return everyone || role === 'owner' ? 'ok' : 'forbidden';
}

export function statusMatches(outcome: Outcome, status: number): boolean {
  switch (outcome) {
    case 'ok':
      return status >= 200 && status < 400;
    case 'unauthenticated':
      return status === 401;
    case 'hidden':
      return status === 404;
    case 'forbidden':
      return status === 403;
    default:
      return status === outcome;
  }
}

/** What a caller must never find in any answer (unless it sent it, or the route shows it on purpose). */
export function secretsFor(world: World, role: Role): Secrets {
  switch (role) {
    case 'anonymous':
    case 'stranger':
      return {
        ...world.secrets.guild,
        ...world.secrets.private,
        ...world.secrets.dm,
        ...world.secrets.personal,
      };
    case 'member':
      return { ...world.secrets.private, ...world.secrets.personal };
    case 'granted':
      return world.secrets.personal;
    case 'owner':
      return {};
  }
}

/** What `reveals` lets through: an invite's preview shows its guild's id, name and description. */
export function revealed(world: World, policy: Policy): string[] {
  const reveals = policy.kind === 'public' || policy.kind === 'signedIn' ? (policy.reveals ?? []) : [];
  return reveals.includes('guild') ? [world.guild.id, world.guild.name, world.guild.description ?? ''] : [];
}

/** A refusal says why and nothing else: exactly the common error body. */
export function refusalShapeProblem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return 'not a JSON object';
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== 'error') return `top-level keys ${JSON.stringify(keys)}`;
  const error = (body as { error: Record<string, unknown> }).error;
  const extra = Object.keys(error).filter((key) => !['code', 'message', 'details'].includes(key));
  if (typeof error['code'] !== 'string' || typeof error['message'] !== 'string') return 'no code or message';
  if (extra.length > 0) return `error keys ${JSON.stringify(extra)}`;
  const details = error['details'];
  if (details === undefined) return null;
  if (!Array.isArray(details)) return 'details is not a list';
  for (const detail of details as Record<string, unknown>[]) {
    const unknown = Object.keys(detail).filter((key) => !['field', 'code', 'message'].includes(key));
    if (unknown.length > 0) return `detail keys ${JSON.stringify(unknown)}`;
  }
  return null;
}
