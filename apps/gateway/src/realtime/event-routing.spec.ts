import { randomUUID } from 'node:crypto';
import type { AnyEvent } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import { toPacket, toPackets } from './event-routing';

function event(type: string, data: unknown): AnyEvent {
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    producer: 'chat',
    key: '1',
    data,
  } as AnyEvent;
}

const channel = (guildId: string | null) => ({
  id: '10',
  type: guildId ? 'text' : 'dm',
  guildId,
  name: null,
  topic: null,
  position: 0,
  parentId: null,
  slowmodeSeconds: 0,
  userLimit: null,
  permissionOverwrites: [],
  recipientIds: guildId ? [] : ['1', '2'],
  ownerId: null,
  lastMessageId: null,
  createdAt: new Date().toISOString(),
});

describe('event → rooms', () => {
  it('sends message and reaction events to the channel room, without visibility changes', () => {
    const created = toPacket(event('message.created', { message: { channelId: '10', guildId: '5' } }));
    expect(created).toMatchObject({ type: 'message.created', rooms: ['channel:10'] });
    expect(created?.change).toBeUndefined();
    expect(toPacket(event('reaction.added', { channelId: '10', messageId: '1' }))?.rooms).toEqual([
      'channel:10',
    ]);
    expect(toPacket(event('message.deleted', { channelId: '10', messageId: '1' }))?.rooms).toEqual([
      'channel:10',
    ]);
  });

  it('sends guild-level events to the guild room', () => {
    expect(toPacket(event('guild.updated', { guild: { id: '5' } }))?.rooms).toEqual(['guild:5']);
    expect(toPacket(event('role.created', { role: { guildId: '5' } }))).toMatchObject({
      rooms: ['guild:5'],
    });
    expect(toPacket(event('role.created', { role: { guildId: '5' } }))?.change).toBeUndefined();
  });

  it('re-evaluates the whole guild when roles or channels change', () => {
    for (const packet of [
      toPacket(event('role.updated', { role: { guildId: '5' } })),
      toPacket(event('role.deleted', { guildId: '5', roleId: '6' })),
    ]) {
      expect(packet?.rooms).toEqual(['guild:5']);
      expect(packet?.change).toEqual({ kind: 'guild', guildId: '5' });
    }
  });

  it('sends a guild channel only to those who may see it (its room, after re-evaluating the guild)', () => {
    for (const packet of [
      toPacket(event('channel.created', { channel: channel('5') })),
      toPacket(event('channel.updated', { channel: channel('5') })),
    ]) {
      expect(packet?.rooms).toEqual(['channel:10']);
      expect(packet?.change).toEqual({ kind: 'guild', guildId: '5' });
      expect(packet?.changeAfter).toBeFalsy();
    }
  });

  it('re-evaluates one user when they join or their roles change; the joiner hears it in their room', () => {
    const member = { guildId: '5', userId: '7', nickname: null, roleIds: [], joinedAt: '' };
    const joined = toPacket(event('member.joined', { member }));
    expect(joined?.rooms).toEqual(['guild:5', 'user:7']);
    expect(joined?.change).toEqual({ kind: 'users', guildId: '5', userIds: ['7'] });
    expect(joined?.changeAfter).toBeFalsy();
    expect(toPacket(event('member.updated', { member }))?.change).toEqual({
      kind: 'users',
      guildId: '5',
      userIds: ['7'],
    });
  });

  it('re-evaluates the old and the new owner on an ownership transfer, nobody on other guild updates', () => {
    const guild = { id: '5', ownerId: '8', name: 'g', icon: null, description: null, createdAt: 'x' };
    expect(toPacket(event('guild.updated', { guild, previousOwnerId: '7' }))?.change).toEqual({
      kind: 'users',
      guildId: '5',
      userIds: ['7', '8'],
    });
    expect(toPacket(event('guild.updated', { guild }))?.change).toBeUndefined();
  });

  it('removes a member who left, was kicked or banned, before delivering, and tells them too', () => {
    const left = toPacket(event('member.left', { guildId: '5', userId: '7', reason: 'kicked' }));
    expect(left?.rooms).toEqual(['guild:5', 'user:7']);
    expect(left?.change).toEqual({ kind: 'leave-guild', guildId: '5', userId: '7' });
    expect(left?.changeAfter).toBeFalsy();
  });

  it("fences a removed member out of the guild from each channel's ordered stream, telling no one", () => {
    const fence = toPacket(event('channel.member.left', { guildId: '5', channelId: '10', userId: '7' }));
    expect(fence).toMatchObject({ type: null, rooms: [] });
    expect(fence?.change).toEqual({ kind: 'fence', guildId: '5', userId: '7' });
  });

  it('deletions reach the room first, then empty it', () => {
    const deleted = toPacket(event('channel.deleted', { channelId: '10', guildId: '5' }));
    expect(deleted).toMatchObject({
      rooms: ['channel:10'],
      change: { kind: 'remove-channel', channelId: '10' },
      changeAfter: true,
    });
    const guildGone = toPacket(event('guild.deleted', { guildId: '5' }));
    expect(guildGone).toMatchObject({
      rooms: ['guild:5'],
      change: { kind: 'remove-guild' },
      changeAfter: true,
    });
    expect(toPacket(event('channel.deleted', { channelId: '10', guildId: null }))?.rooms).toEqual([
      'channel:10',
    ]);
  });

  it('DMs go to the channel room; a new DM puts its recipients in it', () => {
    const created = toPacket(event('channel.created', { channel: channel(null) }));
    expect(created?.rooms).toEqual(['channel:10']);
    expect(created?.change).toEqual({ kind: 'dm', channelId: '10', userIds: ['1', '2'] });
  });

  it('a group DM update makes its room follow the recipient list before delivering', () => {
    const updated = toPacket(event('channel.updated', { channel: channel(null) }));
    expect(updated?.rooms).toEqual(['channel:10']);
    expect(updated?.change).toEqual({ kind: 'dm', channelId: '10', userIds: ['1', '2'] });
    expect(updated?.changeAfter).toBeFalsy();
  });

  it('read states go to the same user only; guild.created only moves the owner; others are dropped', () => {
    expect(
      toPacket(event('readstate.updated', { userId: '7', channelId: '10', lastReadMessageId: null }))?.rooms,
    ).toEqual(['user:7']);
    expect(
      toPacket(event('notification.created', { userId: '8', channelId: '10', messageId: '11' }))?.rooms,
    ).toEqual(['user:8']);
    const created = toPacket(event('guild.created', { guild: { id: '5', ownerId: '7' } }));
    expect(created).toMatchObject({ type: null, rooms: [], change: { kind: 'users', userIds: ['7'] } });
    expect(toPacket(event('invite.created', { invite: {} }))).toBeNull();
    expect(toPacket(event('user.created', {}))).toBeNull();
  });
});

