import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { from } from 'rxjs';
import type { Socket } from 'socket.io';
import { describe, expect, it, vi } from 'vitest';
import type { GatewayConfig } from '../config';
import { NoGatewayPeers } from './gateway-peers';
import { RealtimeIoAdapter } from './realtime-io.adapter';

const config = {
  REALTIME_PING_INTERVAL_MS: 12_345,
  REALTIME_PING_TIMEOUT_MS: 6_789,
  CORS_ORIGINS: [],
} as unknown as GatewayConfig;

function adapter(): RealtimeIoAdapter {
  return new RealtimeIoAdapter(
    createServer() as unknown as INestApplicationContext,
    config,
    new NoGatewayPeers(),
  );
}

/** Binds one handler that answers what it was given; answers what it saw and a way to emit events. */
function bound() {
  const socket = new EventEmitter();
  const calls: unknown[][] = [];
  const handler: MessageMappingProperties = {
    message: 'typing.start',
    methodName: 'typing',
    isAckHandledManually: false,
    callback: (data: unknown, ack: unknown) => {
      calls.push([data, typeof ack]);
      return Promise.resolve({ ok: true });
    },
  };
  adapter().bindMessageHandlers(socket as unknown as Socket, [handler], (data) =>
    from(data as Promise<unknown>),
  );
  return { emit: (...args: unknown[]) => socket.emit('typing.start', ...args), calls };
}

describe('RealtimeIoAdapter', () => {
  it('gives a handler the first argument as payload and acknowledges with its answer', async () => {
    const { emit, calls } = bound();
    const ack = vi.fn();
    emit({ channelId: '1' }, ack);
    emit({ channelId: '2' }, 'extra', ack);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([
      [{ channelId: '1' }, 'function'],
      [{ channelId: '2' }, 'function'],
    ]);
    expect(ack).toHaveBeenCalledTimes(2);
    expect(ack).toHaveBeenCalledWith({ ok: true });
  });

  it('passes no payload when the only argument is the acknowledgement, and an array payload as is', () => {
    const { emit, calls } = bound();
    emit(vi.fn());
    emit([{ channelId: '1' }]);
    expect(calls).toEqual([
      [undefined, 'function'],
      [[{ channelId: '1' }], 'undefined'],
    ]);
  });

  it('creates the server with the configured ping and CORS on the HTTP server', async () => {
    const io = adapter().createIOServer(0, { path: '/realtime' });
    try {
      expect(io.engine.opts).toMatchObject({ pingInterval: 12_345, pingTimeout: 6_789, path: '/realtime' });
    } finally {
      await new Promise((resolve) => io.close(resolve));
    }
  });
});
