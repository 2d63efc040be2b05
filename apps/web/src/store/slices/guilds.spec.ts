import type { Guild, Member } from '@bonfire/sdk';
import { describe, expect, it } from 'vitest';
import { testChannel } from '../test-fixtures';
import {
  addGuild,
  findGuildChannelOrDm,
  initialGuilds,
  memberArrived,
  memberLeft,
  putChannel,
  putMember,
  removeChannel,
  removeGuild,
  upsertDm,
} from './guilds';

const guild = {
  id: '100',
  name: 'g',
  iconFileId: null,
  description: null,
  ownerId: '1',
  createdAt: '',
} as Guild;
const member = (userId: string, nickname: string | null = null) =>
  ({ guildId: '100', userId, nickname, roleIds: [], joinedAt: '' }) as Member;

describe('guilds', () => {
  it('are added once, in order, and removed with their place in the order', () => {
    const state = addGuild(initialGuilds(), guild, []);
    expect(addGuild(state, guild, [testChannel('1')])).toBe(state);
    expect(state.guildOrder).toEqual(['100']);
    expect(removeGuild(state, '100')).toEqual(initialGuilds());
  });

  it('keep channels in position order (then id), replacing by id', () => {
    let state = addGuild(initialGuilds(), guild, []);
    state = putChannel(state, testChannel('3', { position: 1 }));
    state = putChannel(state, testChannel('2', { position: 1 }));
    state = putChannel(state, testChannel('9', { position: 0 }));
    state = putChannel(state, testChannel('3', { position: 2 }));
    expect(state.guilds['100']!.channels.map((channel) => channel.id)).toEqual(['9', '2', '3']);
    state = removeChannel(state, '100', '2');
    expect(findGuildChannelOrDm(state, '2')).toBeUndefined();
    expect(findGuildChannelOrDm(state, '9')?.id).toBe('9');
  });

  it('ignore changes for a guild they do not hold', () => {
    const state = initialGuilds();
    expect(putChannel(state, testChannel('1', { guildId: '555' }))).toBe(state);
    expect(putChannel(state, testChannel('1', { guildId: null }))).toBe(state);
    expect(memberLeft(state, '555', '1')).toBe(state);
  });
});

describe('members', () => {
  it('count a new member once, and an update not at all', () => {
    let state = addGuild(initialGuilds(), guild, []);
    state = memberArrived(state, member('2'));
    state = memberArrived(state, member('2', 'nick'));
    expect(state.guilds['100']!.memberTotal).toBe(2);
    expect(state.guilds['100']!.members['2']!.nickname).toBe('nick');
    state = putMember(state, member('3'));
    expect(state.guilds['100']!.memberTotal).toBe(2);
  });

  it('leave, never taking the total below one', () => {
    let state = addGuild(initialGuilds(), guild, []);
    state = memberLeft(memberLeft(memberArrived(state, member('2')), '100', '2'), '100', '2');
    expect(state.guilds['100']!.members['2']).toBeUndefined();
    expect(state.guilds['100']!.memberTotal).toBe(1);
  });
});

describe('DMs', () => {
  it('put a new one first and replace a known one in place', () => {
    const a = testChannel('1', { guildId: null, type: 'dm' });
    const b = testChannel('2', { guildId: null, type: 'dm' });
    let state = upsertDm(upsertDm(initialGuilds(), a), b);
    expect(state.dms.map((dm) => dm.id)).toEqual(['2', '1']);
    state = upsertDm(state, { ...a, name: 'renamed' });
    expect(state.dms.map((dm) => [dm.id, dm.name])).toEqual([
      ['2', 'c2'],
      ['1', 'renamed'],
    ]);
    expect(findGuildChannelOrDm(state, '1')?.name).toBe('renamed');
  });
});
