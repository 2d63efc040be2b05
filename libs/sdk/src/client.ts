import { io } from 'socket.io-client';
import type { IntentName } from '@bonfire/contracts';
import {
  ApplicationsApi,
  AuthApi,
  ChannelsApi,
  DmsApi,
  FileRoutes,
  GuildsApi,
  InvitesApi,
  MembersApi,
  MessagesApi,
  PresenceApi,
  ReactionsApi,
  ReadStatesApi,
  RolesApi,
  SearchApi,
  UsersApi,
  VoiceApi,
  ThreadsApi,
  WebhooksApi,
} from './api/rest';
import { RelationshipsApi } from './api/relationships';
import { EmojisApi } from './api/emojis';
import { NotificationsApi } from './api/notifications';
import { MfaApi } from './api/mfa';
import { AccountApi } from './api/account';
import { DataExportsApi } from './api/data-exports';
import { AdminApi, InstanceApi } from './api/admin';
import { AuthSession, type SessionEndedEvent, type TokenPair } from './auth/auth-session';
import { MemoryTokenStore, type TokenStore } from './auth/token-store';
import { HttpClient, type FetchLike } from './http';
import { RestClient } from './rest-client';
import { RealtimeClient } from './realtime/realtime-client';
import type {
  RealtimeOptions,
  RealtimeSocket,
  RealtimeSocketFactory,
} from './realtime/realtime-client-types';
import { FilesApi } from './upload/files-api';
import { createFetchUploadTransport, type UploadTransport } from './upload/transport';

export interface BonfireClientOptions {
  /** Gateway origin, e.g. `http://localhost:8080`. In a browser page served by the gateway, `''` (same origin). */
  baseUrl: string;
  /** Where the refresh token is kept. Default: in memory (the session ends with the process). */
  tokenStore?: TokenStore;
  /** fetch to use. Default: the global fetch. */
  fetch?: FetchLike;
  /** Moves upload bytes; inject `createXhrUploadTransport()` for progress. Default: fetch (progress per PUT). */
  uploadTransport?: UploadTransport;
  /** Called when the session cannot continue: refresh refused (reused, revoked, expired) or logout. */
  onSessionEnded?: (event: SessionEndedEvent) => void;
  /** Refresh the access token this many seconds before it expires. Default 60. */
  refreshMarginSeconds?: number;
  /** Builds the realtime socket. Default: socket.io-client. */
  realtimeSocketFactory?: RealtimeSocketFactory;
  /** Realtime tuning: acknowledgement wait, reconnect backoff bounds, dispatch batching. */
  realtime?: Pick<RealtimeOptions, 'ackTimeoutMs' | 'minReconnectDelayMs' | 'maxReconnectDelayMs' | 'batch'>;
  /**
   * Bot mode: authenticate as an application's bot. REST sends `Authorization: Bot <token>` and the realtime
   * handshake presents it with `intents`; no login, no refresh (`auth.*` and `applications.*` are refused).
   */
  botToken?: string;
  /** Bot mode: the gateway intents (bitfield of INTENTS or names). Default GUILDS and GUILD_MESSAGES. */
  intents?: number | readonly IntentName[];
}

/** socket.io-client with the options the realtime protocol expects; connects only when asked. */
export const defaultRealtimeSocketFactory: RealtimeSocketFactory = (url, options) => {
  const socketOptions = { path: options.path, auth: options.auth, autoConnect: false };
  return (url === undefined ? io(socketOptions) : io(url, socketOptions)) as unknown as RealtimeSocket;
};

/**
 * The Bonfire client: typed REST groups, automatic token refresh, realtime and uploads.
 *
 * ```ts
 * const client = new BonfireClient({ baseUrl: 'http://localhost:8080' });
 * await client.auth.login({ login: 'alice', password: '…' });
 * client.realtime.on('message.created', (message) => console.log(message.content));
 * await client.realtime.connect();
 * await client.messages.send(channelId, { content: 'hello' });
 * ```
 */
