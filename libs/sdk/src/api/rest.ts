import type {
  Application,
  AuditLogPage,
  AuthorizeBotInput,
  BotAuthorizationInfo,
  BotToken,
  Channel,
  CompletedPart,
  CreatedWebhook,
  FileObject,
  Guild,
  Invite,
  Member,
  MemberVoiceStateUpdate,
  Message,
  Presence,
  ReadState,
  Role,
  SearchResults,
  SelfVoiceStateUpdate,
  ThreadList,
  ThreadMember,
  UploadRequest,
  UploadTicket,
  VoiceJoinRequest,
  VoiceJoinResponse,
  VoiceState,
  VoiceStatus,
  Webhook,
} from '@bonfire/contracts';
import type { AuthSession, TokenPair } from '../auth/auth-session';
import { MESSAGE_FLAGS } from '@bonfire/contracts';
import { segment as s, type HttpClient } from '../http';
import { BonfireApiError } from '../errors';
import { isMfaChallenge, type LoginResult } from './mfa';
import type {
  ArchivedThreadsQuery,
  AuditLogQuery,
  AuthResult,
  Ban,
  ChannelPositionUpdate,
  CreateChannelRequest,
  CreateGuildRequest,
  CreateInviteRequest,
  CreateRoleRequest,
  CreateThreadFromMessageRequest,
  CreateThreadRequest,
  CreateWebhookRequest,
  ExecuteWebhookRequest,
  HistoryQuery,
  InvitePreview,
  LoginRequest,
  OpenGroupDmRequest,
  PermissionOverwriteRequest,
  PrivateUser,
  PublicUser,
  ReactionUser,
  RegisterRequest,
  SearchQuery,
  SendMessageRequest,
  SessionInfo,
  UpdateChannelRequest,
  UpdateGuildRequest,
  UpdateMeRequest,
  UpdateMemberRequest,
  UpdatePresenceRequest,
  UpdateRoleRequest,
  UpdateThreadRequest,
  UpdateWebhookRequest,
} from './types';

const V1 = '/api/v1';

/** Registration, login, logout, sessions and password. Login and register start the client's session. */
export class AuthApi {
  constructor(
    private readonly http: HttpClient,
    private readonly session: AuthSession,
  ) {}

  /**
   * Creates an account and logs in (tokens are kept by the client); a verification link is mailed to the
   * address. On an instance that blocks unverified accounts the account is created but not signed in: this
   * throws 403 `EMAIL_NOT_VERIFIED` — open the mailed link (`verifyEmail`), then `login`.
   */
  async register(body: RegisterRequest): Promise<AuthResult> {
    const result = await this.http.request<AuthResult | { verificationRequired: true }>(
      'POST',
      `${V1}/auth/register`,
      { body, auth: false },
    );
    if (!('accessToken' in result)) {
      throw new BonfireApiError(403, 'EMAIL_NOT_VERIFIED', 'Confirm your email address, then sign in.');
    }
    await this.session.setTokens(result);
    return result;
  }

  /**
   * Logs in by email or username (`login`). Tokens are kept by the client. On an account with two-factor
   * on, the answer is an `MfaChallenge` (no session yet, check with `isMfaChallenge`): pass its ticket and
   * a code to `completeMfaLogin`.
   */
  async login(body: LoginRequest): Promise<LoginResult> {
    const result = await this.http.request<LoginResult>('POST', `${V1}/auth/login`, { body, auth: false });
    if (isMfaChallenge(result)) return result;
    await this.session.setTokens(result);
    return result;
  }

  /** The second step of a login that answered an `MfaChallenge`: a TOTP code or a recovery code. */
  async completeMfaLogin(ticket: string, code: string): Promise<AuthResult> {
    const result = await this.http.request<AuthResult>('POST', `${V1}/auth/login/mfa`, {
      body: { ticket, code },
      auth: false,
    });
    await this.session.setTokens(result);
    return result;
  }

