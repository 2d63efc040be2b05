import type { EventBus } from '@bonfire/messaging';
import { describe, expect, it } from 'vitest';
import type { RealtimePacket } from './realtime-packet';
import { FanOutService } from './fan-out.service';
import { IntentsFilter } from './intents-filter';
import { fakeSocket, realtimeProviders, state } from './realtime.providers.test-kit';
import { VisibilityService } from './visibility.service';

function setUp(visibleChannels: () => Promise<string[] | null> = async () => []) {
  const parts = realtimeProviders({ visibleChannels } as never);
  const visibility = new VisibilityService(parts.registry, parts.chat, parts.logger);
  const fanOut = new FanOutService(
    parts.config,
    {} as EventBus,
    parts.registry,
    visibility,
    parts.metrics,
    parts.node,
    new IntentsFilter(),
    parts.logger,
  );
  const live = (
    userId: string,
    guilds: Record<string, string[]>,
    options: { batching?: boolean; protocol?: 1 | 2 } = {},
  ) => {
    const { socket, dispatches, counted, events, wsFrames } = fakeSocket(userId, userId, options);
    const session = parts.registry.newSession(`s-${userId}`, socket);
    parts.registry.register(session, state(userId, guilds));
    parts.registry.attach(session, socket);
    session.release(0);
    return { session, dispatches, counted, events, wsFrames };
  };
  return { ...parts, fanOut, live };
}

const message = (id: string, channelId = 'c1'): RealtimePacket => ({
  id,
  type: 'message.created',
  data: { id, message: { id, channelId } },
  rooms: [`channel:${channelId}`],
});

