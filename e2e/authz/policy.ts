import type { PermissionName } from '@bonfire/contracts';

/**
 * Who may call each operation of the public API (apps/gateway/openapi.json), one line per operation. The
 * authorisation matrix (authz.int-spec.ts) derives every cell's expected answer from this table and FAILS
 * when the OpenAPI document has an operation the table does not name: a new route must declare its policy.
 *
 * Kinds (the matrix's callers: anonymous, stranger, member without the permission, member granted it by a
 * role, guild owner):
 * - public     no token needed; everyone gets the answer.
 * - signedIn   any signed-in user, acting on their own things (profile, sessions, DMs, voice state).
 * - member     a member of the guild, or someone who can see the channel; nothing more.
 * - permission a member holding these permissions (in the guild, or in the channel for channel routes).
 *              Lacking them is 403 naming them, or 404 where the route hides what the caller cannot use.
 * - owner      the guild's owner (or, for group DM routes, the group's owner) only.
 * - holder     only who made the thing (a session, an upload, a message's author; the owner in the fixture).
 * - admin      instance admins only (the fixture's owner registers first, so is the instance admin): any
 *              other signed-in caller is refused 403 INSTANCE_ADMIN_REQUIRED.
 * - secret     no token; the credential is a secret in the path (a webhook's token): whoever holds it gets
 *              the answer, whatever their account (the matrix calls it with the real secret; a wrong or
 *              revoked one is e2e/chat/webhooks.int-spec.ts's).
 * Anyone who cannot see the guild or channel gets 404 (existence is not leaked); no token on a route that
 * needs one is 401. `except` states a deliberate exception for one caller, with the reason.
 * `reveals` names what a route shows on purpose to callers who are not members (an invite's preview).
 */
export type Policy =
  | { kind: 'public'; reveals?: Reveal[] }
  | { kind: 'signedIn'; reveals?: Reveal[] }
  | { kind: 'member'; except?: Exceptions }
  | {
      kind: 'permission';
      permissions: PermissionName[];
      lacking?: 'forbidden' | 'hidden';
      /** Who else may, whatever their permissions (documentation: the fixture's owner made everything). */
      orHolder?: string;
      /** In a DM (no roles): `recipients` = any recipient may (default: only when DM permissions cover it). */
      dm?: 'recipients';
    }
  | { kind: 'owner'; of?: 'guild' | 'group DM' }
  | { kind: 'holder'; of: string; others: 'forbidden' | 'hidden' }
  | { kind: 'secret'; credential: string }
  | { kind: 'admin' };

export type Reveal = 'guild';
export type Exceptions = Partial<Record<'owner', { status: number; why: string }>>;

const publicRoute = (...reveals: Reveal[]): Policy => ({ kind: 'public', reveals });
const signedIn = (...reveals: Reveal[]): Policy => ({ kind: 'signedIn', reveals });
const member = (except?: Exceptions): Policy => ({ kind: 'member', except });
const needs = (...permissions: PermissionName[]): Policy => ({ kind: 'permission', permissions });
const hiddenWithout = (...permissions: PermissionName[]): Policy => ({
  kind: 'permission',
  permissions,
  lacking: 'hidden',
});
const needsOrHolder = (orHolder: string, ...permissions: PermissionName[]): Policy => ({
  kind: 'permission',
  permissions,
  orHolder,
});
/** Pins: MANAGE_MESSAGES in a guild channel; in a DM any recipient may pin. */
const pinning: Policy = { kind: 'permission', permissions: ['MANAGE_MESSAGES'], dm: 'recipients' };
const owner = (of: 'guild' | 'group DM' = 'guild'): Policy => ({ kind: 'owner', of });
const holder = (of: string, others: 'forbidden' | 'hidden'): Policy => ({ kind: 'holder', of, others });
const instanceAdmin: Policy = { kind: 'admin' };

