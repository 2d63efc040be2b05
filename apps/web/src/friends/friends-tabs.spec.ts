import type { PresenceStatus, Relationship } from '@bonfire/sdk';
import { describe, expect, it } from 'vitest';
import { relationshipsOfTab } from './friends-tabs';

const relationship = (id: string, type: Relationship['type'], name: string): Relationship => ({
  id,
  type,
  since: new Date(0).toISOString(),
  user: { id, username: name, displayName: null, avatarFileId: null, bot: false },
});

describe('relationshipsOfTab', () => {
  const all = [
    relationship('1', 'friend', 'zed'),
    relationship('2', 'friend', 'amy'),
    relationship('3', 'incoming', 'bea'),
    relationship('4', 'outgoing', 'cal'),
    relationship('5', 'blocked', 'dan'),
    relationship('6', 'friend', 'eve'),
  ];
  const status = (id: string): PresenceStatus =>
    (({ '1': 'online', '2': 'dnd', '6': 'offline' }) as const)[id] ?? 'offline';
  const ids = (tab: Parameters<typeof relationshipsOfTab>[0]) =>
    relationshipsOfTab(tab, all, status).map((r) => r.id);

  it('lists friends who are not offline under Online, every friend under All, by name', () => {
    expect(ids('online')).toEqual(['2', '1']);
    expect(ids('all')).toEqual(['2', '6', '1']);
  });

  it('lists requests both ways under Pending and blocks under Blocked', () => {
    expect(ids('pending')).toEqual(['3', '4']);
    expect(ids('blocked')).toEqual(['5']);
  });
});
