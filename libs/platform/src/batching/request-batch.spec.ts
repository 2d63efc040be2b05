import { describe, expect, it } from 'vitest';
import { RequestBatch } from './request-batch';

function recordingBatch(maxRequests?: number) {
  const calls: number[][] = [];
  const batch = new RequestBatch<number, string>(
    async (requests) => {
      calls.push([...requests]);
      return requests.map((request) => `answer to ${request}`);
    },
    { maxRequests },
  );
  return { batch, calls };
}

describe('RequestBatch', () => {
  it('sends the requests of concurrent callers in one call, and answers each caller its own', async () => {
    const { batch, calls } = recordingBatch();
    const answers = await Promise.all([batch.ask(1), batch.ask(2), batch.ask(3)]);
    expect(calls).toEqual([[1, 2, 3]]);
    expect(answers).toEqual(['answer to 1', 'answer to 2', 'answer to 3']);
  });

  it('calls again for a caller that comes after the call started', async () => {
    const { batch, calls } = recordingBatch();
    const early = batch.ask(1);
    await new Promise((resolve) => setImmediate(resolve));
    const late = batch.ask(2);
    expect(await Promise.all([early, late])).toEqual(['answer to 1', 'answer to 2']);
    expect(calls).toEqual([[1], [2]]);
  });

  it('splits more concurrent requests than maxRequests over several calls', async () => {
    const { batch, calls } = recordingBatch(2);
    const answers = await Promise.all([1, 2, 3, 4, 5].map((request) => batch.ask(request)));
    expect(calls).toEqual([[1, 2], [3, 4], [5]]);
    expect(answers).toEqual([1, 2, 3, 4, 5].map((request) => `answer to ${request}`));
  });

  it('passes a failed call, or one that answered too few, to every caller of its batch', async () => {
    const failing = new RequestBatch<number, string>(() => {
      throw new Error('service down');
    });
    const failed = await Promise.allSettled([failing.ask(1), failing.ask(2)]);
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    const short = new RequestBatch<number, string>(async () => ['only one']);
    const answered = await Promise.allSettled([short.ask(1), short.ask(2)]);
    expect(answered.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });
});
