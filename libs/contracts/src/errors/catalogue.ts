/**
 * Every machine-readable error code Bonfire answers, once: its HTTP status and what it means to a client.
 * A service throws `new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.')` (@bonfire/platform) and the status
 * comes from here, so a code and its status cannot disagree. A few codes answer another status in one
 * documented case (`also`); the status is then given at the throw (`{ status: 401 }`) and checked against it.
 * Codes with `status: null` travel only over sockets (realtime and voice signaling acknowledgements).
 * Add a code here (in its domain) before throwing it; lint refuses string-literal codes elsewhere.
 */
export interface ErrorCatalogueEntry {
  /** The HTTP status the code is answered with; null for socket-only codes. */
  readonly status: number | null;
  /** What the code means to a client, in one line. */
  readonly description: string;
  /** Other statuses the code is answered with, each with the case it covers. */
  readonly also?: Readonly<Record<number, string>>;
}

export const ERROR_CATALOGUE = {
  // ── Common: any route of any service ─────────────────────────────────────────────────────────────
  VALIDATION_FAILED: {
    status: 400,
    description: 'The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).',
  },
  MALFORMED_JSON: { status: 400, description: 'The request body is not valid JSON.' },
  UNAUTHORIZED: { status: 401, description: 'Authentication is required, or the credentials were refused.' },
  FORBIDDEN: { status: 403, description: 'The caller is not allowed to do that.' },
  NOT_FOUND: { status: 404, description: 'Nothing is served at this path.' },
  METHOD_NOT_ALLOWED: { status: 405, description: 'The path does not take this HTTP method.' },
  CONFLICT: { status: 409, description: 'The request conflicts with the current state.' },
  PAYLOAD_TOO_LARGE: { status: 413, description: 'The request body or the file is larger than allowed.' },
  RATE_LIMITED: { status: 429, description: 'Too many requests; wait for `Retry-After` seconds.' },
  INTERNAL_ERROR: { status: 500, description: 'Something went wrong on the server; it was logged.' },
  BAD_GATEWAY: { status: 502, description: 'The service behind the gateway answered badly or not at all.' },
  SERVICE_UNAVAILABLE: { status: 503, description: 'The service cannot answer right now; retry shortly.' },
  GATEWAY_TIMEOUT: { status: 504, description: 'The service behind the gateway did not answer in time.' },

  // ── Gateway: tokens, routing, realtime handshake ────────────────────────────────────────────────
  TOKEN_MISSING: {
    status: 401,
    description: 'No access token (Authorization: Bearer …, or Bot … for a bot).',
  },
  TOKEN_INVALID: { status: 401, description: 'The access or bot token is not valid.' },
  TOKEN_EXPIRED: { status: 401, description: 'The access token has expired; refresh it.' },
  SESSION_REVOKED: {
    status: 401,
    description: "The token's session was ended (logout, revoke, password change, refresh-token reuse).",
  },
  AUTH_UNAVAILABLE: { status: 503, description: 'Tokens cannot be checked right now (auth unreachable).' },
  BOT_FORBIDDEN: { status: 403, description: 'Bots cannot call this route.' },
  INVALID_PATH: { status: 400, description: 'The request path is malformed.' },
  UNAVAILABLE: {
    status: 503,
    description: "Auth's keys, chat or the node cannot answer right now (realtime, voice signaling); retry.",
  },
  TOO_MANY_CONNECTIONS: { status: 429, description: 'The user holds the most realtime connections allowed.' },
  USER_MISMATCH: { status: null, description: 'auth.refresh: the token belongs to another user.' },
  INVALID_REQUEST: { status: null, description: 'A socket event is unknown or its payload is malformed.' },

  // ── Auth: accounts, sessions, two-factor, instance ──────────────────────────────────────────────
  INVALID_CREDENTIALS: { status: 401, description: 'The login or the password is wrong.' },
  INVALID_CURRENT_PASSWORD: { status: 403, description: 'The current password given to confirm is wrong.' },
  WEAK_PASSWORD: { status: 400, description: 'The new password is too weak; `details` says why.' },
  USERNAME_TAKEN: { status: 409, description: 'That username is taken.' },
  EMAIL_TAKEN: { status: 409, description: 'An account with that email already exists.' },
  EMAIL_UNCHANGED: { status: 400, description: 'That is already the account’s email address.' },
  EMAIL_NOT_VERIFIED: { status: 403, description: 'Confirm the email address first (the mailed link).' },
  INVALID_TOKEN: { status: 400, description: 'The emailed link is invalid, already used or expired.' },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    description: 'Too many failed attempts; wait for `Retry-After` seconds.',
  },
  USER_NOT_FOUND: { status: 404, description: 'No such user.' },
  ACCOUNT_SUSPENDED: {
    status: 403,
    description: 'An instance admin suspended the account: no new session.',
    also: { 401: 'on refresh: the session of a suspended account is not refreshed' },
  },
  ACCOUNT_NOT_DELETABLE: { status: 403, description: 'A bot account is deleted with its application.' },
  INVALID_REFRESH_TOKEN: { status: 401, description: 'The refresh token is invalid or expired.' },
  REFRESH_TOKEN_REUSED: {
    status: 401,
    description: 'The refresh token was already used; the session has been revoked.',
  },
  SESSION_NOT_FOUND: { status: 404, description: 'No such session of the caller.' },
  INVALID_MFA_CODE: {
    status: 403,
    description: 'The two-factor code given to confirm is wrong.',
    also: { 401: 'at sign-in (the second step)' },
  },
  INVALID_MFA_TICKET: { status: 401, description: 'The sign-in has expired or was already completed.' },
  MFA_CODE_REQUIRED: { status: 403, description: 'Two-factor is on: give a code to confirm.' },
  MFA_ALREADY_ENABLED: { status: 409, description: 'Two-factor authentication is already on.' },
  MFA_NOT_ENABLED: { status: 409, description: 'Two-factor authentication is off.' },
  MFA_ENROLMENT_NOT_STARTED: { status: 409, description: 'Start the two-factor enrolment first.' },
  INSTANCE_ADMIN_REQUIRED: { status: 403, description: 'Only an instance admin may do that.' },
  CANNOT_SUSPEND_ADMIN: { status: 409, description: 'An instance admin cannot be suspended.' },
  REGISTRATION_CLOSED: { status: 403, description: 'Registration is closed on this instance.' },
  INSTANCE_INVITE_REQUIRED: {
    status: 403,
    description: 'Registration on this instance needs an invite code.',
  },
  INSTANCE_INVITE_INVALID: { status: 403, description: 'The invite code is unknown, expired or used up.' },
  UNKNOWN_INSTANCE_INVITE: { status: 404, description: 'No such instance invite.' },
  UNKNOWN_APPLICATION: { status: 404, description: 'No such application (bot) of the caller.' },
  TOO_MANY_APPLICATIONS: { status: 409, description: 'The user owns the most applications allowed.' },
  BOT_TOKEN_INVALID: { status: 401, description: 'The bot token is not valid.' },

  // ── Chat: guilds, channels, roles, members, invites ─────────────────────────────────────────────
  UNKNOWN_GUILD: { status: 404, description: 'No such guild, or the caller is not a member.' },
  UNKNOWN_CHANNEL: { status: 404, description: 'No such channel, or the caller cannot see it.' },
  UNKNOWN_ROLE: { status: 404, description: 'No such role in this guild.' },
  UNKNOWN_MEMBER: { status: 404, description: 'No such member of this guild (or thread).' },
  UNKNOWN_USER: { status: 404, description: 'No such user.' },
  UNKNOWN_BAN: { status: 404, description: 'That user is not banned from this guild.' },
  UNKNOWN_INVITE: { status: 404, description: 'No such invite, or it expired.' },
  UNKNOWN_OVERWRITE: { status: 404, description: 'No such permission overwrite on this channel.' },
  MISSING_PERMISSION: { status: 403, description: 'The caller lacks a permission the action needs.' },
  OWNER_ONLY: { status: 403, description: 'Only the guild owner can do that.' },
  OWNER_CANNOT_LEAVE: {
    status: 400,
    description: 'The owner cannot leave the guild; transfer or delete it.',
  },
  BANNED: { status: 403, description: 'The user (or bot) is banned from this guild.' },
  ROLE_HIERARCHY: { status: 403, description: 'The role is not below the caller’s highest role.' },
  MEMBER_HIERARCHY: { status: 403, description: 'The member cannot be moderated by the caller.' },
  CANNOT_GRANT_PERMISSIONS: { status: 403, description: 'The caller cannot grant permissions it lacks.' },
  EVERYONE_ROLE: { status: 400, description: 'The @everyone role cannot be deleted.' },
  TOO_MANY_GUILDS: { status: 400, description: 'The user is in the most guilds allowed.' },
  TOO_MANY_CHANNELS: { status: 400, description: 'The guild has the most channels allowed.' },
  TOO_MANY_ROLES: { status: 400, description: 'The guild has the most roles allowed.' },
  TOO_MANY_INVITES: { status: 400, description: 'The guild has the most active invites allowed.' },
  INVALID_CHANNEL_TYPE: { status: 400, description: 'The channel’s type does not allow this.' },

  // ── Chat: messages, threads, reactions, pins, webhooks, emojis, attachments ─────────────────────
  UNKNOWN_MESSAGE: { status: 404, description: 'No such message in this channel.' },
  NOT_MESSAGE_AUTHOR: { status: 403, description: 'Only the author can edit a message.' },
  SLOWMODE: { status: 429, description: 'The channel is in slowmode; wait for `Retry-After` seconds.' },
  THREAD_ALREADY_CREATED: { status: 409, description: 'A thread was already started from this message.' },
  THREAD_ARCHIVED: { status: 400, description: 'The thread is archived.' },
  INVALID_EMOJI: { status: 400, description: 'Not one unicode emoji, nor a custom emoji of this guild.' },
  TOO_MANY_REACTIONS: { status: 400, description: 'The message has the most distinct reactions allowed.' },
  TOO_MANY_PINS: { status: 400, description: 'The channel has the most pinned messages allowed.' },
  UNKNOWN_WEBHOOK: { status: 404, description: 'No such webhook.' },
  INVALID_WEBHOOK_TOKEN: { status: 401, description: 'The webhook token is wrong.' },
  TOO_MANY_WEBHOOKS: { status: 400, description: 'The channel has the most webhooks allowed.' },
  UNKNOWN_EMOJI: { status: 404, description: 'No such emoji in this guild.' },
  EMOJI_NAME_TAKEN: { status: 400, description: 'The guild already has an emoji of that name.' },
  TOO_MANY_EMOJIS: { status: 400, description: 'The guild has the most emojis of that kind allowed.' },
  INVALID_EMOJI_FILE: {
    status: 400,
    description: 'The file is not a completed emoji upload of the caller for this guild.',
  },
  INVALID_ATTACHMENT: { status: 400, description: 'Some attachments cannot be used in this message.' },
  FILE_SERVICE_UNAVAILABLE: { status: 503, description: 'Files cannot be checked right now; retry.' },
  UNKNOWN_PUSH_SUBSCRIPTION: { status: 404, description: 'No such push subscription of the caller.' },
  TOO_MANY_PUSH_SUBSCRIPTIONS: {
    status: 400,
    description: 'The user has the most push subscriptions allowed.',
  },
  DATA_EXPORT_IN_PROGRESS: {
    status: 409,
    description: 'An export of the caller’s data is pending or running.',
  },
  DATA_EXPORT_TOO_SOON: {
    status: 429,
    description: 'The last export was requested less than the interval ago (failed ones do not count).',
  },

  // ── Chat: DMs and relationships ─────────────────────────────────────────────────────────────────
  CANNOT_DM_SELF: { status: 400, description: 'A DM cannot be opened with oneself.' },
  NOT_GROUP_DM: { status: 400, description: 'Only group DMs allow this.' },
  NOT_GROUP_DM_OWNER: { status: 403, description: 'Only the owner of the group DM can do that.' },
  GROUP_DM_FULL: { status: 400, description: 'The group DM holds the most people allowed.' },
  TOO_MANY_GROUP_DMS: { status: 400, description: 'The user is in the most group DMs allowed.' },
  UNKNOWN_RECIPIENT: { status: 404, description: 'That user is not in this group DM.' },
  CANNOT_MESSAGE_USER: {
    status: 403,
    description: "A DM refused by a block or by the recipient's `dmsFrom`.",
  },
  CANNOT_FRIEND_SELF: { status: 400, description: 'One cannot befriend oneself.' },
  CANNOT_BLOCK_SELF: { status: 400, description: 'One cannot block oneself.' },
  CANNOT_FRIEND_BOT: { status: 400, description: 'Bots cannot be friends.' },
  ALREADY_FRIENDS: { status: 400, description: 'The users are already friends.' },
  FRIEND_REQUEST_BLOCKED: {
    status: 403,
    description: 'The other user is not accepting friend requests from the caller (a block, not said).',
  },
  USER_BLOCKED: { status: 400, description: 'The caller blocked this user: unblock first.' },
  UNKNOWN_RELATIONSHIP: { status: 404, description: 'The caller has no relationship with this user.' },

  // ── File: uploads, downloads, storage URLs ──────────────────────────────────────────────────────
  UNKNOWN_FILE: { status: 404, description: 'No such file of the caller.' },
  UNSUPPORTED_TYPE: { status: 400, description: 'The file type is not allowed for this purpose.' },
  TYPE_MISMATCH: {
    status: 400,
    description: 'The bytes are not of the declared type, or cannot be decoded.',
  },
  IMAGE_TOO_LARGE: { status: 400, description: 'The image’s dimensions are beyond the limit.' },
  SIZE_MISMATCH: { status: 400, description: 'The uploaded bytes differ from the declared size.' },
  UPLOAD_MISSING: { status: 400, description: 'Nothing was uploaded for this file yet.' },
  INVALID_PARTS: { status: 400, description: 'The parts do not complete this upload.' },
  TOO_MANY_OPEN_UPLOADS: { status: 409, description: 'The user has the most unfinished uploads allowed.' },
  NO_THUMBNAIL: { status: 404, description: 'This file has no thumbnails.' },
  REMOTE_IMAGE_REFUSED: { status: 422, description: 'The remote image was refused (address, size or type).' },
  CHAT_UNAVAILABLE: {
    status: 503,
    description: 'Permissions cannot be checked right now (chat unreachable).',
  },
  INVALID_STORAGE_URL: { status: 400, description: 'Not a valid storage URL or object key.' },
  SIGNATURE_MISMATCH: {
    status: 403,
    description: 'The URL signature does not match (altered, or another method).',
  },
  URL_EXPIRED: { status: 403, description: 'The storage URL has expired; ask for a new one.' },
  LENGTH_REQUIRED: { status: 411, description: 'Send the Content-Length of the body.' },
  CONTENT_LENGTH_MISMATCH: {
    status: 400,
    description: 'The body is not exactly as long as its Content-Length says.',
    also: { 403: 'the signed URL takes exactly the length it was issued for' },
  },
  INVALID_RANGE: { status: 416, description: 'The range is outside the object.' },
  NO_SUCH_KEY: { status: 404, description: 'There is no such stored object.' },
  NO_SUCH_UPLOAD: { status: 404, description: 'There is no such upload (completed or aborted).' },

  // ── Search ──────────────────────────────────────────────────────────────────────────────────────
  INVALID_QUERY: { status: 400, description: 'The search query cannot be parsed.' },
  SEARCH_UNAVAILABLE: { status: 503, description: 'Search is unavailable right now; retry soon.' },

  // ── Voice: REST routes and signaling ────────────────────────────────────────────────────────────
  NOT_VOICE_CHANNEL: { status: 400, description: 'The channel is not a voice channel.' },
  VOICE_CHANNEL_FULL: {
    status: 403,
    description: "The voice channel's user limit is reached (members with MOVE_MEMBERS pass).",
  },
  UNKNOWN_VOICE_STATE: {
    status: 404,
    description: 'The member is not in a voice channel of that guild.',
    also: { 409: 'the voice state changed meanwhile; retry' },
  },
  CHANNEL_NOT_IN_GUILD: {
    status: 400,
    description: 'Move: the target channel is in another guild (a `details` code of VALIDATION_FAILED).',
  },
  VOICE_UNAVAILABLE: {
    status: 503,
    description: 'No voice node is alive to host the room, or chat cannot answer.',
  },
  NOT_IN_CHANNEL: {
    status: null,
    description: 'The voice state behind the token is gone (left, moved, disconnected by a moderator).',
  },
  UNKNOWN_TRANSPORT: { status: null, description: 'No such transport of this peer.' },
  UNKNOWN_PRODUCER: { status: null, description: 'No such producer in this room (or of this peer).' },
  UNKNOWN_CONSUMER: { status: null, description: 'No such consumer of this peer.' },
  CANNOT_CONSUME: { status: null, description: 'The device cannot receive this producer.' },
  TOO_MANY_CONSUMERS: {
    status: null,
    description: 'The peer holds VOICE_MAX_CONSUMERS_PER_PEER consumers already: close one first.',
  },
} as const satisfies Record<string, ErrorCatalogueEntry>;