  /**
   * Resumes a stored session: exchanges the refresh token in the TokenStore for a fresh access token.
   * Answers false when there is no stored session; throws when the server refused it (and the session
   * ends, see `onSessionEnded`).
   */
  async restore(): Promise<boolean> {
    if (!(await this.session.hasSession())) return false;
    await this.session.refresh();
    return true;
  }

  /** Raw refresh exchange (no session side effects). The client refreshes by itself; rarely needed. */
  exchangeRefreshToken(refreshToken: string): Promise<TokenPair> {
    return this.http.request<TokenPair>('POST', `${V1}/auth/refresh`, {
      body: { refreshToken },
      auth: false,
    });
  }

  /**
   * Revokes this session on the server and forgets the tokens locally. The local part happens even when
   * the server call fails (offline); the error is still thrown so the app can tell the session may live on.
   */
  async logout(): Promise<void> {
    try {
      if (this.session.currentAccessToken !== null || (await this.session.hasSession())) {
        await this.http.request<void>('POST', `${V1}/auth/logout`);
      }
    } finally {
      await this.session.end('LOGGED_OUT');
    }
  }

  /** Changes the password; every other session is revoked (this one stays). */
  changePassword(currentPassword: string, newPassword: string): Promise<void> {
    return this.http.request('POST', `${V1}/auth/password`, { body: { currentPassword, newPassword } });
  }

  /** The user's sessions (devices); `current` marks this one. */
  sessions(): Promise<SessionInfo[]> {
    return this.http.request('GET', `${V1}/auth/sessions`);
  }

  /** Revokes one session (log a device out). */
  revokeSession(sessionId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/auth/sessions/${s(sessionId)}`);
  }

  /** Confirms the email address with the token of the mailed link (`/verify-email?token=…`); single use. */
  async verifyEmail(token: string): Promise<void> {
    await this.http.request('POST', `${V1}/auth/verify-email`, { body: { token }, auth: false });
  }

  /** Mails a new verification link to an unverified account (always succeeds: nothing is revealed). */
  async resendVerification(email: string): Promise<void> {
    await this.http.request('POST', `${V1}/auth/verify-email/resend`, { body: { email }, auth: false });
  }

  /** "Forgot password?": mails a reset link valid 30 minutes (always succeeds: nothing is revealed). */
  async requestPasswordReset(email: string): Promise<void> {
    await this.http.request('POST', `${V1}/auth/password-reset`, { body: { email }, auth: false });
  }

  /** Sets a new password with the token of the reset mail (`/reset-password?token=…`); ends every session. */
  async confirmPasswordReset(token: string, password: string): Promise<void> {
    await this.http.request('POST', `${V1}/auth/password-reset/confirm`, {
      body: { token, password },
      auth: false,
    });
  }

  /** Asks to change the email: a link goes to the new address, a notice to the old one. */
  async requestEmailChange(email: string, password: string): Promise<void> {
    await this.http.request('PATCH', `${V1}/users/@me/email`, { body: { email, password } });
  }

  /** Switches to the new address with the token mailed to it (`/confirm-email?token=…`). */
  async confirmEmailChange(token: string): Promise<void> {
    await this.http.request('POST', `${V1}/auth/email-change/confirm`, { body: { token }, auth: false });
  }
}

/** The user's own account and other users' public profiles. */
export class UsersApi {
  constructor(private readonly http: HttpClient) {}

  me(): Promise<PrivateUser> {
    return this.http.request('GET', `${V1}/users/@me`);
  }

  updateMe(body: UpdateMeRequest): Promise<PrivateUser> {
    return this.http.request('PATCH', `${V1}/users/@me`, { body });
  }

  /** Another user's public profile. */
  get(userId: string): Promise<PublicUser> {
    return this.http.request('GET', `${V1}/users/${s(userId)}`);
  }

  /** Guilds the user is a member of. */
  guilds(): Promise<Guild[]> {
    return this.http.request('GET', `${V1}/users/@me/guilds`);
  }

  leaveGuild(guildId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/users/@me/guilds/${s(guildId)}`);
  }
}

export class GuildsApi {
  constructor(private readonly http: HttpClient) {}

