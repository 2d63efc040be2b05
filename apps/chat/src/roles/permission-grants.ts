import { ERROR, type PermissionName, permissionNames } from '@bonfire/contracts';
import { AppError } from '@bonfire/platform';

/**
 * Discord's grant rule: a member may only put into a role or a channel overwrite the permissions they
 * hold themselves (where they act: guild-wide for roles, in the channel for overwrites). The owner and
 * administrators hold every permission, so they may grant anything.
 */
export function ungrantablePermissions(actorPermissions: bigint, requested: bigint): PermissionName[] {
  return permissionNames(requested & ~actorPermissions);
}

export function assertCanGrant(actorPermissions: bigint, requested: bigint): void {
  const missing = ungrantablePermissions(actorPermissions, requested);
  if (missing.length === 0) return;
  throw new AppError(
    ERROR.CANNOT_GRANT_PERMISSIONS,
    `You cannot grant permissions you do not have: ${missing.join(', ')}.`,
    { details: missing.map((name) => ({ code: name, message: `you do not have ${name}` })) },
  );
}
