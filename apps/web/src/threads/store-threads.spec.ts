import type { BonfireClient, Channel, Dispatch, Message, PrivateUser, ReadyPayload } from '@bonfire/sdk';
import { describe, expect, it } from 'vitest';
import { AppStore } from '../app/store';
import { defaultThreadName } from './CreateThreadDialog';

const GUILD = '100';
const PARENT = '10';
const STARTER = '500';
const THREAD = '600';
const ME = '1';

function message(id: string, channelId: string, overrides: Partial<Message> = {}): Message {
  return {
    id,
    channelId,
    guildId: GUILD,
    authorId: '2',
    content: `message ${id}`,
    nonce: null,
    replyToId: null,
    attachments: [],
    mentions: { userIds: [], roleIds: [], everyone: false },
    pinned: false,
    revision: 0,
    editedAt: null,
    createdAt: '2026-12-04T20:00:00.000Z',
    reactions: [],
    ...overrides,
  };
}

function thread(overrides: { name?: string; messageCount?: number; archived?: boolean } = {}): Channel {
  return {
    id: THREAD,
    type: 'public_thread',
    guildId: GUILD,
    name: overrides.name ?? 'Plans',
    topic: null,
    position: 0,
    parentId: PARENT,
    slowmodeSeconds: 0,
    userLimit: null,
    permissionOverwrites: [],
    recipientIds: [],
    ownerId: null,
    lastMessageId: null,
    createdAt: '2026-12-04T20:00:00.000Z',
    thread: {
      starterMessageId: STARTER,
      ownerId: '2',
      archived: overrides.archived ?? false,
      autoArchiveMinutes: 1440,
      archiveTimestamp: '2026-12-04T20:00:00.000Z',
      locked: false,
      invitable: true,
      messageCount: overrides.messageCount ?? 0,
      memberCount: 1,
    },
  };
}

/** A store fed by a hand-driven realtime connection, #PARENT's history holding the starter message. */
async function storeWith(readyThreads: Channel[] = []) {
  const listeners: Record<string, (payload: unknown) => void> = {};
  let nextId = 700;
  const client = {
    realtime: {
      on: (event: string, listener: (payload: unknown) => void) => {
        listeners[event] = listener;
        return () => undefined;
      },
      connect: async () => undefined,
      disconnect: () => undefined,
    },
    members: { list: async () => [] },
    messages: {
      history: async (channelId: string) => (channelId === PARENT ? [message(STARTER, PARENT)] : []),
      send: async (channelId: string, body: { content: string; nonce: string }) =>
        message(String(nextId++), channelId, { authorId: ME, content: body.content, nonce: body.nonce }),
    },
    presence: { guild: async () => [] },
    readStates: { list: async () => [] },
    users: { get: async (id: string) => ({ id, username: `u${id}`, displayName: null, avatarFileId: null }) },
  } as unknown as BonfireClient;
  const store = new AppStore(client);
  await store.start({ id: ME, username: 'me', email: 'me@example.com' } as PrivateUser);
  const ready = {
    guilds: [
      {
        guild: { id: GUILD, name: 'g', iconFileId: null, description: null, ownerId: '9', createdAt: '' },
        roles: [],
        channels: [],
        threads: readyThreads,
        member: { guildId: GUILD, userId: ME, nickname: null, roleIds: [], joinedAt: '' },
        members: { total: 2, userIds: [ME] },
      },
    ],
    dms: [],
    readStates: [],
    presences: [],
    presence: { status: 'online', customStatus: null },
  } as unknown as ReadyPayload;
  listeners['ready']!(ready);
  await store.openChannel(PARENT);
  const dispatch = (event: Pick<Dispatch, 'type' | 'data'>) => listeners['dispatch']!(event);
  const starter = () => store.getState().histories[PARENT]!.messages.find((m) => m.id === STARTER)!;
  return { store, dispatch, starter };
}

describe('threads in the app store', () => {
  it('keeps the active threads of ready by id', async () => {
    const { store } = await storeWith([thread({ messageCount: 3 })]);
    expect(store.getState().threads[THREAD]?.thread?.messageCount).toBe(3);
    expect(store.findChannel(THREAD)?.parentId).toBe(PARENT);
  });

  it('shows a new thread under its starter message and follows its replies, rename and archive', async () => {
    const { store, dispatch, starter } = await storeWith();
    expect(starter().thread).toBeUndefined();
    dispatch({ type: 'thread.created', data: { thread: thread() } } as Dispatch);
    expect(starter().thread).toEqual({ id: THREAD, name: 'Plans', messageCount: 0, archived: false });

    dispatch({ type: 'message.created', data: { message: message('601', THREAD) } } as Dispatch);
    dispatch({ type: 'message.created', data: { message: message('602', THREAD) } } as Dispatch);
    // The same message again (a resent dispatch) counts once.
    dispatch({ type: 'message.created', data: { message: message('602', THREAD) } } as Dispatch);
    expect(starter().thread?.messageCount).toBe(2);
    dispatch({
      type: 'message.deleted',
      data: { channelId: THREAD, messageId: '601', guildId: GUILD },
    } as Dispatch);
    expect(starter().thread?.messageCount).toBe(1);

    dispatch({
      type: 'thread.updated',
      data: { thread: thread({ name: 'Plans v2', messageCount: 1, archived: true }) },
    } as Dispatch);
    expect(starter().thread).toEqual({ id: THREAD, name: 'Plans v2', messageCount: 1, archived: true });

    dispatch({
      type: 'thread.members.updated',
      data: {
        threadId: THREAD,
        guildId: GUILD,
        type: 'public_thread',
        memberCount: 4,
        added: [],
        removedUserIds: [],
      },
    } as unknown as Dispatch);
    expect(store.getState().threads[THREAD]?.thread?.memberCount).toBe(4);

    dispatch({
      type: 'thread.deleted',
      data: { threadId: THREAD, guildId: GUILD, parentId: PARENT, type: 'public_thread' },
    } as Dispatch);
    expect(starter().thread).toBeUndefined();
  });

  it("counts one's own reply once (the send answer and its dispatch)", async () => {
    const { store, dispatch, starter } = await storeWith([thread()]);
    dispatch({ type: 'thread.updated', data: { thread: thread() } } as Dispatch);
    await store.sendMessage(THREAD, { content: 'mine' }, 'n1');
    const sent = store.getState().histories[THREAD]!.messages[0]!;
    dispatch({ type: 'message.created', data: { message: sent } } as Dispatch);
    expect(starter().thread?.messageCount).toBe(1);
    expect(sent.guildId).toBe(GUILD);
  });
});

describe('thread names', () => {
  it('default to the start of the message as plain text', () => {
    expect(defaultThreadName('**Release** plan for `v2`')).toBe('Release plan for v2');
    expect(defaultThreadName('')).toBe('Thread');
    expect(defaultThreadName('x'.repeat(300))).toHaveLength(100);
  });
});