  create(body: CreateGuildRequest): Promise<Guild> {
    return this.http.request('POST', `${V1}/guilds`, { body });
  }

  get(guildId: string): Promise<Guild> {
    return this.http.request('GET', `${V1}/guilds/${s(guildId)}`);
  }

  update(guildId: string, body: UpdateGuildRequest): Promise<Guild> {
    return this.http.request('PATCH', `${V1}/guilds/${s(guildId)}`, { body });
  }

  delete(guildId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/guilds/${s(guildId)}`);
  }

  transferOwnership(guildId: string, userId: string): Promise<Guild> {
    return this.http.request('POST', `${V1}/guilds/${s(guildId)}/owner`, { body: { userId } });
  }

  bans(guildId: string): Promise<Ban[]> {
    return this.http.request('GET', `${V1}/guilds/${s(guildId)}/bans`);
  }

  ban(guildId: string, userId: string, reason?: string): Promise<void> {
    return this.http.request('PUT', `${V1}/guilds/${s(guildId)}/bans/${s(userId)}`, {
      body: reason === undefined ? {} : { reason },
    });
  }

  unban(guildId: string, userId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/guilds/${s(guildId)}/bans/${s(userId)}`);
  }

  /** The moderation audit log, newest first, with the users it names (VIEW_AUDIT_LOG). */
  auditLog(guildId: string, query: AuditLogQuery = {}): Promise<AuditLogPage> {
    return this.http.request('GET', `${V1}/guilds/${s(guildId)}/audit-log`, {
      query: {
        user_id: query.userId,
        action_type: query.actionType,
        before: query.before,
        limit: query.limit,
      },
    });
  }
}

export class ChannelsApi {
  constructor(private readonly http: HttpClient) {}

  /** The guild's channels the user can see. */
  list(guildId: string): Promise<Channel[]> {
    return this.http.request('GET', `${V1}/guilds/${s(guildId)}/channels`);
  }

  create(guildId: string, body: CreateChannelRequest): Promise<Channel> {
    return this.http.request('POST', `${V1}/guilds/${s(guildId)}/channels`, { body });
  }

  /** Reorders / re-parents several channels at once; answers the guild's channels. */
  reorder(guildId: string, positions: ChannelPositionUpdate[]): Promise<Channel[]> {
    return this.http.request('PATCH', `${V1}/guilds/${s(guildId)}/channels`, { body: positions });
  }

  get(channelId: string): Promise<Channel> {
    return this.http.request('GET', `${V1}/channels/${s(channelId)}`);
  }

  update(channelId: string, body: UpdateChannelRequest): Promise<Channel> {
    return this.http.request('PATCH', `${V1}/channels/${s(channelId)}`, { body });
  }

  delete(channelId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/channels/${s(channelId)}`);
  }

  setPermissionOverwrite(
    channelId: string,
    overwriteId: string,
    body: PermissionOverwriteRequest,
  ): Promise<void> {
    return this.http.request('PUT', `${V1}/channels/${s(channelId)}/permissions/${s(overwriteId)}`, { body });
  }

  deletePermissionOverwrite(channelId: string, overwriteId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/channels/${s(channelId)}/permissions/${s(overwriteId)}`);
  }
}

export class MembersApi {
  constructor(private readonly http: HttpClient) {}

  /** One page of members, by user id; pass the last `userId` as `after` for the next page. */
  list(guildId: string, query: { after?: string; limit?: number } = {}): Promise<Member[]> {
    return this.http.request('GET', `${V1}/guilds/${s(guildId)}/members`, { query });
  }

  get(guildId: string, userId: string): Promise<Member> {
    return this.http.request('GET', `${V1}/guilds/${s(guildId)}/members/${s(userId)}`);
  }

  update(guildId: string, userId: string, body: UpdateMemberRequest): Promise<Member> {
    return this.http.request('PATCH', `${V1}/guilds/${s(guildId)}/members/${s(userId)}`, { body });
  }

  /** Sets the user's own nickname in the guild (null clears it). */
  setMyNickname(guildId: string, nickname: string | null): Promise<Member> {
    return this.http.request('PATCH', `${V1}/guilds/${s(guildId)}/members/@me`, { body: { nickname } });
  }

