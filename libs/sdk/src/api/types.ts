/**
 * Request bodies and answers the REST API defines in the services rather than in @bonfire/contracts
 * (taken from apps/gateway/openapi.json). Shared domain shapes (Guild, Channel, Message, …) come from
 * @bonfire/contracts and are re-exported by the SDK.
 */
import type {
  AuditLogAction,
  ChannelType,
  ChosenPresenceStatus,
  CustomStatus,
  Guild,
  SearchSort,
} from '@bonfire/contracts';

export interface PublicUser {
  id: string;
  username: string;
  displayName: string | null;
  avatarFileId: string | null;
  about: string | null;
  /** An application's bot user (always sent by the server; optional for objects built by hand). */
  bot?: boolean;
  createdAt: string;
}

export interface PrivateUser extends PublicUser {
  /** null for a bot (it has no email). */
  email: string | null;
  /** The user opened a link mailed to `email` (always sent by the server). */
  emailVerified?: boolean;
  /** Login asks for a second factor (always sent by the server). */
  mfaEnabled?: boolean;
  /** An instance admin (`client.admin`); sent for the user themself only. */
  instanceAdmin?: boolean;
}

export interface AuthResult {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: PrivateUser;
}

export interface RegisterRequest {
  email: string;
  /** 2–32 of a-z 0-9 _ . (stored lowercase). */
  username: string;
  /** At least 8 characters. */
  password: string;
  displayName?: string;
  deviceLabel?: string;
  /** An instance invite code: needed when `client.instance.info()` says `invite_only`. */
  inviteCode?: string;
}

export interface LoginRequest {
  /** Email or username. */
  login: string;
  password: string;
  deviceLabel?: string;
}

export interface SessionInfo {
  id: string;
  deviceLabel: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
  /** The session this client is using. */
  current: boolean;
}

export interface UpdateMeRequest {
  displayName?: string | null;
  avatarFileId?: string | null;
  about?: string | null;
}

export interface CreateGuildRequest {
  name: string;
  description?: string | null;
  iconFileId?: string | null;
}

export interface UpdateGuildRequest {
  name?: string;
  description?: string | null;
  iconFileId?: string | null;
  /** Transfer ownership (owner only). */
  ownerId?: string;
}

export interface CreateChannelRequest {
  name: string;
  type?: Extract<ChannelType, 'text' | 'voice' | 'category'>;
  topic?: string | null;
  parentId?: string | null;
  position?: number;
  slowmodeSeconds?: number;
  userLimit?: number | null;
}

export interface UpdateChannelRequest {
  /** A guild channel's new name; for a group DM (see DmsApi.rename), null or blank clears it. */
  name?: string | null;
  topic?: string | null;
  parentId?: string | null;
  position?: number;
  slowmodeSeconds?: number;
  userLimit?: number | null;
}

/** Minutes of inactivity after which a thread archives itself. */
export type ThreadAutoArchiveMinutes = 60 | 1440 | 4320 | 10080;

export interface CreateThreadFromMessageRequest {
  name: string;
  autoArchiveMinutes?: ThreadAutoArchiveMinutes;
}

export interface CreateThreadRequest {
  name: string;
  /** Default public. A private thread is seen by its members and MANAGE_THREADS holders. */
  type?: 'public' | 'private';
  autoArchiveMinutes?: ThreadAutoArchiveMinutes;
  /** Private threads: whether members other than moderators may add people (default true). */
  invitable?: boolean;
}

/** A thread edit: name, archived, autoArchiveMinutes (owner or MANAGE_THREADS); locked, invitable (MANAGE_THREADS). */
export interface UpdateThreadRequest {
  name?: string;
  archived?: boolean;
  locked?: boolean;
  autoArchiveMinutes?: ThreadAutoArchiveMinutes;
  invitable?: boolean;
}