describe('thread events → rooms', () => {
  const thread = (archived: boolean) => ({
    ...channel('5'),
    id: '20',
    type: 'public_thread',
    parentId: '10',
    thread: { archived },
  });

  it('sends a new or active thread to its own room after re-evaluating the guild (who sees it)', () => {
    for (const type of ['thread.created', 'thread.updated']) {
      const packet = toPacket(event(type, { thread: thread(false) }));
      expect(packet).toMatchObject({ type, rooms: ['channel:20'], change: { kind: 'guild', guildId: '5' } });
    }
    // Archiving changes nobody's view.
    expect(toPacket(event('thread.updated', { thread: thread(true) }))?.change).toBeUndefined();
  });

  it('a deleted thread reaches its room, then empties it', () => {
    const packet = toPacket(
      event('thread.deleted', { threadId: '20', parentId: '10', guildId: '5', type: 'private_thread' }),
    );
    expect(packet).toMatchObject({
      rooms: ['channel:20'],
      change: { kind: 'remove-channel', channelId: '20' },
      changeAfter: true,
    });
  });

  it('private thread members added or removed are re-evaluated; public thread joins change nothing', () => {
    const data = {
      threadId: '20',
      guildId: '5',
      memberCount: 2,
      added: [{ threadId: '20', userId: '7', joinedAt: new Date().toISOString() }],
      removedUserIds: ['8'],
    };
    const privatePacket = toPacket(event('thread.members.updated', { ...data, type: 'private_thread' }));
    expect(privatePacket).toMatchObject({
      rooms: ['channel:20', 'user:8'],
      change: { kind: 'users', guildId: '5', userIds: ['7', '8'] },
    });
    const publicPacket = toPacket(event('thread.members.updated', { ...data, type: 'public_thread' }));
    expect(publicPacket).toMatchObject({ rooms: ['channel:20'] });
    expect(publicPacket?.change).toBeUndefined();
  });
});

