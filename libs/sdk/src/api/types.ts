/**
 * Names for the request bodies, queries and answers of the REST API. Every one is taken from the types
 * generated from apps/gateway/openapi.json (`../generated/openapi.ts`, `npm run openapi`): none is written
 * by hand, so they follow the services. Shared domain shapes (Guild, Channel, Message, …) of the realtime
 * protocol come from @bonfire/contracts and are re-exported by the SDK.
 */
import type { SearchSort } from '@bonfire/contracts';
import type { ApiAnswer as Answer, ApiBody as Body, ApiQuery as Query } from '../rest-client';

type Item<List> = List extends readonly (infer Element)[] ? Element : never;
type WithOptional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

// Users and the session.
/**
 * The server always sends `bot`, `emailVerified`, `mfaEnabled` and `instanceAdmin`; they are optional here
 * so that a profile from the realtime `user.updated` dispatch, or one built by hand, fits.
 */
export type PrivateUser = WithOptional<
  Answer<'/api/v1/users/@me', 'get'>,
  'bot' | 'emailVerified' | 'mfaEnabled' | 'instanceAdmin'
>;
export type PublicUser = WithOptional<Answer<'/api/v1/users/{id}', 'get'>, 'bot'>;
export type UpdateMeRequest = Body<'/api/v1/users/@me', 'patch'>;
export type AuthResult = Answer<'/api/v1/auth/login/mfa', 'post'>;
export type RegisterRequest = Body<'/api/v1/auth/register', 'post'>;
/** The answer to register on an instance that blocks unverified accounts: the account waits for its link. */
export type VerificationRequired = Exclude<Answer<'/api/v1/auth/register', 'post'>, AuthResult>;
export type LoginRequest = Body<'/api/v1/auth/login', 'post'>;
export type SessionInfo = Item<Answer<'/api/v1/auth/sessions', 'get'>>;

// Guilds, channels, members, roles, invites.
export type CreateGuildRequest = Body<'/api/v1/guilds', 'post'>;
export type UpdateGuildRequest = Body<'/api/v1/guilds/{guildId}', 'patch'>;
export type CreateChannelRequest = Body<'/api/v1/guilds/{guildId}/channels', 'post'>;
export type UpdateChannelRequest = Body<'/api/v1/channels/{channelId}', 'patch'>;
export type ChannelPositionUpdate = Item<Body<'/api/v1/guilds/{guildId}/channels', 'patch'>>;
export type PermissionOverwriteRequest = Body<
  '/api/v1/channels/{channelId}/permissions/{overwriteId}',
  'put'
>;
export type UpdateMemberRequest = Body<'/api/v1/guilds/{guildId}/members/{userId}', 'patch'>;
export type MembersQuery = Query<'/api/v1/guilds/{guildId}/members', 'get'>;
export type Ban = Item<Answer<'/api/v1/guilds/{guildId}/bans', 'get'>>;
export type CreateRoleRequest = NonNullable<Body<'/api/v1/guilds/{guildId}/roles', 'post'>>;
export type UpdateRoleRequest = Body<'/api/v1/guilds/{guildId}/roles/{roleId}', 'patch'>;
export type RolePositionUpdate = Item<Body<'/api/v1/guilds/{guildId}/roles', 'patch'>>;
export type CreateInviteRequest = NonNullable<Body<'/api/v1/guilds/{guildId}/invites', 'post'>>;
export type InvitePreview = Answer<'/api/v1/invites/{code}', 'get'>;

// Threads.
export type CreateThreadRequest = Body<'/api/v1/channels/{channelId}/threads', 'post'>;
export type CreateThreadFromMessageRequest = Body<
  '/api/v1/channels/{channelId}/messages/{messageId}/threads',
  'post'
>;
/** Minutes of inactivity after which a thread archives itself. */
export type ThreadAutoArchiveMinutes = NonNullable<CreateThreadRequest['autoArchiveMinutes']>;
/** A thread edit: name, archived, autoArchiveMinutes (owner or MANAGE_THREADS); locked, invitable (MANAGE_THREADS). */
export type UpdateThreadRequest = UpdateChannelRequest;
export type ArchivedThreadsQuery = Query<'/api/v1/channels/{channelId}/threads/archived', 'get'>;

// Webhooks and applications.
export type CreateWebhookRequest = Body<'/api/v1/channels/{channelId}/webhooks', 'post'>;
export type UpdateWebhookRequest = Body<'/api/v1/webhooks/{webhookId}', 'patch'>;
export type ExecuteWebhookRequest = Body<'/api/v1/webhooks/{webhookId}/{token}', 'post'>;
export type CreateApplicationRequest = Body<'/api/v1/applications', 'post'>;
export type UpdateApplicationRequest = Body<'/api/v1/applications/{id}', 'patch'>;
export type BotAuthorizationQuery = Query<'/api/v1/oauth2/authorize', 'get'>;
export type BotAuthorizationResult = Answer<'/api/v1/oauth2/authorize', 'post'>;

