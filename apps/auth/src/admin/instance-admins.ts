import type { UserRow } from '../users/users.repository';

/**
 * Whether a user is an instance admin: marked so (the first registered user), or their email is in
 * BONFIRE_ADMIN_EMAILS and verified (an unverified address proves nothing: anyone may type it). Read from
 * the database on every admin request, so a removal from the list or a suspension takes effect at once.
 */
export function isInstanceAdmin(
  user: Pick<UserRow, 'bot' | 'instanceAdmin' | 'email' | 'emailVerified'>,
  adminEmails: readonly string[] | undefined,
): boolean {
  if (user.bot) return false;
  if (user.instanceAdmin) return true;
  if (!user.email || !user.emailVerified || !adminEmails) return false;
  const email = user.email.toLowerCase();
  return adminEmails.some((listed) => listed.toLowerCase() === email);
}
