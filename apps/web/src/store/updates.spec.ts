import type { PrivateUser, ReadyPayload } from '@bonfire/sdk';
import { describe, expect, it } from 'vitest';
import { emptyHistory, withLatestPage } from './slices/message-history';
import { setMe } from './slices/session';
import { type AppState, chain, initialState, patch } from './state';
import { testChannel, testMessage, testPage, testThread } from './test-fixtures';
import {
  applyReady,
  countThreadMessage,
  findChannel,
  putThread,
  receiveMessage,
  removeThread,
} from './updates';

const me = { id: '3', username: 'me', email: 'me@example.com' } as PrivateUser;

/** A state holding channel `channelId`'s history of messages 1 to 5. */
function loaded(channelId: string): AppState {
  return { ...initialState(), histories: { [channelId]: withLatestPage(emptyHistory(), testPage(1, 5)) } };
}

describe('patch and chain', () => {
  it('keep the very state when nothing changed, and apply updates one after the other', () => {
    const state = initialState();
    expect(patch(state, { ready: false, guilds: state.guilds })).toBe(state);
    const next = chain(
      state,
      (current) => ({ ...current, ready: true }),
      (current) => ({ ...current, dms: [testChannel('1', { guildId: null })] }),
    );
    expect(next.ready).toBe(true);
    expect(next.dms).toHaveLength(1);
  });
});

describe('ready', () => {
  it('replaces what the session knows but keeps loaded histories and typing', () => {
    const before = { ...loaded('7'), typing: { '7': { '2': 99 } } };
    const payload = {
      guilds: [],
      dms: [testChannel('50', { guildId: null, lastMessageId: '5' })],
      readStates: [],
      presences: [],
      presence: { status: 'idle', customStatus: null },
    } as unknown as ReadyPayload;
    const state = applyReady(before, payload);
    expect(state).toMatchObject({ ready: true, dms: payload.dms, lastMessageIds: { '50': '5' } });
    expect(state.myPresence.status).toBe('idle');
    expect(state.histories).toBe(before.histories);
    expect(state.typing).toBe(before.typing);
  });
});

describe('receiving a message', () => {
  it('merges it into a held history and moves the channel’s newest id', () => {
    const state = receiveMessage(loaded('7'), testMessage('6'));
    expect(state.histories['7']!.messages.map((message) => message.id)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
    expect(state.lastMessageIds['7']).toBe('6');
    expect(state.readStates['7']).toBeUndefined();
  });

  it('counts my own message as read, and holds nothing for a channel not loaded', () => {
    const state = receiveMessage({ ...initialState(), ...setMe(initialState(), me) }, testMessage('6'));
    expect(state.readStates['7']).toEqual({ lastReadMessageId: '6', mentionCount: 0 });
    expect(state.histories['7']!.messages).toEqual([]);
  });

  it('keeps a message that comes while the first page is on its way, and merges the page into it', () => {
    // The page was read before message 6 was sent; its dispatch overtook the page's response.
    const loading: AppState = {
      ...initialState(),
      histories: { '7': { ...emptyHistory(), loadingLatest: true } },
    };
    const received = receiveMessage(loading, testMessage('6'));
    const history = withLatestPage(received.histories['7']!, testPage(1, 5));
    expect(history.messages.map((message) => message.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(history).toMatchObject({ loaded: true, loadingLatest: false });
  });
});

describe('threads', () => {
  it('show their summary on the starter message and follow reply counts', () => {
    let state = putThread(loaded('7'), testThread('80', '7', '3', 2));
    const starter = () => state.histories['7']!.messages.find((message) => message.id === '3')!;
    expect(starter().thread).toEqual({ id: '80', name: 'thread 80', messageCount: 2, archived: false });
    expect(state.lastMessageIds['80']).toBeNull();
    expect(findChannel(state, '80')?.id).toBe('80');
    state = countThreadMessage(state, '80', 1);
    expect(starter().thread?.messageCount).toBe(3);
    for (let removed = 0; removed < 4; removed++) state = countThreadMessage(state, '80', -1);
    expect(starter().thread?.messageCount).toBe(0);
    expect(countThreadMessage(state, '81', 1)).toBe(state);
  });

  it('take their summary off the starter message when deleted', () => {
    let state = putThread(loaded('7'), testThread('80', '7', '3'));
    state = removeThread(state, '80');
    expect(state.threads['80']).toBeUndefined();
    expect(state.histories['7']!.messages.find((message) => message.id === '3')!.thread).toBeUndefined();
    expect(removeThread(state, '80').threads).toEqual({});
  });
});
