import { AppError, ServiceLogger } from '@bonfire/platform';
import { describe, expect, it } from 'vitest';
import { InMemorySendLimitStore } from './memory-send-limit.store';
import { SendLimitStore } from './send-limit.store';
import { SendLimits } from './send-limits';

function setup(limit = 3) {
  let now = 1_000_000;
  const store = new InMemorySendLimitStore(() => now);
  const limits = new SendLimits(
    store,
    { CHAT_SEND_LIMIT_PER_10S: limit },
    new ServiceLogger('chat', 'silent'),
  );
  return { limits, advance: (ms: number) => (now += ms) };
}

async function rejection(promise: Promise<unknown>): Promise<AppError | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error as AppError;
  }
}

describe('SendLimits', () => {
  it('refuses a second message within slowmode with Retry-After, per channel', async () => {
    const { limits, advance } = setup();
    await limits.consume({ userId: 'u', channelId: 'a', slowmodeSeconds: 30 });
    advance(10_500);
    const error = await rejection(limits.consume({ userId: 'u', channelId: 'a', slowmodeSeconds: 30 }));
    expect(error?.status).toBe(429);
    expect(error?.code).toBe('SLOWMODE');
    expect(error?.headers).toEqual({ 'Retry-After': '20' });
    await expect(
      limits.consume({ userId: 'u', channelId: 'b', slowmodeSeconds: 30 }),
    ).resolves.toBeUndefined();
    advance(20_000);
    await expect(
      limits.consume({ userId: 'u', channelId: 'a', slowmodeSeconds: 30 }),
    ).resolves.toBeUndefined();
  });

  it('refuses sends past the per-user limit until the window ends, without starting a slowmode wait', async () => {
    const { limits, advance } = setup(2);
    await limits.consume({ userId: 'u', channelId: 'a', slowmodeSeconds: 0 });
    advance(4_000);
    await limits.consume({ userId: 'u', channelId: 'b', slowmodeSeconds: 0 });
    const error = await rejection(limits.consume({ userId: 'u', channelId: 'c', slowmodeSeconds: 60 }));
    expect(error?.code).toBe('RATE_LIMITED');
    expect(error?.headers).toEqual({ 'Retry-After': '6' });
    advance(6_000);
    // The refused message started no slowmode in channel c.
    await expect(
      limits.consume({ userId: 'u', channelId: 'c', slowmodeSeconds: 60 }),
    ).resolves.toBeUndefined();
  });

  it('counts nothing for a send already counted (countSend: false), but starts its slowmode wait', async () => {
    const { limits } = setup(1);
    await limits.consume({ userId: 'u', channelId: 'a', slowmodeSeconds: 0 });
    await limits.consume({ userId: 'u', channelId: 'a', slowmodeSeconds: 30, countSend: false });
    expect(
      (await rejection(limits.consume({ userId: 'u', channelId: 'a', slowmodeSeconds: 30 })))?.code,
    ).toBe('SLOWMODE');
    // The per-user count still holds one send: the next one elsewhere is over the limit of 1.
    expect((await rejection(limits.consume({ userId: 'u', channelId: 'b', slowmodeSeconds: 0 })))?.code).toBe(
      'RATE_LIMITED',
    );
  });

  it('lets messages through when the store fails', async () => {
    class BrokenStore extends SendLimitStore {
      startSlowmode = () => Promise.reject(new Error('connection refused'));
      cancelSlowmode = () => Promise.reject(new Error('connection refused'));
      countSend = () => Promise.reject(new Error('connection refused'));
    }
    const limits = new SendLimits(
      new BrokenStore(),
      { CHAT_SEND_LIMIT_PER_10S: 1 },
      new ServiceLogger('chat', 'silent'),
    );
    await expect(
      limits.consume({ userId: 'u', channelId: 'a', slowmodeSeconds: 5 }),
    ).resolves.toBeUndefined();
  });
});