describe('FanOutService', () => {
  it('numbers and writes each packet once per session in its rooms, in order, dropping repeats', async () => {
    const { fanOut, live } = setUp();
    const alice = live('alice', { g1: ['c1'] });
    const bob = live('bob', { g1: ['c2'] });
    await Promise.all([
      fanOut.receive(message('m1')),
      fanOut.receive(message('m2')),
      fanOut.receive(message('m1')),
    ]);
    expect(alice.dispatches()).toEqual([
      [1, 'message.created', 'm1'],
      [2, 'message.created', 'm2'],
    ]);
    expect(bob.dispatches()).toEqual([]);
  });

  it("applies a packet's visibility change first: leaving the guild before the delivery", async () => {
    const { fanOut, live } = setUp();
    const alice = live('alice', { g1: ['c1'] });
    await fanOut.receive({
      id: 'left',
      type: 'member.left',
      data: { id: 'left' },
      rooms: ['guild:g1', 'user:alice'],
      change: { kind: 'leave-guild', guildId: 'g1', userId: 'alice' },
    } as unknown as RealtimePacket);
    await fanOut.receive(message('m1'));
    expect(alice.dispatches()).toEqual([[1, 'member.left', 'left']]);
    expect(alice.session.rooms.has('channel:c1')).toBe(false);
  });

  it('tells a session whose user chat no longer counts a member that the guild is gone', async () => {
    // A role change is applied while the guild is deleted: chat answers "not a member", the session
    // leaves the guild's room, and the guild.deleted that follows goes to that room.
    const { fanOut, live } = setUp(async () => null);
    const alice = live('alice', { g1: ['c1'] });
    await fanOut.receive({
      id: 'roles',
      type: 'member.updated',
      data: { id: 'roles' },
      rooms: ['guild:g1'],
      change: { kind: 'users', guildId: 'g1', userIds: ['alice'] },
    } as unknown as RealtimePacket);
    await fanOut.receive({
      id: 'deleted',
      type: 'guild.deleted',
      data: { guildId: 'g1' },
      rooms: ['guild:g1'],
      change: { kind: 'remove-guild', guildId: 'g1' },
      changeAfter: true,
    } as unknown as RealtimePacket);
    expect(alice.dispatches().map(([seq, type]) => [seq, type])).toEqual([
      [1, 'channel.deleted'],
      [2, 'guild.deleted'],
    ]);
    expect(alice.session.rooms.has('guild:g1')).toBe(false);
  });

  it('writes a batching client at once when idle, then what comes within the window in one `dispatches` frame', async () => {
    const { fanOut, live } = setUp();
    const alice = live('alice', { g1: ['c1'] }, { batching: true });
    const bob = live('bob', { g1: ['c1'] });
    await Promise.all([
      fanOut.receive(message('m1')),
      fanOut.receive(message('m2')),
      fanOut.receive(message('m3')),
    ]);
    expect(bob.events()).toEqual(['dispatch', 'dispatch', 'dispatch']);
    // m1 opened the window (written at once); m2 and m3 wait for its end.
    expect(alice.dispatches()).toEqual([[1, 'message.created', 'm1']]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(alice.events()).toEqual(['dispatches', 'dispatches']);
    expect(alice.dispatches()).toEqual([
      [1, 'message.created', 'm1'],
      [2, 'message.created', 'm2'],
      [3, 'message.created', 'm3'],
    ]);
    // The window with m2/m3 opened another, which closed quiet: m4 goes at once again.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await fanOut.receive(message('m4'));
    expect(alice.events()).toEqual(['dispatches', 'dispatches', 'dispatches']);
    expect(alice.dispatches().at(-1)).toEqual([4, 'message.created', 'm4']);
    expect(bob.dispatches()).toEqual(alice.dispatches());
    await fanOut.stop();
  });

  it('protocol 2: writes each event and each batch once for the room, while protocol 1 sockets get numbers', async () => {
    const { fanOut, live } = setUp();
    const alice = live('alice', { g1: ['c1'] }, { protocol: 2 });
    const bob = live('bob', { g1: ['c1'] }, { protocol: 2 });
    const carol = live('carol', { g1: ['c1'] }, { batching: true, protocol: 2 });
    const dave = live('dave', { g1: ['c1'] }, { batching: true, protocol: 2 });
    const old = live('old', { g1: ['c1'] }, { protocol: 1 });
    await fanOut.receive({ ...message('alone'), rooms: ['user:bob'] });
    await Promise.all(['m1', 'm2', 'm3'].map((id) => fanOut.receive(message(id))));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(alice.dispatches().map(([seq]) => seq)).toEqual([undefined, undefined, undefined]);
    expect(bob.counted()).toEqual([1, 2, 3, 4]);
    expect(alice.wsFrames).toEqual(bob.wsFrames.slice(1));
    alice.wsFrames.forEach((frame, index) => expect(frame).toBe(bob.wsFrames[index + 1]));
    // m1 at once (a batch of one), m2 and m3 at the window's end: the same two frames for both.
    expect(carol.events()).toEqual(['dispatches', 'dispatches']);
    expect(carol.wsFrames[0]).toBe(dave.wsFrames[0]);
    expect(carol.wsFrames[1]).toBe(dave.wsFrames[1]);
    expect(carol.counted()).toEqual([1, 2, 3]);
    expect(old.dispatches().map(([seq]) => seq)).toEqual([1, 2, 3]);
    await fanOut.stop();
  });

  it('writes every dispatch of a backlog longer than the replay buffer, none evicted before it went out', async () => {
    const { fanOut, live, config } = setUp();
    const alice = live('alice', { g1: ['c1'] }, { batching: true });
    const backlog = config.REALTIME_REPLAY_BUFFER_SIZE * 3;
    // Back to back, as a consumer catching up after Kafka came back hands them over.
    await Promise.all(
      Array.from({ length: backlog }, (_, index) => fanOut.receive(message(`m${index + 1}`))),
    );
    await fanOut.stop();
    expect(alice.dispatches().map(([seq]) => seq)).toEqual(
      Array.from({ length: backlog }, (_, index) => index + 1),
    );
  });

  it('writes the open batches when it stops', async () => {
    const { fanOut, live } = setUp();
    const alice = live('alice', { g1: ['c1'] }, { batching: true });
    await fanOut.receive(message('m1'));
    await fanOut.receive(message('m2'));
    expect(alice.dispatches()).toEqual([[1, 'message.created', 'm1']]);
    await fanOut.stop();
    expect(alice.dispatches()).toEqual([
      [1, 'message.created', 'm1'],
      [2, 'message.created', 'm2'],
    ]);
  });

  it('writes ephemeral packets unnumbered, outside the queue and the ring', async () => {
    const { fanOut, live } = setUp();
    const alice = live('alice', { g1: ['c1'] });
    const bob = live('bob', { g1: ['c1'] }, { protocol: 2 });
    await fanOut.receive({ ...message('t1'), type: 'typing.started', ephemeral: true } as RealtimePacket);
    expect(alice.dispatches()).toEqual([[null, 'typing.started', 't1']]);
    expect(alice.session.buffered()).toEqual([]);
    // The same frame for everyone, whatever their protocol.
    expect(alice.wsFrames[0]).toBe(bob.wsFrames[0]);
  });

  it('lets a starting session capture what is processed until it ends the capture, in queue order', async () => {
    const { fanOut, registry, live } = setUp();
    live('bob', { g1: ['c1'] });
    const starting = registry.newSession('s-new', fakeSocket('new', 'carol').socket);
    fanOut.startCapture(starting);
    void fanOut.receive(message('m1'));
    const captured = await fanOut.enqueue(() => fanOut.endCapture(starting));
    await fanOut.receive(message('m2'));
    expect((captured as RealtimePacket[]).map((packet) => packet.id)).toEqual(['m1']);
    expect(starting.captured).toBeNull();
  });

  it('buffers the very dispatch the live sessions got for a packet a starting session catches up on', async () => {
    const { fanOut, registry, live } = setUp();
    const bob = live('bob', { g1: ['c1'] });
    const { socket } = fakeSocket('new', 'carol');
    const starting = registry.newSession('s-new', socket);
    fanOut.startCapture(starting);
    await fanOut.receive(message('m1'));
    const captured = fanOut.endCapture(starting) as RealtimePacket[];
    registry.register(starting, state('carol', { g1: ['c1'] }));
    for (const packet of captured) await fanOut.process(packet, starting);
    const [live1] = bob.session.buffered();
    const [caughtUp] = starting.buffered();
    expect(caughtUp?.dispatch.id).toBe('m1');
    expect(caughtUp?.dispatch).toBe(live1?.dispatch);
  });
});