export interface ArchivedThreadsQuery {
  /** An ISO time: threads archived before it (the last page's last `thread.archiveTimestamp`). */
  before?: string;
  /** 1–100, default 50. */
  limit?: number;
}

export interface ChannelPositionUpdate {
  id: string;
  position: number;
  parentId?: string | null;
}

export interface PermissionOverwriteRequest {
  type: 'role' | 'member';
  /** Decimal bitfield (default "0"). */
  allow?: string;
  deny?: string;
}

export interface UpdateMemberRequest {
  nickname?: string | null;
  roleIds?: string[];
}

export interface Ban {
  guildId: string;
  userId: string;
  reason: string | null;
  moderatorId: string;
  createdAt: string;
}

export interface CreateRoleRequest {
  name?: string;
  color?: number;
  hoist?: boolean;
  mentionable?: boolean;
  /** Decimal bitfield. */
  permissions?: string;
}

export type UpdateRoleRequest = CreateRoleRequest;

export interface CreateInviteRequest {
  /** 0 or absent: unlimited. */
  maxUses?: number;
  /** 0: never expires. Default 7 days. */
  maxAgeSeconds?: number;
  channelId?: string | null;
}

export interface CreateWebhookRequest {
  /** 1–80 characters. */
  name: string;
  /** A file id (an uploaded avatar image), as a user's avatar. */
  avatar?: string | null;
}

export interface UpdateWebhookRequest {
  name?: string;
  avatar?: string | null;
  /** Another text channel of the same guild. */
  channelId?: string;
}

export interface ExecuteWebhookRequest {
  /** As a message's content: 1–4000 characters, mentions parsed (@everyone only if the webhook's creator may). */
  content: string;
  /** The author name this message shows instead of the webhook's. */
  username?: string;
  /** The avatar (a file id) this message shows instead of the webhook's. */
  avatar?: string | null;
}

export interface InvitePreview {
  code: string;
  guild: Pick<Guild, 'id' | 'name' | 'iconFileId' | 'description'>;
  memberCount: number;
  expiresAt: string | null;
}

export interface SendMessageRequest {
  content?: string;
  /**
   * Idempotency key (1–64 chars): sending again with the same nonce answers the first message instead
   * of a duplicate, and the `message.created` dispatch carries it so an optimistic copy can be replaced.
   * The SDK generates one when absent.
   */
  nonce?: string;
  /** Id of the message replied to. */
  replyTo?: string;
  /** Ids of completed uploads (at most 10). */
  attachments?: string[];
}

/** Audit log filters and paging (newest first). */
export interface AuditLogQuery {
  /** Only what this user did. */
  userId?: string;
  actionType?: AuditLogAction;
  /** An entry id: the entries older than it. */
  before?: string;
  /** 1–100, default 50. */
  limit?: number;
}

/** History paging: give at most one of before/after/around. */
export interface HistoryQuery {
  before?: string;
  after?: string;
  around?: string;
  /** 1–100, default 50. */
  limit?: number;
}

export interface ReactionUser {
  id: string;
  username: string;
  displayName: string | null;
}

export interface OpenDmRequest {
  recipientId: string;
}

export interface OpenGroupDmRequest {
  recipientIds: string[];
  name?: string;
}

export interface UpdatePresenceRequest {
  status?: ChosenPresenceStatus;
  customStatus?: CustomStatus | null;
}

export type SearchHas = 'link' | 'file' | 'image';

/**
 * Search filters. `q` is the search-box syntax (`from:alice in:#general has:file before:2026-01-01
 * "exact phrase"`); the other fields are the same filters as structured parameters.
 */
export interface SearchQuery {
  q?: string;
  /** Plain words (all must match), no operators. */
  content?: string;
  authorId?: string[];
  mentions?: string[];
  has?: SearchHas[];
  channelId?: string[];
  /** Date (2026-01-31), ISO date-time or message id. */
  before?: string;
  after?: string;
  pinned?: boolean;
  sort?: SearchSort;
  limit?: number;
  offset?: number;
}
