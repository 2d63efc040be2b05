import type { ReadyPayload } from '@bonfire/sdk';
import { describe, expect, it } from 'vitest';
import { testChannel } from '../test-fixtures';
import {
  countMention,
  initialReadStates,
  markRead,
  markReadLocally,
  noteChannel,
  noteMessage,
  putReadState,
  readStatesFromReady,
  unreadUpTo,
} from './read-states';

describe('read states from ready', () => {
  it('take every channel’s, DM’s and thread’s newest id and the read positions without mentions', () => {
    const payload = {
      guilds: [
        {
          channels: [testChannel('1', { lastMessageId: '10' })],
          threads: [testChannel('3', { lastMessageId: '30' })],
        },
      ],
      dms: [testChannel('2', { guildId: null, lastMessageId: null })],
      readStates: [{ channelId: '1', lastReadMessageId: '9' }],
    } as unknown as ReadyPayload;
    expect(readStatesFromReady(payload)).toEqual({
      lastMessageIds: { '1': '10', '2': null, '3': '30' },
      readStates: { '1': { lastReadMessageId: '9', mentionCount: 0 } },
    });
  });
});

describe('newest message per channel', () => {
  it('moves forward only', () => {
    const state = noteMessage(initialReadStates(), '7', '10');
    expect(state.lastMessageIds['7']).toBe('10');
    expect(noteMessage(state, '7', '9')).toBe(state);
    expect(noteMessage(state, '7', '11').lastMessageIds['7']).toBe('11');
  });

  it('is set for a new channel only when unknown', () => {
    const state = noteChannel(initialReadStates(), '7', null);
    expect(state.lastMessageIds).toEqual({ '7': null });
    expect(noteChannel(state, '7', '5')).toBe(state);
  });
});

describe('reading', () => {
  it('counts my own message as read, keeping the mention count, never moving back', () => {
    const mentioned = countMention(initialReadStates(), '7');
    const read = markReadLocally(mentioned, '7', '10');
    expect(read.readStates['7']).toEqual({ lastReadMessageId: '10', mentionCount: 1 });
    expect(markReadLocally(read, '7', '9')).toBe(read);
  });

  it('answers what to acknowledge: the newest message when it is not read yet', () => {
    let state = noteMessage(initialReadStates(), '7', '10');
    expect(unreadUpTo(initialReadStates(), '7')).toBeNull();
    expect(unreadUpTo(state, '7')).toBe('10');
    state = markRead(countMention(state, '7'), '7', '10');
    expect(state.readStates['7']).toEqual({ lastReadMessageId: '10', mentionCount: 0 });
    expect(unreadUpTo(state, '7')).toBeNull();
  });

  it('adds mentions and takes another device’s read state as it is', () => {
    const twice = countMention(countMention(initialReadStates(), '7'), '7');
    expect(twice.readStates['7']).toEqual({ lastReadMessageId: null, mentionCount: 2 });
    const synced = putReadState(twice, '7', { lastReadMessageId: '12', mentionCount: 0 });
    expect(synced.readStates['7']).toEqual({ lastReadMessageId: '12', mentionCount: 0 });
  });
});
