import type { EventBus } from '@bonfire/messaging';
import { PERMISSIONS } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import type { GatewayConfig } from '../config';
import { FanOutService } from './fan-out.service';
import { IntentsFilter } from './intents-filter';
import { RealtimeRefusal } from './realtime-exception.filter';
import { fakeSocket, realtimeProviders, state } from './realtime.providers.test-kit';
import { TypingService } from './typing.service';
import { VisibilityService } from './visibility.service';

function setUp(channelPermissions: (channelId: string) => Promise<bigint | null>) {
  const parts = realtimeProviders({
    channelPermissions: (_identity: unknown, channelId: string) => channelPermissions(channelId),
  } as never);
  const config = { ...parts.config, REALTIME_TYPING_INTERVAL_SECONDS: 5 } as GatewayConfig;
  const fanOut = new FanOutService(
    config,
    {} as EventBus,
    parts.registry,
    new VisibilityService(parts.registry, parts.chat, parts.logger),
    parts.metrics,
    parts.node,
    new IntentsFilter(),
    parts.logger,
  );
  const typing = new TypingService(config, parts.chat, parts.store, fanOut, parts.node);
  const live = (userId: string) => {
    const { socket, dispatches } = fakeSocket(userId, userId);
    const session = parts.registry.newSession(`s-${userId}`, socket);
    parts.registry.register(session, state(userId, { g1: ['c1'] }));
    parts.registry.attach(session, socket);
    session.release(0);
    return { socket, dispatches };
  };
  return { typing, live };
}

async function refusal(run: Promise<unknown>): Promise<[string, string]> {
  const error = await run.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof RealtimeRefusal)) throw new Error(`not refused: ${String(error)}`);
  return [error.code, error.message];
}

describe('TypingService', () => {
  it("sends typing to the channel's other sessions, unnumbered, once per interval", async () => {
    const { typing, live } = setUp(async () => PERMISSIONS.SEND_MESSAGES);
    const alice = live('alice');
    const bob = live('bob');
    expect(await typing.start(alice.socket, 'c1')).toEqual({ ok: true });
    expect(bob.dispatches()).toEqual([[null, 'typing.started', undefined]]);
    expect(alice.dispatches()).toEqual([]);
    expect(await refusal(typing.start(alice.socket, 'c1'))).toEqual([
      'RATE_LIMITED',
      'Typing was sent a moment ago.',
    ]);
  });

  it('refuses with the protocol codes: unknown channel, missing permission, chat unavailable', async () => {
    const { typing, live } = setUp(async (channelId) => {
      if (channelId === '1') return null;
      if (channelId === '2') return PERMISSIONS.VIEW_CHANNEL;
      throw new Error('chat down');
    });
    const { socket } = live('alice');
    expect(await refusal(typing.start(socket, '1'))).toEqual(['UNKNOWN_CHANNEL', 'Unknown channel.']);
    expect(await refusal(typing.start(socket, '2'))).toEqual([
      'MISSING_PERMISSION',
      'You need the SEND_MESSAGES permission.',
    ]);
    expect(await refusal(typing.start(socket, '3'))).toEqual(['UNAVAILABLE', 'Try again shortly.']);
  });
});