  kick(guildId: string, userId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/guilds/${s(guildId)}/members/${s(userId)}`);
  }
}

export class RolesApi {
  constructor(private readonly http: HttpClient) {}

  list(guildId: string): Promise<Role[]> {
    return this.http.request('GET', `${V1}/guilds/${s(guildId)}/roles`);
  }

  create(guildId: string, body: CreateRoleRequest = {}): Promise<Role> {
    return this.http.request('POST', `${V1}/guilds/${s(guildId)}/roles`, { body });
  }

  update(guildId: string, roleId: string, body: UpdateRoleRequest): Promise<Role> {
    return this.http.request('PATCH', `${V1}/guilds/${s(guildId)}/roles/${s(roleId)}`, { body });
  }

  reorder(guildId: string, positions: { id: string; position: number }[]): Promise<Role[]> {
    return this.http.request('PATCH', `${V1}/guilds/${s(guildId)}/roles`, { body: positions });
  }

  delete(guildId: string, roleId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/guilds/${s(guildId)}/roles/${s(roleId)}`);
  }
}

export class InvitesApi {
  constructor(private readonly http: HttpClient) {}

  create(guildId: string, body: CreateInviteRequest = {}): Promise<Invite> {
    return this.http.request('POST', `${V1}/guilds/${s(guildId)}/invites`, { body });
  }

  list(guildId: string): Promise<Invite[]> {
    return this.http.request('GET', `${V1}/guilds/${s(guildId)}/invites`);
  }

  /** What an invite leads to; works without logging in. 404 UNKNOWN_INVITE when expired or used up. */
  preview(code: string): Promise<InvitePreview> {
    return this.http.request('GET', `${V1}/invites/${s(code)}`, { auth: false });
  }

  /** Joins the guild; answers it. */
  accept(code: string): Promise<Guild> {
    return this.http.request('POST', `${V1}/invites/${s(code)}`);
  }

  revoke(code: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/invites/${s(code)}`);
  }
}

/**
 * Incoming webhooks: create, list and delete need MANAGE_WEBHOOKS in the channel; `execute` needs no login
 * (the token in the path is the credential) and posts a message shown under the webhook's name with a bot tag.
 */
export class WebhooksApi {
  constructor(private readonly http: HttpClient) {}

  /** Creates a webhook in a guild text channel. Its `token` and `url` are in this answer only: keep them. */
  create(channelId: string, body: CreateWebhookRequest): Promise<CreatedWebhook> {
    return this.http.request('POST', `${V1}/channels/${s(channelId)}/webhooks`, { body });
  }

  /** The channel's webhooks (without tokens). */
  list(channelId: string): Promise<Webhook[]> {
    return this.http.request('GET', `${V1}/channels/${s(channelId)}/webhooks`);
  }

  /** Every webhook of the guild (MANAGE_WEBHOOKS guild-wide; without tokens). */
  listForGuild(guildId: string): Promise<Webhook[]> {
    return this.http.request('GET', `${V1}/guilds/${s(guildId)}/webhooks`);
  }

  get(webhookId: string): Promise<Webhook> {
    return this.http.request('GET', `${V1}/webhooks/${s(webhookId)}`);
  }

  update(webhookId: string, body: UpdateWebhookRequest): Promise<Webhook> {
    return this.http.request('PATCH', `${V1}/webhooks/${s(webhookId)}`, { body });
  }

  /** Deletes the webhook: its token is refused from then on. */
  delete(webhookId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/webhooks/${s(webhookId)}`);
  }

  /**
   * Posts a message as the webhook, without logging in. `{ wait: true }` answers the message; otherwise
   * nothing (204). 401 INVALID_WEBHOOK_TOKEN, 404 UNKNOWN_WEBHOOK (also once deleted), 429 with retryAfter.
   */
  execute(
    webhookId: string,
    token: string,
    body: ExecuteWebhookRequest,
    options: { wait: true },
  ): Promise<Message>;
  execute(
    webhookId: string,
    token: string,
    body: ExecuteWebhookRequest,
    options?: { wait?: false },
  ): Promise<void>;
  execute(
    webhookId: string,
    token: string,
    body: ExecuteWebhookRequest,
    options: { wait?: boolean } = {},
  ): Promise<Message | void> {
    return this.http.request('POST', `${V1}/webhooks/${s(webhookId)}/${s(token)}`, {
      body,
      auth: false,
      ...(options.wait ? { query: { wait: 'true' } } : {}),
    });
  }
}

