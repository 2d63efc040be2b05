import { randomUUID } from 'node:crypto';
import { type AnyEvent, INTENTS } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import { toPackets } from './event-routing';
import { IntentsFilter } from './intents-filter';

const emojis = [
  {
    id: '7',
    guildId: '5',
    name: 'blob',
    animated: false,
    creatorId: '1',
    createdAt: new Date().toISOString(),
  },
];

describe('guild.emojis.updated', () => {
  const event = {
    id: randomUUID(),
    type: 'guild.emojis.updated',
    version: 1,
    occurredAt: new Date().toISOString(),
    producer: 'chat',
    key: '5',
    data: { guildId: '5', emojis },
  } as AnyEvent;

  it('goes to the guild’s room as it is, changing nobody’s view', () => {
    expect(toPackets(event)).toEqual([
      { id: event.id, type: 'guild.emojis.updated', data: { guildId: '5', emojis }, rooms: ['guild:5'] },
    ]);
  });

  it('reaches bots with the GUILDS intent only', () => {
    const filter = new IntentsFilter();
    const dispatch = { id: event.id, type: 'guild.emojis.updated', data: event.data };
    expect(filter.decide({ userId: '9', intents: INTENTS.GUILDS }, dispatch)).toBe('full');
    expect(filter.decide({ userId: '9', intents: INTENTS.GUILD_MESSAGES }, dispatch)).toBe('skip');
    expect(filter.decide({ userId: '9', intents: null }, dispatch)).toBe('full');
  });
});
