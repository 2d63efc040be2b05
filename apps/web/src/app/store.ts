import type {
  BonfireClient,
  Channel,
  ConnectionState,
  Dispatch,
  Guild,
  Member,
  Message,
  Presence,
  PresenceStatus,
  PrivateUser,
  PublicUser,
  ReadyPayload,
  Role,
  VoiceState,
} from '@bonfire/sdk';
import { notificationSettingsOf } from '../notifications/notification-settings';
import { compareIds, describeError } from './util';

/** A message as the app holds it: sent ones, and our own still on their way (or refused). */
export interface ClientMessage extends Message {
  /** Shown greyed until the server confirms it. */
  pending?: boolean;
  /** Why sending failed, in plain words; the person can retry (same nonce: no duplicate) or discard. */
  failed?: string;
}

export interface ChannelHistory {
  /** Oldest first. Pending messages sit at the end. */
  messages: ClientMessage[];
  loaded: boolean;
  hasMoreBefore: boolean;
  loadingOlder: boolean;
  error: string | null;
}

export interface GuildState {
  guild: Guild;
  roles: Role[];
  channels: Channel[];
  members: Record<string, Member>;
  memberTotal: number;
}

export interface ReadMarker {
  lastReadMessageId: string | null;
  mentionCount: number;
}

export interface AppState {
  connection: ConnectionState;
  /** The first `ready` arrived: the app can render. */
  ready: boolean;
  me: PrivateUser | null;
  guildOrder: string[];
  guilds: Record<string, GuildState>;
  dms: Channel[];
  users: Record<string, PublicUser>;
  presences: Record<string, Presence>;
  myPresence: { status: PresenceStatus; customStatus: Presence['customStatus'] };
  readStates: Record<string, ReadMarker>;
  /** Newest message id per channel, for unread badges. */
  lastMessageIds: Record<string, string | null>;
  histories: Record<string, ChannelHistory>;
  /** channelId → userId → expiry (ms). */
  typing: Record<string, Record<string, number>>;
  voiceStates: Record<string, VoiceState>;
  speaking: Record<string, boolean>;
  /** A message to bring into view (from search), consumed by the channel's message list. */
  jumpTarget: { channelId: string; messageId: string } | null;
  /** Threads known to the session by id: the active ones from `ready`, and any created, updated or opened since. */
  threads: Record<string, Channel>;
}

const PAGE_SIZE = 50;
/** How long after a channel appears its newest message is checked (see catchUpNewChannel). */
const CATCH_UP_DELAY_MS = 1500;

function emptyHistory(): ChannelHistory {
  return { messages: [], loaded: false, hasMoreBefore: true, loadingOlder: false, error: null };
}

export function initialState(): AppState {
  return {
    connection: 'disconnected',
    ready: false,
    me: null,
    guildOrder: [],
    guilds: {},
    dms: [],
    users: {},
    presences: {},
    myPresence: { status: 'online', customStatus: null },
    readStates: {},
    lastMessageIds: {},
    histories: {},
    typing: {},
    voiceStates: {},
    speaking: {},
    jumpTarget: null,
    threads: {},
  };
}

/** What a starter message shows of its thread ("N replies"). */
export function threadSummary(thread: Channel): NonNullable<Message['thread']> {
  return {
    id: thread.id,
    name: thread.name ?? '',
    messageCount: thread.thread?.messageCount ?? 0,
    archived: thread.thread?.archived ?? false,
  };
}

