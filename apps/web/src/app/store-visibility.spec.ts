import type { BonfireClient, Channel, Dispatch, PrivateUser, ReadyPayload, Role } from '@bonfire/sdk';
import { describe, expect, it } from 'vitest';
import { testChannel } from '../store/test-fixtures';
import { AppStore } from './store';

const GUILD = '100';
const ME = '1';

function channel(id: string): Channel {
  return testChannel(id, { guildId: GUILD, position: Number(id) });
}

function role(id: string, permissions = '0'): Role {
  return {
    id,
    guildId: GUILD,
    name: id,
    color: 0,
    hoist: false,
    mentionable: false,
    position: id === GUILD ? 0 : 1,
    permissions,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

/** A store fed by a hand-driven realtime connection; `visible` is what GET /guilds/{id}/channels answers. */
async function storeWith(visible: { channels: Channel[] }) {
  const listeners: Record<string, (payload: unknown) => void> = {};
  let listCalls = 0;
  const client = {
    realtime: {
      on: (event: string, listener: (payload: unknown) => void) => {
        listeners[event] = listener;
        return () => undefined;
      },
      connect: async () => undefined,
      disconnect: () => undefined,
    },
    channels: {
      list: async () => {
        listCalls++;
        return visible.channels;
      },
    },
    members: { list: async () => [] },
    messages: { history: async () => [] },
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
        roles: [role(GUILD), role('7')],
        channels: [channel('1')],
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
  const dispatch = (event: Pick<Dispatch, 'type' | 'data'>) => listeners['dispatch']!(event);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
  return { store, dispatch, settle, listCalls: () => listCalls };
}

const channelIds = (store: AppStore) => store.getState().guilds[GUILD]!.channels.map((c) => c.id);

describe('channels a role change reveals', () => {
  it('come as channel.created and go as channel.deleted; the store never lists the channels again', async () => {
    const visible = { channels: [channel('1')] };
    const { store, dispatch, settle, listCalls } = await storeWith(visible);
    dispatch({
      type: 'member.updated',
      data: { member: { guildId: GUILD, userId: ME, nickname: null, roleIds: ['7'], joinedAt: '' } },
    } as Dispatch);
    dispatch({ type: 'role.updated', data: { role: role(GUILD, '1024') } } as Dispatch);
    dispatch({ type: 'role.deleted', data: { guildId: GUILD, roleId: '7' } } as Dispatch);
    dispatch({
      type: 'guild.updated',
      data: {
        guild: { id: GUILD, name: 'g', iconFileId: null, description: null, ownerId: ME, createdAt: '' },
        previousOwnerId: '9',
      },
    } as Dispatch);
    const revealed = { ...channel('2'), lastMessageId: '77' };
    dispatch({ type: 'channel.created', data: { channel: revealed } } as Dispatch);
    await settle();
    expect(channelIds(store)).toEqual(['1', '2']);
    expect(store.getState().lastMessageIds['2']).toBe('77');
    expect(store.getState().guilds[GUILD]!.members[ME]!.roleIds).toEqual(['7']);
    dispatch({ type: 'channel.deleted', data: { channelId: '1', guildId: GUILD } } as Dispatch);
    await settle();
    expect(channelIds(store)).toEqual(['2']);
    expect(listCalls()).toBe(0);
  });
});

describe('user updates', () => {
  it('replace the profile everyone is shown by (and my own, keeping my email)', async () => {
    const { store, dispatch, settle } = await storeWith({ channels: [channel('1')] });
    await store.ensureUser('5');
    const profile = {
      id: '5',
      username: 'u5',
      displayName: 'New name',
      avatarFileId: '900',
      about: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    dispatch({ type: 'user.updated', data: profile } as Dispatch);
    await settle();
    expect(store.getState().users['5']).toEqual(profile);
    dispatch({
      type: 'user.updated',
      data: { ...profile, id: ME, username: 'me', displayName: 'Me!' },
    } as Dispatch);
    await settle();
    expect(store.getState().me).toMatchObject({ id: ME, displayName: 'Me!', email: 'me@example.com' });
    expect(store.getState().users[ME]!.displayName).toBe('Me!');
  });
});

describe('group DMs in the store', () => {
  function groupDm(recipientIds: string[]): Channel {
    return { ...channel('50'), type: 'group_dm', guildId: null, name: 'trio', recipientIds, ownerId: '2' };
  }

  it('follows member changes of a group DM, and drops it when the user is removed', async () => {
    const { store, dispatch, settle } = await storeWith({ channels: [channel('1')] });
    dispatch({ type: 'channel.created', data: { channel: groupDm([ME, '2', '3']) } } as Dispatch);
    await settle();
    expect(store.getState().dms.map((dm) => dm.recipientIds)).toEqual([[ME, '2', '3']]);
    dispatch({ type: 'channel.updated', data: { channel: groupDm([ME, '2']) } } as Dispatch);
    await settle();
    expect(store.getState().dms.map((dm) => dm.recipientIds)).toEqual([[ME, '2']]);
    dispatch({ type: 'channel.updated', data: { channel: groupDm(['2']) } } as Dispatch);
    await settle();
    expect(store.getState().dms).toEqual([]);
  });

  it('forgets a DM that was left', async () => {
    const { store } = await storeWith({ channels: [channel('1')] });
    store.addDm(groupDm([ME, '2']));
    store.removeDm('50');
    expect(store.getState().dms).toEqual([]);
  });
});
