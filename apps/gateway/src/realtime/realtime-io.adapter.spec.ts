import { EventEmitter } from 'node:events';
import { createServer, request, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

function adapter(
  overrides: Partial<GatewayConfig> = {},
  httpServer: HttpServer = createServer(),
): RealtimeIoAdapter {
  return new RealtimeIoAdapter(
    httpServer as unknown as INestApplicationContext,
    { ...config, ...overrides },
    new NoGatewayPeers(),
  );
}

/** The WebSocket extensions the server agrees to when a client offers permessage-deflate. */
async function negotiatedExtensions(overrides: Partial<GatewayConfig>): Promise<string | undefined> {
  const httpServer = createServer();
  const io = adapter(overrides, httpServer).createIOServer(0, { path: '/realtime' });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = httpServer.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      const upgrade = request({
        host: '127.0.0.1',
        port,
        path: '/realtime/?EIO=4&transport=websocket',
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': Buffer.from('0123456789abcdef').toString('base64'),
          'Sec-WebSocket-Extensions': 'permessage-deflate; client_max_window_bits',
        },
      });
      upgrade.on('upgrade', (response, socket) => {
        socket.destroy();
        resolve(response.headers['sec-websocket-extensions']);
      });
      upgrade.on('error', reject);
      upgrade.end();
    });
  } finally {
    await new Promise((resolve) => io.close(resolve));
  }
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

  it('compresses frames (permessage-deflate) only when configured, for clients that offer it', async () => {
    expect(await negotiatedExtensions({})).toBeUndefined();
    const extensions = await negotiatedExtensions({
      REALTIME_PERMESSAGE_DEFLATE: true,
      REALTIME_PERMESSAGE_DEFLATE_THRESHOLD: 512,
    });
    expect(extensions).toMatch(/^permessage-deflate/);
  });
});
