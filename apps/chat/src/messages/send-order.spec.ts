import type { Attachment } from '@bonfire/contracts';
import type { Transaction } from '@bonfire/platform';
import { describe, expect, it } from 'vitest';
import type { ChatDatabase } from '../database/schema';
import { InProcessSendOrder, type RunInTransaction, type SendSteps } from './send-order';

/** A transaction runner that records when transactions are open (the embedded database has one session). */
function fakeDatabase() {
  const log: string[] = [];
  let open = 0;
  const transaction: RunInTransaction = async (work) => {
    open++;
    try {
      return await work({} as Transaction<ChatDatabase>);
    } finally {
      open--;
    }
  };
  return { log, transaction, isOpen: () => open > 0 };
}

function counter() {
  let next = 0;
  return () => String(++next);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('InProcessSendOrder (standalone)', () => {
  it('takes ids in commit order per channel even when an earlier send claims slowly', async () => {
    const db = fakeDatabase();
    const order = new InProcessSendOrder(db.transaction, counter(), () => new Error('gone'));
    const send = (name: string, claimMs: number): SendSteps<string> => ({
      lockChannel: async () => true,
      earlier: async () => null,
      claim: async (id) => {
        await sleep(claimMs);
        db.log.push(`${name} claimed ${id}`);
        return [];
      },
      write: async (_trx, id) => {
        db.log.push(`${name} committed ${id}`);
        return id;
      },
    });
    const [slow, fast] = await Promise.all([
      order.run('c1', send('slow', 30)),
      order.run('c1', send('fast', 0)),
    ]);
    expect([slow, fast]).toEqual(['1', '2']);
    expect(db.log).toEqual(['slow claimed 1', 'slow committed 1', 'fast claimed 2', 'fast committed 2']);
  });

  it('claims attachments outside any transaction (the file service needs the one session)', async () => {
    const db = fakeDatabase();
    const order = new InProcessSendOrder(db.transaction, counter(), () => new Error('gone'));
    let openDuringClaim: boolean | undefined;
    await order.run('c1', {
      lockChannel: async () => true,
      earlier: async () => null,
      claim: async (): Promise<Attachment[]> => {
        openDuringClaim = db.isOpen();
        return [];
      },
      write: async () => 'ok',
    });
    expect(openDuringClaim).toBe(false);
  });

  it('lets other channels go on while one waits, and a failed send does not block its channel', async () => {
    const db = fakeDatabase();
    const order = new InProcessSendOrder(db.transaction, counter(), () => new Error('gone'));
    const steps = (write: () => Promise<string>, claimMs = 0): SendSteps<string> => ({
      lockChannel: async () => true,
      earlier: async () => null,
      claim: async () => {
        await sleep(claimMs);
        return [];
      },
      write,
    });
    const slow = order.run(
      'c1',
      steps(async () => 'c1 slow', 40),
    );
    const other = await order.run(
      'c2',
      steps(async () => 'c2'),
    );
    expect(other).toBe('c2');
    const failing = order.run(
      'c1',
      steps(async () => Promise.reject(new Error('insert failed'))),
    );
    const after = order.run(
      'c1',
      steps(async () => 'c1 after'),
    );
    await expect(failing).rejects.toThrow('insert failed');
    expect([await slow, await after]).toEqual(['c1 slow', 'c1 after']);
  });

  it('answers the earlier send of the same nonce, and refuses a deleted channel', async () => {
    const db = fakeDatabase();
    const order = new InProcessSendOrder(db.transaction, counter(), () => new Error('Unknown channel.'));
    const base: SendSteps<string> = {
      lockChannel: async () => true,
      earlier: async () => 'the earlier message',
      claim: async () => [],
      write: async () => 'a new message',
    };
    expect(await order.run('c1', base)).toBe('the earlier message');
    await expect(
      order.run('c1', { ...base, earlier: async () => null, lockChannel: async () => false }),
    ).rejects.toThrow('Unknown channel.');
  });
});
