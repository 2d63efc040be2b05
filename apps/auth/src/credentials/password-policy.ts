import { ERROR } from '@bonfire/contracts';
import { AppError } from '@bonfire/platform';
import type { ErrorDetail } from '@bonfire/contracts';

const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

interface PasswordContext {
  email: string;
  username: string;
}

/**
 * The password policy (NIST 800-63B style: length, not composition rules): 8–256 characters, counted
 * as Unicode code points, and not equal — ignoring case and surrounding spaces — to the account's email
 * or username. Returns one detail per broken rule; empty means acceptable.
 */
export function checkPassword(
  password: string,
  context: PasswordContext,
  field = 'body.password',
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push({
      field,
      code: 'too_short',
      message: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`,
    });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push({
      field,
      code: 'too_long',
      message: `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`,
    });
  }
  const normalized = password.trim().toLowerCase();
  if (normalized === context.email.trim().toLowerCase()) {
    problems.push({ field, code: 'equals_email', message: 'The password must not be your email address.' });
  }
  if (normalized === context.username.trim().toLowerCase()) {
    problems.push({ field, code: 'equals_username', message: 'The password must not be your username.' });
  }
  return problems;
}

/** Throws 400 WEAK_PASSWORD with per-field details when the password breaks the policy. */
export function assertPasswordAcceptable(password: string, context: PasswordContext, field?: string): void {
  const problems = checkPassword(password, context, field);
  if (problems.length > 0) {
    throw new AppError(ERROR.WEAK_PASSWORD, 'The password does not meet the password policy.', {
      details: problems,
    });
  }
}