/**
 * Threads: channels (type `public_thread`/`private_thread`, `parentId` = their text channel, `thread` set)
 * whose messages, reactions, pins and read states go through `messages`, `reactions` and `readStates`
 * with the thread's id. Sending needs SEND_MESSAGES_IN_THREADS on the parent; a new message unarchives.
 */
export class ThreadsApi {
  constructor(private readonly http: HttpClient) {}

  /** A thread in a text channel: public (CREATE_PUBLIC_THREADS) or private (CREATE_PRIVATE_THREADS). */
  create(channelId: string, body: CreateThreadRequest): Promise<Channel> {
    return this.http.request('POST', `${V1}/channels/${s(channelId)}/threads`, { body });
  }

  /** A public thread started from a message (one per message; 409 THREAD_ALREADY_CREATED). */
  createFromMessage(
    channelId: string,
    messageId: string,
    body: CreateThreadFromMessageRequest,
  ): Promise<Channel> {
    return this.http.request('POST', `${V1}/channels/${s(channelId)}/messages/${s(messageId)}/threads`, {
      body,
    });
  }

  get(threadId: string): Promise<Channel> {
    return this.http.request('GET', `${V1}/channels/${s(threadId)}`);
  }

  /** Rename, archive/unarchive, change the auto-archive period (owner or MANAGE_THREADS); lock (MANAGE_THREADS). */
  update(threadId: string, body: UpdateThreadRequest): Promise<Channel> {
    return this.http.request('PATCH', `${V1}/channels/${s(threadId)}`, { body });
  }

