import type {
  BonfireClient,
  Channel,
  Guild,
  Member,
  Message,
  PrivateUser,
  Role,
  ThumbnailSize,
  VoiceState,
} from '@bonfire/sdk';
import { AccountActions } from '../store/effects/account-actions';
import { AdminActions } from '../store/effects/admin-actions';
import { DeveloperActions } from '../store/effects/developer-actions';
import { GatewayEffects } from '../store/effects/gateway';
import { GuildActions } from '../store/effects/guild-actions';
import { GuildContentActions } from '../store/effects/guild-content-actions';
import { GuildEffects } from '../store/effects/guilds';
import type { StoreKernel } from '../store/effects/kernel';
import { MessageActions } from '../store/effects/message-actions';
import { type MessageDraft, MessageEffects } from '../store/effects/messages';
import { ReadStateEffects } from '../store/effects/read-states';
import { SocialActions } from '../store/effects/social-actions';
import { ThreadActions } from '../store/effects/thread-actions';
import { ThreadEffects } from '../store/effects/threads';
import { UserEffects } from '../store/effects/users';
import { SearchActions, VoiceActions } from '../store/effects/voice-actions';
import * as guilds from '../store/slices/guilds';
import type { ChannelHistory } from '../store/slices/message-history';
import * as messages from '../store/slices/messages';
import * as presence from '../store/slices/presence';
import * as session from '../store/slices/session';
import * as voice from '../store/slices/voice';
import { type AppState, StateContainer } from '../store/state';
import { findChannel } from '../store/updates';

export type { ChannelHistory, ClientMessage } from '../store/slices/message-history';
export { mergeMessages } from '../store/slices/message-history';
export type { GuildState } from '../store/slices/guilds';
export type { AppState } from '../store/state';

/** How often typing indicators whose time is up are dropped. */
const TYPING_SWEEP_MS = 1000;

/**
 * The app's state, fed by the SDK: `ready` builds it, dispatches keep it current, REST answers fill in
 * history and profiles. Components read it through `useAppState(selector)` and change it through the
 * methods and action modules here: they never hold the SDK client (lint `no-sdk-client-in-components`). The state and its pure updates live in the slices (src/store/slices); the SDK calls and
 * timers in the effects (src/store/effects).
 */
export class AppStore {
  private readonly container = new StateContainer();
  private readonly unsubscribers: (() => void)[] = [];
  private typingTimer: ReturnType<typeof setInterval> | null = null;
  private readonly users: UserEffects;
  private readonly messages: MessageEffects;
  private readonly guilds: GuildEffects;
  private readonly readStates: ReadStateEffects;
  private readonly threads: ThreadEffects;
  private readonly gateway: GatewayEffects;
  /** Editing, deleting, pinning and reacting to sent messages (SDK calls the components make through the store). */
  readonly messageActions: MessageActions;
  /** Creating, fetching, (un)archiving, joining and leaving threads. */
  readonly threadActions: ThreadActions;
  /** Guild settings: the guild, its channels, roles, members, bans and audit log. */
  readonly guildActions: GuildActions;
  /** A guild's invites (and joining by one), custom emojis and webhooks. */
  readonly guildContentActions: GuildContentActions;
  /** DMs and relationships. */
  readonly socialActions: SocialActions;
  /** My profile, presence, password, sessions, email, two-factor, data exports and notification overrides. */
  readonly accountActions: AccountActions;
  /** My applications (bots) and authorising a bot into a guild. */
  readonly developerActions: DeveloperActions;
  readonly adminActions: AdminActions;
  readonly voiceActions: VoiceActions;
  readonly searchActions: SearchActions;

  constructor(readonly client: BonfireClient) {
    const kernel: StoreKernel = {
      client,
      getState: this.container.getState,
      update: (change) => this.container.update(change),
    };
    this.users = new UserEffects(kernel);
    this.threads = new ThreadEffects(kernel);
    this.messages = new MessageEffects(kernel, this.users, this.threads);
    this.guilds = new GuildEffects(kernel, this.users);
    this.readStates = new ReadStateEffects(kernel, this.users);
    this.messageActions = new MessageActions(kernel);
    this.threadActions = new ThreadActions(kernel, this.threads);
    this.guildActions = new GuildActions(kernel);
    this.guildContentActions = new GuildContentActions(kernel);
    this.socialActions = new SocialActions(kernel);
    this.accountActions = new AccountActions(kernel);
    this.developerActions = new DeveloperActions(kernel);
    this.adminActions = new AdminActions(kernel);
    this.voiceActions = new VoiceActions(kernel);
    this.searchActions = new SearchActions(kernel);
    this.gateway = new GatewayEffects(kernel, {
      users: this.users,
      messages: this.messages,
      guilds: this.guilds,
      readStates: this.readStates,
      threads: this.threads,
    });
  }

  getState = (): AppState => this.container.getState();

  subscribe = (listener: () => void): (() => void) => this.container.subscribe(listener);

  private update(change: (state: AppState) => Partial<AppState>): void {
    this.container.update(change);
  }

