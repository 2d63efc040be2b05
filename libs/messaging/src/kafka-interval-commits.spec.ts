import { describe, expect, it, vi } from 'vitest';
import { IntervalCommitter } from './kafka-interval-commits';
import { silentLogger } from './logger';

type Commit = { topic: string; partition: number; offset: string };

function fakeConsumer(fail = false) {
  const commits: Commit[][] = [];
  const paused: { topic: string }[][] = [];
  const consumer = {
    commitOffsets: vi.fn(async (list: Commit[]) => {
      if (fail) throw new Error('The coordinator is not aware of this member');
      commits.push(list);
    }),
    pause: vi.fn((topics: { topic: string }[]) => void paused.push(topics)),
  };
  return { consumer, commits, paused };
}

const committerFor = (consumer: ReturnType<typeof fakeConsumer>['consumer']) =>
  new IntervalCommitter(consumer as never, 60_000, silentLogger, 'group');

describe('IntervalCommitter', () => {
  it('commits the next offset of the last handled message per partition, once per flush', async () => {
    const { consumer, commits } = fakeConsumer();
    const committer = committerFor(consumer);
    await committer.track('chat.messages', 0, '41', async () => undefined);
    await committer.track('chat.messages', 0, '42', async () => undefined);
    await committer.track('chat.messages', 3, '9', async () => undefined);
    expect(consumer.commitOffsets).not.toHaveBeenCalled();

    await committer.flush();
    await committer.flush();

    expect(commits).toEqual([
      [
        { topic: 'chat.messages', partition: 0, offset: '43' },
        { topic: 'chat.messages', partition: 3, offset: '10' },
      ],
    ]);
  });

  it('does not count a message whose handling failed', async () => {
    const { consumer, commits } = fakeConsumer();
    const committer = committerFor(consumer);
    await committer.track('chat.messages', 0, '5', async () => undefined);
    await expect(
      committer.track('chat.messages', 0, '6', async () => Promise.reject(new Error('handler failed'))),
    ).rejects.toThrow('handler failed');

    await committer.flush();

    expect(commits).toEqual([[{ topic: 'chat.messages', partition: 0, offset: '6' }]]);
  });

  it('keeps what a failed commit held for the next flush, unless a newer offset replaced it', async () => {
    const failing = fakeConsumer(true);
    const committer = committerFor(failing.consumer);
    await committer.track('chat.messages', 0, '5', async () => undefined);
    await committer.track('chat.messages', 1, '7', async () => undefined);
    await committer.flush();
    expect(failing.consumer.commitOffsets).toHaveBeenCalledTimes(1);

    failing.consumer.commitOffsets.mockImplementation(async (list: Commit[]) => {
      failing.commits.push(list);
    });
    await committer.track('chat.messages', 1, '8', async () => undefined);
    await committer.flush();

    expect(failing.commits).toEqual([
      [
        { topic: 'chat.messages', partition: 0, offset: '6' },
        { topic: 'chat.messages', partition: 1, offset: '9' },
      ],
    ]);
  });

  it('forgets partitions a rebalance gave to another member', async () => {
    const { consumer, commits } = fakeConsumer();
    const committer = committerFor(consumer);
    await committer.track('chat.messages', 0, '5', async () => undefined);
    await committer.track('chat.messages', 1, '7', async () => undefined);
    await committer.track('chat.members', 0, '2', async () => undefined);

    committer.assigned({ 'chat.messages': [1], 'chat.members': [] });
    await committer.flush();

    expect(commits).toEqual([[{ topic: 'chat.messages', partition: 1, offset: '8' }]]);
  });

  it('drains: pauses the topics, waits for the handler in flight, then commits it', async () => {
    const { consumer, commits, paused } = fakeConsumer();
    const committer = committerFor(consumer);
    let finish: () => void = () => undefined;
    const handling = committer.track(
      'chat.messages',
      2,
      '99',
      () => new Promise<void>((resolve) => (finish = resolve)),
    );

    const draining = committer.drain(['chat.messages', 'chat.members']);
    await Promise.resolve();
    expect(paused).toEqual([[{ topic: 'chat.messages' }, { topic: 'chat.members' }]]);
    expect(commits).toEqual([]);
    finish();
    await Promise.all([handling, draining]);

    expect(commits).toEqual([[{ topic: 'chat.messages', partition: 2, offset: '100' }]]);
  });

  it('drains a consumer that never started (pause throws) without failing', async () => {
    const { consumer, commits } = fakeConsumer();
    consumer.pause.mockImplementation(() => {
      throw new Error('Consumer group was not initialized, consumer#run must be called first');
    });
    const committer = committerFor(consumer);

    await expect(committer.drain(['chat.messages'])).resolves.toBeUndefined();
    expect(commits).toEqual([]);
  });

  it('flushes on its timer', async () => {
    vi.useFakeTimers();
    try {
      const { consumer, commits } = fakeConsumer();
      const committer = new IntervalCommitter(consumer as never, 1_000, silentLogger, 'group');
      committer.start();
      await committer.track('chat.messages', 0, '1', async () => undefined);
      await vi.advanceTimersByTimeAsync(999);
      expect(commits).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(commits).toEqual([[{ topic: 'chat.messages', partition: 0, offset: '2' }]]);
      committer.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