  /** Deletes the thread and its messages (MANAGE_THREADS). */
  delete(threadId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/channels/${s(threadId)}`);
  }

  join(threadId: string): Promise<void> {
    return this.http.request('PUT', `${V1}/channels/${s(threadId)}/thread-members/@me`);
  }

  leave(threadId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/channels/${s(threadId)}/thread-members/@me`);
  }

  /** Adds a guild member who can see the parent channel. */
  addMember(threadId: string, userId: string): Promise<void> {
    return this.http.request('PUT', `${V1}/channels/${s(threadId)}/thread-members/${s(userId)}`);
  }

  /** Removes a member (MANAGE_THREADS; yourself: as leave). */
  removeMember(threadId: string, userId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/channels/${s(threadId)}/thread-members/${s(userId)}`);
  }

  members(threadId: string): Promise<ThreadMember[]> {
    return this.http.request('GET', `${V1}/channels/${s(threadId)}/thread-members`);
  }

  /** The channel's active threads you can see. */
  active(channelId: string): Promise<ThreadList> {
    return this.http.request('GET', `${V1}/channels/${s(channelId)}/threads/active`);
  }

  /** A page of the channel's archived threads you can see, newest archive first (`hasMore`). */
  archived(channelId: string, query: ArchivedThreadsQuery = {}): Promise<ThreadList> {
    return this.http.request('GET', `${V1}/channels/${s(channelId)}/threads/archived`, {
      query: { ...query },
    });
  }
}

/** A nonce for optimistic sends: unique enough per client (64 chars max on the server). */
export function createNonce(): string {
  const random = globalThis.crypto?.randomUUID?.();
  return random ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export class MessagesApi {
  constructor(private readonly http: HttpClient) {}

  /**
   * Sends a message. A nonce is generated when absent; retrying with the same body (same nonce) never
   * creates a duplicate: the server answers the message created first.
   */
  send(channelId: string, body: SendMessageRequest): Promise<Message> {
    const withNonce = { ...body, nonce: body.nonce ?? createNonce() };
    return this.http.request('POST', `${V1}/channels/${s(channelId)}/messages`, { body: withNonce });
  }

  /** A page of history, newest first (`before`/none) or as the server orders `after`/`around`. */
  history(channelId: string, query: HistoryQuery = {}): Promise<Message[]> {
    return this.http.request('GET', `${V1}/channels/${s(channelId)}/messages`, { query: { ...query } });
  }

  get(channelId: string, messageId: string): Promise<Message> {
    return this.http.request('GET', `${V1}/channels/${s(channelId)}/messages/${s(messageId)}`);
  }

  edit(channelId: string, messageId: string, content: string): Promise<Message> {
    return this.http.request('PATCH', `${V1}/channels/${s(channelId)}/messages/${s(messageId)}`, {
      body: { content },
    });
  }

  /**
   * Removes a message's link embeds (SUPPRESS_EMBEDS), or with `false` lets them be made again: the author,
   * or anyone with MANAGE_MESSAGES. Embeds themselves arrive in `message.updated` after a send or an edit.
   */
  suppressEmbeds(channelId: string, messageId: string, suppress = true): Promise<Message> {
    return this.http.request('PATCH', `${V1}/channels/${s(channelId)}/messages/${s(messageId)}`, {
      body: { flags: suppress ? MESSAGE_FLAGS.SUPPRESS_EMBEDS : 0 },
    });
  }

  delete(channelId: string, messageId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/channels/${s(channelId)}/messages/${s(messageId)}`);
  }

  pins(channelId: string): Promise<Message[]> {
    return this.http.request('GET', `${V1}/channels/${s(channelId)}/pins`);
  }

  pin(channelId: string, messageId: string): Promise<void> {
    return this.http.request('PUT', `${V1}/channels/${s(channelId)}/pins/${s(messageId)}`);
  }

  unpin(channelId: string, messageId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/channels/${s(channelId)}/pins/${s(messageId)}`);
  }
}

/** A unicode emoji, a custom emoji's `name:id`, or a custom emoji itself (sent as `name:id`). */
export type ReactionEmoji = string | { name: string; id: string };

export class ReactionsApi {
  constructor(private readonly http: HttpClient) {}

  /** React with a unicode emoji or a custom emoji of the message's guild. */
  add(channelId: string, messageId: string, emoji: ReactionEmoji): Promise<void> {
    return this.http.request('PUT', this.path(channelId, messageId, emoji) + '/@me');
  }

  remove(channelId: string, messageId: string, emoji: ReactionEmoji): Promise<void> {
    return this.http.request('DELETE', this.path(channelId, messageId, emoji) + '/@me');
  }

  /** Who reacted with `emoji`, by user id; `after` pages. */
  users(
    channelId: string,
    messageId: string,
    emoji: ReactionEmoji,
    query: { after?: string; limit?: number } = {},
  ): Promise<ReactionUser[]> {
    return this.http.request('GET', this.path(channelId, messageId, emoji), { query });
  }

  private path(channelId: string, messageId: string, emoji: ReactionEmoji): string {
    const key = typeof emoji === 'string' ? emoji : `${emoji.name}:${emoji.id}`;
    return `${V1}/channels/${s(channelId)}/messages/${s(messageId)}/reactions/${s(key)}`;
  }
}

export class DmsApi {
  constructor(private readonly http: HttpClient) {}

  /** The user's DMs and group DMs. */
  list(): Promise<Channel[]> {
    return this.http.request('GET', `${V1}/users/@me/channels`);
  }

  /** Opens (or returns the existing) DM with one user. */
  open(recipientId: string): Promise<Channel> {
    return this.http.request('POST', `${V1}/users/@me/channels`, { body: { recipientId } });
  }

  /** Creates a group DM with several users. */
  openGroup(body: OpenGroupDmRequest): Promise<Channel> {
    return this.http.request('POST', `${V1}/users/@me/channels`, { body });
  }

  /**
   * Renames a group DM (any recipient may); null or a blank name clears it. The recipients get
   * `channel.updated`. 400 NOT_GROUP_DM for a 1:1 DM.
   */
  rename(channelId: string, name: string | null): Promise<Channel> {
    return this.http.request('PATCH', `${V1}/channels/${s(channelId)}`, { body: { name } });
  }

  addRecipient(channelId: string, userId: string): Promise<void> {
    return this.http.request('PUT', `${V1}/channels/${s(channelId)}/recipients/${s(userId)}`);
  }

  removeRecipient(channelId: string, userId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/channels/${s(channelId)}/recipients/${s(userId)}`);
  }
}