export class BonfireClient {
  readonly auth: AuthApi;
  /** Two-factor authentication (TOTP and recovery codes) of the signed-in user. */
  readonly mfa: MfaApi;
  /** The account itself: deleting it. */
  readonly account: AccountApi;
  readonly users: UsersApi;
  readonly guilds: GuildsApi;
  readonly channels: ChannelsApi;
  readonly members: MembersApi;
  readonly roles: RolesApi;
  readonly invites: InvitesApi;
  readonly messages: MessagesApi;
  readonly reactions: ReactionsApi;
  readonly dms: DmsApi;
  readonly readStates: ReadStatesApi;
  readonly presence: PresenceApi;
  readonly files: FilesApi;
  readonly search: SearchApi;
  readonly voice: VoiceApi;
  /** Incoming webhooks; `webhooks.execute` works without logging in. */
  readonly webhooks: WebhooksApi;
  /** Threads (create, update, members, active/archived lists); their messages go through `messages`. */
  readonly threads: ThreadsApi;
  /** Your applications and their bots, and the authorise link that adds a bot to a guild. */
  readonly applications: ApplicationsApi;
  /** A guild's custom emoji: list, upload, rename, delete; image URLs. */
  readonly emojis: EmojisApi;
  /** Friends, friend requests, blocks and privacy settings. */
  readonly relationships: RelationshipsApi;
  /** Notification settings (guilds, channels) and Web Push subscriptions. */
  readonly notifications: NotificationsApi;
  /** Exports of my data (a ZIP built in the background, downloadable by me until it expires). */
  readonly dataExports: DataExportsApi;
  /** The instance's registration mode (no session needed). */
  readonly instance: InstanceApi;
  /** Instance administration (admins only): accounts, registration mode, invite codes, statistics. */
  readonly admin: AdminApi;
  readonly realtime: RealtimeClient;
  /** Token handling: current access token, manual refresh, token and session-ended listeners. */
  readonly session: AuthSession;
  /** Every documented route, typed from the OpenAPI document: `client.rest.get('/api/v1/…', { params })`. */
  readonly rest: RestClient;
  /** The low-level HTTP client (untyped; prefer `rest`). */
  readonly http: HttpClient;

  constructor(options: BonfireClientOptions) {
    const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
    const store = options.tokenStore ?? new MemoryTokenStore();
    let exchange: (refreshToken: string) => Promise<TokenPair> = () => Promise.reject(new Error('not ready'));
    this.session = new AuthSession({
      store,
      exchange: (refreshToken) => exchange(refreshToken),
      ...(options.refreshMarginSeconds !== undefined
        ? { refreshMarginSeconds: options.refreshMarginSeconds }
        : {}),
    });
    if (options.onSessionEnded) this.session.onSessionEnded(options.onSessionEnded);
    this.http = new HttpClient(options.baseUrl, fetchImpl, this.session, options.botToken);
    const rest = (this.rest = new RestClient(this.http));
    this.auth = new AuthApi(rest, this.session);
    this.mfa = new MfaApi(rest);
    this.account = new AccountApi(rest, this.session);
    this.instance = new InstanceApi(rest);
    this.admin = new AdminApi(rest);
    exchange = (refreshToken) => this.auth.exchangeRefreshToken(refreshToken);
    this.users = new UsersApi(rest);
    this.guilds = new GuildsApi(rest);
    this.channels = new ChannelsApi(rest);
    this.members = new MembersApi(rest);
    this.roles = new RolesApi(rest);
    this.invites = new InvitesApi(rest);
    this.messages = new MessagesApi(rest);
    this.reactions = new ReactionsApi(rest);
    this.dms = new DmsApi(rest);
    this.readStates = new ReadStatesApi(rest);
    this.presence = new PresenceApi(rest);
    const uploadTransport = options.uploadTransport ?? createFetchUploadTransport(fetchImpl);
    this.files = new FilesApi(this.http, new FileRoutes(rest), () => uploadTransport);
    this.search = new SearchApi(rest);
    this.voice = new VoiceApi(rest);
    this.webhooks = new WebhooksApi(rest);
    this.applications = new ApplicationsApi(rest);
    this.threads = new ThreadsApi(rest);
    this.emojis = new EmojisApi(rest, this.files);
    this.relationships = new RelationshipsApi(rest);
    this.notifications = new NotificationsApi(rest);
    this.dataExports = new DataExportsApi(rest);
    this.realtime = new RealtimeClient({
      ...options.realtime,
      baseUrl: this.http.baseUrl,
      session: this.session,
      socketFactory: options.realtimeSocketFactory ?? defaultRealtimeSocketFactory,
      ...(options.botToken !== undefined ? { botToken: options.botToken } : {}),
      ...(options.intents !== undefined ? { intents: options.intents } : {}),
    });
    // A session that ended cannot keep a realtime connection.
    this.session.onSessionEnded(() => this.realtime.disconnect());
  }

  /** Registers a session-ended listener; returns a function removing it. */
  onSessionEnded(listener: (event: SessionEndedEvent) => void): () => void {
    return this.session.onSessionEnded(listener);
  }

  /** Closes the realtime connection and stops the refresh timer (the session stays stored). */
  close(): void {
    this.realtime.disconnect();
    this.session.dispose();
  }
}
