import { REDIS } from '@bonfire/platform';
import { Global, Module, type Provider } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { describe, expect, it } from 'vitest';
import { AUTH_CONFIG } from '../config';
import { BruteForceModule } from './brute-force.module';
import { FailureCounterStore } from './failure-counter.store';
import { InMemoryFailureCounterStore } from './memory-failure-counter.store';
import { RedisFailureCounterStore } from './redis-failure-counter.store';

async function storeFor(mode: 'standalone' | 'distributed', redis?: object): Promise<FailureCounterStore> {
  const providers: Provider[] = [{ provide: AUTH_CONFIG, useValue: { BONFIRE_MODE: mode } }];
  if (redis) providers.push({ provide: REDIS, useValue: redis });
  @Global()
  @Module({ providers, exports: providers.map((provider) => (provider as { provide: symbol }).provide) })
  class Core {}
  const moduleRef = await Test.createTestingModule({ imports: [Core, BruteForceModule] }).compile();
  return moduleRef.get(FailureCounterStore, { strict: false });
}

describe('BruteForceModule wiring', () => {
  it('counts in memory in the standalone shape, with no Redis at all', async () => {
    expect(await storeFor('standalone')).toBeInstanceOf(InMemoryFailureCounterStore);
  });

  it('counts in Redis in the distributed shape', async () => {
    expect(await storeFor('distributed', {})).toBeInstanceOf(RedisFailureCounterStore);
    await expect(storeFor('distributed')).rejects.toThrow(/REDIS_URL is required/);
  });
});
