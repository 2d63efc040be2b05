/**
 * @bonfire/sdk — the typed Bonfire client. No DOM dependency: runs in browsers, Node and React Native.
 * Browser helpers: `@bonfire/sdk/browser`. Voice (mediasoup-client): `@bonfire/sdk/voice`.
 */
export { BonfireClient, defaultRealtimeSocketFactory, type BonfireClientOptions } from './client';
export { BonfireApiError, parseRetryAfter, type BonfireErrorCode, type ClientErrorCode } from './errors';
export {
  AuthSession,
  type SessionEndedEvent,
  type TokenPair,
  type AuthSessionOptions,
} from './auth/auth-session';
export { MemoryTokenStore, type TokenStore } from './auth/token-store';
export { HttpClient, type FetchLike, type RequestOptions, type QueryValue } from './http';
export {
  RestClient,
  type ApiAnswer,
  type ApiBody,
  type ApiMethod,
  type ApiOptions,
  type ApiParams,
  type ApiPath,
  type ApiPathOf,
  type ApiQuery,
} from './rest-client';
export type { paths as ApiPaths, components as ApiComponents } from './generated/openapi';
export * from './api/rest';
export * from './api/mfa';
export * from './api/account';
export * from './api/admin';
export { RelationshipsApi } from './api/relationships';
export { DataExportsApi } from './api/data-exports';
export { EmojisApi } from './api/emojis';
export { NotificationsApi } from './api/notifications';
export type * from './api/types';
export { RealtimeClient, RealtimeRequestError } from './realtime/realtime-client';
export type {
  ConnectionEvents,
  ConnectionState,
  DispatchListenerEvents,
  DispatchMeta,
  DisconnectedEvent,
  ReconnectingEvent,
  RealtimeEvents,
  RealtimeOptions,
  RealtimeSocket,
  RealtimeSocketFactory,
  RealtimeSocketOptions,
} from './realtime/realtime-client-types';
export { TypedEmitter } from './realtime/emitter';
export {
  FilesApi,
  planParts,
  type PlannedPart,
  type ThumbnailSize,
  type UploadFile,
  type UploadOptions,
  type UploadProgress,
} from './upload/files-api';
export {
  byteLength,
  createFetchUploadTransport,
  sliceData,
  storageError,
  type UploadData,
  type UploadPutRequest,
  type UploadPutResult,
  type UploadTransport,
} from './upload/transport';
export { createXhrUploadTransport, type XhrLike } from './upload/xhr-transport';
// The voice state machine needs no mediasoup-client at runtime (the device is a port): it is here for
// platforms that bring their own device factory; `@bonfire/sdk/voice` adds the mediasoup-client defaults.
export * from './voice/ports';
export { defaultVoiceSignalingFactory } from './voice/signaling';
export { VoiceClient } from './voice/voice-client';
export type {
  VoiceClientOptions,
  VoiceCloseReason,
  VoiceConnectionState,
  VoiceEvents,
  VoiceJoinOptions,
  VoiceTrackEvent,
} from './voice/voice-client-types';
export { VoiceRequestError } from './voice/voice-request-error';
export type {
  Attachment,
  AuditLogAction,
  AuditLogEntry,
  AuditLogPage,
  Channel,
  ChannelType,
  CustomStatus,
  Dispatch,
  DispatchEvents,
  DispatchType,
  FileObject,
  Guild,
  Invite,
  Member,
  Message,
  Presence,
  PresenceStatus,
  ReadState,
  ReadyPayload,
  ResumedPayload,
  ResyncPayload,
  Role,
  SearchHit,
  SearchResults,
  ThreadList,
  ThreadMember,
  ThreadMetadata,
  TypingStarted,
  UploadTicket,
  UserUpdated,
  VoiceJoinResponse,
  VoiceState,
  Application,
  BotToken,
  BotAuthorizationInfo,
  AuthorizeBotInput,
  IntentName,
  Emoji,
  CreateEmojiRequest,
  GuildEmojisUpdated,
  Relationship,
  RelationshipType,
  NotificationLevel,
  ChannelNotificationLevel,
  GuildNotificationSettings,
  ChannelNotificationOverride,
  UpdateGuildNotificationSettings,
  PutChannelNotificationOverride,
  NotificationCreated,
  PushSubscription,
  CreatePushSubscription,
  PrivacySettings,
  Embed,
  EmbedMedia,
  EmbedType,
} from '@bonfire/contracts';
export { INTENTS } from '@bonfire/contracts';
export {
  customEmojiIn,
  customEmojiMarkup,
  parseCustomEmojiRef,
  EMOJI_NAME_PATTERN,
} from '@bonfire/contracts';
export { MESSAGE_FLAGS } from '@bonfire/contracts';
