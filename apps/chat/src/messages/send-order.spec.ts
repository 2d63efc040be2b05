import type { Attachment } from '@bonfire/contracts';
import { SnowflakeGenerator, type Transaction } from '@bonfire/platform';
import { describe, expect, it } from 'vitest';
import type { ChatDatabase } from '../database/schema';
import {
  InProcessSendOrder,
  MAX_SENDS_PER_TURN,
  RowLockSendOrder,
  type RunInTransaction,
  type SendSteps,
} from './send-order';

/** A transaction runner that records when transactions are open (the embedded database has one session). */
function fakeDatabase() {
  const log: string[] = [];
  let open = 0;
  let transactions = 0;
  const transaction: RunInTransaction = async (work) => {
    open++;
    transactions++;
    try {
      return await work({} as Transaction<ChatDatabase>);
    } finally {
      open--;
    }
  };
  return { log, transaction, isOpen: () => open > 0, transactions: () => transactions };
}

function counter() {
  let next = 0;
  return () => String(++next);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A draft: its name, how long its claim takes (undefined: no attachments), and whether writing it fails. */
interface Draft {
  name: string;
  claimMs?: number;
  fails?: boolean;
}

/**
 * Steps that log each claim and each written turn (`commit a=1 b=2`: one statement or one transaction, ids
 * in order). writeAtOnce is write after lockChannel's answer, as the one statement does: 'missing' without
 * a channel, 'fallback' when the turn's first id is not above the channel's latest.
 */
function stepsFor(
  db: ReturnType<typeof fakeDatabase>,
  overrides: Partial<SendSteps<Draft, string>> = {},
): SendSteps<Draft, string> {
  const steps: SendSteps<Draft, string> = {
    lockChannel: async () => ({ lastMessageId: null }),
    claims: (draft) => draft.claimMs !== undefined,
    earlier: async () => null,
    claim: async (draft, id): Promise<Attachment[]> => {
      await sleep(draft.claimMs ?? 0);
      db.log.push(`${draft.name} claimed ${id}`);
      return [];
    },
    write: async (_trx, entries) => {
      await sleep(5); // a commit takes time: later sends gather meanwhile
      if (entries.some((entry) => entry.draft.fails)) throw new Error('insert failed');
      db.log.push(`commit ${entries.map((entry) => `${entry.draft.name}=${entry.id}`).join(' ')}`);
      return entries.map((entry) => `${entry.draft.name}:${entry.id}`);
    },
    writeAtOnce: async (channelId, entries) => {
      const channel = await steps.lockChannel({} as Transaction<ChatDatabase>, channelId);
      if (!channel) return 'missing';
      const latest = channel.lastMessageId;
      if (latest !== null && BigInt(entries[0]!.id) <= BigInt(latest)) return 'fallback';
      return steps.write({} as Transaction<ChatDatabase>, entries);
    },
    ...overrides,
  };
  return steps;
}

describe('SendOrder group commit (both shapes)', () => {
  for (const Order of [RowLockSendOrder, InProcessSendOrder]) {
    describe(Order.name, () => {
      it('writes the sends that waited during a turn together, ids in arrival order', async () => {
        const db = fakeDatabase();
        const order = new Order(db.transaction, counter(), () => new Error('gone'));
        const steps = stepsFor(db);
        const results = await Promise.all(
          ['a', 'b', 'c', 'd'].map((name) => order.run('c1', { name }, steps)),
        );
        expect(results).toEqual(['a:1', 'b:2', 'c:3', 'd:4']);
        // a found the channel idle; b, c, d arrived while it committed and go in the next turn
        expect(db.log).toEqual(['commit a=1', 'commit b=2 c=3 d=4']);
        expect(db.transactions()).toBe(0); // each turn in one statement
      });

      it('takes a transaction for a turn that cannot be written at once, with the same ids', async () => {
        const db = fakeDatabase();
        const order = new Order(db.transaction, counter(), () => new Error('gone'));
        const steps = stepsFor(db, { writeAtOnce: async () => 'fallback' });
        const results = await Promise.all(['a', 'b'].map((name) => order.run('c1', { name }, steps)));
        // the ids the at-once attempt took (1, then 3) are left unused: ids only need to grow
        expect(results).toEqual(['a:2', 'b:4']);
        expect(db.transactions()).toBe(2);
      });

      it(`puts at most ${MAX_SENDS_PER_TURN} sends in a turn`, async () => {
        const db = fakeDatabase();
        const order = new Order(db.transaction, counter(), () => new Error('gone'));
        const steps = stepsFor(db);
        const count = MAX_SENDS_PER_TURN + 11;
        const results = await Promise.all(
          Array.from({ length: count }, (_, i) => order.run('c1', { name: `m${i}` }, steps)),
        );
        expect(results).toEqual(Array.from({ length: count }, (_, i) => `m${i}:${i + 1}`));
        expect(db.log.map((line) => line.split(' ').length - 1)).toEqual([1, MAX_SENDS_PER_TURN, 10]);
      });

      it('tries each send of a failed turn again alone: only the bad one fails, order is kept', async () => {
        const db = fakeDatabase();
        const order = new Order(db.transaction, counter(), () => new Error('gone'));
        const steps = stepsFor(db);
        const first = order.run('c1', { name: 'a' }, steps);
        const rest = ['b', 'bad', 'c'].map((name) =>
          order.run('c1', { name, fails: name === 'bad' }, steps).catch((error: Error) => error.message),
        );
        const late = order.run('c1', { name: 'd' }, steps);
        expect([await first, ...(await Promise.all(rest)), await late]).toEqual([
          'a:1',
          // the turn b, bad, c, d (ids 2–5) failed; then each alone: b=6, bad=7 fails, c=8, d=9
          'b:6',
          'insert failed',
          'c:8',
          'd:9',
        ]);
        expect(db.log).toEqual(['commit a=1', 'commit b=6', 'commit c=8', 'commit d=9']);
      });

      it('refuses every send of a deleted channel', async () => {
        const db = fakeDatabase();
        const order = new Order(db.transaction, counter(), () => new Error('Unknown channel.'));
        const steps = stepsFor(db, { lockChannel: async () => null });
        const results = await Promise.allSettled(
          ['a', 'b', 'c'].map((name) => order.run('c1', { name }, steps)),
        );
        expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
        expect(db.log).toEqual([]);
      });

      it('takes ids in commit order per channel even when an earlier send claims slowly', async () => {
        const db = fakeDatabase();
        const order = new Order(db.transaction, counter(), () => new Error('gone'));
        const steps = stepsFor(db);
        const results = await Promise.all([
          order.run('c1', { name: 'slow', claimMs: 30 }, steps),
          order.run('c1', { name: 'fast' }, steps),
          order.run('c1', { name: 'files', claimMs: 0 }, steps),
          order.run('c1', { name: 'after' }, steps),
        ]);
        expect(results).toEqual(['slow:1', 'fast:2', 'files:3', 'after:4']);
        // a send with attachments takes a turn alone
        expect(db.log).toEqual([
          'slow claimed 1',
          'commit slow=1',
          'commit fast=2',
          'files claimed 3',
          'commit files=3',
          'commit after=4',
        ]);
      });

      it('lets other channels go on while one waits, and a failed send does not block its channel', async () => {
        const db = fakeDatabase();
        const order = new Order(db.transaction, counter(), () => new Error('gone'));
        const steps = stepsFor(db);
        const slow = order.run('c1', { name: 'c1 slow', claimMs: 40 }, steps);
        expect(await order.run('c2', { name: 'c2' }, steps)).toMatch(/^c2:/);
        expect(db.log).toEqual([expect.stringMatching(/^commit c2=/)]); // before c1's slow claim ended
        const failing = order.run('c1', { name: 'bad', fails: true }, steps);
        const after = order.run('c1', { name: 'c1 after' }, steps);
        await expect(failing).rejects.toThrow('insert failed');
        // bad and after failed together, then went alone: bad failed, after committed
        expect([await slow, await after]).toEqual([
          expect.stringMatching(/^c1 slow:/),
          expect.stringMatching(/^c1 after:/),
        ]);
      });

      it('answers the earlier send of the same nonce when it has attachments', async () => {
        const db = fakeDatabase();
        const order = new Order(db.transaction, counter(), () => new Error('gone'));
        const steps = stepsFor(db, { earlier: async () => 'the earlier message' });
        expect(await order.run('c1', { name: 'files', claimMs: 0 }, steps)).toBe('the earlier message');
        expect(db.log).toEqual([]);
      });
    });
  }

  it("distributed: takes ids above the channel's latest, which another replica may have made", async () => {
    const db = fakeDatabase();
    // the other replica: a higher worker id, its clock 5 ms ahead of ours
    const generator = new SnowflakeGenerator(1);
    const other = new SnowflakeGenerator(900, () => Date.now() + 5);
    const latest = other.next();
    const order = new RowLockSendOrder(
      db.transaction,
      () => generator.next(),
      () => new Error('gone'),
    );
    const steps = stepsFor(db, { lockChannel: async () => ({ lastMessageId: latest }) });
    const results = await Promise.all(['a', 'b', 'c'].map((name) => order.run('c1', { name }, steps)));
    const ids = results.map((result) => BigInt(result.split(':')[1]!));
    expect(ids.every((id) => id > BigInt(latest))).toBe(true);
    expect(ids).toEqual([...ids].sort((x, y) => (x < y ? -1 : 1)));
    // the first turn's ids, taken before the lock, were behind: it waited in a transaction
    expect(db.transactions()).toBeGreaterThanOrEqual(1);
  });

  it('standalone: claims attachments outside any transaction (the file service needs the one session)', async () => {
    const db = fakeDatabase();
    const order = new InProcessSendOrder(db.transaction, counter(), () => new Error('gone'));
    let openDuringClaim: boolean | undefined;
    await order.run(
      'c1',
      { name: 'files', claimMs: 0 },
      stepsFor(db, {
        claim: async () => {
          openDuringClaim = db.isOpen();
          return [];
        },
      }),
    );
    expect(openDuringClaim).toBe(false);
  });

  it('distributed: claims attachments inside the transaction holding the channel lock', async () => {
    const db = fakeDatabase();
    const order = new RowLockSendOrder(db.transaction, counter(), () => new Error('gone'));
    let openDuringClaim: boolean | undefined;
    await order.run(
      'c1',
      { name: 'files', claimMs: 0 },
      stepsFor(db, {
        claim: async () => {
          openDuringClaim = db.isOpen();
          return [];
        },
      }),
    );
    expect(openDuringClaim).toBe(true);
  });
});
