import { describe, expect, it } from 'vitest';
import { testMessage, testPage } from '../test-fixtures';
import {
  type ChannelHistory,
  emptyHistory,
  mergeMessages,
  oldestSent,
  optimisticMessage,
  withLatestPage,
  withOlderPage,
  withReaction,
} from './message-history';

const ids = (history: ChannelHistory) => history.messages.map((message) => Number(message.id));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('the newest page', () => {
  it('loads a first page and tells whether older messages may exist', () => {
    const full = withLatestPage(emptyHistory(), testPage(1, 50));
    expect(ids(full)).toEqual(range(1, 50));
    expect(full).toMatchObject({ loaded: true, hasMoreBefore: true, error: null });
    expect(withLatestPage(emptyHistory(), testPage(1, 10)).hasMoreBefore).toBe(false);
  });

  it('drops what is held after a gap longer than a page, keeping unsent messages', () => {
    const unsent = { ...testMessage('pending-n1', { nonce: 'n1' }), pending: true };
    const held: ChannelHistory = { ...withLatestPage(emptyHistory(), testPage(1, 10)), hasMoreBefore: false };
    const next = withLatestPage({ ...held, messages: [...held.messages, unsent] }, testPage(200, 249));
    expect(next.messages.map((message) => message.id)).toEqual([
      ...range(200, 249).map(String),
      'pending-n1',
    ]);
    expect(next.hasMoreBefore).toBe(true);
  });

  it('merges an overlapping page and keeps what was known about older messages', () => {
    const held: ChannelHistory = { ...withLatestPage(emptyHistory(), testPage(1, 10)), hasMoreBefore: false };
    const next = withLatestPage({ ...held, error: 'earlier failure' }, testPage(5, 54));
    expect(ids(next)).toEqual(range(1, 54));
    expect(next).toMatchObject({ hasMoreBefore: false, error: null });
  });
});

describe('older pages', () => {
  it('prepends the page, clears loading and error, and stops when the page is short', () => {
    const held = { ...withLatestPage(emptyHistory(), testPage(51, 100)), loadingOlder: true, error: 'x' };
    expect(oldestSent(held)?.id).toBe('51');
    const full = withOlderPage(held, testPage(1, 50));
    expect(ids(full)).toEqual(range(1, 100));
    expect(full).toMatchObject({ hasMoreBefore: true, loadingOlder: false, error: null });
    expect(withOlderPage(held, testPage(40, 50)).hasMoreBefore).toBe(false);
  });

  it('looks for the oldest message past unsent ones', () => {
    const failed = { ...testMessage('pending-n2', { nonce: 'n2' }), failed: 'Not sent' };
    expect(oldestSent({ ...emptyHistory(), messages: [failed] })).toBeUndefined();
  });
});

describe('optimistic messages', () => {
  it('show as pending, by nonce, until the server copy replaces them', () => {
    const draft = optimisticMessage({
      channelId: '7',
      guildId: null,
      authorId: '3',
      content: 'hi',
      replyTo: '5',
      nonce: 'n1',
      createdAt: '2026-11-23T21:00:00.000Z',
    });
    expect(draft).toMatchObject({ id: 'pending-n1', pending: true, replyToId: '5', nonce: 'n1' });
    const sent = testMessage('9', { nonce: 'n1', content: 'hi' });
    expect(mergeMessages([draft], [sent])).toEqual([sent]);
  });
});

describe('reactions', () => {
  const message = testMessage('1', { reactions: [{ emoji: '👍', count: 1, me: false }] });

  it('adds a new emoji, and counts mine', () => {
    expect(withReaction(message, { emoji: '🔥', delta: 1, mine: true }).reactions).toEqual([
      { emoji: '👍', count: 1, me: false },
      { emoji: '🔥', count: 1, me: true },
    ]);
    expect(withReaction(message, { emoji: '👍', delta: 1, mine: true }).reactions).toEqual([
      { emoji: '👍', count: 2, me: true },
    ]);
  });

  it('removes an emoji whose count reaches zero and ignores removing an unknown one', () => {
    expect(withReaction(message, { emoji: '👍', delta: -1, mine: false }).reactions).toEqual([]);
    expect(withReaction(message, { emoji: '🔥', delta: -1, mine: false }).reactions).toEqual(
      message.reactions,
    );
  });

  it('keeps my flag when someone else reacts, and clears it when I remove mine', () => {
    const mine = testMessage('1', { reactions: [{ emoji: '👍', count: 2, me: true }] });
    expect(withReaction(mine, { emoji: '👍', delta: 1, mine: false }).reactions[0]).toEqual({
      emoji: '👍',
      count: 3,
      me: true,
    });
    expect(withReaction(mine, { emoji: '👍', delta: -1, mine: true }).reactions[0]).toEqual({
      emoji: '👍',
      count: 1,
      me: false,
    });
  });
});