export class ReadStatesApi {
  constructor(private readonly http: HttpClient) {}

  list(): Promise<ReadState[]> {
    return this.http.request('GET', `${V1}/users/@me/read-states`);
  }

  /** Marks the channel read up to and including `messageId`. */
  ack(channelId: string, messageId: string): Promise<void> {
    return this.http.request('POST', `${V1}/channels/${s(channelId)}/messages/${s(messageId)}/ack`);
  }
}

export class PresenceApi {
  constructor(private readonly http: HttpClient) {}

  /** Presence of up to 200 users (absent from the answer: not visible to you). */
  get(userIds: readonly string[]): Promise<Presence[]> {
    return this.http.request('GET', `${V1}/presences`, { query: { userIds: userIds.join(',') } });
  }

  /** Presence of a guild's members. */
  guild(guildId: string): Promise<Presence[]> {
    return this.http.request('GET', `${V1}/presences/guilds/${s(guildId)}`);
  }

  /** Sets the chosen status and/or custom status (null clears it). */
  update(body: UpdatePresenceRequest): Promise<Presence> {
    return this.http.request('PATCH', `${V1}/users/@me/presence`, { body });
  }

  setStatus(status: NonNullable<UpdatePresenceRequest['status']>): Promise<Presence> {
    return this.update({ status });
  }

  setCustomStatus(customStatus: UpdatePresenceRequest['customStatus']): Promise<Presence> {
    return this.update({ customStatus: customStatus ?? null });
  }
}

export class SearchApi {
  constructor(private readonly http: HttpClient) {}

  /** Searches every channel of the guild the user may read. */
  guild(guildId: string, query: SearchQuery): Promise<SearchResults> {
    return this.http.request('GET', `${V1}/guilds/${s(guildId)}/messages/search`, { query: toQuery(query) });
  }

  /** Searches one channel (also DMs). */
  channel(channelId: string, query: SearchQuery): Promise<SearchResults> {
    return this.http.request('GET', `${V1}/channels/${s(channelId)}/messages/search`, {
      query: toQuery(query),
    });
  }
}

function toQuery(query: SearchQuery): Record<string, string | number | boolean | undefined> {
  const join = (values?: readonly string[]) => (values && values.length > 0 ? values.join(',') : undefined);
  return {
    q: query.q,
    content: query.content,
    authorId: join(query.authorId),
    mentions: join(query.mentions),
    has: join(query.has),
    channelId: join(query.channelId),
    before: query.before,
    after: query.after,
    pinned: query.pinned,
    sort: query.sort,
    limit: query.limit,
    offset: query.offset,
  };
}

/** Voice REST (the voice service, through the gateway). Media and signaling: `@bonfire/sdk/voice`. */
export class VoiceApi {
  constructor(private readonly http: HttpClient) {}

  /** Joins (or moves to) a voice channel; answers the signaling endpoint and a voice token. */
  join(channelId: string, body: VoiceJoinRequest = {}): Promise<VoiceJoinResponse> {
    return this.http.request('POST', `${V1}/channels/${s(channelId)}/voice`, { body });
  }

  /** Leaves whatever voice channel the user is in. */
  leave(): Promise<void> {
    return this.http.request('DELETE', `${V1}/users/@me/voice-state`);
  }

  updateSelf(body: SelfVoiceStateUpdate): Promise<VoiceState> {
    return this.http.request('PATCH', `${V1}/users/@me/voice-state`, { body });
  }

