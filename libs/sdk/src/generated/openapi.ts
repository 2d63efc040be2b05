/**
 * Generated from apps/gateway/openapi.json by libs/sdk/scripts/generate-types.mjs (openapi-typescript).
 * Do not edit: run `npm run openapi` after changing a route.
 */
export interface paths {
  '/.well-known/jwks.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Public keys that verify access tokens (active and recently retired). */
    get: operations['JwksController_jwks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/invites': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The instance invite codes (registration in invite_only mode), newest first. */
    get: operations['AdminInstanceController_invites'];
    put?: never;
    /** Create an instance invite code (optionally limited in uses and in lifetime). */
    post: operations['AdminInstanceController_createInvite'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/invites/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an instance invite code. */
    delete: operations['AdminInstanceController_deleteInvite'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The instance settings (registration mode); instance admins only. */
    get: operations['AdminInstanceController_settings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change the registration mode (takes effect at once). */
    patch: operations['AdminInstanceController_updateSettings'];
    trace?: never;
  };
  '/api/v1/admin/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Counts: people, bots, registered in the last 7 days, suspended, active sessions. */
    get: operations['AdminController_stats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** People (not bots), newest first, searched by username or email (contains); instance admins only. */
    get: operations['AdminController_users'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{id}/reset-two-factor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Turn off the two-factor authentication of a user who lost their device; their sessions end. */
    post: operations['AdminController_resetTwoFactor'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{id}/suspend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Suspend an account: every session ends at once; no sign-in, refresh or bot token until lifted.
     * @description What the user posted is kept. An instance admin cannot be suspended.
     */
    post: operations['AdminController_suspend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{id}/unsuspend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Lift a suspension: the user may sign in again. */
    post: operations['AdminController_unsuspend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's applications. */
    get: operations['ApplicationsController_list'];
    put?: never;
    /** Create an application and its bot user (get its token with reset-token). */
    post: operations['ApplicationsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of your applications. */
    get: operations['ApplicationsController_get'];
    put?: never;
    post?: never;
    /** Delete an application; its bot token stops working at once. */
    delete: operations['ApplicationsController_remove'];
    options?: never;
    head?: never;
    /** Rename or describe an application (its bot user's name and about follow). */
    patch: operations['ApplicationsController_update'];
    trace?: never;
  };
  '/api/v1/applications/{id}/bot/reset-token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A new bot token, shown once; the previous one is revoked. */
    post: operations['ApplicationsController_resetToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attachments/{fileId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a file: 302 to a short-lived URL of the object, or of its thumbnail with ?size=small|large (256 / 1024 px bounding box, webp). Attachments need READ_MESSAGE_HISTORY in their channel. */
    get: operations['DownloadsController_attachment'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attachments/{fileId}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Complete an upload (uploader only): a multipart upload is assembled from `parts` (every part’s number and ETag; no body for a single PUT); then checks the stored size, sniffs the real type from the first bytes, makes thumbnails for images, marks it ready. */
    post: operations['UploadsController_complete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/email-change/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Switch to the new email address with the token mailed to it. */
    post: operations['AccountEmailController_confirmEmailChange'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with email or username.
     * @description With two-factor on, a right password answers `{ mfaRequired: true, ticket, expiresIn, methods }` and no tokens: POST the ticket and a code to /api/v1/auth/login/mfa.
     */
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login/mfa': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Complete a login that answered mfaRequired: the ticket and a TOTP or recovery code.
     * @description The ticket is valid 5 minutes, for one successful code and at most 5 wrong ones. Wrong codes count toward the same failed-login limits as wrong passwords.
     */
    post: operations['TwoFactorLoginController_complete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke the caller's session (its access token lives on until it expires). */
    post: operations['AuthController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change the password; every other session is revoked. */
    post: operations['AuthController_changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mail a password reset link (valid 30 minutes, single use).
     * @description Always 202, whether or not the account exists, in the same time. The mail is written in the request's Accept-Language when auth has it, else English.
     */
    post: operations['AccountEmailController_requestPasswordReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password-reset/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a new password with the token from the reset mail; every session is revoked. */
    post: operations['AccountEmailController_confirmPasswordReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Exchange a refresh token for a new pair (the old one stops working). */
    post: operations['AuthController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create an account and sign in; a verification link is mailed to the address.
     * @description The mail is written in the request's Accept-Language when auth has it, else English. With AUTH_UNVERIFIED_POLICY=block the answer is 202 with the user and no tokens: sign in once verified.
     */
    post: operations['AuthController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's active sessions; `current` marks the one making this request. */
    get: operations['SessionsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke one of your sessions: its refresh tokens stop working at once. */
    delete: operations['SessionsController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/verify-email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm the account's email address with the token from the verification mail. */
    post: operations['AccountEmailController_verifyEmail'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/verify-email/resend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mail a new verification link to an unverified account.
     * @description Always 202, whether or not such an account exists; one mail per account per cooldown. The mail is written in the request's Accept-Language when auth has it, else English.
     */
    post: operations['AccountEmailController_resendVerification'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A channel you can see (guild channel with VIEW_CHANNEL, or a DM you are in). */
    get: operations['ChannelsController_get'];
    put?: never;
    post?: never;
    /** Delete a guild channel (MANAGE_CHANNELS); channels of a category stay, uncategorised. */
    delete: operations['ChannelsController_delete'];
    options?: never;
    head?: never;
    /** Edit a guild channel (MANAGE_CHANNELS), or rename a group DM (any recipient; only `name`, 1–100 characters, trimmed; null or blank clears it). */
    patch: operations['ChannelsController_update'];
    trace?: never;
  };
  '/api/v1/channels/{channelId}/attachments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Request an attachment upload to a channel (SEND_MESSAGES and ATTACH_FILES). `method: PUT`: PUT the bytes to `uploadUrl` with `headers`; `method: multipart` (files above the multipart threshold): PUT each part to its URL in `multipart.parts` and keep each answer’s ETag. Each URL is signed for an exact Content-Length (`size`, or the part’s `size`): the store refuses a body of any other length (403). Then complete it; send its id in a message’s `attachments`. */
    post: operations['UploadsController_attachment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A page of history (READ_MESSAGE_HISTORY), always newest → oldest, whichever cursor is used. `after` returns the oldest messages after the cursor (still ordered newest first); `around` returns the cursor message with the messages on either side. */
    get: operations['MessagesController_history'];
    put?: never;
    /** Send a message (SEND_MESSAGES). Mentions are parsed from the content and honoured per permission. A retry with the same nonce returns the first message with 200 instead of 201. */
    post: operations['MessagesController_send'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/messages/{messageId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One message (READ_MESSAGE_HISTORY). */
    get: operations['MessagesController_get'];
    put?: never;
    post?: never;
    /** Delete a message: its author, or anyone with MANAGE_MESSAGES in the channel. */
    delete: operations['MessagesController_delete'];
    options?: never;
    head?: never;
    /** Edit a message: its content (the author only; sets editedAt) and/or flags SUPPRESS_EMBEDS (4: removes the link embeds; the author, or MANAGE_MESSAGES). Bumps the revision. */
    patch: operations['MessagesController_edit'];
    trace?: never;
  };
  '/api/v1/channels/{channelId}/messages/{messageId}/ack': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark the channel read up to this message (VIEW_CHANNEL). Only moves forward. */
    post: operations['ReadStatesController_ack'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who reacted with an emoji, by user id (READ_MESSAGE_HISTORY). */
    get: operations['ReactionsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}/@me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** React with an emoji (ADD_REACTIONS, READ_MESSAGE_HISTORY). Idempotent. */
    put: operations['ReactionsController_add'];
    post?: never;
    /** Remove my reaction. Idempotent. */
    delete: operations['ReactionsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/messages/{messageId}/threads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a public thread from a message of a guild text channel (CREATE_PUBLIC_THREADS, READ_MESSAGE_HISTORY); one thread per message. */
    post: operations['ThreadsController_createFromMessage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/messages/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search the messages of one channel or DM */
    get: operations['SearchController_channel'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/permissions/{overwriteId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set a role's or member's permission overwrite (MANAGE_ROLES in the channel; only permissions you hold, unless administrator or owner). */
    put: operations['ChannelsController_putOverwrite'];
    post?: never;
    /** Remove a permission overwrite (MANAGE_ROLES in the channel). */
    delete: operations['ChannelsController_deleteOverwrite'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/pins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Pinned messages of a channel, newest first (READ_MESSAGE_HISTORY). */
    get: operations['PinsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/pins/{messageId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Pin a message (MANAGE_MESSAGES; at most 50 per channel). Idempotent. */
    put: operations['PinsController_pin'];
    post?: never;
    /** Unpin a message (MANAGE_MESSAGES). Idempotent. */
    delete: operations['PinsController_unpin'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/recipients/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Add someone to a group DM (its owner only). Idempotent. */
    put: operations['DmsController_add'];
    post?: never;
    /** Remove someone from a group DM (owner), or leave it (yourself). */
    delete: operations['DmsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/thread-members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A thread's members (you must see the thread). */
    get: operations['ThreadsController_members'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/thread-members/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Add a guild member who can see the parent channel to a thread (you must be able to send in it; a private thread that is not invitable: MANAGE_THREADS or its owner). */
    put: operations['ThreadsController_add'];
    post?: never;
    /** Remove a member from a thread (MANAGE_THREADS; yourself: as leaving). */
    delete: operations['ThreadsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/thread-members/@me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Join a thread you can see (not an archived one). */
    put: operations['ThreadsController_join'];
    post?: never;
    /** Leave a thread. */
    delete: operations['ThreadsController_leave'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/threads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a thread in a guild text channel: public (CREATE_PUBLIC_THREADS) or private (CREATE_PRIVATE_THREADS; seen by its members and MANAGE_THREADS holders). */
    post: operations['ThreadsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/threads/active': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The active threads of a text channel you can see, oldest first. */
    get: operations['ThreadsController_active'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/threads/archived': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The archived threads of a text channel you can see, newest archive first; `before` (ISO time) pages back, `hasMore` tells whether there is more. */
    get: operations['ThreadsController_archived'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/voice': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Join a voice channel (CONNECT; the channel user limit unless you have MOVE_MEMBERS). Replaces your voice state elsewhere. Answers the signaling endpoint of the node hosting the room and a short-lived voice token for its handshake. */
    post: operations['VoiceStatesController_join'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/voice-states': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is in a voice channel you can see. */
    get: operations['VoiceStatesController_channelStates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels/{channelId}/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The channel's webhooks (MANAGE_WEBHOOKS), without their tokens. */
    get: operations['ChannelWebhooksController_list'];
    put?: never;
    /** Create an incoming webhook in a guild text channel (MANAGE_WEBHOOKS). The answer holds its token and execute URL: they are shown this once only. */
    post: operations['ChannelWebhooksController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/files/{fileId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download an avatar or guild icon (public): 302 to a short-lived URL; ?size=small|large for thumbnails. */
    get: operations['DownloadsController_publicFile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/guilds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a guild: you own it; it gets @everyone, a "general" text and a "General" voice channel. */
    post: operations['GuildsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/guilds/{guildId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A guild you are a member of. */
    get: operations['GuildsController_get'];
    put?: never;
    post?: never;
    /** Delete the guild (owner only). */
    delete: operations['GuildsController_delete'];
    options?: never;
    head?: never;
    /** Edit name, icon or description (MANAGE_GUILD); `ownerId` transfers ownership (owner). */
    patch: operations['GuildsController_update'];
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/audit-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The moderation audit log, newest first (VIEW_AUDIT_LOG), with the actors and target users. Moderation routes take the reason in an `X-Audit-Log-Reason` header (URL-encoded; control characters are stripped; at most 512 characters kept). */
    get: operations['AuditLogController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/bans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The guild's bans (BAN_MEMBERS). */
    get: operations['BansController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/bans/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Ban a user (BAN_MEMBERS; a member must be below you): they leave and cannot rejoin. */
    put: operations['BansController_ban'];
    post?: never;
    /** Lift a ban (BAN_MEMBERS). */
    delete: operations['BansController_unban'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The channels of the guild you can see (VIEW_CHANNEL), by position. */
    get: operations['GuildChannelsController_list'];
    put?: never;
    /** Create a text or voice channel or a category (MANAGE_CHANNELS). */
    post: operations['GuildChannelsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    /** Move channels: [{id, position, parentId?}] (MANAGE_CHANNELS). */
    patch: operations['GuildChannelsController_reorder'];
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/emoji-uploads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Request a custom emoji image upload (MANAGE_EMOJIS; png, gif or webp, at most FILE_MAX_EMOJI_BYTES, 256 KiB by default). Completing it checks the real type, scales it to fit 128×128 (an animated GIF or WebP stays animated) and makes a still first frame (`?size=small`); then create the emoji with POST /guilds/{guildId}/emojis and its id. */
    post: operations['UploadsController_emoji'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/emojis': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The guild's custom emoji, oldest first (members). An emoji's image is GET /files/{id}; its still first frame ?size=small. */
    get: operations['EmojisController_list'];
    put?: never;
    /** Create a custom emoji (MANAGE_EMOJIS) from a completed upload of POST /guilds/{guildId}/emoji-uploads; the emoji takes the upload’s id. Names are 2–32 letters, digits or underscores, unique in the guild. A guild holds at most CHAT_MAX_STATIC_EMOJIS static and CHAT_MAX_ANIMATED_EMOJIS animated emoji. */
    post: operations['EmojisController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/emojis/{emojiId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One custom emoji of the guild (members). */
    get: operations['EmojisController_get'];
    put?: never;
    post?: never;
    /** Delete a custom emoji (MANAGE_EMOJIS). Messages keep their `<:name:id>` text and reactions with it stay. */
    delete: operations['EmojisController_delete'];
    options?: never;
    head?: never;
    /** Rename a custom emoji (MANAGE_EMOJIS). */
    patch: operations['EmojisController_rename'];
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/icon': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Request a guild icon upload (MANAGE_GUILD; png, jpeg, webp or gif). */
    post: operations['UploadsController_icon'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/invites': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The guild's unexpired invites (MANAGE_GUILD). */
    get: operations['GuildInvitesController_list'];
    put?: never;
    /** Create an invite (CREATE_INVITE): maxUses (0 = unlimited), maxAgeSeconds (default 7 days, 0 = never). */
    post: operations['GuildInvitesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members ordered by user id: `limit` 1–1000 (default 100), `after` a user id. */
    get: operations['MembersController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/members/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One member. */
    get: operations['MembersController_get'];
    put?: never;
    post?: never;
    /** Kick a member below you (KICK_MEMBERS). */
    delete: operations['MembersController_kick'];
    options?: never;
    head?: never;
    /** Change a member's nickname (yours: CHANGE_NICKNAME; others': MANAGE_NICKNAMES) or roles (MANAGE_ROLES, roles below your highest, a member below you). */
    patch: operations['MembersController_update'];
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/members/@me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Set your own nickname (CHANGE_NICKNAME); null or empty clears it. */
    patch: operations['MembersController_updateMe'];
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/messages/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search the messages of a guild's channels the caller can read */
    get: operations['SearchController_guild'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/owner': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Transfer ownership to another member (owner only). */
    post: operations['GuildsController_transfer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The guild's roles, lowest first (@everyone has the guild's id and position 0). */
    get: operations['RolesController_list'];
    put?: never;
    /** Create a role at position 1 (MANAGE_ROLES; only permissions you hold, unless owner or admin). */
    post: operations['RolesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    /** Move roles: [{id, position}] (MANAGE_ROLES; only roles below your highest). */
    patch: operations['RolesController_reorder'];
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/roles/{roleId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a role below your highest (MANAGE_ROLES); @everyone cannot be deleted. */
    delete: operations['RolesController_delete'];
    options?: never;
    head?: never;
    /** Edit a role below your highest (MANAGE_ROLES). */
    patch: operations['RolesController_update'];
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/voice-states': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is in which voice channel of a guild (channels you can see). */
    get: operations['VoiceStatesController_guildStates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/voice-states/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Disconnect a member from voice (MOVE_MEMBERS). */
    delete: operations['VoiceStatesController_disconnect'];
    options?: never;
    head?: never;
    /** Server mute (MUTE_MEMBERS), server deafen (DEAFEN_MEMBERS) or move to another voice channel (MOVE_MEMBERS; the member must be allowed to CONNECT there). */
    patch: operations['VoiceStatesController_moderate'];
    trace?: never;
  };
  '/api/v1/guilds/{guildId}/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every webhook of the guild (MANAGE_WEBHOOKS guild-wide), without tokens. */
    get: operations['GuildWebhooksController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/instance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The instance: its registration mode (open, invite_only: an invite code needed, closed). */
    get: operations['InstanceController_info'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/invites/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Preview an invite without joining (no sign-in needed). */
    get: operations['InvitesController_preview'];
    put?: never;
    /** Accept an invite: join the guild (already a member: the guild, no use counted). */
    post: operations['InvitesController_accept'];
    /** Revoke an invite (MANAGE_GUILD, or its creator). */
    delete: operations['InvitesController_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/oauth2/authorize': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What an authorise page shows: the application, its bot user, the permissions asked for by name and the guild when guild_id is given (MANAGE_GUILD there). */
    get: operations['OAuth2Controller_info'];
    put?: never;
    /** Add the bot to a guild (MANAGE_GUILD) with a role granting the permissions asked for — only permissions you have yourself. Recorded in the audit log as BOT_ADD. */
    post: operations['OAuth2Controller_authorize'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/presences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Presences of up to 200 users (comma-separated ids). Users who share no guild and no DM with you answer offline; you see your own status (invisible included). */
    get: operations['PresenceController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/presences/guilds/{guildId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Everyone in a guild of yours who is not offline (one Redis read, any size). */
    get: operations['PresenceController_guild'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/push/vapid-public-key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The VAPID public key browsers subscribe with (applicationServerKey); null when push is off. */
    get: operations['PushController_vapidPublicKey'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user's public profile (no email). */
    get: operations['UsersController_profile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/@me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The current user, with email. */
    get: operations['UsersController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update the display name, avatar file id or about text (null clears). */
    patch: operations['UsersController_updateMe'];
    trace?: never;
  };
  '/api/v1/users/@me/avatar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Request an avatar upload (png, jpeg, webp or gif). After completing it, set it with PATCH /users/@me. */
    post: operations['UploadsController_avatar'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/@me/channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My DMs and group DMs, newest activity first. */
    get: operations['DmsController_list'];
    put?: never;
    /** `{recipientId}`: the existing 1:1 DM (200) or a new one (201). `{recipientIds, name?}`: a new group DM (up to 10 people including me; I own it). */
    post: operations['DmsController_open'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/@me/channels/{channelId}/notification-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My override of a channel, thread or DM I can see (default: inherit, not muted). */
    get: operations['NotificationSettingsController_getChannel'];
    /** Replace my override of a channel, thread or DM: level (inherit, all, mentions, nothing), muted (with muteSeconds: for that long). A thread without its own override follows its channel. */
    put: operations['NotificationSettingsController_putChannel'];
    post?: never;
    /** Remove my override of a channel (back to inherit, not muted). */
    delete: operations['NotificationSettingsController_deleteChannel'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/@me/data-exports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My data exports, newest first (at most 20): status (pending, running, ready, failed, expired), progress 0–100, and when ready the download URL (GET it with my token: 302 to the ZIP) and its expiry. */
    get: operations['DataExportsController_list'];
    put?: never;
    /** Start an export of my data: a ZIP (profile, guilds, DMs, every message I wrote, my attachments and their files) built in the background; `data_export.updated` on my sockets tells its progress. Ready, it is downloadable by me alone until `expiresAt` (7 days by default). */
    post: operations['DataExportsController_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/@me/delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Delete your account (password, and a TOTP or recovery code when two-factor is on).
     * @description The account is disabled at once and every session ends; the other services then remove or anonymise what they hold (messages stay as "Deleted user" or are removed, per the instance).
     */
    post: operations['AccountDeletionController_delete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/@me/email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change the email address: a confirmation link goes to the new one, a notice to the old one.
     * @description The address changes only when the link is opened. The mail is written in the request's Accept-Language when auth has it, else English.
     */
    patch: operations['AccountEmailController_requestEmailChange'];
    trace?: never;
  };
  '/api/v1/users/@me/guilds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The guilds you are a member of. */
    get: operations['MyGuildsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/@me/guilds/{guildId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Leave a guild (the owner cannot: transfer ownership first). */
    delete: operations['MyGuildsController_leave'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/@me/guilds/{guildId}/notification-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My notification settings in a guild (defaults: level `mentions`, nothing suppressed, not muted) with my overrides of its channels. */
    get: operations['NotificationSettingsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change my guild notification settings: level (all, mentions, nothing), suppressEveryone (@everyone and @here), muted (with muteSeconds: for that long; without: until unmuted). */
    patch: operations['NotificationSettingsController_update'];
    trace?: never;
  };
  '/api/v1/users/@me/mfa': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether two-factor authentication is on, pending, and the recovery codes left. */
    get: operations['TwoFactorController_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/@me/mfa/recovery-codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replace the recovery codes (a TOTP or recovery code required); shown once. */
    post: operations['TwoFactorController_regenerate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/@me/mfa/totp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a TOTP enrolment (password required): the secret, its otpauth:// URI and QR code.
     * @description Two-factor stays off until POST /users/@me/mfa/totp/confirm receives a code from the app.
     */
    post: operations['TwoFactorController_enrol'];
    /** Turn two-factor off (a TOTP code or a recovery code required). */
    delete: operations['TwoFactorController_disable'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/@me/mfa/totp/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm the enrolment with a code from the app: two-factor is on; ten recovery codes, shown once. */
    post: operations['TwoFactorController_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/@me/presence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Set my status (online = automatic, idle, dnd, invisible) and/or custom status (null clears it). Answers my presence as I see it. */
    patch: operations['PresenceController_update'];
    trace?: never;
  };
  '/api/v1/users/@me/privacy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who may DM me and who may send me friend requests. */
    get: operations['RelationshipsController_privacy'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change my privacy settings. dmsFrom: everyone | guild_members (sharing a server, or friends) | friends. friendRequestsFrom: everyone | guild_members | friends_of_friends | nobody. */
    patch: operations['RelationshipsController_updatePrivacy'];
    trace?: never;
  };
  '/api/v1/users/@me/push-subscriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My browsers subscribed to Web Push. */
    get: operations['PushController_list'];
    put?: never;
    /** Subscribe this browser to Web Push (its PushSubscription's JSON); the same endpoint again refreshes it. The endpoint must be https and not a private address. */
    post: operations['PushController_subscribe'];
    /** Unsubscribe the browser with this endpoint. */
    delete: operations['PushController_unsubscribe'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/@me/read-states': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My read states: channels I can see that I have read or that hold unread messages. Counts exclude my own messages and stop at 1000. */
    get: operations['ReadStatesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/@me/relationships': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My friends, blocks and pending friend requests (incoming / outgoing), newest first. */
    get: operations['RelationshipsController_list'];
    put?: never;
    /** Send a friend request by username (or accept theirs, if they sent one: both become friends). Repeating a pending request changes nothing. */
    post: operations['RelationshipsController_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/@me/relationships/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** No type (or `friend`): send a friend request, or accept theirs. `{type: "blocked"}`: block the user (ends any friendship or request between us; they are not told). */
    put: operations['RelationshipsController_put'];
    post?: never;
    /** Remove a friend, cancel my request, decline theirs, or unblock. */
    delete: operations['RelationshipsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/@me/voice-state': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Leave voice. */
    delete: operations['VoiceStatesController_leave'];
    options?: never;
    head?: never;
    /** Self mute / self deafen. */
    patch: operations['VoiceStatesController_updateSelf'];
    trace?: never;
  };
  '/api/v1/voice/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether voice channels can be joined. `available: false` when no voice server can host a room (e.g. the mediasoup worker of this server is not built): joins answer 503 VOICE_UNAVAILABLE, and clients show voice channels as unavailable with `message`. */
    get: operations['VoiceStatusController_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/{webhookId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One webhook (MANAGE_WEBHOOKS in its channel), without its token. */
    get: operations['WebhooksController_get'];
    put?: never;
    post?: never;
    /** Delete a webhook (MANAGE_WEBHOOKS in its channel): its token is revoked. */
    delete: operations['WebhooksController_delete'];
    options?: never;
    head?: never;
    /** Rename a webhook, change its avatar or move it to another text channel of the guild (MANAGE_WEBHOOKS in both). Its token stays the same. */
    patch: operations['WebhooksController_update'];
    trace?: never;
  };
  '/api/v1/webhooks/{webhookId}/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Post a message as the webhook — no account, the token in the path is the credential. Content follows the rules of a user message; `username` and `avatar` override the shown author for this message. `?wait=true` answers 201 with the message, otherwise 204. */
    post: operations['WebhooksController_execute'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ErrorBody: {
      error: {
        code: string;
        message: string;
        details?: {
          field?: string;
          code: string;
          message: string;
        }[];
      };
    };
  };
  responses: {
    /**
     * @description BAD_GATEWAY
     *
     *     - `BAD_GATEWAY`: The service behind the gateway answered badly or not at all.
     */
    BadGateway: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /**
     * @description SERVICE_UNAVAILABLE (Retry-After header)
     *
     *     - `SERVICE_UNAVAILABLE`: The service cannot answer right now; retry shortly.
     */
    ServiceUnavailable: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /**
     * @description GATEWAY_TIMEOUT
     *
     *     - `GATEWAY_TIMEOUT`: The service behind the gateway did not answer in time.
     */
    GatewayTimeout: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorBody'];
      };
    };
  };
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  JwksController_jwks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            keys: ({
              kid: string;
              kty: string;
            } & {
              [key: string]: unknown;
            })[];
          };
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AdminInstanceController_invites: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            createdBy: string | null;
            maxUses: number | null;
            uses: number;
            expiresAt: string | null;
            createdAt: string;
          }[];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INSTANCE_ADMIN_REQUIRED
       *
       *     - `INSTANCE_ADMIN_REQUIRED`: Only an instance admin may do that.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AdminInstanceController_createInvite: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          maxUses?: number | null;
          maxAgeSeconds?: number | null;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            createdBy: string | null;
            maxUses: number | null;
            uses: number;
            expiresAt: string | null;
            createdAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INSTANCE_ADMIN_REQUIRED
       *
       *     - `INSTANCE_ADMIN_REQUIRED`: Only an instance admin may do that.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AdminInstanceController_deleteInvite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INSTANCE_ADMIN_REQUIRED
       *
       *     - `INSTANCE_ADMIN_REQUIRED`: Only an instance admin may do that.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_INSTANCE_INVITE
       *
       *     - `UNKNOWN_INSTANCE_INVITE`: No such instance invite.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AdminInstanceController_settings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            registrationMode: 'open' | 'invite_only' | 'closed';
            registrationModeFromConfig: boolean;
          };
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INSTANCE_ADMIN_REQUIRED
       *
       *     - `INSTANCE_ADMIN_REQUIRED`: Only an instance admin may do that.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AdminInstanceController_updateSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          registrationMode?: 'open' | 'invite_only' | 'closed';
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            registrationMode: 'open' | 'invite_only' | 'closed';
            registrationModeFromConfig: boolean;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED (also for an empty body), MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INSTANCE_ADMIN_REQUIRED
       *
       *     - `INSTANCE_ADMIN_REQUIRED`: Only an instance admin may do that.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AdminController_stats: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            users: number;
            bots: number;
            registeredLast7Days: number;
            suspended: number;
            activeSessions: number;
          };
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INSTANCE_ADMIN_REQUIRED
       *
       *     - `INSTANCE_ADMIN_REQUIRED`: Only an instance admin may do that.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AdminController_users: {
    parameters: {
      query?: {
        query?: string;
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            users: {
              id: string;
              username: string;
              email: string | null;
              createdAt: string;
              suspended: boolean;
              suspendedAt: string | null;
              suspensionReason: string | null;
              twoFactorEnabled: boolean;
              emailVerified: boolean;
              instanceAdmin: boolean;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INSTANCE_ADMIN_REQUIRED
       *
       *     - `INSTANCE_ADMIN_REQUIRED`: Only an instance admin may do that.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AdminController_resetTwoFactor: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            username: string;
            email: string | null;
            createdAt: string;
            suspended: boolean;
            suspendedAt: string | null;
            suspensionReason: string | null;
            twoFactorEnabled: boolean;
            emailVerified: boolean;
            instanceAdmin: boolean;
          };
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INSTANCE_ADMIN_REQUIRED
       *
       *     - `INSTANCE_ADMIN_REQUIRED`: Only an instance admin may do that.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description USER_NOT_FOUND
       *
       *     - `USER_NOT_FOUND`: No such user.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MFA_NOT_ENABLED
       *
       *     - `MFA_NOT_ENABLED`: Two-factor authentication is off.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AdminController_suspend: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            username: string;
            email: string | null;
            createdAt: string;
            suspended: boolean;
            suspendedAt: string | null;
            suspensionReason: string | null;
            twoFactorEnabled: boolean;
            emailVerified: boolean;
            instanceAdmin: boolean;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INSTANCE_ADMIN_REQUIRED
       *
       *     - `INSTANCE_ADMIN_REQUIRED`: Only an instance admin may do that.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description USER_NOT_FOUND
       *
       *     - `USER_NOT_FOUND`: No such user.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description CANNOT_SUSPEND_ADMIN
       *
       *     - `CANNOT_SUSPEND_ADMIN`: An instance admin cannot be suspended.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AdminController_unsuspend: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            username: string;
            email: string | null;
            createdAt: string;
            suspended: boolean;
            suspendedAt: string | null;
            suspensionReason: string | null;
            twoFactorEnabled: boolean;
            emailVerified: boolean;
            instanceAdmin: boolean;
          };
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INSTANCE_ADMIN_REQUIRED
       *
       *     - `INSTANCE_ADMIN_REQUIRED`: Only an instance admin may do that.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description USER_NOT_FOUND
       *
       *     - `USER_NOT_FOUND`: No such user.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ApplicationsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            description: string | null;
            ownerId: string;
            bot: {
              id: string;
              username: string;
              displayName: string | null;
              avatarFileId: string | null;
              about: string | null;
              bot: boolean;
              createdAt: string;
            };
            createdAt: string;
          }[];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ApplicationsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          description?: string;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            description: string | null;
            ownerId: string;
            bot: {
              id: string;
              username: string;
              displayName: string | null;
              avatarFileId: string | null;
              about: string | null;
              bot: boolean;
              createdAt: string;
            };
            createdAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOO_MANY_APPLICATIONS
       *
       *     - `TOO_MANY_APPLICATIONS`: The user owns the most applications allowed.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ApplicationsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            description: string | null;
            ownerId: string;
            bot: {
              id: string;
              username: string;
              displayName: string | null;
              avatarFileId: string | null;
              about: string | null;
              bot: boolean;
              createdAt: string;
            };
            createdAt: string;
          };
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_APPLICATION
       *
       *     - `UNKNOWN_APPLICATION`: No such application (bot) of the caller.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ApplicationsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_APPLICATION
       *
       *     - `UNKNOWN_APPLICATION`: No such application (bot) of the caller.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ApplicationsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          description?: string | null;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            description: string | null;
            ownerId: string;
            bot: {
              id: string;
              username: string;
              displayName: string | null;
              avatarFileId: string | null;
              about: string | null;
              bot: boolean;
              createdAt: string;
            };
            createdAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_APPLICATION
       *
       *     - `UNKNOWN_APPLICATION`: No such application (bot) of the caller.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ApplicationsController_resetToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Shown once: send it as `Authorization: Bot <token>`. The previous token stops working. */
            token: string;
          };
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_APPLICATION
       *
       *     - `UNKNOWN_APPLICATION`: No such application (bot) of the caller.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  DownloadsController_attachment: {
    parameters: {
      query?: {
        size?: 'small' | 'large';
      };
      header?: never;
      path: {
        fileId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Location: the presigned URL */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_FILE, NO_THUMBNAIL
       *
       *     - `UNKNOWN_FILE`: No such file of the caller.
       *     - `NO_THUMBNAIL`: This file has no thumbnails.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      /**
       * @description CHAT_UNAVAILABLE, SERVICE_UNAVAILABLE (Retry-After header)
       *
       *     - `CHAT_UNAVAILABLE`: Permissions cannot be checked right now (chat unreachable).
       *     - `SERVICE_UNAVAILABLE`: The service cannot answer right now; retry shortly.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      504: components['responses']['GatewayTimeout'];
    };
  };
  UploadsController_complete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        fileId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          parts?: {
            partNumber: number;
            etag: string;
          }[];
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            purpose: 'attachment' | 'avatar' | 'icon' | 'emoji' | 'export';
            /** @enum {string} */
            status: 'pending' | 'ready' | 'deleted';
            ownerId: string;
            channelId: string | null;
            guildId: string | null;
            messageId: string | null;
            filename: string;
            contentType: string;
            size: number;
            width: number | null;
            height: number | null;
            thumbnails: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            completedAt: string | null;
          };
        };
      };
      /**
       * @description INVALID_PARTS (multipart: parts missing, repeated or with wrong ETags; the upload stays open), UPLOAD_MISSING, SIZE_MISMATCH, TYPE_MISMATCH or IMAGE_TOO_LARGE (an image of more than FILE_IMAGE_MAX_PIXELS pixels; the last three delete the upload), INVALID_PATH, MALFORMED_JSON
       *
       *     - `INVALID_PARTS`: The parts do not complete this upload.
       *     - `UPLOAD_MISSING`: Nothing was uploaded for this file yet.
       *     - `SIZE_MISMATCH`: The uploaded bytes differ from the declared size.
       *     - `TYPE_MISMATCH`: The bytes are not of the declared type, or cannot be decoded.
       *     - `IMAGE_TOO_LARGE`: The image’s dimensions are beyond the limit.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_FILE
       *
       *     - `UNKNOWN_FILE`: No such file of the caller.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AccountEmailController_confirmEmailChange: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          token: string;
        };
      };
    };
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description VALIDATION_FAILED or INVALID_TOKEN (unknown, used or expired), MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_TOKEN`: The emailed link is invalid, already used or expired.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description EMAIL_TAKEN (another account took the address meanwhile)
       *
       *     - `EMAIL_TAKEN`: An account with that email already exists.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          login: string;
          password: string;
          deviceLabel?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                accessToken: string;
                refreshToken: string;
                /** @description Seconds until the access token expires. */
                expiresIn: number;
                user: {
                  id: string;
                  username: string;
                  displayName: string | null;
                  avatarFileId: string | null;
                  about: string | null;
                  bot: boolean;
                  createdAt: string;
                  email: string | null;
                  emailVerified: boolean;
                  mfaEnabled: boolean;
                  instanceAdmin: boolean;
                };
              }
            | {
                /** @enum {boolean} */
                mfaRequired: true;
                ticket: string;
                expiresIn: number;
                methods: ('totp' | 'recovery')[];
              };
        };
      };
      /**
       * @description VALIDATION_FAILED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INVALID_CREDENTIALS
       *
       *     - `INVALID_CREDENTIALS`: The login or the password is wrong.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description ACCOUNT_SUSPENDED, or EMAIL_NOT_VERIFIED (only with AUTH_UNVERIFIED_POLICY=block)
       *
       *     - `ACCOUNT_SUSPENDED`: An instance admin suspended the account: no new session.
       *     - `EMAIL_NOT_VERIFIED`: Confirm the email address first (the mailed link).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOO_MANY_ATTEMPTS (Retry-After header), RATE_LIMITED (Retry-After header)
       *
       *     - `TOO_MANY_ATTEMPTS`: Too many failed attempts; wait for `Retry-After` seconds.
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  TwoFactorLoginController_complete: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          ticket: string;
          code: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            accessToken: string;
            refreshToken: string;
            /** @description Seconds until the access token expires. */
            expiresIn: number;
            user: {
              id: string;
              username: string;
              displayName: string | null;
              avatarFileId: string | null;
              about: string | null;
              bot: boolean;
              createdAt: string;
              email: string | null;
              emailVerified: boolean;
              mfaEnabled: boolean;
              instanceAdmin: boolean;
            };
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INVALID_MFA_CODE, or INVALID_MFA_TICKET (unknown, expired or already used)
       *
       *     - `INVALID_MFA_CODE`: The two-factor code given to confirm is wrong. (401: at sign-in (the second step))
       *     - `INVALID_MFA_TICKET`: The sign-in has expired or was already completed.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description ACCOUNT_SUSPENDED
       *
       *     - `ACCOUNT_SUSPENDED`: An instance admin suspended the account: no new session.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOO_MANY_ATTEMPTS (Retry-After header), RATE_LIMITED (Retry-After header)
       *
       *     - `TOO_MANY_ATTEMPTS`: Too many failed attempts; wait for `Retry-After` seconds.
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AuthController_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AuthController_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          currentPassword: string;
          newPassword: string;
        };
      };
    };
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description VALIDATION_FAILED or WEAK_PASSWORD, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `WEAK_PASSWORD`: The new password is too weak; `details` says why.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INVALID_CURRENT_PASSWORD
       *
       *     - `INVALID_CURRENT_PASSWORD`: The current password given to confirm is wrong.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOO_MANY_ATTEMPTS (Retry-After header), RATE_LIMITED (Retry-After header)
       *
       *     - `TOO_MANY_ATTEMPTS`: Too many failed attempts; wait for `Retry-After` seconds.
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AccountEmailController_requestPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: email */
          email: string;
        };
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            accepted: true;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AccountEmailController_confirmPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          token: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description VALIDATION_FAILED, WEAK_PASSWORD or INVALID_TOKEN (unknown, used or expired), MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `WEAK_PASSWORD`: The new password is too weak; `details` says why.
       *     - `INVALID_TOKEN`: The emailed link is invalid, already used or expired.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AuthController_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          refreshToken: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            accessToken: string;
            refreshToken: string;
            /** @description Seconds until the access token expires. */
            expiresIn: number;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INVALID_REFRESH_TOKEN, REFRESH_TOKEN_REUSED or ACCOUNT_SUSPENDED
       *
       *     - `INVALID_REFRESH_TOKEN`: The refresh token is invalid or expired.
       *     - `REFRESH_TOKEN_REUSED`: The refresh token was already used; the session has been revoked.
       *     - `ACCOUNT_SUSPENDED`: An instance admin suspended the account: no new session. (401: on refresh: the session of a suspended account is not refreshed)
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AuthController_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: email */
          email: string;
          username: string;
          password: string;
          displayName?: string;
          deviceLabel?: string;
          inviteCode?: string;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            accessToken: string;
            refreshToken: string;
            /** @description Seconds until the access token expires. */
            expiresIn: number;
            user: {
              id: string;
              username: string;
              displayName: string | null;
              avatarFileId: string | null;
              about: string | null;
              bot: boolean;
              createdAt: string;
              email: string | null;
              emailVerified: boolean;
              mfaEnabled: boolean;
              instanceAdmin: boolean;
            };
          };
        };
      };
      /** @description 202 */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: {
              id: string;
              username: string;
              displayName: string | null;
              avatarFileId: string | null;
              about: string | null;
              bot: boolean;
              createdAt: string;
              email: string | null;
              emailVerified: boolean;
              mfaEnabled: boolean;
              instanceAdmin: boolean;
            };
            /** @enum {boolean} */
            verificationRequired: true;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED or WEAK_PASSWORD, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `WEAK_PASSWORD`: The new password is too weak; `details` says why.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description REGISTRATION_CLOSED, or (invite_only, see GET /api/v1/instance) INSTANCE_INVITE_REQUIRED or INSTANCE_INVITE_INVALID (unknown, expired or used up)
       *
       *     - `REGISTRATION_CLOSED`: Registration is closed on this instance.
       *     - `INSTANCE_INVITE_REQUIRED`: Registration on this instance needs an invite code.
       *     - `INSTANCE_INVITE_INVALID`: The invite code is unknown, expired or used up.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description USERNAME_TAKEN or EMAIL_TAKEN
       *
       *     - `USERNAME_TAKEN`: That username is taken.
       *     - `EMAIL_TAKEN`: An account with that email already exists.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  SessionsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            deviceLabel: string | null;
            ip: string | null;
            createdAt: string;
            lastUsedAt: string;
            current: boolean;
          }[];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  SessionsController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description SESSION_NOT_FOUND
       *
       *     - `SESSION_NOT_FOUND`: No such session of the caller.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AccountEmailController_verifyEmail: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          token: string;
        };
      };
    };
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description VALIDATION_FAILED or INVALID_TOKEN (unknown, used or expired), MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_TOKEN`: The emailed link is invalid, already used or expired.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AccountEmailController_resendVerification: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: email */
          email: string;
        };
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            accepted: true;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ChannelsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            type: 'text' | 'voice' | 'category' | 'dm' | 'group_dm' | 'public_thread' | 'private_thread';
            guildId: string | null;
            name: string | null;
            topic: string | null;
            position: number;
            parentId: string | null;
            slowmodeSeconds: number;
            userLimit: number | null;
            permissionOverwrites: {
              id: string;
              /** @enum {string} */
              type: 'role' | 'member';
              allow: string;
              deny: string;
            }[];
            recipientIds: string[];
            ownerId: string | null;
            lastMessageId: string | null;
            /** Format: date-time */
            createdAt: string;
            thread?: {
              starterMessageId: string | null;
              ownerId: string;
              archived: boolean;
              autoArchiveMinutes: 60 | 1440 | 4320 | 10080;
              /** Format: date-time */
              archiveTimestamp: string;
              locked: boolean;
              invitable: boolean;
              messageCount: number;
              memberCount: number;
            };
          };
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL (also when you cannot see it)
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ChannelsController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL (also when you cannot see it)
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ChannelsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string | null;
          topic?: string | null;
          parentId?: string | null;
          position?: number;
          slowmodeSeconds?: number;
          userLimit?: number | null;
          archived?: boolean;
          locked?: boolean;
          autoArchiveMinutes?: 60 | 1440 | 4320 | 10080;
          invitable?: boolean;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            type: 'text' | 'voice' | 'category' | 'dm' | 'group_dm' | 'public_thread' | 'private_thread';
            guildId: string | null;
            name: string | null;
            topic: string | null;
            position: number;
            parentId: string | null;
            slowmodeSeconds: number;
            userLimit: number | null;
            permissionOverwrites: {
              id: string;
              /** @enum {string} */
              type: 'role' | 'member';
              allow: string;
              deny: string;
            }[];
            recipientIds: string[];
            ownerId: string | null;
            lastMessageId: string | null;
            /** Format: date-time */
            createdAt: string;
            thread?: {
              starterMessageId: string | null;
              ownerId: string;
              archived: boolean;
              autoArchiveMinutes: 60 | 1440 | 4320 | 10080;
              /** Format: date-time */
              archiveTimestamp: string;
              locked: boolean;
              invitable: boolean;
              messageCount: number;
              memberCount: number;
            };
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, NOT_GROUP_DM (a 1:1 DM cannot be renamed), INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `NOT_GROUP_DM`: Only group DMs allow this.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL (also when you cannot see it)
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  UploadsController_attachment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          filename: string;
          size: number;
          contentType: string;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                id: string;
                /** Format: uri */
                uploadUrl: string;
                headers: {
                  [key: string]: string;
                };
                /** Format: date-time */
                expiresAt: string;
                /** @enum {string} */
                method: 'PUT';
              }
            | {
                id: string;
                /** Format: uri */
                uploadUrl: string;
                headers: {
                  [key: string]: string;
                };
                /** Format: date-time */
                expiresAt: string;
                /** @enum {string} */
                method: 'multipart';
                multipart: {
                  partSize: number;
                  parts: {
                    partNumber: number;
                    /** Format: uri */
                    url: string;
                    size: number;
                  }[];
                };
              };
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOO_MANY_OPEN_UPLOADS (the caller has FILE_MAX_OPEN_UPLOADS uploads neither completed nor expired)
       *
       *     - `TOO_MANY_OPEN_UPLOADS`: The user has the most unfinished uploads allowed.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (declared size), PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      /**
       * @description CHAT_UNAVAILABLE, SERVICE_UNAVAILABLE (Retry-After header)
       *
       *     - `CHAT_UNAVAILABLE`: Permissions cannot be checked right now (chat unreachable).
       *     - `SERVICE_UNAVAILABLE`: The service cannot answer right now; retry shortly.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      504: components['responses']['GatewayTimeout'];
    };
  };
  MessagesController_history: {
    parameters: {
      query?: {
        limit?: number;
        before?: string;
        after?: string;
        around?: string;
      };
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            channelId: string;
            guildId: string | null;
            authorId: string;
            content: string;
            nonce: string | null;
            replyToId: string | null;
            attachments: {
              id: string;
              filename: string;
              contentType: string;
              size: number;
              width: number | null;
              height: number | null;
            }[];
            mentions: {
              userIds: string[];
              roleIds: string[];
              everyone: boolean;
            };
            pinned: boolean;
            revision: number;
            /** Format: date-time */
            editedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            reactions: {
              emoji: string;
              count: number;
              me: boolean;
            }[];
            webhookId?: string;
            author?: {
              id: string;
              username: string;
              avatar: string | null;
              bot: boolean;
            };
            embeds?: {
              url: string;
              /** @enum {string} */
              type: 'link' | 'image' | 'video';
              title: string | null;
              description: string | null;
              siteName: string | null;
              color: number | null;
              thumbnail: {
                fileId?: string;
                url: string;
                width: number | null;
                height: number | null;
              } | null;
              video: {
                fileId?: string;
                url: string;
                width: number | null;
                height: number | null;
              } | null;
            }[];
            flags?: number;
            thread?: {
              id: string;
              name: string;
              messageCount: number;
              archived: boolean;
            };
          }[];
        };
      };
      /**
       * @description VALIDATION_FAILED (limit, or a cursor from another channel), INVALID_PATH
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  MessagesController_send: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          content?: string;
          nonce?: string;
          replyTo?: string;
          /** @default [] */
          attachments?: string[];
        };
      };
    };
    responses: {
      /** @description The message sent earlier with this nonce */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            channelId: string;
            guildId: string | null;
            authorId: string;
            content: string;
            nonce: string | null;
            replyToId: string | null;
            attachments: {
              id: string;
              filename: string;
              contentType: string;
              size: number;
              width: number | null;
              height: number | null;
            }[];
            mentions: {
              userIds: string[];
              roleIds: string[];
              everyone: boolean;
            };
            pinned: boolean;
            revision: number;
            /** Format: date-time */
            editedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            reactions: {
              emoji: string;
              count: number;
              me: boolean;
            }[];
            webhookId?: string;
            author?: {
              id: string;
              username: string;
              avatar: string | null;
              bot: boolean;
            };
            embeds?: {
              url: string;
              /** @enum {string} */
              type: 'link' | 'image' | 'video';
              title: string | null;
              description: string | null;
              siteName: string | null;
              color: number | null;
              thumbnail: {
                fileId?: string;
                url: string;
                width: number | null;
                height: number | null;
              } | null;
              video: {
                fileId?: string;
                url: string;
                width: number | null;
                height: number | null;
              } | null;
            }[];
            flags?: number;
            thread?: {
              id: string;
              name: string;
              messageCount: number;
              archived: boolean;
            };
          };
        };
      };
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            channelId: string;
            guildId: string | null;
            authorId: string;
            content: string;
            nonce: string | null;
            replyToId: string | null;
            attachments: {
              id: string;
              filename: string;
              contentType: string;
              size: number;
              width: number | null;
              height: number | null;
            }[];
            mentions: {
              userIds: string[];
              roleIds: string[];
              everyone: boolean;
            };
            pinned: boolean;
            revision: number;
            /** Format: date-time */
            editedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            reactions: {
              emoji: string;
              count: number;
              me: boolean;
            }[];
            webhookId?: string;
            author?: {
              id: string;
              username: string;
              avatar: string | null;
              bot: boolean;
            };
            embeds?: {
              url: string;
              /** @enum {string} */
              type: 'link' | 'image' | 'video';
              title: string | null;
              description: string | null;
              siteName: string | null;
              color: number | null;
              thumbnail: {
                fileId?: string;
                url: string;
                width: number | null;
                height: number | null;
              } | null;
              video: {
                fileId?: string;
                url: string;
                width: number | null;
                height: number | null;
              } | null;
            }[];
            flags?: number;
            thread?: {
              id: string;
              name: string;
              messageCount: number;
              archived: boolean;
            };
          };
        };
      };
      /**
       * @description VALIDATION_FAILED (content, replyTo, nonce), INVALID_ATTACHMENT (attachments), INVALID_CHANNEL_TYPE, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_ATTACHMENT`: Some attachments cannot be used in this message.
       *     - `INVALID_CHANNEL_TYPE`: The channel’s type does not allow this.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description CONFLICT (the sender's permissions in the channel changed during each of several tries; send again)
       *
       *     - `CONFLICT`: The request conflicts with the current state.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description SLOWMODE or RATE_LIMITED (Retry-After header)
       *
       *     - `SLOWMODE`: The channel is in slowmode; wait for `Retry-After` seconds.
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  MessagesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
        messageId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            channelId: string;
            guildId: string | null;
            authorId: string;
            content: string;
            nonce: string | null;
            replyToId: string | null;
            attachments: {
              id: string;
              filename: string;
              contentType: string;
              size: number;
              width: number | null;
              height: number | null;
            }[];
            mentions: {
              userIds: string[];
              roleIds: string[];
              everyone: boolean;
            };
            pinned: boolean;
            revision: number;
            /** Format: date-time */
            editedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            reactions: {
              emoji: string;
              count: number;
              me: boolean;
            }[];
            webhookId?: string;
            author?: {
              id: string;
              username: string;
              avatar: string | null;
              bot: boolean;
            };
            embeds?: {
              url: string;
              /** @enum {string} */
              type: 'link' | 'image' | 'video';
              title: string | null;
              description: string | null;
              siteName: string | null;
              color: number | null;
              thumbnail: {
                fileId?: string;
                url: string;
                width: number | null;
                height: number | null;
              } | null;
              video: {
                fileId?: string;
                url: string;
                width: number | null;
                height: number | null;
              } | null;
            }[];
            flags?: number;
            thread?: {
              id: string;
              name: string;
              messageCount: number;
              archived: boolean;
            };
          };
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (READ_MESSAGE_HISTORY)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL or UNKNOWN_MESSAGE
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       *     - `UNKNOWN_MESSAGE`: No such message in this channel.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  MessagesController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
        messageId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (MANAGE_MESSAGES)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL or UNKNOWN_MESSAGE
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       *     - `UNKNOWN_MESSAGE`: No such message in this channel.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  MessagesController_edit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
        messageId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          content?: string;
          /** @enum {number} */
          flags?: 0 | 4;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            channelId: string;
            guildId: string | null;
            authorId: string;
            content: string;
            nonce: string | null;
            replyToId: string | null;
            attachments: {
              id: string;
              filename: string;
              contentType: string;
              size: number;
              width: number | null;
              height: number | null;
            }[];
            mentions: {
              userIds: string[];
              roleIds: string[];
              everyone: boolean;
            };
            pinned: boolean;
            revision: number;
            /** Format: date-time */
            editedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            reactions: {
              emoji: string;
              count: number;
              me: boolean;
            }[];
            webhookId?: string;
            author?: {
              id: string;
              username: string;
              avatar: string | null;
              bot: boolean;
            };
            embeds?: {
              url: string;
              /** @enum {string} */
              type: 'link' | 'image' | 'video';
              title: string | null;
              description: string | null;
              siteName: string | null;
              color: number | null;
              thumbnail: {
                fileId?: string;
                url: string;
                width: number | null;
                height: number | null;
              } | null;
              video: {
                fileId?: string;
                url: string;
                width: number | null;
                height: number | null;
              } | null;
            }[];
            flags?: number;
            thread?: {
              id: string;
              name: string;
              messageCount: number;
              archived: boolean;
            };
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description NOT_MESSAGE_AUTHOR (content), MISSING_PERMISSION (MANAGE_MESSAGES, flags of another)
       *
       *     - `NOT_MESSAGE_AUTHOR`: Only the author can edit a message.
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL or UNKNOWN_MESSAGE
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       *     - `UNKNOWN_MESSAGE`: No such message in this channel.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ReadStatesController_ack: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
        messageId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL or UNKNOWN_MESSAGE
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       *     - `UNKNOWN_MESSAGE`: No such message in this channel.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ReactionsController_list: {
    parameters: {
      query?: {
        limit?: number;
        after?: string;
      };
      header?: never;
      path: {
        channelId: string;
        messageId: string;
        /** @description One unicode emoji, URL-encoded, or a custom emoji of the message’s guild as `name:id` (reactions with it are shown as `name:id`; any name finds them by id). */
        emoji: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            username: string;
            displayName: string | null;
          }[];
        };
      };
      /**
       * @description INVALID_EMOJI or VALIDATION_FAILED, INVALID_PATH
       *
       *     - `INVALID_EMOJI`: Not one unicode emoji, nor a custom emoji of this guild.
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (READ_MESSAGE_HISTORY)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL or UNKNOWN_MESSAGE
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       *     - `UNKNOWN_MESSAGE`: No such message in this channel.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ReactionsController_add: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
        messageId: string;
        /** @description One unicode emoji, URL-encoded, or a custom emoji of the message’s guild as `name:id` (reactions with it are shown as `name:id`; any name finds them by id). */
        emoji: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_EMOJI (field `emoji`: not a unicode emoji, or not a custom emoji of this guild) or TOO_MANY_REACTIONS (20 emoji), INVALID_PATH
       *
       *     - `INVALID_EMOJI`: Not one unicode emoji, nor a custom emoji of this guild.
       *     - `TOO_MANY_REACTIONS`: The message has the most distinct reactions allowed.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL or UNKNOWN_MESSAGE
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       *     - `UNKNOWN_MESSAGE`: No such message in this channel.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ReactionsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
        messageId: string;
        /** @description One unicode emoji, URL-encoded, or a custom emoji of the message’s guild as `name:id` (reactions with it are shown as `name:id`; any name finds them by id). */
        emoji: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_EMOJI, INVALID_PATH
       *
       *     - `INVALID_EMOJI`: Not one unicode emoji, nor a custom emoji of this guild.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL or UNKNOWN_MESSAGE
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       *     - `UNKNOWN_MESSAGE`: No such message in this channel.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ThreadsController_createFromMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
        messageId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          autoArchiveMinutes?: 60 | 1440 | 4320 | 10080;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            type: 'text' | 'voice' | 'category' | 'dm' | 'group_dm' | 'public_thread' | 'private_thread';
            guildId: string | null;
            name: string | null;
            topic: string | null;
            position: number;
            parentId: string | null;
            slowmodeSeconds: number;
            userLimit: number | null;
            permissionOverwrites: {
              id: string;
              /** @enum {string} */
              type: 'role' | 'member';
              allow: string;
              deny: string;
            }[];
            recipientIds: string[];
            ownerId: string | null;
            lastMessageId: string | null;
            /** Format: date-time */
            createdAt: string;
            thread?: {
              starterMessageId: string | null;
              ownerId: string;
              archived: boolean;
              autoArchiveMinutes: 60 | 1440 | 4320 | 10080;
              /** Format: date-time */
              archiveTimestamp: string;
              locked: boolean;
              invitable: boolean;
              messageCount: number;
              memberCount: number;
            };
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_CHANNEL_TYPE, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_CHANNEL_TYPE`: The channel’s type does not allow this.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL, UNKNOWN_MESSAGE
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       *     - `UNKNOWN_MESSAGE`: No such message in this channel.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description THREAD_ALREADY_CREATED
       *
       *     - `THREAD_ALREADY_CREATED`: A thread was already started from this message.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  SearchController_channel: {
    parameters: {
      query?: {
        /** @description Search syntax: from:alice in:#general has:file before:2026-01-01 "exact phrase" */
        q?: string;
        /** @description Words to find (all of them) */
        content?: string;
        /** @description Author ids (repeat or comma-separate) */
        authorId?: string;
        /** @description Mentioned user ids */
        mentions?: string;
        /** @description link, file or image */
        has?: string;
        /** @description Date, ISO date-time or message id (exclusive) */
        before?: string;
        /** @description Date, ISO date-time or message id (exclusive) */
        after?: string;
        /** @description true or false */
        pinned?: string;
        /** @description relevance (default), newest or oldest */
        sort?: string;
        /** @description 1–25 */
        limit?: string;
        /** @description 0–5000 */
        offset?: string;
      };
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            total: number;
            offset: number;
            limit: number;
            messages: {
              id: string;
              channelId: string;
              guildId: string | null;
              authorId: string;
              content: string;
              createdAt: string;
              editedAt: string | null;
              pinned: boolean;
              has: string[];
              mentions: {
                userIds: string[];
                roleIds: string[];
                everyone: boolean;
              };
              highlights: string[];
            }[];
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_QUERY, INVALID_PATH
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_QUERY`: The search query cannot be parsed.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      /**
       * @description CHAT_UNAVAILABLE, SEARCH_UNAVAILABLE, SERVICE_UNAVAILABLE (Retry-After header)
       *
       *     - `CHAT_UNAVAILABLE`: Permissions cannot be checked right now (chat unreachable).
       *     - `SEARCH_UNAVAILABLE`: Search is unavailable right now; retry soon.
       *     - `SERVICE_UNAVAILABLE`: The service cannot answer right now; retry shortly.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      504: components['responses']['GatewayTimeout'];
    };
  };
  ChannelsController_putOverwrite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
        overwriteId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          type: 'role' | 'member';
          /** @default 0 */
          allow?: string;
          /** @default 0 */
          deny?: string;
        };
      };
    };
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION, CANNOT_GRANT_PERMISSIONS
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       *     - `CANNOT_GRANT_PERMISSIONS`: The caller cannot grant permissions it lacks.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL, UNKNOWN_ROLE, UNKNOWN_MEMBER, UNKNOWN_OVERWRITE (not an id)
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       *     - `UNKNOWN_ROLE`: No such role in this guild.
       *     - `UNKNOWN_MEMBER`: No such member of this guild (or thread).
       *     - `UNKNOWN_OVERWRITE`: No such permission overwrite on this channel.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ChannelsController_deleteOverwrite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
        overwriteId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL, UNKNOWN_OVERWRITE
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       *     - `UNKNOWN_OVERWRITE`: No such permission overwrite on this channel.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  PinsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            channelId: string;
            guildId: string | null;
            authorId: string;
            content: string;
            nonce: string | null;
            replyToId: string | null;
            attachments: {
              id: string;
              filename: string;
              contentType: string;
              size: number;
              width: number | null;
              height: number | null;
            }[];
            mentions: {
              userIds: string[];
              roleIds: string[];
              everyone: boolean;
            };
            pinned: boolean;
            revision: number;
            /** Format: date-time */
            editedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            reactions: {
              emoji: string;
              count: number;
              me: boolean;
            }[];
            webhookId?: string;
            author?: {
              id: string;
              username: string;
              avatar: string | null;
              bot: boolean;
            };
            embeds?: {
              url: string;
              /** @enum {string} */
              type: 'link' | 'image' | 'video';
              title: string | null;
              description: string | null;
              siteName: string | null;
              color: number | null;
              thumbnail: {
                fileId?: string;
                url: string;
                width: number | null;
                height: number | null;
              } | null;
              video: {
                fileId?: string;
                url: string;
                width: number | null;
                height: number | null;
              } | null;
            }[];
            flags?: number;
            thread?: {
              id: string;
              name: string;
              messageCount: number;
              archived: boolean;
            };
          }[];
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (READ_MESSAGE_HISTORY)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  PinsController_pin: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
        messageId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description TOO_MANY_PINS, INVALID_PATH
       *
       *     - `TOO_MANY_PINS`: The channel has the most pinned messages allowed.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL or UNKNOWN_MESSAGE
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       *     - `UNKNOWN_MESSAGE`: No such message in this channel.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  PinsController_unpin: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
        messageId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL or UNKNOWN_MESSAGE
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       *     - `UNKNOWN_MESSAGE`: No such message in this channel.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  DmsController_add: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description NOT_GROUP_DM, GROUP_DM_FULL, TOO_MANY_GROUP_DMS (that user is in CHAT_MAX_GROUP_DMS_PER_USER group DMs, 100 by default), INVALID_PATH
       *
       *     - `NOT_GROUP_DM`: Only group DMs allow this.
       *     - `GROUP_DM_FULL`: The group DM holds the most people allowed.
       *     - `TOO_MANY_GROUP_DMS`: The user is in the most group DMs allowed.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description NOT_GROUP_DM_OWNER
       *
       *     - `NOT_GROUP_DM_OWNER`: Only the owner of the group DM can do that.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL or UNKNOWN_USER
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       *     - `UNKNOWN_USER`: No such user.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  DmsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description NOT_GROUP_DM, INVALID_PATH
       *
       *     - `NOT_GROUP_DM`: Only group DMs allow this.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description NOT_GROUP_DM_OWNER
       *
       *     - `NOT_GROUP_DM_OWNER`: Only the owner of the group DM can do that.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL or UNKNOWN_RECIPIENT
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       *     - `UNKNOWN_RECIPIENT`: That user is not in this group DM.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ThreadsController_members: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            threadId: string;
            userId: string;
            /** Format: date-time */
            joinedAt: string;
          }[];
        };
      };
      /**
       * @description INVALID_CHANNEL_TYPE (not a thread), INVALID_PATH
       *
       *     - `INVALID_CHANNEL_TYPE`: The channel’s type does not allow this.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL (also when you cannot see it)
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ThreadsController_add: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_CHANNEL_TYPE, THREAD_ARCHIVED, INVALID_PATH
       *
       *     - `INVALID_CHANNEL_TYPE`: The channel’s type does not allow this.
       *     - `THREAD_ARCHIVED`: The thread is archived.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL, UNKNOWN_MEMBER
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       *     - `UNKNOWN_MEMBER`: No such member of this guild (or thread).
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ThreadsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_CHANNEL_TYPE, INVALID_PATH
       *
       *     - `INVALID_CHANNEL_TYPE`: The channel’s type does not allow this.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL, UNKNOWN_MEMBER
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       *     - `UNKNOWN_MEMBER`: No such member of this guild (or thread).
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ThreadsController_join: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_CHANNEL_TYPE, THREAD_ARCHIVED, INVALID_PATH
       *
       *     - `INVALID_CHANNEL_TYPE`: The channel’s type does not allow this.
       *     - `THREAD_ARCHIVED`: The thread is archived.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL (also when you cannot see it)
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ThreadsController_leave: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_CHANNEL_TYPE, INVALID_PATH
       *
       *     - `INVALID_CHANNEL_TYPE`: The channel’s type does not allow this.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL (also when you cannot see it)
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ThreadsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          /**
           * @default public
           * @enum {string}
           */
          type?: 'public' | 'private';
          autoArchiveMinutes?: 60 | 1440 | 4320 | 10080;
          invitable?: boolean;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            type: 'text' | 'voice' | 'category' | 'dm' | 'group_dm' | 'public_thread' | 'private_thread';
            guildId: string | null;
            name: string | null;
            topic: string | null;
            position: number;
            parentId: string | null;
            slowmodeSeconds: number;
            userLimit: number | null;
            permissionOverwrites: {
              id: string;
              /** @enum {string} */
              type: 'role' | 'member';
              allow: string;
              deny: string;
            }[];
            recipientIds: string[];
            ownerId: string | null;
            lastMessageId: string | null;
            /** Format: date-time */
            createdAt: string;
            thread?: {
              starterMessageId: string | null;
              ownerId: string;
              archived: boolean;
              autoArchiveMinutes: 60 | 1440 | 4320 | 10080;
              /** Format: date-time */
              archiveTimestamp: string;
              locked: boolean;
              invitable: boolean;
              messageCount: number;
              memberCount: number;
            };
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_CHANNEL_TYPE, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_CHANNEL_TYPE`: The channel’s type does not allow this.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL (also when you cannot see it)
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ThreadsController_active: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            threads: {
              id: string;
              /** @enum {string} */
              type: 'text' | 'voice' | 'category' | 'dm' | 'group_dm' | 'public_thread' | 'private_thread';
              guildId: string | null;
              name: string | null;
              topic: string | null;
              position: number;
              parentId: string | null;
              slowmodeSeconds: number;
              userLimit: number | null;
              permissionOverwrites: {
                id: string;
                /** @enum {string} */
                type: 'role' | 'member';
                allow: string;
                deny: string;
              }[];
              recipientIds: string[];
              ownerId: string | null;
              lastMessageId: string | null;
              /** Format: date-time */
              createdAt: string;
              thread?: {
                starterMessageId: string | null;
                ownerId: string;
                archived: boolean;
                autoArchiveMinutes: 60 | 1440 | 4320 | 10080;
                /** Format: date-time */
                archiveTimestamp: string;
                locked: boolean;
                invitable: boolean;
                messageCount: number;
                memberCount: number;
              };
            }[];
            hasMore: boolean;
          };
        };
      };
      /**
       * @description INVALID_CHANNEL_TYPE, INVALID_PATH
       *
       *     - `INVALID_CHANNEL_TYPE`: The channel’s type does not allow this.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (READ_MESSAGE_HISTORY)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL (also when you cannot see it)
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ThreadsController_archived: {
    parameters: {
      query?: {
        before?: string;
        limit?: number;
      };
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            threads: {
              id: string;
              /** @enum {string} */
              type: 'text' | 'voice' | 'category' | 'dm' | 'group_dm' | 'public_thread' | 'private_thread';
              guildId: string | null;
              name: string | null;
              topic: string | null;
              position: number;
              parentId: string | null;
              slowmodeSeconds: number;
              userLimit: number | null;
              permissionOverwrites: {
                id: string;
                /** @enum {string} */
                type: 'role' | 'member';
                allow: string;
                deny: string;
              }[];
              recipientIds: string[];
              ownerId: string | null;
              lastMessageId: string | null;
              /** Format: date-time */
              createdAt: string;
              thread?: {
                starterMessageId: string | null;
                ownerId: string;
                archived: boolean;
                autoArchiveMinutes: 60 | 1440 | 4320 | 10080;
                /** Format: date-time */
                archiveTimestamp: string;
                locked: boolean;
                invitable: boolean;
                messageCount: number;
                memberCount: number;
              };
            }[];
            hasMore: boolean;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_CHANNEL_TYPE, INVALID_PATH
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_CHANNEL_TYPE`: The channel’s type does not allow this.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (READ_MESSAGE_HISTORY)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL (also when you cannot see it)
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  VoiceStatesController_join: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default false */
          selfMute?: boolean;
          /** @default false */
          selfDeaf?: boolean;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            endpoint: string;
            token: string;
            expiresInSeconds: number;
            state: {
              userId: string;
              guildId: string | null;
              channelId: string | null;
              sessionId: string;
              selfMute: boolean;
              selfDeaf: boolean;
              mute: boolean;
              deaf: boolean;
              selfVideo: boolean;
              selfStream: boolean;
              /** Format: date-time */
              joinedAt: string;
            };
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, NOT_VOICE_CHANNEL, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `NOT_VOICE_CHANNEL`: The channel is not a voice channel.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION, VOICE_CHANNEL_FULL
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       *     - `VOICE_CHANNEL_FULL`: The voice channel's user limit is reached (members with MOVE_MEMBERS pass).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      /**
       * @description VOICE_UNAVAILABLE, SERVICE_UNAVAILABLE (Retry-After header)
       *
       *     - `VOICE_UNAVAILABLE`: No voice node is alive to host the room, or chat cannot answer.
       *     - `SERVICE_UNAVAILABLE`: The service cannot answer right now; retry shortly.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      504: components['responses']['GatewayTimeout'];
    };
  };
  VoiceStatesController_channelStates: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            userId: string;
            guildId: string | null;
            channelId: string | null;
            sessionId: string;
            selfMute: boolean;
            selfDeaf: boolean;
            mute: boolean;
            deaf: boolean;
            selfVideo: boolean;
            selfStream: boolean;
            /** Format: date-time */
            joinedAt: string;
          }[];
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ChannelWebhooksController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            guildId: string;
            channelId: string;
            name: string;
            avatar: string | null;
            creatorId: string;
            /** Format: date-time */
            createdAt: string;
          }[];
        };
      };
      /**
       * @description INVALID_CHANNEL_TYPE, INVALID_PATH
       *
       *     - `INVALID_CHANNEL_TYPE`: The channel’s type does not allow this.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (MANAGE_WEBHOOKS)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ChannelWebhooksController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          avatar?: string | null;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            guildId: string;
            channelId: string;
            name: string;
            avatar: string | null;
            creatorId: string;
            /** Format: date-time */
            createdAt: string;
            token: string;
            url: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED (name, avatar), INVALID_CHANNEL_TYPE (DMs, voice channels, categories), TOO_MANY_WEBHOOKS (15 per channel), INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_CHANNEL_TYPE`: The channel’s type does not allow this.
       *     - `TOO_MANY_WEBHOOKS`: The channel has the most webhooks allowed.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (MANAGE_WEBHOOKS)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  DownloadsController_publicFile: {
    parameters: {
      query?: {
        size?: 'small' | 'large';
      };
      header?: never;
      path: {
        fileId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Location: the presigned URL */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_FILE, NO_THUMBNAIL
       *
       *     - `UNKNOWN_FILE`: No such file of the caller.
       *     - `NO_THUMBNAIL`: This file has no thumbnails.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  GuildsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          description?: string | null;
          iconFileId?: string | null;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            iconFileId: string | null;
            description: string | null;
            ownerId: string;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, TOO_MANY_GUILDS, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `TOO_MANY_GUILDS`: The user is in the most guilds allowed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  GuildsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            iconFileId: string | null;
            description: string | null;
            ownerId: string;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  GuildsController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description OWNER_ONLY
       *
       *     - `OWNER_ONLY`: Only the guild owner can do that.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  GuildsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          description?: string | null;
          iconFileId?: string | null;
          ownerId?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            iconFileId: string | null;
            description: string | null;
            ownerId: string;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION, OWNER_ONLY
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       *     - `OWNER_ONLY`: Only the guild owner can do that.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AuditLogController_list: {
    parameters: {
      query?: {
        user_id?: string;
        action_type?:
          | 'GUILD_UPDATE'
          | 'CHANNEL_CREATE'
          | 'CHANNEL_UPDATE'
          | 'CHANNEL_DELETE'
          | 'CHANNEL_OVERWRITE_UPDATE'
          | 'CHANNEL_OVERWRITE_DELETE'
          | 'ROLE_CREATE'
          | 'ROLE_UPDATE'
          | 'ROLE_DELETE'
          | 'MEMBER_ROLE_UPDATE'
          | 'MEMBER_UPDATE'
          | 'MEMBER_KICK'
          | 'MEMBER_BAN_ADD'
          | 'MEMBER_BAN_REMOVE'
          | 'MESSAGE_DELETE'
          | 'MESSAGE_PIN'
          | 'MESSAGE_UNPIN'
          | 'INVITE_CREATE'
          | 'INVITE_DELETE'
          | 'WEBHOOK_CREATE'
          | 'WEBHOOK_UPDATE'
          | 'WEBHOOK_DELETE'
          | 'BOT_ADD'
          | 'VOICE_MEMBER_MOVE'
          | 'VOICE_MEMBER_DISCONNECT'
          | 'EMOJI_CREATE'
          | 'EMOJI_UPDATE'
          | 'EMOJI_DELETE';
        before?: string;
        limit?: number;
      };
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            entries: {
              id: string;
              guildId: string;
              actorId: string;
              /** @enum {string} */
              action:
                | 'GUILD_UPDATE'
                | 'CHANNEL_CREATE'
                | 'CHANNEL_UPDATE'
                | 'CHANNEL_DELETE'
                | 'CHANNEL_OVERWRITE_UPDATE'
                | 'CHANNEL_OVERWRITE_DELETE'
                | 'ROLE_CREATE'
                | 'ROLE_UPDATE'
                | 'ROLE_DELETE'
                | 'MEMBER_ROLE_UPDATE'
                | 'MEMBER_UPDATE'
                | 'MEMBER_KICK'
                | 'MEMBER_BAN_ADD'
                | 'MEMBER_BAN_REMOVE'
                | 'MESSAGE_DELETE'
                | 'MESSAGE_PIN'
                | 'MESSAGE_UNPIN'
                | 'INVITE_CREATE'
                | 'INVITE_DELETE'
                | 'WEBHOOK_CREATE'
                | 'WEBHOOK_UPDATE'
                | 'WEBHOOK_DELETE'
                | 'BOT_ADD'
                | 'VOICE_MEMBER_MOVE'
                | 'VOICE_MEMBER_DISCONNECT'
                | 'EMOJI_CREATE'
                | 'EMOJI_UPDATE'
                | 'EMOJI_DELETE';
              /** @enum {string} */
              targetType: 'guild' | 'channel' | 'role' | 'user' | 'message' | 'invite' | 'webhook' | 'emoji';
              targetId: string | null;
              changes: {
                key: string;
                old?: unknown;
                new?: unknown;
              }[];
              options: {
                [key: string]: string;
              } | null;
              reason: string | null;
              /** Format: date-time */
              createdAt: string;
            }[];
            users: {
              id: string;
              username: string;
              displayName: string | null;
              avatarFileId: string | null;
            }[];
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member)
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  BansController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            guildId: string;
            userId: string;
            reason: string | null;
            moderatorId: string;
            createdAt: string;
          }[];
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  BansController_ban: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION, MEMBER_HIERARCHY
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       *     - `MEMBER_HIERARCHY`: The member cannot be moderated by the caller.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD, UNKNOWN_USER
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       *     - `UNKNOWN_USER`: No such user.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  BansController_unban: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD, UNKNOWN_BAN, UNKNOWN_USER (not a user id)
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       *     - `UNKNOWN_BAN`: That user is not banned from this guild.
       *     - `UNKNOWN_USER`: No such user.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  GuildChannelsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            type: 'text' | 'voice' | 'category' | 'dm' | 'group_dm' | 'public_thread' | 'private_thread';
            guildId: string | null;
            name: string | null;
            topic: string | null;
            position: number;
            parentId: string | null;
            slowmodeSeconds: number;
            userLimit: number | null;
            permissionOverwrites: {
              id: string;
              /** @enum {string} */
              type: 'role' | 'member';
              allow: string;
              deny: string;
            }[];
            recipientIds: string[];
            ownerId: string | null;
            lastMessageId: string | null;
            /** Format: date-time */
            createdAt: string;
            thread?: {
              starterMessageId: string | null;
              ownerId: string;
              archived: boolean;
              autoArchiveMinutes: 60 | 1440 | 4320 | 10080;
              /** Format: date-time */
              archiveTimestamp: string;
              locked: boolean;
              invitable: boolean;
              messageCount: number;
              memberCount: number;
            };
          }[];
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member)
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  GuildChannelsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          /**
           * @default text
           * @enum {string}
           */
          type?: 'text' | 'voice' | 'category';
          topic?: string | null;
          parentId?: string | null;
          position?: number;
          slowmodeSeconds?: number;
          userLimit?: number | null;
          /** @default [] */
          permissionOverwrites?: {
            id: string;
            /** @enum {string} */
            type: 'role' | 'member';
            /** @default 0 */
            allow?: string;
            /** @default 0 */
            deny?: string;
          }[];
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            type: 'text' | 'voice' | 'category' | 'dm' | 'group_dm' | 'public_thread' | 'private_thread';
            guildId: string | null;
            name: string | null;
            topic: string | null;
            position: number;
            parentId: string | null;
            slowmodeSeconds: number;
            userLimit: number | null;
            permissionOverwrites: {
              id: string;
              /** @enum {string} */
              type: 'role' | 'member';
              allow: string;
              deny: string;
            }[];
            recipientIds: string[];
            ownerId: string | null;
            lastMessageId: string | null;
            /** Format: date-time */
            createdAt: string;
            thread?: {
              starterMessageId: string | null;
              ownerId: string;
              archived: boolean;
              autoArchiveMinutes: 60 | 1440 | 4320 | 10080;
              /** Format: date-time */
              archiveTimestamp: string;
              locked: boolean;
              invitable: boolean;
              messageCount: number;
              memberCount: number;
            };
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, TOO_MANY_CHANNELS, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `TOO_MANY_CHANNELS`: The guild has the most channels allowed.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION, CANNOT_GRANT_PERMISSIONS
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       *     - `CANNOT_GRANT_PERMISSIONS`: The caller cannot grant permissions it lacks.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member)
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  GuildChannelsController_reorder: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          id: string;
          position: number;
          parentId?: string | null;
        }[];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            type: 'text' | 'voice' | 'category' | 'dm' | 'group_dm' | 'public_thread' | 'private_thread';
            guildId: string | null;
            name: string | null;
            topic: string | null;
            position: number;
            parentId: string | null;
            slowmodeSeconds: number;
            userLimit: number | null;
            permissionOverwrites: {
              id: string;
              /** @enum {string} */
              type: 'role' | 'member';
              allow: string;
              deny: string;
            }[];
            recipientIds: string[];
            ownerId: string | null;
            lastMessageId: string | null;
            /** Format: date-time */
            createdAt: string;
            thread?: {
              starterMessageId: string | null;
              ownerId: string;
              archived: boolean;
              autoArchiveMinutes: 60 | 1440 | 4320 | 10080;
              /** Format: date-time */
              archiveTimestamp: string;
              locked: boolean;
              invitable: boolean;
              messageCount: number;
              memberCount: number;
            };
          }[];
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member)
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  UploadsController_emoji: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          filename: string;
          size: number;
          contentType: string;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                id: string;
                /** Format: uri */
                uploadUrl: string;
                headers: {
                  [key: string]: string;
                };
                /** Format: date-time */
                expiresAt: string;
                /** @enum {string} */
                method: 'PUT';
              }
            | {
                id: string;
                /** Format: uri */
                uploadUrl: string;
                headers: {
                  [key: string]: string;
                };
                /** Format: date-time */
                expiresAt: string;
                /** @enum {string} */
                method: 'multipart';
                multipart: {
                  partSize: number;
                  parts: {
                    partNumber: number;
                    /** Format: uri */
                    url: string;
                    size: number;
                  }[];
                };
              };
        };
      };
      /**
       * @description VALIDATION_FAILED, UNSUPPORTED_TYPE, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `UNSUPPORTED_TYPE`: The file type is not allowed for this purpose.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (MANAGE_EMOJIS)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOO_MANY_OPEN_UPLOADS (the caller has FILE_MAX_OPEN_UPLOADS uploads neither completed nor expired)
       *
       *     - `TOO_MANY_OPEN_UPLOADS`: The user has the most unfinished uploads allowed.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (declared size), PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      /**
       * @description CHAT_UNAVAILABLE, SERVICE_UNAVAILABLE (Retry-After header)
       *
       *     - `CHAT_UNAVAILABLE`: Permissions cannot be checked right now (chat unreachable).
       *     - `SERVICE_UNAVAILABLE`: The service cannot answer right now; retry shortly.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      504: components['responses']['GatewayTimeout'];
    };
  };
  EmojisController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            guildId: string;
            name: string;
            animated: boolean;
            creatorId: string | null;
            /** Format: date-time */
            createdAt: string;
          }[];
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member)
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  EmojisController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          fileId: string;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            guildId: string;
            name: string;
            animated: boolean;
            creatorId: string | null;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED (name, fileId), EMOJI_NAME_TAKEN (body.name), INVALID_EMOJI_FILE (body.fileId: not a completed emoji upload of yours for this guild, or already an emoji), TOO_MANY_EMOJIS, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `EMOJI_NAME_TAKEN`: The guild already has an emoji of that name.
       *     - `INVALID_EMOJI_FILE`: The file is not a completed emoji upload of the caller for this guild.
       *     - `TOO_MANY_EMOJIS`: The guild has the most emojis of that kind allowed.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (MANAGE_EMOJIS)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member)
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      /**
       * @description FILE_SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE (Retry-After header)
       *
       *     - `FILE_SERVICE_UNAVAILABLE`: Files cannot be checked right now; retry.
       *     - `SERVICE_UNAVAILABLE`: The service cannot answer right now; retry shortly.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      504: components['responses']['GatewayTimeout'];
    };
  };
  EmojisController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
        emojiId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            guildId: string;
            name: string;
            animated: boolean;
            creatorId: string | null;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_EMOJI
       *
       *     - `UNKNOWN_EMOJI`: No such emoji in this guild.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  EmojisController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
        emojiId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (MANAGE_EMOJIS)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_EMOJI
       *
       *     - `UNKNOWN_EMOJI`: No such emoji in this guild.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  EmojisController_rename: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
        emojiId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            guildId: string;
            name: string;
            animated: boolean;
            creatorId: string | null;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED (name), EMOJI_NAME_TAKEN, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `EMOJI_NAME_TAKEN`: The guild already has an emoji of that name.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (MANAGE_EMOJIS)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_EMOJI
       *
       *     - `UNKNOWN_EMOJI`: No such emoji in this guild.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  UploadsController_icon: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          filename: string;
          size: number;
          contentType: string;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                id: string;
                /** Format: uri */
                uploadUrl: string;
                headers: {
                  [key: string]: string;
                };
                /** Format: date-time */
                expiresAt: string;
                /** @enum {string} */
                method: 'PUT';
              }
            | {
                id: string;
                /** Format: uri */
                uploadUrl: string;
                headers: {
                  [key: string]: string;
                };
                /** Format: date-time */
                expiresAt: string;
                /** @enum {string} */
                method: 'multipart';
                multipart: {
                  partSize: number;
                  parts: {
                    partNumber: number;
                    /** Format: uri */
                    url: string;
                    size: number;
                  }[];
                };
              };
        };
      };
      /**
       * @description VALIDATION_FAILED, UNSUPPORTED_TYPE, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `UNSUPPORTED_TYPE`: The file type is not allowed for this purpose.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOO_MANY_OPEN_UPLOADS (the caller has FILE_MAX_OPEN_UPLOADS uploads neither completed nor expired)
       *
       *     - `TOO_MANY_OPEN_UPLOADS`: The user has the most unfinished uploads allowed.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (declared size), PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      /**
       * @description CHAT_UNAVAILABLE, SERVICE_UNAVAILABLE (Retry-After header)
       *
       *     - `CHAT_UNAVAILABLE`: Permissions cannot be checked right now (chat unreachable).
       *     - `SERVICE_UNAVAILABLE`: The service cannot answer right now; retry shortly.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      504: components['responses']['GatewayTimeout'];
    };
  };
  GuildInvitesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            guildId: string;
            channelId: string | null;
            inviterId: string;
            maxUses: number | null;
            uses: number;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            createdAt: string;
          }[];
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member)
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  GuildInvitesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          maxUses?: number;
          /** @default 604800 */
          maxAgeSeconds?: number;
          channelId?: string | null;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            guildId: string;
            channelId: string | null;
            inviterId: string;
            maxUses: number | null;
            uses: number;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, TOO_MANY_INVITES (the guild has CHAT_MAX_INVITES_PER_GUILD active invites, 1000 by default; expired and used-up ones do not count), INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `TOO_MANY_INVITES`: The guild has the most active invites allowed.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member)
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  MembersController_list: {
    parameters: {
      query?: {
        limit?: number;
        after?: string;
      };
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            guildId: string;
            userId: string;
            nickname: string | null;
            roleIds: string[];
            /** Format: date-time */
            joinedAt: string;
          }[];
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member), UNKNOWN_MEMBER
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       *     - `UNKNOWN_MEMBER`: No such member of this guild (or thread).
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  MembersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            guildId: string;
            userId: string;
            nickname: string | null;
            roleIds: string[];
            /** Format: date-time */
            joinedAt: string;
          };
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member), UNKNOWN_MEMBER
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       *     - `UNKNOWN_MEMBER`: No such member of this guild (or thread).
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  MembersController_kick: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION, MEMBER_HIERARCHY
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       *     - `MEMBER_HIERARCHY`: The member cannot be moderated by the caller.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member), UNKNOWN_MEMBER
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       *     - `UNKNOWN_MEMBER`: No such member of this guild (or thread).
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  MembersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          nickname?: string | null;
          roleIds?: string[];
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            guildId: string;
            userId: string;
            nickname: string | null;
            roleIds: string[];
            /** Format: date-time */
            joinedAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION, MEMBER_HIERARCHY, ROLE_HIERARCHY
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       *     - `MEMBER_HIERARCHY`: The member cannot be moderated by the caller.
       *     - `ROLE_HIERARCHY`: The role is not below the caller’s highest role.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member), UNKNOWN_MEMBER
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       *     - `UNKNOWN_MEMBER`: No such member of this guild (or thread).
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  MembersController_updateMe: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          nickname: string | null;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            guildId: string;
            userId: string;
            nickname: string | null;
            roleIds: string[];
            /** Format: date-time */
            joinedAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member), UNKNOWN_MEMBER
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       *     - `UNKNOWN_MEMBER`: No such member of this guild (or thread).
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  SearchController_guild: {
    parameters: {
      query?: {
        /** @description Search syntax: from:alice in:#general has:file before:2026-01-01 "exact phrase" */
        q?: string;
        /** @description Words to find (all of them) */
        content?: string;
        /** @description Author ids (repeat or comma-separate) */
        authorId?: string;
        /** @description Mentioned user ids */
        mentions?: string;
        /** @description link, file or image */
        has?: string;
        /** @description Channel ids (guild search only) */
        channelId?: string;
        /** @description Date, ISO date-time or message id (exclusive) */
        before?: string;
        /** @description Date, ISO date-time or message id (exclusive) */
        after?: string;
        /** @description true or false */
        pinned?: string;
        /** @description relevance (default), newest or oldest */
        sort?: string;
        /** @description 1–25 */
        limit?: string;
        /** @description 0–5000 */
        offset?: string;
      };
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            total: number;
            offset: number;
            limit: number;
            messages: {
              id: string;
              channelId: string;
              guildId: string | null;
              authorId: string;
              content: string;
              createdAt: string;
              editedAt: string | null;
              pinned: boolean;
              has: string[];
              mentions: {
                userIds: string[];
                roleIds: string[];
                everyone: boolean;
              };
              highlights: string[];
            }[];
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_QUERY, INVALID_PATH
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_QUERY`: The search query cannot be parsed.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      /**
       * @description CHAT_UNAVAILABLE, SEARCH_UNAVAILABLE, SERVICE_UNAVAILABLE (Retry-After header)
       *
       *     - `CHAT_UNAVAILABLE`: Permissions cannot be checked right now (chat unreachable).
       *     - `SEARCH_UNAVAILABLE`: Search is unavailable right now; retry soon.
       *     - `SERVICE_UNAVAILABLE`: The service cannot answer right now; retry shortly.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      504: components['responses']['GatewayTimeout'];
    };
  };
  GuildsController_transfer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          userId: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            iconFileId: string | null;
            description: string | null;
            ownerId: string;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED (not a member), INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description OWNER_ONLY
       *
       *     - `OWNER_ONLY`: Only the guild owner can do that.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  RolesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            guildId: string;
            name: string;
            color: number;
            hoist: boolean;
            mentionable: boolean;
            position: number;
            permissions: string;
            /** Format: date-time */
            createdAt: string;
          }[];
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member), UNKNOWN_ROLE
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       *     - `UNKNOWN_ROLE`: No such role in this guild.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  RolesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @default new role */
          name?: string;
          /** @default 0 */
          color?: number;
          /** @default false */
          hoist?: boolean;
          /** @default false */
          mentionable?: boolean;
          /** @default 0 */
          permissions?: string;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            guildId: string;
            name: string;
            color: number;
            hoist: boolean;
            mentionable: boolean;
            position: number;
            permissions: string;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, TOO_MANY_ROLES, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `TOO_MANY_ROLES`: The guild has the most roles allowed.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION, CANNOT_GRANT_PERMISSIONS, ROLE_HIERARCHY
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       *     - `CANNOT_GRANT_PERMISSIONS`: The caller cannot grant permissions it lacks.
       *     - `ROLE_HIERARCHY`: The role is not below the caller’s highest role.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member), UNKNOWN_ROLE
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       *     - `UNKNOWN_ROLE`: No such role in this guild.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  RolesController_reorder: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          id: string;
          position: number;
        }[];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            guildId: string;
            name: string;
            color: number;
            hoist: boolean;
            mentionable: boolean;
            position: number;
            permissions: string;
            /** Format: date-time */
            createdAt: string;
          }[];
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION, ROLE_HIERARCHY
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       *     - `ROLE_HIERARCHY`: The role is not below the caller’s highest role.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member), UNKNOWN_ROLE
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       *     - `UNKNOWN_ROLE`: No such role in this guild.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  RolesController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
        roleId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description EVERYONE_ROLE, INVALID_PATH
       *
       *     - `EVERYONE_ROLE`: The @everyone role cannot be deleted.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION, ROLE_HIERARCHY
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       *     - `ROLE_HIERARCHY`: The role is not below the caller’s highest role.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member), UNKNOWN_ROLE
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       *     - `UNKNOWN_ROLE`: No such role in this guild.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  RolesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
        roleId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          color?: number;
          hoist?: boolean;
          mentionable?: boolean;
          permissions?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            guildId: string;
            name: string;
            color: number;
            hoist: boolean;
            mentionable: boolean;
            position: number;
            permissions: string;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED (also for an empty body), INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION, CANNOT_GRANT_PERMISSIONS, ROLE_HIERARCHY
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       *     - `CANNOT_GRANT_PERMISSIONS`: The caller cannot grant permissions it lacks.
       *     - `ROLE_HIERARCHY`: The role is not below the caller’s highest role.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member), UNKNOWN_ROLE
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       *     - `UNKNOWN_ROLE`: No such role in this guild.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  VoiceStatesController_guildStates: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            userId: string;
            guildId: string | null;
            channelId: string | null;
            sessionId: string;
            selfMute: boolean;
            selfDeaf: boolean;
            mute: boolean;
            deaf: boolean;
            selfVideo: boolean;
            selfStream: boolean;
            /** Format: date-time */
            joinedAt: string;
          }[];
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  VoiceStatesController_disconnect: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Disconnected. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_VOICE_STATE
       *
       *     - `UNKNOWN_VOICE_STATE`: The member is not in a voice channel of that guild.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  VoiceStatesController_moderate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          mute?: boolean;
          deaf?: boolean;
          channelId?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            userId: string;
            guildId: string | null;
            channelId: string | null;
            sessionId: string;
            selfMute: boolean;
            selfDeaf: boolean;
            mute: boolean;
            deaf: boolean;
            selfVideo: boolean;
            selfStream: boolean;
            /** Format: date-time */
            joinedAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, NOT_VOICE_CHANNEL, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `NOT_VOICE_CHANNEL`: The channel is not a voice channel.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_VOICE_STATE, UNKNOWN_CHANNEL
       *
       *     - `UNKNOWN_VOICE_STATE`: The member is not in a voice channel of that guild.
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  GuildWebhooksController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            guildId: string;
            channelId: string;
            name: string;
            avatar: string | null;
            creatorId: string;
            /** Format: date-time */
            createdAt: string;
          }[];
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (MANAGE_WEBHOOKS)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member)
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  InstanceController_info: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            registrationMode: 'open' | 'invite_only' | 'closed';
          };
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  InvitesController_preview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            guild: {
              id: string;
              name: string;
              iconFileId: string | null;
              description: string | null;
            };
            memberCount: number;
            expiresAt: string | null;
          };
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_INVITE (also expired or used up)
       *
       *     - `UNKNOWN_INVITE`: No such invite, or it expired.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  InvitesController_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            iconFileId: string | null;
            description: string | null;
            ownerId: string;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /**
       * @description TOO_MANY_GUILDS, INVALID_PATH
       *
       *     - `TOO_MANY_GUILDS`: The user is in the most guilds allowed.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description BANNED
       *
       *     - `BANNED`: The user (or bot) is banned from this guild.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_INVITE (also expired or used up)
       *
       *     - `UNKNOWN_INVITE`: No such invite, or it expired.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  InvitesController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_INVITE (also expired or used up)
       *
       *     - `UNKNOWN_INVITE`: No such invite, or it expired.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  OAuth2Controller_info: {
    parameters: {
      query: {
        client_id: string;
        permissions?: string;
        guild_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            application: {
              id: string;
              name: string;
            };
            bot: {
              id: string;
              username: string;
              displayName: string | null;
              avatarFileId: string | null;
              /** @enum {boolean} */
              bot: true;
            };
            permissions: string;
            permissionNames: string[];
            guild: {
              id: string;
              name: string;
            } | null;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (MANAGE_GUILD)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_APPLICATION or UNKNOWN_GUILD
       *
       *     - `UNKNOWN_APPLICATION`: No such application (bot) of the caller.
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  OAuth2Controller_authorize: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          clientId: string;
          guildId: string;
          /** @default 0 */
          permissions?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            guildId: string;
            userId: string;
            roleId: string | null;
            added: boolean;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, TOO_MANY_ROLES or TOO_MANY_GUILDS, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `TOO_MANY_ROLES`: The guild has the most roles allowed.
       *     - `TOO_MANY_GUILDS`: The user is in the most guilds allowed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION, CANNOT_GRANT_PERMISSIONS or BANNED
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       *     - `CANNOT_GRANT_PERMISSIONS`: The caller cannot grant permissions it lacks.
       *     - `BANNED`: The user (or bot) is banned from this guild.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_APPLICATION or UNKNOWN_GUILD
       *
       *     - `UNKNOWN_APPLICATION`: No such application (bot) of the caller.
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  PresenceController_list: {
    parameters: {
      query: {
        userIds: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            userId: string;
            /** @enum {string} */
            status: 'online' | 'idle' | 'dnd' | 'invisible' | 'offline';
            customStatus: {
              text: string;
              emoji?: string | null;
              /** Format: date-time */
              expiresAt?: string | null;
            } | null;
          }[];
        };
      };
      /**
       * @description VALIDATION_FAILED
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  PresenceController_guild: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            userId: string;
            /** @enum {string} */
            status: 'online' | 'idle' | 'dnd' | 'invisible' | 'offline';
            customStatus: {
              text: string;
              emoji?: string | null;
              /** Format: date-time */
              expiresAt?: string | null;
            } | null;
          }[];
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  PushController_vapidPublicKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            publicKey: string | null;
          };
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  UsersController_profile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            username: string;
            displayName: string | null;
            avatarFileId: string | null;
            about: string | null;
            bot: boolean;
            createdAt: string;
          };
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description USER_NOT_FOUND
       *
       *     - `USER_NOT_FOUND`: No such user.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  UsersController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            username: string;
            displayName: string | null;
            avatarFileId: string | null;
            about: string | null;
            bot: boolean;
            createdAt: string;
            email: string | null;
            emailVerified: boolean;
            mfaEnabled: boolean;
            instanceAdmin: boolean;
          };
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  UsersController_updateMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          displayName?: string | null;
          avatarFileId?: string | null;
          about?: string | null;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            username: string;
            displayName: string | null;
            avatarFileId: string | null;
            about: string | null;
            bot: boolean;
            createdAt: string;
            email: string | null;
            emailVerified: boolean;
            mfaEnabled: boolean;
            instanceAdmin: boolean;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED (also for an empty body), MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  UploadsController_avatar: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          filename: string;
          size: number;
          contentType: string;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                id: string;
                /** Format: uri */
                uploadUrl: string;
                headers: {
                  [key: string]: string;
                };
                /** Format: date-time */
                expiresAt: string;
                /** @enum {string} */
                method: 'PUT';
              }
            | {
                id: string;
                /** Format: uri */
                uploadUrl: string;
                headers: {
                  [key: string]: string;
                };
                /** Format: date-time */
                expiresAt: string;
                /** @enum {string} */
                method: 'multipart';
                multipart: {
                  partSize: number;
                  parts: {
                    partNumber: number;
                    /** Format: uri */
                    url: string;
                    size: number;
                  }[];
                };
              };
        };
      };
      /**
       * @description VALIDATION_FAILED, UNSUPPORTED_TYPE, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `UNSUPPORTED_TYPE`: The file type is not allowed for this purpose.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOO_MANY_OPEN_UPLOADS (the caller has FILE_MAX_OPEN_UPLOADS uploads neither completed nor expired)
       *
       *     - `TOO_MANY_OPEN_UPLOADS`: The user has the most unfinished uploads allowed.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (declared size), PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  DmsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            type: 'text' | 'voice' | 'category' | 'dm' | 'group_dm' | 'public_thread' | 'private_thread';
            guildId: string | null;
            name: string | null;
            topic: string | null;
            position: number;
            parentId: string | null;
            slowmodeSeconds: number;
            userLimit: number | null;
            permissionOverwrites: {
              id: string;
              /** @enum {string} */
              type: 'role' | 'member';
              allow: string;
              deny: string;
            }[];
            recipientIds: string[];
            ownerId: string | null;
            lastMessageId: string | null;
            /** Format: date-time */
            createdAt: string;
            thread?: {
              starterMessageId: string | null;
              ownerId: string;
              archived: boolean;
              autoArchiveMinutes: 60 | 1440 | 4320 | 10080;
              /** Format: date-time */
              archiveTimestamp: string;
              locked: boolean;
              invitable: boolean;
              messageCount: number;
              memberCount: number;
            };
          }[];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  DmsController_open: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          recipientId?: string;
          recipientIds?: string[];
          name?: string;
        };
      };
    };
    responses: {
      /** @description The existing DM */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            type: 'text' | 'voice' | 'category' | 'dm' | 'group_dm' | 'public_thread' | 'private_thread';
            guildId: string | null;
            name: string | null;
            topic: string | null;
            position: number;
            parentId: string | null;
            slowmodeSeconds: number;
            userLimit: number | null;
            permissionOverwrites: {
              id: string;
              /** @enum {string} */
              type: 'role' | 'member';
              allow: string;
              deny: string;
            }[];
            recipientIds: string[];
            ownerId: string | null;
            lastMessageId: string | null;
            /** Format: date-time */
            createdAt: string;
            thread?: {
              starterMessageId: string | null;
              ownerId: string;
              archived: boolean;
              autoArchiveMinutes: 60 | 1440 | 4320 | 10080;
              /** Format: date-time */
              archiveTimestamp: string;
              locked: boolean;
              invitable: boolean;
              messageCount: number;
              memberCount: number;
            };
          };
        };
      };
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            type: 'text' | 'voice' | 'category' | 'dm' | 'group_dm' | 'public_thread' | 'private_thread';
            guildId: string | null;
            name: string | null;
            topic: string | null;
            position: number;
            parentId: string | null;
            slowmodeSeconds: number;
            userLimit: number | null;
            permissionOverwrites: {
              id: string;
              /** @enum {string} */
              type: 'role' | 'member';
              allow: string;
              deny: string;
            }[];
            recipientIds: string[];
            ownerId: string | null;
            lastMessageId: string | null;
            /** Format: date-time */
            createdAt: string;
            thread?: {
              starterMessageId: string | null;
              ownerId: string;
              archived: boolean;
              autoArchiveMinutes: 60 | 1440 | 4320 | 10080;
              /** Format: date-time */
              archiveTimestamp: string;
              locked: boolean;
              invitable: boolean;
              messageCount: number;
              memberCount: number;
            };
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, CANNOT_DM_SELF, GROUP_DM_FULL, TOO_MANY_GROUP_DMS (I or a recipient, the field names which, am in CHAT_MAX_GROUP_DMS_PER_USER group DMs, 100 by default), MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `CANNOT_DM_SELF`: A DM cannot be opened with oneself.
       *     - `GROUP_DM_FULL`: The group DM holds the most people allowed.
       *     - `TOO_MANY_GROUP_DMS`: The user is in the most group DMs allowed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_USER
       *
       *     - `UNKNOWN_USER`: No such user.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  NotificationSettingsController_getChannel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            channelId: string;
            /** @enum {string} */
            level: 'inherit' | 'all' | 'mentions' | 'nothing';
            muted: boolean;
            /** Format: date-time */
            mutedUntil: string | null;
          };
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  NotificationSettingsController_putChannel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          level: 'inherit' | 'all' | 'mentions' | 'nothing';
          muted?: boolean;
          muteSeconds?: number;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            channelId: string;
            /** @enum {string} */
            level: 'inherit' | 'all' | 'mentions' | 'nothing';
            muted: boolean;
            /** Format: date-time */
            mutedUntil: string | null;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  NotificationSettingsController_deleteChannel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channelId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_CHANNEL
       *
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  DataExportsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            status: 'pending' | 'running' | 'ready' | 'failed' | 'expired';
            progress: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            fileId: string | null;
            downloadUrl: string | null;
            size: number | null;
          }[];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  DataExportsController_request: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            status: 'pending' | 'running' | 'ready' | 'failed' | 'expired';
            progress: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            fileId: string | null;
            downloadUrl: string | null;
            size: number | null;
          };
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description DATA_EXPORT_IN_PROGRESS (one of mine is pending or running)
       *
       *     - `DATA_EXPORT_IN_PROGRESS`: An export of the caller’s data is pending or running.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description DATA_EXPORT_TOO_SOON (one export per 24 hours; failed ones do not count; Retry-After header), RATE_LIMITED (Retry-After header)
       *
       *     - `DATA_EXPORT_TOO_SOON`: The last export was requested less than the interval ago (failed ones do not count).
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AccountDeletionController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          password: string;
          code?: string;
        };
      };
    };
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description VALIDATION_FAILED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INVALID_CURRENT_PASSWORD, MFA_CODE_REQUIRED, INVALID_MFA_CODE or ACCOUNT_NOT_DELETABLE (a bot)
       *
       *     - `INVALID_CURRENT_PASSWORD`: The current password given to confirm is wrong.
       *     - `MFA_CODE_REQUIRED`: Two-factor is on: give a code to confirm.
       *     - `INVALID_MFA_CODE`: The two-factor code given to confirm is wrong.
       *     - `ACCOUNT_NOT_DELETABLE`: A bot account is deleted with its application.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOO_MANY_ATTEMPTS (Retry-After header), RATE_LIMITED (Retry-After header)
       *
       *     - `TOO_MANY_ATTEMPTS`: Too many failed attempts; wait for `Retry-After` seconds.
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  AccountEmailController_requestEmailChange: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: email */
          email: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            accepted: true;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED or EMAIL_UNCHANGED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `EMAIL_UNCHANGED`: That is already the account’s email address.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INVALID_CURRENT_PASSWORD
       *
       *     - `INVALID_CURRENT_PASSWORD`: The current password given to confirm is wrong.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description EMAIL_TAKEN
       *
       *     - `EMAIL_TAKEN`: An account with that email already exists.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOO_MANY_ATTEMPTS (Retry-After header), RATE_LIMITED (Retry-After header)
       *
       *     - `TOO_MANY_ATTEMPTS`: Too many failed attempts; wait for `Retry-After` seconds.
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  MyGuildsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            iconFileId: string | null;
            description: string | null;
            ownerId: string;
            /** Format: date-time */
            createdAt: string;
          }[];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  MyGuildsController_leave: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description OWNER_CANNOT_LEAVE, INVALID_PATH
       *
       *     - `OWNER_CANNOT_LEAVE`: The owner cannot leave the guild; transfer or delete it.
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  NotificationSettingsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            guildId: string;
            /** @enum {string} */
            level: 'all' | 'mentions' | 'nothing';
            suppressEveryone: boolean;
            muted: boolean;
            /** Format: date-time */
            mutedUntil: string | null;
            channelOverrides: {
              channelId: string;
              /** @enum {string} */
              level: 'inherit' | 'all' | 'mentions' | 'nothing';
              muted: boolean;
              /** Format: date-time */
              mutedUntil: string | null;
            }[];
          };
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member)
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  NotificationSettingsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        guildId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          level?: 'all' | 'mentions' | 'nothing';
          suppressEveryone?: boolean;
          muted?: boolean;
          muteSeconds?: number;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            guildId: string;
            /** @enum {string} */
            level: 'all' | 'mentions' | 'nothing';
            suppressEveryone: boolean;
            muted: boolean;
            /** Format: date-time */
            mutedUntil: string | null;
            channelOverrides: {
              channelId: string;
              /** @enum {string} */
              level: 'inherit' | 'all' | 'mentions' | 'nothing';
              muted: boolean;
              /** Format: date-time */
              mutedUntil: string | null;
            }[];
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_GUILD (not a member)
       *
       *     - `UNKNOWN_GUILD`: No such guild, or the caller is not a member.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  TwoFactorController_status: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            enabled: boolean;
            pending: boolean;
            recoveryCodesLeft: number;
          };
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  TwoFactorController_regenerate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          code: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            recoveryCodes: string[];
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INVALID_MFA_CODE
       *
       *     - `INVALID_MFA_CODE`: The two-factor code given to confirm is wrong.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MFA_NOT_ENABLED
       *
       *     - `MFA_NOT_ENABLED`: Two-factor authentication is off.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOO_MANY_ATTEMPTS (Retry-After header), RATE_LIMITED (Retry-After header)
       *
       *     - `TOO_MANY_ATTEMPTS`: Too many failed attempts; wait for `Retry-After` seconds.
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  TwoFactorController_enrol: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          password: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            secret: string;
            otpauthUri: string;
            qrCodeSvg: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INVALID_CURRENT_PASSWORD
       *
       *     - `INVALID_CURRENT_PASSWORD`: The current password given to confirm is wrong.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MFA_ALREADY_ENABLED
       *
       *     - `MFA_ALREADY_ENABLED`: Two-factor authentication is already on.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOO_MANY_ATTEMPTS (Retry-After header), RATE_LIMITED (Retry-After header)
       *
       *     - `TOO_MANY_ATTEMPTS`: Too many failed attempts; wait for `Retry-After` seconds.
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  TwoFactorController_disable: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          code: string;
        };
      };
    };
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description VALIDATION_FAILED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INVALID_MFA_CODE
       *
       *     - `INVALID_MFA_CODE`: The two-factor code given to confirm is wrong.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MFA_NOT_ENABLED
       *
       *     - `MFA_NOT_ENABLED`: Two-factor authentication is off.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOO_MANY_ATTEMPTS (Retry-After header), RATE_LIMITED (Retry-After header)
       *
       *     - `TOO_MANY_ATTEMPTS`: Too many failed attempts; wait for `Retry-After` seconds.
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  TwoFactorController_confirm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          code: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            recoveryCodes: string[];
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INVALID_MFA_CODE
       *
       *     - `INVALID_MFA_CODE`: The two-factor code given to confirm is wrong.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MFA_ALREADY_ENABLED or MFA_ENROLMENT_NOT_STARTED
       *
       *     - `MFA_ALREADY_ENABLED`: Two-factor authentication is already on.
       *     - `MFA_ENROLMENT_NOT_STARTED`: Start the two-factor enrolment first.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOO_MANY_ATTEMPTS (Retry-After header), RATE_LIMITED (Retry-After header)
       *
       *     - `TOO_MANY_ATTEMPTS`: Too many failed attempts; wait for `Retry-After` seconds.
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  PresenceController_update: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          status?: 'online' | 'idle' | 'dnd' | 'invisible';
          customStatus?: {
            text: string;
            emoji?: string | null;
            /** Format: date-time */
            expiresAt?: string | null;
          } | null;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            userId: string;
            /** @enum {string} */
            status: 'online' | 'idle' | 'dnd' | 'invisible' | 'offline';
            customStatus: {
              text: string;
              emoji?: string | null;
              /** Format: date-time */
              expiresAt?: string | null;
            } | null;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  RelationshipsController_privacy: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            dmsFrom: 'everyone' | 'guild_members' | 'friends';
            /** @enum {string} */
            friendRequestsFrom: 'everyone' | 'guild_members' | 'friends_of_friends' | 'nobody';
          };
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  RelationshipsController_updatePrivacy: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          dmsFrom?: 'everyone' | 'guild_members' | 'friends';
          /** @enum {string} */
          friendRequestsFrom?: 'everyone' | 'guild_members' | 'friends_of_friends' | 'nobody';
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            dmsFrom: 'everyone' | 'guild_members' | 'friends';
            /** @enum {string} */
            friendRequestsFrom: 'everyone' | 'guild_members' | 'friends_of_friends' | 'nobody';
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  PushController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            endpoint: string;
            /** Format: date-time */
            createdAt: string;
          }[];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  PushController_subscribe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uri */
          endpoint: string;
          expirationTime?: number | null;
          keys: {
            p256dh: string;
            auth: string;
          };
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            endpoint: string;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, TOO_MANY_PUSH_SUBSCRIPTIONS, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `TOO_MANY_PUSH_SUBSCRIPTIONS`: The user has the most push subscriptions allowed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  PushController_unsubscribe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uri */
          endpoint: string;
        };
      };
    };
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description VALIDATION_FAILED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_PUSH_SUBSCRIPTION
       *
       *     - `UNKNOWN_PUSH_SUBSCRIPTION`: No such push subscription of the caller.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  ReadStatesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            channelId: string;
            lastReadMessageId: string | null;
            unreadCount: number;
            mentionCount: number;
          }[];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  RelationshipsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            type: 'friend' | 'blocked' | 'incoming' | 'outgoing';
            user: {
              id: string;
              username: string;
              displayName: string | null;
              avatarFileId: string | null;
              bot: boolean;
            };
            /** Format: date-time */
            since: string;
          }[];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  RelationshipsController_request: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          username: string;
        };
      };
    };
    responses: {
      /** @description My side of the relationship */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            type: 'friend' | 'blocked' | 'incoming' | 'outgoing';
            user: {
              id: string;
              username: string;
              displayName: string | null;
              avatarFileId: string | null;
              bot: boolean;
            };
            /** Format: date-time */
            since: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, CANNOT_FRIEND_SELF, CANNOT_FRIEND_BOT, ALREADY_FRIENDS, USER_BLOCKED (you blocked them), MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `CANNOT_FRIEND_SELF`: One cannot befriend oneself.
       *     - `CANNOT_FRIEND_BOT`: Bots cannot be friends.
       *     - `ALREADY_FRIENDS`: The users are already friends.
       *     - `USER_BLOCKED`: The caller blocked this user: unblock first.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description FRIEND_REQUEST_BLOCKED: the user does not accept requests from you (their privacy setting, or a block — told the same way)
       *
       *     - `FRIEND_REQUEST_BLOCKED`: The other user is not accepting friend requests from the caller (a block, not said).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_USER
       *
       *     - `UNKNOWN_USER`: No such user.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  RelationshipsController_put: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @enum {string} */
          type?: 'friend' | 'blocked';
        };
      };
    };
    responses: {
      /** @description My side of the relationship */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            type: 'friend' | 'blocked' | 'incoming' | 'outgoing';
            user: {
              id: string;
              username: string;
              displayName: string | null;
              avatarFileId: string | null;
              bot: boolean;
            };
            /** Format: date-time */
            since: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, CANNOT_FRIEND_SELF, CANNOT_FRIEND_BOT, ALREADY_FRIENDS, USER_BLOCKED (you blocked them), CANNOT_BLOCK_SELF, INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `CANNOT_FRIEND_SELF`: One cannot befriend oneself.
       *     - `CANNOT_FRIEND_BOT`: Bots cannot be friends.
       *     - `ALREADY_FRIENDS`: The users are already friends.
       *     - `USER_BLOCKED`: The caller blocked this user: unblock first.
       *     - `CANNOT_BLOCK_SELF`: One cannot block oneself.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description FRIEND_REQUEST_BLOCKED: the user does not accept requests from you (their privacy setting, or a block — told the same way)
       *
       *     - `FRIEND_REQUEST_BLOCKED`: The other user is not accepting friend requests from the caller (a block, not said).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_USER
       *
       *     - `UNKNOWN_USER`: No such user.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  RelationshipsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_RELATIONSHIP
       *
       *     - `UNKNOWN_RELATIONSHIP`: The caller has no relationship with this user.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  VoiceStatesController_leave: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Left (or was not in) voice. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_VOICE_STATE
       *
       *     - `UNKNOWN_VOICE_STATE`: The member is not in a voice channel of that guild.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  VoiceStatesController_updateSelf: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          selfMute?: boolean;
          selfDeaf?: boolean;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            userId: string;
            guildId: string | null;
            channelId: string | null;
            sessionId: string;
            selfMute: boolean;
            selfDeaf: boolean;
            mute: boolean;
            deaf: boolean;
            selfVideo: boolean;
            selfStream: boolean;
            /** Format: date-time */
            joinedAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_VOICE_STATE
       *
       *     - `UNKNOWN_VOICE_STATE`: The member is not in a voice channel of that guild.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  VoiceStatusController_status: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            available: boolean;
            message: string | null;
          };
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  WebhooksController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        webhookId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            guildId: string;
            channelId: string;
            name: string;
            avatar: string | null;
            creatorId: string;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (MANAGE_WEBHOOKS)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_WEBHOOK (also a deleted one)
       *
       *     - `UNKNOWN_WEBHOOK`: No such webhook.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  WebhooksController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        webhookId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No Content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description INVALID_PATH
       *
       *     - `INVALID_PATH`: The request path is malformed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (MANAGE_WEBHOOKS)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_WEBHOOK (also a deleted one)
       *
       *     - `UNKNOWN_WEBHOOK`: No such webhook.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  WebhooksController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        webhookId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          avatar?: string | null;
          channelId?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            guildId: string;
            channelId: string;
            name: string;
            avatar: string | null;
            creatorId: string;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /**
       * @description VALIDATION_FAILED (name, avatar, channelId), TOO_MANY_WEBHOOKS (the target channel is full), INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `TOO_MANY_WEBHOOKS`: The channel has the most webhooks allowed.
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED
       *
       *     - `TOKEN_MISSING`: No access token (Authorization: Bearer …, or Bot … for a bot).
       *     - `TOKEN_INVALID`: The access or bot token is not valid.
       *     - `TOKEN_EXPIRED`: The access token has expired; refresh it.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description MISSING_PERMISSION (MANAGE_WEBHOOKS)
       *
       *     - `MISSING_PERMISSION`: The caller lacks a permission the action needs.
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_WEBHOOK, or UNKNOWN_CHANNEL (channelId names no channel the caller can see)
       *
       *     - `UNKNOWN_WEBHOOK`: No such webhook.
       *     - `UNKNOWN_CHANNEL`: No such channel, or the caller cannot see it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  WebhooksController_execute: {
    parameters: {
      query?: {
        wait?: 'true' | 'false';
      };
      header?: never;
      path: {
        webhookId: string;
        token: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          content: string;
          username?: string;
          avatar?: string | null;
        };
      };
    };
    responses: {
      /** @description Posted (wait=true) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            channelId: string;
            guildId: string | null;
            authorId: string;
            content: string;
            nonce: string | null;
            replyToId: string | null;
            attachments: {
              id: string;
              filename: string;
              contentType: string;
              size: number;
              width: number | null;
              height: number | null;
            }[];
            mentions: {
              userIds: string[];
              roleIds: string[];
              everyone: boolean;
            };
            pinned: boolean;
            revision: number;
            /** Format: date-time */
            editedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            reactions: {
              emoji: string;
              count: number;
              me: boolean;
            }[];
            webhookId?: string;
            author?: {
              id: string;
              username: string;
              avatar: string | null;
              bot: boolean;
            };
            embeds?: {
              url: string;
              /** @enum {string} */
              type: 'link' | 'image' | 'video';
              title: string | null;
              description: string | null;
              siteName: string | null;
              color: number | null;
              thumbnail: {
                fileId?: string;
                url: string;
                width: number | null;
                height: number | null;
              } | null;
              video: {
                fileId?: string;
                url: string;
                width: number | null;
                height: number | null;
              } | null;
            }[];
            flags?: number;
            thread?: {
              id: string;
              name: string;
              messageCount: number;
              archived: boolean;
            };
          };
        };
      };
      /** @description Posted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description VALIDATION_FAILED (content, username, avatar), INVALID_PATH, MALFORMED_JSON
       *
       *     - `VALIDATION_FAILED`: The request is invalid; `details` names each bad field (`body.name`, `query.limit`…).
       *     - `INVALID_PATH`: The request path is malformed.
       *     - `MALFORMED_JSON`: The request body is not valid JSON.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description INVALID_WEBHOOK_TOKEN
       *
       *     - `INVALID_WEBHOOK_TOKEN`: The webhook token is wrong.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNKNOWN_WEBHOOK (also a deleted one)
       *
       *     - `UNKNOWN_WEBHOOK`: No such webhook.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description PAYLOAD_TOO_LARGE (request body over the limit)
       *
       *     - `PAYLOAD_TOO_LARGE`: The request body or the file is larger than allowed.
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description RATE_LIMITED (Retry-After header)
       *
       *     - `RATE_LIMITED`: Too many requests; wait for `Retry-After` seconds.
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
}