describe('presence.updated → rooms', () => {
  const presence = (status: string, self: string) =>
    event('presence.updated', {
      userId: '7',
      status,
      customStatus: null,
      self: { status: self, customStatus: null },
      guildIds: ['5', '6'],
      dmUserIds: ['8'],
      updatedAt: new Date().toISOString(),
    });

  it('goes to the shared guilds and DM partners (public view), and to the user (own view)', () => {
    const [others, own] = toPackets(presence('offline', 'invisible'));
    expect(others).toMatchObject({
      type: 'presence.updated',
      rooms: ['guild:5', 'guild:6', 'user:8'],
      exceptUserId: '7',
      data: { userId: '7', status: 'offline', customStatus: null },
    });
    expect(others!.data).not.toHaveProperty('self');
    expect(others!.data).not.toHaveProperty('guildIds');
    expect(own).toMatchObject({ rooms: ['user:7'], data: { userId: '7', status: 'invisible' } });
    expect(own!.id).not.toBe(others!.id);
  });

  it('skips those the user blocked, even in a shared guild room (hiddenFromUserIds)', () => {
    const blocked = event('presence.updated', {
      userId: '7',
      status: 'online',
      customStatus: null,
      self: { status: 'online', customStatus: null },
      guildIds: ['5'],
      dmUserIds: [],
      hiddenFromUserIds: ['9'],
      updatedAt: new Date().toISOString(),
    });
    const [others] = toPackets(blocked);
    expect(others).toMatchObject({ rooms: ['guild:5'], exceptUserId: '7', exceptUserIds: ['9'] });
    expect(toPacket(presence('online', 'online'))).not.toHaveProperty('exceptUserIds');
  });

  it('other events keep one packet', () => {
    expect(toPackets(event('guild.updated', { guild: { id: '5' } }))).toHaveLength(1);
    expect(toPackets(event('user.created', {}))).toHaveLength(0);
  });
});

describe('relationship.* → the user whose list changed', () => {
  it('goes to that user only', () => {
    const added = event('relationship.added', {
      userId: '7',
      relationship: {
        id: '8',
        type: 'friend',
        user: { id: '8', username: 'b', displayName: null, avatarFileId: null, bot: false },
        since: new Date().toISOString(),
      },
    });
    expect(toPacket(added)).toMatchObject({ type: 'relationship.added', rooms: ['user:7'] });
    const removed = event('relationship.removed', { userId: '8', id: '7', type: 'incoming' });
    expect(toPacket(removed)).toMatchObject({
      type: 'relationship.removed',
      rooms: ['user:8'],
      data: { userId: '8', id: '7', type: 'incoming' },
    });
  });
});

describe('user.profile.updated → rooms', () => {
  const user = {
    id: '7',
    username: 'ada',
    displayName: 'Ada',
    avatarFileId: null,
    about: null,
    createdAt: new Date().toISOString(),
  };

  it('sends the profile as user.updated to the shared guilds, the DMs and the user, without the audience', () => {
    const packets = toPackets(
      event('user.profile.updated', { user, guildIds: ['5', '6'], dmChannelIds: ['30'] }),
    );
    expect(packets).toHaveLength(1);
    expect(packets[0]).toMatchObject({
      type: 'user.updated',
      rooms: ['guild:5', 'guild:6', 'channel:30', 'user:7'],
      data: user,
    });
    expect(packets[0]!.data).not.toHaveProperty('guildIds');
    expect(packets[0]!.change).toBeUndefined();
  });

  it('auth’s own user.updated is not a client event (chat sends it with its audience)', () => {
    expect(toPackets(event('user.updated', user))).toHaveLength(0);
  });
});