/** Inserts or replaces messages by id (and pending copies by nonce), keeping id order, pending last. */
export function mergeMessages(current: ClientMessage[], incoming: ClientMessage[]): ClientMessage[] {
  const byId = new Map<string, ClientMessage>();
  const pending: ClientMessage[] = [];
  for (const message of current) {
    if (message.pending || message.failed) pending.push(message);
    else byId.set(message.id, message);
  }
  for (const message of incoming) {
    if (message.pending || message.failed) {
      const index = pending.findIndex((candidate) => candidate.nonce === message.nonce);
      if (index >= 0) pending[index] = message;
      else pending.push(message);
      continue;
    }
    const existing = byId.get(message.id);
    // Revisions only grow: a late, older copy never overwrites a newer one.
    if (!existing || existing.revision <= message.revision) byId.set(message.id, message);
  }
  const confirmedNonces = new Set<string>();
  for (const message of byId.values()) if (message.nonce) confirmedNonces.add(message.nonce);
  const sent = [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
  return [...sent, ...pending.filter((message) => !message.nonce || !confirmedNonces.has(message.nonce))];
}

type Listener = () => void;

/**
 * The app's state, fed by the SDK: `ready` builds it, dispatches keep it current, REST answers fill in
 * history and profiles. Components read it through `useAppState(selector)`.
 */
export class AppStore {
  private state: AppState = initialState();
  private readonly listeners = new Set<Listener>();
  private readonly userRequests = new Map<string, Promise<void>>();
  private readonly unsubscribers: (() => void)[] = [];
  private typingTimer: ReturnType<typeof setInterval> | null = null;
  private readonly sendQueues = new Map<string, Promise<void>>();
  private everReady = false;
  /** Thread messages already counted in their thread's reply count (the send answer and the dispatch). */
  private readonly countedThreadMessages = new Set<string>();

  constructor(readonly client: BonfireClient) {}

  getState = (): AppState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(update: (state: AppState) => AppState): void {
    this.state = update(this.state);
    for (const listener of this.listeners) listener();
  }

  /** Starts listening to the realtime connection and opens it. */
  async start(me: PrivateUser): Promise<void> {
    this.set((state) => ({ ...state, me, users: { ...state.users, [me.id]: me } }));
    const realtime = this.client.realtime;
    this.unsubscribers.push(
      realtime.on('state', (connection) => this.set((state) => ({ ...state, connection }))),
      realtime.on('ready', (payload) => this.onReady(payload)),
      realtime.on('dispatch', (dispatch) => this.onDispatch(dispatch)),
    );
    this.typingTimer = setInterval(() => this.expireTyping(), 1000);
    await realtime.connect();
  }

  stop(): void {
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    if (this.typingTimer) clearInterval(this.typingTimer);
    this.client.realtime.disconnect();
  }

  private onReady(payload: ReadyPayload): void {
    const guilds: Record<string, GuildState> = {};
    const lastMessageIds: Record<string, string | null> = {};
    for (const entry of payload.guilds) {
      const members: Record<string, Member> = { [entry.member.userId]: entry.member };
      guilds[entry.guild.id] = {
        guild: entry.guild,
        roles: entry.roles,
        channels: entry.channels,
        members,
        memberTotal: entry.members.total,
      };
      for (const channel of entry.channels) lastMessageIds[channel.id] = channel.lastMessageId;
      for (const userId of entry.members.userIds) void this.ensureUser(userId);
    }
    for (const dm of payload.dms) {
      lastMessageIds[dm.id] = dm.lastMessageId;
      for (const userId of dm.recipientIds) void this.ensureUser(userId);
    }
    const threads: Record<string, Channel> = {};
    for (const entry of payload.guilds) {
      for (const thread of entry.threads ?? []) {
        threads[thread.id] = thread;
        lastMessageIds[thread.id] = thread.lastMessageId;
      }
    }
    const readStates: Record<string, ReadMarker> = {};
    for (const readState of payload.readStates) {
      readStates[readState.channelId] = { lastReadMessageId: readState.lastReadMessageId, mentionCount: 0 };
    }
    const presences: Record<string, Presence> = {};
    for (const presence of payload.presences) presences[presence.userId] = presence;
    const reconnected = this.everReady;
    this.everReady = true;
    this.set((state) => ({
      ...state,
      ready: true,
      guildOrder: payload.guilds.map((entry) => entry.guild.id),
      guilds,
      dms: payload.dms,
      readStates: { ...readStates },
      lastMessageIds,
      presences,
      myPresence: payload.presence,
      threads,
    }));
    void this.loadMentionCounts();
    for (const guildId of Object.keys(guilds)) void this.loadMembers(guildId);
    // A fresh session after a gap (resync): what was missed is fetched again and merged by id.
    if (reconnected) {
      for (const [channelId, history] of Object.entries(this.state.histories)) {
        if (history.loaded) void this.refreshLatest(channelId);
      }
    }
  }

  private async loadMentionCounts(): Promise<void> {
    try {
      const readStates = await this.client.readStates.list();
      this.set((state) => {
        const next = { ...state.readStates };
        for (const readState of readStates) {
          next[readState.channelId] = {
            lastReadMessageId: readState.lastReadMessageId,
            mentionCount: readState.mentionCount,
          };
        }
        return { ...state, readStates: next };
      });
    } catch {
      // Badges then count from now on; nothing the person needs to act on.
    }
  }

  async loadMembers(guildId: string): Promise<void> {
    try {
      const members = await this.client.members.list(guildId, { limit: 1000 });
      this.set((state) => {
        const guild = state.guilds[guildId];
        if (!guild) return state;
        const byId = { ...guild.members };
        for (const member of members) byId[member.userId] = member;
        return { ...state, guilds: { ...state.guilds, [guildId]: { ...guild, members: byId } } };
      });
      for (const member of members) void this.ensureUser(member.userId);
      const presences = await this.client.presence.guild(guildId).catch(() => []);
      if (presences.length > 0) {
        this.set((state) => {
          const next = { ...state.presences };
          for (const presence of presences) next[presence.userId] = presence;
          return { ...state, presences: next };
        });
      }
    } catch {
      // The member list shows what `ready` carried.
    }
  }

  /** The author's profile, for a user's message (a webhook's message carries its own name and avatar). */
  ensureAuthor(message: Pick<Message, 'authorId' | 'webhookId'>): Promise<void> {
    return message.webhookId ? Promise.resolve() : this.ensureUser(message.authorId);
  }

  /** Fetches a user's public profile once (names and avatars for messages and members). */
  ensureUser(userId: string): Promise<void> {
    if (this.state.users[userId]) return Promise.resolve();
    const inFlight = this.userRequests.get(userId);
    if (inFlight) return inFlight;
    const request = this.client.users
      .get(userId)
      // A `user.updated` that arrived meanwhile is newer than this answer: it stays.
      .then((user) =>
        this.set((state) =>
          state.users[userId] ? state : { ...state, users: { ...state.users, [userId]: user } },
        ),
      )
      .catch(() => {
        this.userRequests.delete(userId);
      });
    this.userRequests.set(userId, request);
    return request;
  }

  updateHistory(channelId: string, update: (history: ChannelHistory) => ChannelHistory): void {
    this.set((state) => ({
      ...state,
      histories: {
        ...state.histories,
        [channelId]: update(state.histories[channelId] ?? emptyHistory()),
      },
    }));
  }

  /** The newest page, when a channel is opened the first time. */
  async openChannel(channelId: string): Promise<void> {
    const history = this.state.histories[channelId];
    if (history?.loaded) return;
    await this.refreshLatest(channelId);
  }

  async refreshLatest(channelId: string): Promise<void> {
    try {
      const page = await this.client.messages.history(channelId, { limit: PAGE_SIZE });
      for (const message of page) void this.ensureAuthor(message);
      this.updateHistory(channelId, (history) => {
        const held = history.messages.filter((message) => !message.pending && !message.failed);
        const newestHeld = held[held.length - 1];
        const oldestFetched = page[page.length - 1];
        // More was missed than one page holds: drop what is held rather than show a silent hole; scrolling
        // back loads the rest.
        const gap =
          page.length === PAGE_SIZE &&
          newestHeld !== undefined &&
          oldestFetched !== undefined &&
          compareIds(oldestFetched.id, newestHeld.id) > 0;
        const kept = gap
          ? history.messages.filter((message) => message.pending || message.failed)
          : history.messages;
        return {
          ...history,
          messages: mergeMessages(kept, page),
          loaded: true,
          hasMoreBefore: history.loaded && !gap ? history.hasMoreBefore : page.length === PAGE_SIZE,
          error: null,
        };
      });
    } catch (error) {
      this.updateHistory(channelId, (history) => ({
        ...history,
        loaded: history.loaded,
        error: `Messages could not be loaded: ${describeError(error)}`,
      }));
    }
  }

  /** The page before the oldest message held (scrolling back). */
  async loadOlder(channelId: string): Promise<void> {
    const history = this.state.histories[channelId];
    if (!history || history.loadingOlder || !history.hasMoreBefore) return;
    const oldest = history.messages.find((message) => !message.pending && !message.failed);
    if (!oldest) return;
    this.updateHistory(channelId, (current) => ({ ...current, loadingOlder: true }));
    try {
      const page = await this.client.messages.history(channelId, { before: oldest.id, limit: PAGE_SIZE });
      for (const message of page) void this.ensureAuthor(message);
      this.updateHistory(channelId, (current) => ({
        ...current,
        messages: mergeMessages(current.messages, page),
        hasMoreBefore: page.length === PAGE_SIZE,
        loadingOlder: false,
        error: null,
      }));
    } catch (error) {
      this.updateHistory(channelId, (current) => ({
        ...current,
        loadingOlder: false,
        error: `Older messages could not be loaded: ${describeError(error)}`,
      }));
    }
  }

  /** Optimistic send: the message shows at once and is replaced by the server's copy (matched by nonce). */
  async sendMessage(
    channelId: string,
    body: { content: string; replyTo?: string; attachments?: string[] },
    nonce: string,
  ): Promise<void> {
    const me = this.state.me;
    if (!me) return;
    const channel = this.findChannel(channelId);
    const optimistic: ClientMessage = {
      id: `pending-${nonce}`,
      channelId,
      guildId: channel?.guildId ?? null,
      authorId: me.id,
      content: body.content,
      nonce,
      replyToId: body.replyTo ?? null,
      attachments: [],
      mentions: { userIds: [], roleIds: [], everyone: false },
      pinned: false,
      revision: 0,
      editedAt: null,
      createdAt: new Date().toISOString(),
      reactions: [],
      pending: true,
    };
    this.updateHistory(channelId, (history) => ({
      ...history,
      messages: mergeMessages(history.messages, [optimistic]),
    }));
    // One request at a time per channel: messages keep the order they were written in.
    const previous = this.sendQueues.get(channelId) ?? Promise.resolve();
    const turn = previous.then(() => this.deliver(channelId, optimistic, body, nonce));
    this.sendQueues.set(channelId, turn);
    await turn;
  }

  private async deliver(
    channelId: string,
    optimistic: ClientMessage,
    body: { content: string; replyTo?: string; attachments?: string[] },
    nonce: string,
  ): Promise<void> {
    try {
      const message = await this.client.messages.send(channelId, {
        content: body.content,
        nonce,
        ...(body.replyTo ? { replyTo: body.replyTo } : {}),
        ...(body.attachments?.length ? { attachments: body.attachments } : {}),
      });
      this.receiveMessage(message);
      this.countNewThreadMessage(message);
    } catch (error) {
      this.updateHistory(channelId, (history) => ({
        ...history,
        messages: mergeMessages(history.messages, [
          { ...optimistic, pending: false, failed: `Not sent: ${describeError(error)}` },
        ]),
      }));
    }
  }

  discardFailed(channelId: string, nonce: string): void {
    this.updateHistory(channelId, (history) => ({
      ...history,
      messages: history.messages.filter((message) => !(message.failed && message.nonce === nonce)),
    }));
  }

  private receiveMessage(message: Message): void {
    void this.ensureAuthor(message);
    if (message.authorId === this.state.me?.id) this.markReadLocally(message.channelId, message.id);
    this.updateHistory(message.channelId, (history) => ({
      ...history,
      messages:
        history.loaded || history.messages.length > 0 ? mergeMessages(history.messages, [message]) : [],
    }));
    this.set((state) => {
      const last = state.lastMessageIds[message.channelId];
      if (last && compareIds(last, message.id) >= 0) return state;
      return { ...state, lastMessageIds: { ...state.lastMessageIds, [message.channelId]: message.id } };
    });
  }

  /**
   * Events of different topics have no order between them: the first message of a brand-new channel (a
   * DM opened by someone else) can be fanned out before this session joined the channel's room. A look
   * at the newest message shortly after the channel appears makes its unread state right.
   */
  private catchUpNewChannel(channelId: string): void {
    setTimeout(() => {
      this.client.messages.history(channelId, { limit: 1 }).then(
        ([newest]) => {
          if (!newest) return;
          const known = this.state.lastMessageIds[channelId];
          if (known && compareIds(known, newest.id) >= 0) return;
          void this.ensureAuthor(newest);
          this.set((state) => ({
            ...state,
            lastMessageIds: { ...state.lastMessageIds, [channelId]: newest.id },
          }));
        },
        () => undefined,
      );
    }, CATCH_UP_DELAY_MS);
  }

  /** One's own message counts as read. */
  private markReadLocally(channelId: string, messageId: string): void {
    const marker = this.state.readStates[channelId];
    if (marker?.lastReadMessageId && compareIds(marker.lastReadMessageId, messageId) >= 0) return;
    this.set((state) => ({
      ...state,
      readStates: {
        ...state.readStates,
        [channelId]: { lastReadMessageId: messageId, mentionCount: marker?.mentionCount ?? 0 },
      },
    }));
  }

  findChannel(channelId: string): Channel | undefined {
    for (const guild of Object.values(this.state.guilds)) {
      const channel = guild.channels.find((candidate) => candidate.id === channelId);
      if (channel) return channel;
    }
    return this.state.dms.find((dm) => dm.id === channelId) ?? this.state.threads[channelId];
  }

  /**
   * A thread created, changed or fetched: kept by id, and the message it started from (when its channel's
   * history is loaded) shows the new name, reply count and archived state.
   */
  putThread(thread: Channel): void {
    this.set((state) => ({
      ...state,
      threads: { ...state.threads, [thread.id]: thread },
      lastMessageIds:
        state.lastMessageIds[thread.id] === undefined
          ? { ...state.lastMessageIds, [thread.id]: thread.lastMessageId }
          : state.lastMessageIds,
    }));
    this.patchStarter(thread.parentId, thread.thread?.starterMessageId ?? null, threadSummary(thread));
  }

  private removeThread(threadId: string): void {
    const thread = this.state.threads[threadId];
    this.set((state) => {
      const threads = { ...state.threads };
      delete threads[threadId];
      return { ...state, threads };
    });
    if (thread) this.patchStarter(thread.parentId, thread.thread?.starterMessageId ?? null, undefined);
  }

  private patchStarter(
    channelId: string | null,
    messageId: string | null,
    summary: Message['thread'] | undefined,
  ): void {
    if (!channelId || !messageId || !this.state.histories[channelId]) return;
    this.updateHistory(channelId, (history) => ({
      ...history,
      messages: history.messages.map((message) => {
        if (message.id !== messageId) return message;
        const next: ClientMessage = { ...message };
        if (summary) next.thread = summary;
        else delete next.thread;
        return next;
      }),
    }));
  }

  private countNewThreadMessage(message: Message): void {
    if (!this.state.threads[message.channelId] || this.countedThreadMessages.has(message.id)) return;
    this.countedThreadMessages.add(message.id);
    this.countThreadMessage(message.channelId, 1);
  }

  /** A message arrived in (delta 1) or left (delta -1) a known thread: its reply count follows. */
  private countThreadMessage(threadId: string, delta: 1 | -1): void {
    const thread = this.state.threads[threadId];
    if (!thread?.thread) return;
    const messageCount = Math.max(0, thread.thread.messageCount + delta);
    this.putThread({ ...thread, thread: { ...thread.thread, messageCount } });
  }

  /** Marks the channel read up to its newest message (once the person has seen it). */
  async markRead(channelId: string): Promise<void> {
    const last = this.state.lastMessageIds[channelId];
    const marker = this.state.readStates[channelId];
    if (!last || (marker?.lastReadMessageId && compareIds(marker.lastReadMessageId, last) >= 0)) return;
    this.set((state) => ({
      ...state,
      readStates: { ...state.readStates, [channelId]: { lastReadMessageId: last, mentionCount: 0 } },
    }));
    try {
      await this.client.readStates.ack(channelId, last);
    } catch {
      // The badge comes back at the next start; not worth interrupting the person.
    }
  }

  setMe(me: PrivateUser): void {
    this.set((state) => ({ ...state, me, users: { ...state.users, [me.id]: me } }));
  }

  setMyPresence(presence: AppState['myPresence']): void {
    this.set((state) => ({ ...state, myPresence: presence }));
  }

  addGuild(guild: Guild, channels: Channel[] = []): void {
    if (this.state.guilds[guild.id]) return;
    this.set((state) => {
      if (state.guilds[guild.id]) return state;
      return {
        ...state,
        guildOrder: [...state.guildOrder, guild.id],
        guilds: { ...state.guilds, [guild.id]: { guild, roles: [], channels, members: {}, memberTotal: 1 } },
      };
    });
    // `ready` carries roles and members; a guild created or joined since then fetches them.
    void this.loadRoles(guild.id);
    void this.loadMembers(guild.id);
  }

  /** Replaces the guild's own record (an API answer; `guild.updated` brings it to other sessions). */
  putGuild(guild: Guild): void {
    this.mapGuild(guild.id, (state) => ({ ...state, guild }));
  }

  /** The guild's roles from the API (a guild added after `ready` has none yet). */
  async loadRoles(guildId: string): Promise<void> {
    try {
      const roles = await this.client.roles.list(guildId);
      this.mapGuild(guildId, (guild) => ({ ...guild, roles }));
    } catch {
      // Role dispatches keep what is known current; settings ask again when opened.
    }
  }

  /** Replaces one role (an API answer); its dispatch brings the same copy to the other sessions. */
  putRole(role: Role): void {
    this.mapGuild(role.guildId, (guild) => ({
      ...guild,
      roles: [...guild.roles.filter((candidate) => candidate.id !== role.id), role],
    }));
  }

  putMember(member: Member): void {
    this.mapGuild(member.guildId, (guild) => ({
      ...guild,
      members: { ...guild.members, [member.userId]: member },
    }));
  }

  putChannel(channel: Channel): void {
    if (!channel.guildId) return;
    this.mapGuild(channel.guildId, (guild) => ({
      ...guild,
      channels: [...guild.channels.filter((candidate) => candidate.id !== channel.id), channel].sort(
        (a, b) => a.position - b.position || compareIds(a.id, b.id),
      ),
    }));
  }

  /** Adds a DM, or replaces the known copy (a group DM's members, name or owner changed). */
  addDm(channel: Channel): void {
    this.set((state) =>
      state.dms.some((dm) => dm.id === channel.id)
        ? { ...state, dms: state.dms.map((dm) => (dm.id === channel.id ? channel : dm)) }
        : { ...state, dms: [channel, ...state.dms] },
    );
    for (const userId of channel.recipientIds) void this.ensureUser(userId);
  }

  /** Forgets a DM (left it, or was removed from the group). */
  removeDm(channelId: string): void {
    this.set((state) => ({ ...state, dms: state.dms.filter((dm) => dm.id !== channelId) }));
  }

  setVoiceStates(states: VoiceState[]): void {
    this.set((state) => {
      const next = { ...state.voiceStates };
      for (const voiceState of states) {
        if (voiceState.channelId === null) delete next[voiceState.userId];
        else next[voiceState.userId] = voiceState;
      }
      return { ...state, voiceStates: next };
    });
  }

  jumpTo(channelId: string, messageId: string): void {
    this.set((state) => ({ ...state, jumpTarget: { channelId, messageId } }));
  }

  clearJump(): void {
    this.set((state) => ({ ...state, jumpTarget: null }));
  }

  /**
   * Loads older pages until `messageId` is held (history stays contiguous: no page is skipped), at most
   * `maxPages` of them. Answers whether the message is held now.
   */
  async loadUntil(channelId: string, messageId: string, maxPages = 10): Promise<boolean> {
    await this.openChannel(channelId);
    for (let page = 0; ; page++) {
      const history = this.state.histories[channelId];
      if (history?.messages.some((message) => message.id === messageId)) return true;
      if (!history?.hasMoreBefore || page >= maxPages || history.error) return false;
      await this.loadOlder(channelId);
    }
  }

  setSpeaking(userId: string, speaking: boolean): void {
    this.set((state) => ({ ...state, speaking: { ...state.speaking, [userId]: speaking } }));
  }

  private expireTyping(): void {
    const now = Date.now();
    let changed = false;
    const typing: AppState['typing'] = {};
    for (const [channelId, users] of Object.entries(this.state.typing)) {
      const kept: Record<string, number> = {};
      for (const [userId, expiresAt] of Object.entries(users)) {
        if (expiresAt > now) kept[userId] = expiresAt;
        else changed = true;
      }
      typing[channelId] = kept;
    }
    if (changed) this.set((state) => ({ ...state, typing }));
  }

  private mapGuild(guildId: string | null, update: (guild: GuildState) => GuildState): void {
    if (!guildId) return;
    this.set((state) => {
      const guild = state.guilds[guildId];
      if (!guild) return state;
      return { ...state, guilds: { ...state.guilds, [guildId]: update(guild) } };
    });
  }

  private onDispatch(dispatch: Dispatch): void {
    const me = this.state.me?.id;
    switch (dispatch.type) {
      case 'message.created': {
        const { message } = dispatch.data;
        this.receiveMessage(message);
        this.countNewThreadMessage(message);
        this.clearTyping(message.channelId, message.authorId);
        // @everyone/@here count as a mention unless my settings for the guild suppress them.
        const everyone =
          message.mentions.everyone &&
          !(message.guildId && notificationSettingsOf(this.client).get(message.guildId)?.suppressEveryone);
        const mentionsMe =
          message.authorId !== me &&
          (everyone || (me !== undefined && message.mentions.userIds.includes(me)));
        const isDm = message.guildId === null && message.authorId !== me;
        if (mentionsMe || isDm) {
          this.set((state) => {
            const marker = state.readStates[message.channelId] ?? {
              lastReadMessageId: null,
              mentionCount: 0,
            };
            return {
              ...state,
              readStates: {
                ...state.readStates,
                [message.channelId]: { ...marker, mentionCount: marker.mentionCount + 1 },
              },
            };
          });
        }
        return;
      }
      case 'message.updated':
        this.receiveMessage(dispatch.data.message);
        return;
      case 'message.deleted': {
        const { channelId, messageId } = dispatch.data;
        this.countThreadMessage(channelId, -1);
        this.updateHistory(channelId, (history) => ({
          ...history,
          messages: history.messages.filter((message) => message.id !== messageId),
        }));
        return;
      }
      case 'reaction.added':
      case 'reaction.removed': {
        const { channelId, messageId, emoji, userId } = dispatch.data;
        const delta = dispatch.type === 'reaction.added' ? 1 : -1;
        this.updateHistory(channelId, (history) => ({
          ...history,
          messages: history.messages.map((message) => {
            if (message.id !== messageId) return message;
            const reactions = [...message.reactions];
            const index = reactions.findIndex((reaction) => reaction.emoji === emoji);
            const mine = userId === me;
            if (index === -1) {
              if (delta > 0) reactions.push({ emoji, count: 1, me: mine });
            } else {
              const reaction = reactions[index]!;
              const count = reaction.count + delta;
              if (count <= 0) reactions.splice(index, 1);
              else reactions[index] = { emoji, count, me: mine ? delta > 0 : reaction.me };
            }
            return { ...message, reactions };
          }),
        }));
        return;
      }
      case 'channel.created':
      case 'channel.updated': {
        const { channel } = dispatch.data;
        if (dispatch.type === 'channel.created') {
          // Also a channel a role or ownership change revealed (the gateway sends it as created).
          if (this.state.lastMessageIds[channel.id] === undefined) {
            this.set((state) => ({
              ...state,
              lastMessageIds: { ...state.lastMessageIds, [channel.id]: channel.lastMessageId },
            }));
          }
          this.catchUpNewChannel(channel.id);
        }
        if (channel.guildId === null) {
          // Removed from a group DM: the conversation goes (the gateway also sends channel.deleted).
          if (me !== undefined && !channel.recipientIds.includes(me)) this.removeDm(channel.id);
          else this.addDm(channel);
          return;
        }
        this.mapGuild(channel.guildId, (guild) => ({
          ...guild,
          channels: [...guild.channels.filter((candidate) => candidate.id !== channel.id), channel].sort(
            (a, b) => a.position - b.position || compareIds(a.id, b.id),
          ),
        }));
        return;
      }
      case 'channel.deleted': {
        const { channelId, guildId } = dispatch.data;
        if (guildId === null) {
          this.set((state) => ({ ...state, dms: state.dms.filter((dm) => dm.id !== channelId) }));
          return;
        }
        this.mapGuild(guildId, (guild) => ({
          ...guild,
          channels: guild.channels.filter((channel) => channel.id !== channelId),
        }));
        return;
      }
      case 'guild.updated': {
        const { guild: updated } = dispatch.data;
        // An ownership transfer can change what this user sees: the gateway sends the channels it reveals
        // as channel.created and those it hides as channel.deleted.
        this.mapGuild(updated.id, (guild) => ({ ...guild, guild: updated }));
        return;
      }
      case 'guild.deleted':
        this.removeGuild(dispatch.data.guildId);
        return;
      case 'member.joined':
      case 'member.updated': {
        const { member } = dispatch.data;
        void this.ensureUser(member.userId);
        if (member.userId === me && !this.state.guilds[member.guildId]) {
          // Joined on another device: the next ready carries the guild; fetch what is needed now.
          void this.client.guilds
            .get(member.guildId)
            .then(async (guild) => this.addGuild(guild, await this.client.channels.list(guild.id)));
        }
        // Channels new roles reveal or hide come as channel.created / channel.deleted.
        this.mapGuild(member.guildId, (guild) => ({
          ...guild,
          members: { ...guild.members, [member.userId]: member },
          memberTotal: guild.members[member.userId] ? guild.memberTotal : guild.memberTotal + 1,
        }));
        return;
      }
      case 'member.left': {
        const { guildId, userId } = dispatch.data;
        if (userId === me) {
          this.removeGuild(guildId);
          return;
        }
        this.mapGuild(guildId, (guild) => {
          const members = { ...guild.members };
          delete members[userId];
          return { ...guild, members, memberTotal: Math.max(1, guild.memberTotal - 1) };
        });
        return;
      }
      case 'role.created':
      case 'role.updated': {
        // Channels a permission change reveals or hides come as channel.created / channel.deleted.
        this.putRole(dispatch.data.role);
        return;
      }
      case 'role.deleted':
        this.mapGuild(dispatch.data.guildId, (guild) => ({
          ...guild,
          roles: guild.roles.filter((role) => role.id !== dispatch.data.roleId),
        }));
        return;
      case 'readstate.updated': {
        const { channelId, lastReadMessageId, mentionCount } = dispatch.data;
        this.set((state) => ({
          ...state,
          readStates: { ...state.readStates, [channelId]: { lastReadMessageId, mentionCount } },
        }));
        return;
      }
      case 'presence.updated': {
        const presence = dispatch.data;
        if (presence.userId === me) {
          this.setMyPresence({ status: presence.status, customStatus: presence.customStatus });
        }
        this.set((state) => ({ ...state, presences: { ...state.presences, [presence.userId]: presence } }));
        return;
      }
      case 'user.updated': {
        // A name or avatar changed: everything that shows the user reads it from `users`.
        const user = dispatch.data;
        this.set((state) => ({
          ...state,
          users: { ...state.users, [user.id]: user },
          me: state.me?.id === user.id ? { ...state.me, ...user } : state.me,
        }));
        return;
      }
      case 'typing.started': {
        const { channelId, userId, expiresAt } = dispatch.data;
        if (userId === me) return;
        void this.ensureUser(userId);
        this.set((state) => ({
          ...state,
          typing: {
            ...state.typing,
            [channelId]: { ...state.typing[channelId], [userId]: Date.parse(expiresAt) || Date.now() + 8000 },
          },
        }));
        return;
      }
      case 'voice.state.updated':
        void this.ensureUser(dispatch.data.userId);
        this.setVoiceStates([dispatch.data]);
        return;
      case 'voice.speaking':
        this.setSpeaking(dispatch.data.userId, dispatch.data.speaking);
        return;
      case 'thread.created':
      case 'thread.updated': {
        const { thread } = dispatch.data;
        const was = this.state.threads[thread.id];
        this.putThread(thread);
        // A message that unarchives a thread is counted in this event and again by its message.created:
        // the server's count is fetched once both are in.
        if (was?.thread?.archived && thread.thread && !thread.thread.archived) {
          setTimeout(() => {
            void Promise.resolve()
              .then(() => this.client.threads.get(thread.id))
              .then((fresh) => this.state.threads[fresh.id] && this.putThread(fresh))
              .catch(() => undefined);
          }, CATCH_UP_DELAY_MS);
        }
        return;
      }
      case 'thread.deleted':
        this.removeThread(dispatch.data.threadId);
        return;
      case 'thread.members.updated': {
        // The member count changes (an open thread panel asks again whether this user is a member).
        const { threadId, memberCount } = dispatch.data;
        const thread = this.state.threads[threadId];
        if (thread?.thread) this.putThread({ ...thread, thread: { ...thread.thread, memberCount } });
        return;
      }
    }
  }

  private clearTyping(channelId: string, userId: string): void {
    if (!this.state.typing[channelId]?.[userId]) return;
    this.set((state) => {
      const users = { ...state.typing[channelId] };
      delete users[userId];
      return { ...state, typing: { ...state.typing, [channelId]: users } };
    });
  }

  removeGuild(guildId: string): void {
    this.set((state) => {
      const guilds = { ...state.guilds };
      delete guilds[guildId];
      return { ...state, guilds, guildOrder: state.guildOrder.filter((id) => id !== guildId) };
    });
  }
}
