import { randomUUID } from 'node:crypto';
import { HealthRegistry, ServiceLogger } from '@bonfire/platform';
import { until } from '@bonfire/platform/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { redisTestKeys } from '../testing/redis-test-keys';
import { RedisVoiceControl } from './redis-voice-control';
import { describeVoiceControlContract } from './voice-control.contract';

async function redisControl(keys?: Awaited<ReturnType<typeof redisTestKeys>>['keys']) {
  const connection = await redisTestKeys();
  const control = new RedisVoiceControl(
    connection.redis,
    keys ?? connection.keys,
    new HealthRegistry(),
    new ServiceLogger('voice', 'silent'),
  );
  await control.onModuleInit();
  return {
    control,
    keys: keys ?? connection.keys,
    dispose: async () => {
      await control.onApplicationShutdown();
      await connection.dispose();
    },
  };
}

describeVoiceControlContract('Redis', redisControl);

describe('RedisVoiceControl between nodes', () => {
  const disposers: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const dispose of disposers.splice(0)) await dispose();
  });

  it('delivers a message published on one node to the handlers of every node of the prefix', async () => {
    const a = await redisControl();
    disposers.push(a.dispose);
    const b = await redisControl(a.keys);
    disposers.push(b.dispose);
    const atA: string[] = [];
    const atB: string[] = [];
    a.control.onMessage((message) => atA.push(message.sessionId));
    b.control.onMessage((message) => atB.push(message.sessionId));
    const sessionId = randomUUID();
    await a.control.publish({ type: 'end', sessionId, closed: { reason: 'disconnected' } });
    await until(() => atA.length === 1 && atB.length === 1, 5_000);
    expect(atB).toEqual([sessionId]);
    expect(atA).toEqual([sessionId]);
  });
});