/** Operation (`METHOD /path` as in the OpenAPI document) → policy. */
export const POLICY: Record<string, Policy> = {
  // auth
  'GET /.well-known/jwks.json': publicRoute(),
  // instance administration (auth's admin/)
  'GET /api/v1/instance': publicRoute(),
  'GET /api/v1/admin/users': instanceAdmin,
  'POST /api/v1/admin/users/{id}/suspend': instanceAdmin,
  'POST /api/v1/admin/users/{id}/unsuspend': instanceAdmin,
  'POST /api/v1/admin/users/{id}/reset-two-factor': instanceAdmin,
  'GET /api/v1/admin/stats': instanceAdmin,
  'GET /api/v1/admin/settings': instanceAdmin,
  'PATCH /api/v1/admin/settings': instanceAdmin,
  'GET /api/v1/admin/invites': instanceAdmin,
  'POST /api/v1/admin/invites': instanceAdmin,
  'DELETE /api/v1/admin/invites/{code}': instanceAdmin,
  'POST /api/v1/auth/register': publicRoute(),
  'POST /api/v1/auth/login': publicRoute(),
  'POST /api/v1/auth/refresh': publicRoute(),
  'POST /api/v1/auth/verify-email': { kind: 'secret', credential: 'the token mailed to the address' },
  'POST /api/v1/auth/verify-email/resend': publicRoute(),
  'POST /api/v1/auth/password-reset': publicRoute(),
  'POST /api/v1/auth/password-reset/confirm': { kind: 'secret', credential: 'the token of the reset mail' },
  'POST /api/v1/auth/email-change/confirm': {
    kind: 'secret',
    credential: 'the token mailed to the new address',
  },
  'POST /api/v1/auth/logout': signedIn(),
  'POST /api/v1/auth/password': signedIn(),
  'GET /api/v1/auth/sessions': signedIn(),
  'DELETE /api/v1/auth/sessions/{id}': holder('session', 'hidden'),
  'GET /api/v1/users/@me': signedIn(),
  'PATCH /api/v1/users/@me': signedIn(),
  'PATCH /api/v1/users/@me/email': signedIn(),
  'GET /api/v1/users/{id}': signedIn(),
  // two-factor: the caller's own settings; the login's code step holds a ticket from the password step
  'GET /api/v1/users/@me/mfa': signedIn(),
  'POST /api/v1/users/@me/mfa/totp': signedIn(),
  'POST /api/v1/users/@me/mfa/totp/confirm': signedIn(),
  'POST /api/v1/users/@me/mfa/recovery-codes': signedIn(),
  'DELETE /api/v1/users/@me/mfa/totp': signedIn(),
  // Only one's own account (@me): no route names another user's.
  'POST /api/v1/users/@me/delete': signedIn(),
  // data export: the caller's own exports (the archive's download is the file route's, owner only)
  'POST /api/v1/users/@me/data-exports': signedIn(),
  'GET /api/v1/users/@me/data-exports': signedIn(),
  'POST /api/v1/auth/login/mfa': { kind: 'secret', credential: 'the ticket the password step answered' },

  // applications and their bots (the owner's alone; a bot itself is refused BOT_FORBIDDEN at the gateway)
  'POST /api/v1/applications': signedIn(),
  'GET /api/v1/applications': signedIn(),
  'GET /api/v1/applications/{id}': holder('application', 'hidden'),
  'PATCH /api/v1/applications/{id}': holder('application', 'hidden'),
  'DELETE /api/v1/applications/{id}': holder('application', 'hidden'),
  'POST /api/v1/applications/{id}/bot/reset-token': holder('application', 'hidden'),
  // the authorise link: adding a bot to a guild (the GET names the guild too)
  'GET /api/v1/oauth2/authorize': needs('MANAGE_GUILD'),
  'POST /api/v1/oauth2/authorize': needs('MANAGE_GUILD'),

  // guilds
  'POST /api/v1/guilds': signedIn(),
  'GET /api/v1/users/@me/guilds': signedIn(),
  'GET /api/v1/guilds/{guildId}': member(),
  'PATCH /api/v1/guilds/{guildId}': needs('MANAGE_GUILD'),
  'DELETE /api/v1/guilds/{guildId}': owner(),
  'POST /api/v1/guilds/{guildId}/owner': owner(),
  'DELETE /api/v1/users/@me/guilds/{guildId}': member({
    owner: { status: 400, why: 'OWNER_CANNOT_LEAVE: the owner transfers ownership or deletes the guild' },
  }),

  // members and bans
  'GET /api/v1/guilds/{guildId}/members': member(),
  'GET /api/v1/guilds/{guildId}/members/{userId}': member(),
  'PATCH /api/v1/guilds/{guildId}/members/{userId}': needs('MANAGE_NICKNAMES'),
  'PATCH /api/v1/guilds/{guildId}/members/@me': needs('CHANGE_NICKNAME'),
  'DELETE /api/v1/guilds/{guildId}/members/{userId}': needs('KICK_MEMBERS'),
  'GET /api/v1/guilds/{guildId}/bans': needs('BAN_MEMBERS'),
  'PUT /api/v1/guilds/{guildId}/bans/{userId}': needs('BAN_MEMBERS'),
  'DELETE /api/v1/guilds/{guildId}/bans/{userId}': needs('BAN_MEMBERS'),

  // moderation audit log
  'GET /api/v1/guilds/{guildId}/audit-log': needs('VIEW_AUDIT_LOG'),

  // roles
  'GET /api/v1/guilds/{guildId}/roles': member(),
  'POST /api/v1/guilds/{guildId}/roles': needs('MANAGE_ROLES'),
  'PATCH /api/v1/guilds/{guildId}/roles': needs('MANAGE_ROLES'),
  'PATCH /api/v1/guilds/{guildId}/roles/{roleId}': needs('MANAGE_ROLES'),
  'DELETE /api/v1/guilds/{guildId}/roles/{roleId}': needs('MANAGE_ROLES'),

  // channels
  'GET /api/v1/guilds/{guildId}/channels': member(),
  'POST /api/v1/guilds/{guildId}/channels': needs('MANAGE_CHANNELS'),
  'PATCH /api/v1/guilds/{guildId}/channels': needs('MANAGE_CHANNELS'),
  'GET /api/v1/channels/{channelId}': member(),
  // In a group DM any recipient may rename it (as in Discord).
  'PATCH /api/v1/channels/{channelId}': {
    kind: 'permission',
    permissions: ['MANAGE_CHANNELS'],
    dm: 'recipients',
  },
  'DELETE /api/v1/channels/{channelId}': needs('MANAGE_CHANNELS'),
  'PUT /api/v1/channels/{channelId}/permissions/{overwriteId}': needs('MANAGE_ROLES'),
  'DELETE /api/v1/channels/{channelId}/permissions/{overwriteId}': needs('MANAGE_ROLES'),

  // invites
  'POST /api/v1/guilds/{guildId}/invites': needs('CREATE_INVITE'),
  'GET /api/v1/guilds/{guildId}/invites': needs('MANAGE_GUILD'),
  'GET /api/v1/invites/{code}': publicRoute('guild'),
  'POST /api/v1/invites/{code}': signedIn('guild'),
  'DELETE /api/v1/invites/{code}': needsOrHolder('the invite’s creator', 'MANAGE_GUILD'),

  // messages, pins, reactions, read states
  'GET /api/v1/channels/{channelId}/messages': needs('READ_MESSAGE_HISTORY'),
  'POST /api/v1/channels/{channelId}/messages': needs('SEND_MESSAGES'),
  'GET /api/v1/channels/{channelId}/messages/{messageId}': needs('READ_MESSAGE_HISTORY'),
  'PATCH /api/v1/channels/{channelId}/messages/{messageId}': holder('message (its author)', 'forbidden'),
  'DELETE /api/v1/channels/{channelId}/messages/{messageId}': needsOrHolder(
    'the message’s author',
    'MANAGE_MESSAGES',
  ),
  'GET /api/v1/channels/{channelId}/pins': needs('READ_MESSAGE_HISTORY'),
  'PUT /api/v1/channels/{channelId}/pins/{messageId}': pinning,
  'DELETE /api/v1/channels/{channelId}/pins/{messageId}': pinning,
  'GET /api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}': needs('READ_MESSAGE_HISTORY'),
  'PUT /api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}/@me': needs(
    'READ_MESSAGE_HISTORY',
    'ADD_REACTIONS',
  ),
  'DELETE /api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}/@me': member(),
  'POST /api/v1/channels/{channelId}/messages/{messageId}/ack': member(),
  'GET /api/v1/users/@me/read-states': signedIn(),

  // notification settings (my own, in guilds and channels I can see) and Web Push subscriptions
  'GET /api/v1/users/@me/guilds/{guildId}/notification-settings': member(),
  'PATCH /api/v1/users/@me/guilds/{guildId}/notification-settings': member(),
  'GET /api/v1/users/@me/channels/{channelId}/notification-settings': member(),
  'PUT /api/v1/users/@me/channels/{channelId}/notification-settings': member(),
  'DELETE /api/v1/users/@me/channels/{channelId}/notification-settings': member(),
  'GET /api/v1/push/vapid-public-key': signedIn(),
  'GET /api/v1/users/@me/push-subscriptions': signedIn(),
  'POST /api/v1/users/@me/push-subscriptions': signedIn(),
  'DELETE /api/v1/users/@me/push-subscriptions': signedIn(),

  // relationships (friends, blocks, requests) and privacy settings: my own, towards any user
  'GET /api/v1/users/@me/relationships': signedIn(),
  'POST /api/v1/users/@me/relationships': signedIn(),
  'PUT /api/v1/users/@me/relationships/{userId}': signedIn(),
  'DELETE /api/v1/users/@me/relationships/{userId}': signedIn(),
  'GET /api/v1/users/@me/privacy': signedIn(),
  'PATCH /api/v1/users/@me/privacy': signedIn(),

  // threads (of guild text channels; PATCH/DELETE of a thread are the channel routes'). A thread is seen by
  // whoever sees its parent and may read its history: `member` (VIEW_CHANNEL only) does not see one.
  'POST /api/v1/channels/{channelId}/messages/{messageId}/threads': needs(
    'READ_MESSAGE_HISTORY',
    'CREATE_PUBLIC_THREADS',
  ),
  'POST /api/v1/channels/{channelId}/threads': needs('READ_MESSAGE_HISTORY', 'CREATE_PUBLIC_THREADS'),
  'GET /api/v1/channels/{channelId}/threads/active': needs('READ_MESSAGE_HISTORY'),
  'GET /api/v1/channels/{channelId}/threads/archived': needs('READ_MESSAGE_HISTORY'),
  'GET /api/v1/channels/{channelId}/thread-members': hiddenWithout('READ_MESSAGE_HISTORY'),
  'PUT /api/v1/channels/{channelId}/thread-members/@me': hiddenWithout('READ_MESSAGE_HISTORY'),
  'DELETE /api/v1/channels/{channelId}/thread-members/@me': hiddenWithout('READ_MESSAGE_HISTORY'),
  'PUT /api/v1/channels/{channelId}/thread-members/{userId}': hiddenWithout(
    'READ_MESSAGE_HISTORY',
    'SEND_MESSAGES_IN_THREADS',
  ),
  'DELETE /api/v1/channels/{channelId}/thread-members/{userId}': hiddenWithout(
    'READ_MESSAGE_HISTORY',
    'MANAGE_THREADS',
  ),

  // custom emoji (members see them; MANAGE_EMOJIS writes)
  'GET /api/v1/guilds/{guildId}/emojis': member(),
  'POST /api/v1/guilds/{guildId}/emojis': needs('MANAGE_EMOJIS'),
  'GET /api/v1/guilds/{guildId}/emojis/{emojiId}': member(),
  'PATCH /api/v1/guilds/{guildId}/emojis/{emojiId}': needs('MANAGE_EMOJIS'),
  'DELETE /api/v1/guilds/{guildId}/emojis/{emojiId}': needs('MANAGE_EMOJIS'),

  // incoming webhooks (guild text channels only)
  'POST /api/v1/channels/{channelId}/webhooks': needs('MANAGE_WEBHOOKS'),
  'GET /api/v1/channels/{channelId}/webhooks': needs('MANAGE_WEBHOOKS'),
  'GET /api/v1/guilds/{guildId}/webhooks': needs('MANAGE_WEBHOOKS'),
  'GET /api/v1/webhooks/{webhookId}': needs('MANAGE_WEBHOOKS'),
  'PATCH /api/v1/webhooks/{webhookId}': needs('MANAGE_WEBHOOKS'),
  'DELETE /api/v1/webhooks/{webhookId}': needs('MANAGE_WEBHOOKS'),
  'POST /api/v1/webhooks/{webhookId}/{token}': { kind: 'secret', credential: 'the webhook’s token' },

  // DMs
  'GET /api/v1/users/@me/channels': signedIn(),
  'POST /api/v1/users/@me/channels': signedIn(),
  'PUT /api/v1/channels/{channelId}/recipients/{userId}': owner('group DM'),
  'DELETE /api/v1/channels/{channelId}/recipients/{userId}': owner('group DM'),

  // search
  'GET /api/v1/guilds/{guildId}/messages/search': member(),
  'GET /api/v1/channels/{channelId}/messages/search': needs('READ_MESSAGE_HISTORY'),

  // presence
  'GET /api/v1/presences': signedIn(),
  'GET /api/v1/presences/guilds/{guildId}': member(),
  'PATCH /api/v1/users/@me/presence': signedIn(),

  // files
  'POST /api/v1/channels/{channelId}/attachments': needs('SEND_MESSAGES', 'ATTACH_FILES'),
  'POST /api/v1/users/@me/avatar': signedIn(),
  'POST /api/v1/guilds/{guildId}/icon': needs('MANAGE_GUILD'),
  'POST /api/v1/guilds/{guildId}/emoji-uploads': needs('MANAGE_EMOJIS'),
  'POST /api/v1/attachments/{fileId}/complete': holder('upload (its uploader)', 'hidden'),
  'GET /api/v1/attachments/{fileId}': hiddenWithout('READ_MESSAGE_HISTORY'),
  'GET /api/v1/files/{fileId}': publicRoute(),

  // voice
  'GET /api/v1/voice/status': signedIn(),
  'POST /api/v1/channels/{channelId}/voice': needs('CONNECT'),
  'GET /api/v1/channels/{channelId}/voice-states': member(),
  'GET /api/v1/guilds/{guildId}/voice-states': member(),
  'PATCH /api/v1/users/@me/voice-state': signedIn(),
  'DELETE /api/v1/users/@me/voice-state': signedIn(),
  'PATCH /api/v1/guilds/{guildId}/voice-states/{userId}': needs('MUTE_MEMBERS'),
  'DELETE /api/v1/guilds/{guildId}/voice-states/{userId}': needs('MOVE_MEMBERS'),
};
