import { z } from 'zod';
import { TOPICS } from '../topics';
import { defineEvent } from './define-event';

/** A user's public profile, as auth publishes it (user.created, user.updated). */
export const userProfileSchema = z.object({
  id: z.string().min(1),
  username: z.string().min(1),
  displayName: z.string().nullable(),
  avatarFileId: z.string().nullable(),
  about: z.string().nullable(),
  /** An application's bot user (absent in events written before bots existed: false). */
  bot: z.boolean().optional(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type UserProfile = z.infer<typeof userProfileSchema>;
const publicUser = userProfileSchema;

/** Why a session ended; the realtime `session.ended` and the SDK's session-ended reason carry the same. */
export const SESSION_END_REASONS = {
  loggedOut: 'LOGGED_OUT',
  revoked: 'SESSION_REVOKED',
  passwordChanged: 'PASSWORD_CHANGED',
  refreshTokenReused: 'REFRESH_TOKEN_REUSED',
  /** An instance admin suspended the account (auth's admin/). */
  accountSuspended: 'ACCOUNT_SUSPENDED',
  /** The user deleted their account (auth's account-deletion/). */
  accountDeleted: 'ACCOUNT_DELETED',
} as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[keyof typeof SESSION_END_REASONS];

const sessionRevoked = z.object({
  sessionId: z.string().min(1),
  userId: z.string().min(1),
  reason: z.enum(Object.values(SESSION_END_REASONS) as [SessionEndReason, ...SessionEndReason[]]),
  /** When the last access token of the session expires: the gateways deny the session until then. */
  expiresAt: z.iso.datetime({ offset: true }),
});

/**
 * Auth's answer to GET /internal/v1/auth/revoked-sessions: every session revoked recently enough that
 * its last access token may still be valid, each as its `session.revoked` event carried it. A starting
 * gateway loads it before it reports ready (the standalone shape's in-process bus keeps no history).
 */
export const revokedSessionsAnswerSchema = z.object({ sessions: z.array(sessionRevoked) });
export type RevokedSessionsAnswer = z.infer<typeof revokedSessionsAnswerSchema>;
export type RevokedSession = RevokedSessionsAnswer['sessions'][number];

export const authEvents = {
  'user.created': defineEvent({ topic: TOPICS.authUsers, version: 1, schema: publicUser }),
  'user.updated': defineEvent({ topic: TOPICS.authUsers, version: 1, schema: publicUser }),
  /**
   * The account was deleted (its owner confirmed with their password): every service removes or
   * anonymises what it holds of the user. Written once, in the transaction that tombstones the user.
   */
  'user.deleted': defineEvent({
    topic: TOPICS.authUsers,
    version: 1,
    schema: z.object({ userId: z.string().min(1), deletedAt: z.iso.datetime({ offset: true }) }),
  }),
  /** A session was ended (logout, revoke, password change, refresh-token reuse): its access tokens stop now. */
  'session.revoked': defineEvent({ topic: TOPICS.authSessions, version: 1, schema: sessionRevoked }),
};