type Catalogue = typeof ERROR_CATALOGUE;

/** Every error code of the API. */
export type ErrorCode = keyof Catalogue;

/** The codes answered over HTTP (those with a status). */
export type HttpErrorCode = {
  [C in ErrorCode]: Catalogue[C]['status'] extends number ? C : never;
}[ErrorCode];

/** The codes whose status is S, e.g. `ErrorCodeOfStatus<404>` for an id that names nothing. */
export type ErrorCodeOfStatus<S extends number> = {
  [C in ErrorCode]: Catalogue[C]['status'] extends S ? C : never;
}[ErrorCode];

/** The other statuses a code is answered with (its `also`), `never` for most. */
export type AlsoStatus<C extends ErrorCode> = C extends unknown
  ? Catalogue[C] extends { also: infer A }
    ? keyof A & number
    : never
  : never;

/** `ERROR.UNKNOWN_GUILD` is `'UNKNOWN_GUILD'`: the codes by name, checked by the compiler. */
export const ERROR = Object.fromEntries(Object.keys(ERROR_CATALOGUE).map((code) => [code, code])) as {
  readonly [C in ErrorCode]: C;
};

/** The HTTP status of a code (null for socket-only codes). */
export const errorStatus = (code: ErrorCode): number | null => ERROR_CATALOGUE[code].status;