// Messages, reactions, DMs, presence, search.
export type SendMessageRequest = Body<'/api/v1/channels/{channelId}/messages', 'post'>;
export type EditMessageRequest = Body<'/api/v1/channels/{channelId}/messages/{messageId}', 'patch'>;
/** History paging: give at most one of before/after/around. */
export type HistoryQuery = Query<'/api/v1/channels/{channelId}/messages', 'get'>;
export type AuditLogApiQuery = Query<'/api/v1/guilds/{guildId}/audit-log', 'get'>;
export type ReactionUser = Item<
  Answer<'/api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}', 'get'>
>;
export type ReactionUsersQuery = Query<
  '/api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}',
  'get'
>;
type OpenChannelBody = Body<'/api/v1/users/@me/channels', 'post'>;
export type OpenDmRequest = Required<Pick<OpenChannelBody, 'recipientId'>>;
export type OpenGroupDmRequest = Required<Pick<OpenChannelBody, 'recipientIds'>> &
  Pick<OpenChannelBody, 'name'>;
export type UpdatePresenceRequest = Body<'/api/v1/users/@me/presence', 'patch'>;
/** The search route's own query: lists are comma-separated strings (`SearchQuery` takes arrays). */
export type SearchApiQuery = Query<'/api/v1/guilds/{guildId}/messages/search', 'get'>;

// Voice and files.
export type VoiceJoinRequest = NonNullable<Body<'/api/v1/channels/{channelId}/voice', 'post'>>;
export type SelfVoiceStateUpdate = Body<'/api/v1/users/@me/voice-state', 'patch'>;
export type MemberVoiceStateUpdate = Body<'/api/v1/guilds/{guildId}/voice-states/{userId}', 'patch'>;
export type UploadRequest = Body<'/api/v1/channels/{channelId}/attachments', 'post'>;
export type UploadTicketAnswer = Answer<'/api/v1/channels/{channelId}/attachments', 'post'>;
export type CompletedUpload = Answer<'/api/v1/attachments/{fileId}/complete', 'post'>;
export type CompletedPart = Item<
  NonNullable<NonNullable<Body<'/api/v1/attachments/{fileId}/complete', 'post'>>['parts']>
>;

// Two-factor, account, instance administration.
export type MfaChallenge = Exclude<Answer<'/api/v1/auth/login', 'post'>, AuthResult>;
/** What `client.auth.login` answers: signed in, or a second factor is needed. */
export type LoginResult = Answer<'/api/v1/auth/login', 'post'>;
export type MfaStatus = Answer<'/api/v1/users/@me/mfa', 'get'>;
export type TotpEnrolment = Answer<'/api/v1/users/@me/mfa/totp', 'post'>;
export type RecoveryCodes = Answer<'/api/v1/users/@me/mfa/totp/confirm', 'post'>;
export type DeleteAccountRequest = Body<'/api/v1/users/@me/delete', 'post'>;
export type InstanceInfo = Answer<'/api/v1/instance', 'get'>;
/** Who may register: anyone, with an instance invite code (`inviteCode` at registration), or no one. */
export type RegistrationMode = InstanceInfo['registrationMode'];
export type InstanceSettings = Answer<'/api/v1/admin/settings', 'get'>;
export type UpdateInstanceSettingsRequest = Body<'/api/v1/admin/settings', 'patch'>;
export type AdminUsersQuery = Query<'/api/v1/admin/users', 'get'>;
export type AdminUsersPage = Answer<'/api/v1/admin/users', 'get'>;
/** An account as instance admins see it. */
export type AdminUser = Item<AdminUsersPage['users']>;
export type InstanceInvite = Answer<'/api/v1/admin/invites', 'post'>;
export type CreateInstanceInviteRequest = NonNullable<Body<'/api/v1/admin/invites', 'post'>>;
export type InstanceStats = Answer<'/api/v1/admin/stats', 'get'>;

/** Audit log filters and paging (newest first): the route's `user_id` / `action_type`, named as in the SDK. */
export interface AuditLogQuery {
  /** Only what this user did. */
  userId?: AuditLogApiQuery['user_id'];
  actionType?: AuditLogApiQuery['action_type'];
  /** An entry id: the entries older than it. */
  before?: AuditLogApiQuery['before'];
  /** 1–100, default 50. */
  limit?: AuditLogApiQuery['limit'];
}

export type SearchHas = 'link' | 'file' | 'image';

/**
 * Search filters. `q` is the search-box syntax (`from:alice in:#general has:file before:2026-01-01
 * "exact phrase"`); the other fields are the same filters as structured parameters. The route documents
 * its lists as comma-separated strings and its numbers as text; this shape takes them typed.
 */
export interface SearchQuery extends Pick<SearchApiQuery, 'q' | 'content' | 'before' | 'after'> {
  authorId?: string[];
  mentions?: string[];
  has?: SearchHas[];
  channelId?: string[];
  pinned?: boolean;
  sort?: SearchSort;
  limit?: number;
  offset?: number;
}