  /** Server mute / deafen / move another member (needs MUTE_MEMBERS, DEAFEN_MEMBERS, MOVE_MEMBERS). */
  moderate(guildId: string, userId: string, body: MemberVoiceStateUpdate): Promise<VoiceState> {
    return this.http.request('PATCH', `${V1}/guilds/${s(guildId)}/voice-states/${s(userId)}`, { body });
  }

  /** Disconnects another member from voice (MOVE_MEMBERS). */
  disconnect(guildId: string, userId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/guilds/${s(guildId)}/voice-states/${s(userId)}`);
  }

  guildStates(guildId: string): Promise<VoiceState[]> {
    return this.http.request('GET', `${V1}/guilds/${s(guildId)}/voice-states`);
  }

  channelStates(channelId: string): Promise<VoiceState[]> {
    return this.http.request('GET', `${V1}/channels/${s(channelId)}/voice-states`);
  }

  /** Whether voice channels can be joined (false: show them as unavailable, with `message`). */
  status(): Promise<VoiceStatus> {
    return this.http.request('GET', `${V1}/voice/status`);
  }
}

/** The raw file routes; `client.files.upload*` (FilesApi) wraps them with the byte transfer. */
export class FileRoutes {
  constructor(private readonly http: HttpClient) {}

  requestAttachment(channelId: string, body: UploadRequest): Promise<UploadTicket> {
    return this.http.request('POST', `${V1}/channels/${s(channelId)}/attachments`, { body });
  }

  requestAvatar(body: UploadRequest): Promise<UploadTicket> {
    return this.http.request('POST', `${V1}/users/@me/avatar`, { body });
  }

  requestGuildIcon(guildId: string, body: UploadRequest): Promise<UploadTicket> {
    return this.http.request('POST', `${V1}/guilds/${s(guildId)}/icon`, { body });
  }

  complete(fileId: string, parts?: CompletedPart[]): Promise<FileObject> {
    return this.http.request('POST', `${V1}/attachments/${s(fileId)}/complete`, {
      body: parts ? { parts } : {},
    });
  }
}

/** The caller's applications and their bot users (not available to bots). */
export class ApplicationsApi {
  constructor(private readonly http: HttpClient) {}

  /** Creates an application and its bot user; get the bot's token with `resetBotToken`. */
  create(body: { name: string; description?: string }): Promise<Application> {
    return this.http.request('POST', `${V1}/applications`, { body });
  }

  list(): Promise<Application[]> {
    return this.http.request('GET', `${V1}/applications`);
  }

  get(applicationId: string): Promise<Application> {
    return this.http.request('GET', `${V1}/applications/${s(applicationId)}`);
  }

  update(applicationId: string, body: { name?: string; description?: string | null }): Promise<Application> {
    return this.http.request('PATCH', `${V1}/applications/${s(applicationId)}`, { body });
  }

  /** Deletes the application: its bot token stops working at once. */
  delete(applicationId: string): Promise<void> {
    return this.http.request('DELETE', `${V1}/applications/${s(applicationId)}`);
  }

  /** A new bot token, answered once; the previous one is revoked (its connections end). */
  resetBotToken(applicationId: string): Promise<BotToken> {
    return this.http.request('POST', `${V1}/applications/${s(applicationId)}/bot/reset-token`);
  }

  /** What the authorise link shows: the application, its bot, the permissions by name, the guild. */
  authorizeInfo(query: {
    clientId: string;
    permissions?: string;
    guildId?: string;
  }): Promise<BotAuthorizationInfo> {
    return this.http.request('GET', `${V1}/oauth2/authorize`, {
      query: { client_id: query.clientId, permissions: query.permissions, guild_id: query.guildId },
    });
  }

  /** Adds the bot to a guild you hold MANAGE_GUILD in, with a role granting `permissions` (yours only). */
  authorize(
    body: AuthorizeBotInput,
  ): Promise<{ guildId: string; userId: string; roleId: string | null; added: boolean }> {
    return this.http.request('POST', `${V1}/oauth2/authorize`, { body });
  }
}
