import type { Channel } from '@bonfire/sdk';
import { describe, expect, it } from 'vitest';
import { planChannelMove, planChannelStep } from './channel-order';

function channel(
  id: string,
  position: number,
  parentId: string | null = null,
  type: Channel['type'] = 'text',
): Channel {
  return {
    id,
    type,
    guildId: '100',
    name: `c${id}`,
    topic: null,
    position,
    parentId,
    slowmodeSeconds: 0,
    userLimit: null,
    permissionOverwrites: [],
    recipientIds: [],
    ownerId: null,
    lastMessageId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

// Root: 1, 2, 3; category 10 holds 11, 12; category 20 is empty.
const channels = [
  channel('1', 0),
  channel('2', 1),
  channel('3', 2),
  channel('10', 0, null, 'category'),
  channel('11', 0, '10'),
  channel('12', 1, '10'),
  channel('20', 1, null, 'category'),
];

describe('channel drag and drop', () => {
  it('renumbers the destination list so it shows in the dropped order', () => {
    expect(planChannelMove(channels, '3', { parentId: null, index: 0 })).toEqual([
      { id: '3', position: 0, parentId: null },
      { id: '1', position: 1 },
      { id: '2', position: 2 },
    ]);
  });

  it('moves a channel into another category', () => {
    expect(planChannelMove(channels, '2', { parentId: '10', index: 1 })).toEqual([
      { id: '2', position: 1, parentId: '10' },
      { id: '12', position: 2 },
    ]);
    expect(planChannelMove(channels, '11', { parentId: '20', index: 0 })).toEqual([
      { id: '11', position: 0, parentId: '20' },
    ]);
  });

  it('moves categories among categories only, and sends nothing when nothing changes', () => {
    expect(planChannelMove(channels, '20', { parentId: '10', index: 0 })).toEqual([
      { id: '20', position: 0 },
      { id: '10', position: 1 },
    ]);
    expect(planChannelMove(channels, '1', { parentId: null, index: 0 })).toEqual([]);
    expect(planChannelMove(channels, 'missing', { parentId: null, index: 0 })).toEqual([]);
  });

  it('steps one place up or down for the keyboard, stopping at the ends', () => {
    expect(planChannelStep(channels, '12', -1)).toEqual([
      { id: '12', position: 0, parentId: '10' },
      { id: '11', position: 1 },
    ]);
    expect(planChannelStep(channels, '11', -1)).toEqual([]);
    expect(planChannelStep(channels, '3', 1)).toEqual([]);
  });
});
