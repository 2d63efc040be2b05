import { type Channel, type Guild } from '@bonfire/contracts';
import { SnowflakeGenerator, sql } from '@bonfire/platform';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChatTransactions } from '../database/chat-transactions';
import { ChatMedium } from '../testing/chat-medium';
import { MessagesRepository } from './messages.repository';
import { unknownChannel } from './messages.service';
import { RowLockSendOrder, type SendSteps } from './send-order';
import { type SendDraft, SendWriter, type WrittenSend } from './send-writer';

/**
 * Two chat replicas sending into one channel on a real Postgres, the second one's clock ahead: every send
 * commits once, and ids still grow in commit order (the order of their outbox positions), whichever path
 * (one statement, or the transaction that waits out the clock) each turn took.
 */
/**
 * How far the second replica's clock is ahead: more than a send takes on a loaded CI box, so the first turn
 * of the replica behind finds the channel's latest id above its own (a few ms was not, there).
 */
const AHEAD_MS = 300;

describe('SendOrder across replicas (medium)', () => {
  let chat: ChatMedium;
  let guild: Guild;
  let channel: Channel;

  beforeAll(async () => {
    chat = await ChatMedium.start();
    guild = await chat.createGuild(await chat.createUser('owner'));
    channel = await chat.createChannel(guild);
  });
  afterAll(() => chat?.stop());

  it('keeps ids in commit order when one replica is behind the other', async () => {
    const transactions = chat.service(ChatTransactions);
    const writer = chat.service(SendWriter);
    const messages = chat.service(MessagesRepository);
    const transactional = vi.spyOn(writer, 'write');
    const steps: SendSteps<SendDraft, WrittenSend> = {
      lockChannel: (trx, channelId) => messages.lockChannelForSend(trx, channelId),
      claims: () => false,
      earlier: async () => null,
      claim: async () => [],
      write: (trx, entries) => writer.write(trx, entries),
      writeAtOnce: (channelId, entries) => writer.writeAtOnce(channelId, entries),
    };
    const replica = (generator: SnowflakeGenerator) =>
      new RowLockSendOrder(
        (work) => transactions.run(work),
        () => generator.next(),
        unknownChannel,
      );
    const behind = replica(new SnowflakeGenerator(1));
    const ahead = replica(new SnowflakeGenerator(900, () => Date.now() + AHEAD_MS));
    const draft = (content: string): SendDraft => ({
      userId: guild.ownerId,
      channelId: channel.id,
      guildId: guild.id,
      content,
      nonce: null,
      replyToId: null,
      mentions: { userIds: [], roleIds: [], everyone: false },
      attachmentIds: [],
      accessFingerprint: null,
    });

    // The replica ahead writes first: the other's next ids are below the channel's latest for AHEAD_MS, so
    // its first turn must wait them out in a transaction, however the later sends interleave.
    const sends: Promise<WrittenSend>[] = [ahead.run(channel.id, draft('ahead first'), steps)];
    await sends[0];
    for (let n = 0; n < 30; n++) {
      sends.push(behind.run(channel.id, draft(`behind ${n}`), steps));
      sends.push(ahead.run(channel.id, draft(`ahead ${n}`), steps));
      if (n % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const written = await Promise.all(sends);

    expect(written.every((send) => send.kind === 'created')).toBe(true);
    const { rows } = await sql<{ id: string }>`
      select envelope->'data'->'message'->>'id' as id from outbox_events
      where key = ${channel.id} and envelope->>'type' = 'message.created' order by position`.execute(
      transactions.executor,
    );
    const committed = rows.map((row) => BigInt(row.id));
    expect(committed).toHaveLength(61);
    expect(committed).toEqual([...committed].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(new Set(committed).size).toBe(61);
    // The replica behind found the channel's latest id ahead of its own at least once: it waited in a
    // transaction instead of writing at once.
    expect(transactional).toHaveBeenCalled();
  });
});
