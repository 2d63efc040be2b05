import type { Channel, RealtimeState } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import type { RealtimePacket } from './realtime-packet';
import { SnapshotCoverage } from './snapshot-coverage';

const channel = (id: string, lastMessageId: string | null): Channel => ({
  id,
  type: 'text',
  guildId: '5',
  name: 'general',
  topic: null,
  position: 0,
  parentId: null,
  slowmodeSeconds: 0,
  userLimit: null,
  permissionOverwrites: [],
  recipientIds: [],
  ownerId: null,
  lastMessageId,
  createdAt: 'x',
});

const state = {
  user: { id: '7' },
  guilds: [{ guild: { id: '5' }, channels: [channel('10', '100'), channel('11', null)] }],
  dms: [{ ...channel('20', '200'), guildId: null }],
  readStates: [],
} as unknown as RealtimeState;

const packet = (type: RealtimePacket['type'], data: unknown): RealtimePacket => ({
  id: 'e',
  type,
  data,
  rooms: [],
});
const message = (id: string, channelId: string) => packet('message.created', { message: { id, channelId } });

describe('SnapshotCoverage (what a new session’s snapshot already shows)', () => {
  const coverage = new SnapshotCoverage(state);
  it('drops messages at or below their channel’s lastMessageId, keeps later ones', () => {
    expect(coverage.covers(message('99', '10'))).toBe(true);
    expect(coverage.covers(message('100', '10'))).toBe(true);
    expect(coverage.covers(message('101', '10'))).toBe(false);
    expect(coverage.covers(message('1', '11'))).toBe(false);
    expect(coverage.covers(message('200', '20'))).toBe(true);
    expect(coverage.covers(message('1', '99'))).toBe(false);
  });

  it('drops the channel.created event of a listed channel, not one a visibility move sends', () => {
    const created = (id: string, channelId: string): RealtimePacket => ({
      ...packet('channel.created', { channel: channel(channelId, null) }),
      id,
    });
    expect(coverage.covers(created('e1', '10'))).toBe(true);
    expect(coverage.covers(created('e1', '12'))).toBe(false);
    expect(coverage.covers(created('e1:shown', '10'))).toBe(false);
    expect(coverage.covers(created('e1:shown:10', '10'))).toBe(false);
  });

  it('keeps joins: a user may leave and join again', () => {
    expect(coverage.covers(packet('member.joined', { member: { guildId: '5', userId: '7' } }))).toBe(false);
  });

  it('keeps updates and deletions (applied in order on top of the snapshot)', () => {
    expect(coverage.covers(packet('channel.updated', { channel: channel('10', null) }))).toBe(false);
    expect(coverage.covers(packet('message.deleted', { messageId: '99', channelId: '10' }))).toBe(false);
  });
});
