import { EventEmitter } from 'node:events';
import type { Redis } from '@bonfire/platform';
import { Redis as IORedis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { RedisGatewayPeers, watchReconnects } from './gateway-peers';

/** A Redis connection as far as the peers use it: events, duplicate(), a status. */
class FakeRedis extends EventEmitter {
  status = 'connecting';
  readonly copies: FakeRedis[] = [];

  duplicate(): FakeRedis {
    const copy = new FakeRedis();
    this.copies.push(copy);
    return copy;
  }
}

describe('watchReconnects', () => {
  it('reports each time the connection is ready again after it was lost, not its first ready', () => {
    const client = new FakeRedis();
    const restored = vi.fn();
    watchReconnects(client, restored);
    client.emit('close'); // a failed first connect: nothing was lost yet
    client.emit('ready');
    expect(restored).not.toHaveBeenCalled();
    client.emit('close');
    client.emit('close'); // reconnect attempts while Redis is down
    expect(restored).not.toHaveBeenCalled();
    client.emit('ready');
    expect(restored).toHaveBeenCalledTimes(1);
    client.emit('ready'); // no loss in between
    expect(restored).toHaveBeenCalledTimes(1);
    client.emit('close');
    client.emit('ready');
    expect(restored).toHaveBeenCalledTimes(2);
  });
});

describe('RedisGatewayPeers', () => {
  // Regression (fault suite, SIGKILL redis): pub/sub keeps nothing for an absent subscriber, so packets the
  // other gateways sent while the link was down were lost for this gateway's sessions, which resumed
  // without them. The link coming back must be reported, so the sessions are ended (→ resync).
  it('tells its listeners when the subscriber connection is back after a loss', () => {
    const redis = new FakeRedis();
    const peers = new RedisGatewayPeers(redis as unknown as Redis);
    const restored = vi.fn();
    peers.onLinkRestored(restored);
    peers.adapter();
    const [pub, sub] = redis.copies;
    sub!.emit('ready');
    pub!.emit('ready');
    pub!.emit('close');
    pub!.emit('ready');
    expect(restored).not.toHaveBeenCalled();
    sub!.emit('close');
    sub!.emit('ready');
    expect(restored).toHaveBeenCalledTimes(1);
  });
});

describe('RedisGatewayPeers publishing while Redis is down', () => {
  // Regression (fault suite, SIGKILL redis): the socket.io adapter's publishes are not awaited; one that
  // ioredis gave up on (MaxRetriesPerRequestError) was an unhandled rejection that crashed the gateway.
  it('keeps a publish waiting instead of rejecting it', async () => {
    const redis = new IORedis('redis://127.0.0.1:1', { maxRetriesPerRequest: 2, lazyConnect: true });
    redis.on('error', () => undefined);
    const peers = new RedisGatewayPeers(redis as unknown as Redis);
    peers.adapter();
    const pub = (peers as unknown as { pub: IORedis }).pub;
    try {
      const outcome = await Promise.race([
        pub.publish('bonfire.test', 'packet').then(
          () => 'sent',
          () => 'rejected',
        ),
        new Promise((resolve) => setTimeout(() => resolve('waiting'), 1_500)),
      ]);
      expect(outcome).toBe('waiting');
    } finally {
      pub.disconnect();
      (peers as unknown as { sub: IORedis }).sub.disconnect();
      redis.disconnect();
    }
  });
});