describe('voice events → rooms', () => {
  const state = {
    userId: '7',
    guildId: '5',
    channelId: '20',
    sessionId: 's1',
    selfMute: false,
    selfDeaf: false,
    mute: false,
    deaf: false,
    selfVideo: false,
    selfStream: false,
    joinedAt: new Date().toISOString(),
  };

  it('sends voice.state.updated to the channel (those who can see it) and to the user, as is', () => {
    const packet = toPacket(event('voice.state.updated', state));
    expect(packet).toMatchObject({
      type: 'voice.state.updated',
      data: state,
      rooms: ['channel:20', 'user:7'],
    });
    expect(packet?.change).toBeUndefined();
    expect(packet?.rooms).not.toContain('guild:5');
    expect(toPackets(event('voice.state.updated', state))).toHaveLength(1);
    // A change in the same channel (mute, camera) naming it as the previous one too: still one packet.
    const [muted, ...more] = toPackets(
      event('voice.state.updated', { ...state, selfMute: true, previousChannelId: '20' }),
    );
    expect(more).toEqual([]);
    expect(muted).toMatchObject({ rooms: ['channel:20', 'user:7'], data: { ...state, selfMute: true } });
    expect(muted!.data).not.toHaveProperty('previousChannelId');
  });

  it('sends a leave to the channel left (previousChannelId) and to the user', () => {
    const left = { ...state, channelId: null, previousChannelId: '20' };
    expect(toPackets(event('voice.state.updated', left))).toMatchObject([
      { type: 'voice.state.updated', data: left, rooms: ['channel:20', 'user:7'] },
    ]);
    // Without the previous channel (an older producer), only the user's own sessions learn of it.
    expect(toPacket(event('voice.state.updated', { ...state, channelId: null }))?.rooms).toEqual(['user:7']);
  });

  it("tells a move's old channel that the user left, without naming the new channel", () => {
    const moved = event('voice.state.updated', { ...state, channelId: '21', previousChannelId: '20' });
    const [left, joined, ...rest] = toPackets(moved);
    expect(rest).toEqual([]);
    expect(left).toMatchObject({
      type: 'voice.state.updated',
      data: { userId: '7', channelId: null, previousChannelId: '20', sessionId: 's1' },
      rooms: ['channel:20'],
      exceptUserId: '7',
    });
    expect(left!.id).not.toBe(joined!.id);
    expect(joined).toMatchObject({
      id: moved.id,
      data: { channelId: '21' },
      rooms: ['channel:21', 'user:7'],
    });
    // The new channel's viewers may not see the old one: its id is not theirs to know.
    expect(joined!.data).not.toHaveProperty('previousChannelId');
    expect(joined!.exceptUserId).toBeUndefined();
  });

  it('sends voice.speaking to the channel as an ephemeral event (never replayed on resume)', () => {
    const speaking = { guildId: '5', channelId: '20', userId: '7', speaking: true };
    expect(toPacket(event('voice.speaking', speaking))).toMatchObject({
      type: 'voice.speaking',
      data: speaking,
      rooms: ['channel:20'],
      ephemeral: true,
    });
    const dm = { ...speaking, guildId: null };
    expect(toPacket(event('voice.speaking', dm))?.rooms).toEqual(['channel:20']);
  });

  it('never delivers voice.member.moderated: who moved someone, and why, is for the audit log only', () => {
    const moderated = {
      guildId: '5',
      actorId: '8',
      userId: '7',
      action: 'move',
      previousChannelId: '20',
      channelId: '21',
      reason: 'too loud',
    };
    expect(toPackets(event('voice.member.moderated', moderated))).toEqual([]);
  });
});