  /** Starts listening to the realtime connection and opens it. */
  async start(me: PrivateUser): Promise<void> {
    this.setMe(me);
    const realtime = this.client.realtime;
    this.unsubscribers.push(
      realtime.on('state', (connection) => this.update((state) => session.setConnection(state, connection))),
      realtime.on('ready', (payload) => this.gateway.onReady(payload)),
      realtime.on('dispatch', (dispatch) => this.gateway.onDispatch(dispatch)),
    );
    this.typingTimer = setInterval(
      () => this.update((state) => presence.expireTyping(state, Date.now())),
      TYPING_SWEEP_MS,
    );
    await realtime.connect();
  }

  stop(): void {
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    if (this.typingTimer) clearInterval(this.typingTimer);
    this.client.realtime.disconnect();
  }

  // URLs (pure: no request, no token)

  /** A public file's URL (avatar, guild icon, webhook avatar), usable directly as an image source. */
  fileUrl(fileId: string, size?: ThumbnailSize): string {
    return this.client.files.publicFileUrl(fileId, size);
  }

  /** A custom emoji's image; `still` asks for the first frame of an animated one. */
  emojiUrl(emojiId: string, options: { still?: boolean } = {}): string {
    return this.client.emojis.imageUrl(emojiId, options);
  }

  // Profiles

  /** The author's profile, for a user's message (a webhook's message carries its own name and avatar). */
  ensureAuthor(message: Pick<Message, 'authorId' | 'webhookId'>): Promise<void> {
    return this.users.ensureAuthor(message);
  }

  /** Fetches a user's public profile once (names and avatars for messages and members). */
  ensureUser(userId: string): Promise<void> {
    return this.users.ensureUser(userId);
  }

  setMe(me: PrivateUser): void {
    this.update((state) => session.setMe(state, me));
  }

  setMyPresence(myPresence: AppState['myPresence']): void {
    this.update((state) => presence.setMyPresence(state, myPresence));
  }

  // Messages

  updateHistory(channelId: string, change: (history: ChannelHistory) => ChannelHistory): void {
    this.update((state) => messages.updateHistory(state, channelId, change));
  }

  /** The newest page, when a channel is opened the first time. */
  openChannel(channelId: string): Promise<void> {
    return this.messages.openChannel(channelId);
  }

  refreshLatest(channelId: string): Promise<void> {
    return this.messages.refreshLatest(channelId);
  }

  /** The page before the oldest message held (scrolling back). */
  loadOlder(channelId: string): Promise<void> {
    return this.messages.loadOlder(channelId);
  }

  /** Loads older pages until `messageId` is held (at most `maxPages`); answers whether it is held now. */
  loadUntil(channelId: string, messageId: string, maxPages = 10): Promise<boolean> {
    return this.messages.loadUntil(channelId, messageId, maxPages);
  }

  /** Optimistic send: the message shows at once and is replaced by the server's copy (matched by nonce). */
  sendMessage(channelId: string, body: MessageDraft, nonce: string): Promise<void> {
    return this.messages.send(channelId, body, nonce);
  }

  discardFailed(channelId: string, nonce: string): void {
    this.update((state) => messages.discardFailed(state, channelId, nonce));
  }

  jumpTo(channelId: string, messageId: string): void {
    this.update((state) => messages.jumpTo(state, channelId, messageId));
  }

  clearJump(): void {
    this.update((state) => messages.clearJump(state));
  }

  /** Marks the channel read up to its newest message (once the person has seen it). */
  markRead(channelId: string): Promise<void> {
    return this.readStates.markRead(channelId);
  }

  // Guilds, channels, DMs and threads

  findChannel(channelId: string): Channel | undefined {
    return findChannel(this.getState(), channelId);
  }

  addGuild(guild: Guild, channels: Channel[] = []): void {
    this.guilds.addGuild(guild, channels);
  }

  /** Replaces the guild's own record (an API answer; `guild.updated` brings it to other sessions). */
  putGuild(guild: Guild): void {
    this.update((state) => guilds.putGuild(state, guild));
  }

  removeGuild(guildId: string): void {
    this.update((state) => guilds.removeGuild(state, guildId));
  }

  loadMembers(guildId: string): Promise<void> {
    return this.guilds.loadMembers(guildId);
  }

  /** The guild's roles from the API (a guild added after `ready` has none yet). */
  loadRoles(guildId: string): Promise<void> {
    return this.guilds.loadRoles(guildId);
  }

  /** Replaces one role (an API answer); its dispatch brings the same copy to the other sessions. */
  putRole(role: Role): void {
    this.update((state) => guilds.putRole(state, role));
  }

  putMember(member: Member): void {
    this.update((state) => guilds.putMember(state, member));
  }

  putChannel(channel: Channel): void {
    this.update((state) => guilds.putChannel(state, channel));
  }

  /** Adds a DM, or replaces the known copy (a group DM's members, name or owner changed). */
  addDm(channel: Channel): void {
    this.guilds.addDm(channel);
  }

  /** Forgets a DM (left it, or was removed from the group). */
  removeDm(channelId: string): void {
    this.update((state) => guilds.removeDm(state, channelId));
  }

  /** A thread created, changed or fetched (its starter message shows the new summary). */
  putThread(thread: Channel): void {
    this.threads.putThread(thread);
  }

  // Voice

  setVoiceStates(states: VoiceState[]): void {
    this.update((state) => voice.setVoiceStates(state, states));
  }

  setSpeaking(userId: string, speaking: boolean): void {
    this.update((state) => voice.setSpeaking(state, userId, speaking));
  }
}
