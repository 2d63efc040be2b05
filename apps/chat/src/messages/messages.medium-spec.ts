import { type Channel, ERROR, type Guild, PERMISSIONS } from '@bonfire/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChannelsService } from '../channels/channels.service';
import { ChatTransactions } from '../database/chat-transactions';
import { ChatMedium, expectError, MINIMAL_EVERYONE } from '../testing/chat-medium';
import { historyQuerySchema } from './history-cursor';
import { MessagesRepository } from './messages.repository';
import type { SendResult } from './message-send.service';
import { MessagesService } from './messages.service';
import { SendOrder } from './send-order';

/** Who may send, edit and delete messages, and the nonce idempotency of a send, on a real database. */
describe('messages (medium)', () => {
  let chat: ChatMedium;
  let messages: MessagesService;
  let guild: Guild;
  let channel: Channel;
  let memberId: string;

  async function history(userId: string) {
    return messages.history(userId, channel.id, historyQuerySchema.parse({}));
  }

  beforeAll(async () => {
    chat = await ChatMedium.start();
    messages = chat.service(MessagesService);
  });
  afterAll(() => chat?.stop());

  beforeEach(async () => {
    guild = await chat.createGuild(await chat.createUser('owner'));
    channel = await chat.createChannel(guild);
    memberId = await chat.addMember(guild);
  });

  it('refuses a send without SEND_MESSAGES with MISSING_PERMISSION naming it, and writes nothing', async () => {
    const readOnly = await chat.createGuild(guild.ownerId, MINIMAL_EVERYONE & ~PERMISSIONS.SEND_MESSAGES);
    const readOnlyChannel = await chat.createChannel(readOnly);
    const readerId = await chat.addMember(readOnly);

    const error = await expectError(
      chat.send(readerId, readOnlyChannel.id, 'hello'),
      ERROR.MISSING_PERMISSION,
    );
    expect(error.details?.map((detail) => detail.code)).toEqual(['SEND_MESSAGES']);
    expect(await messages.history(readerId, readOnlyChannel.id, historyQuerySchema.parse({}))).toEqual([]);
    expect(await chat.outboxTypes(readOnlyChannel.id)).not.toContain('message.created');
  });

  it("refuses editing another member's message, even for the owner, and keeps its content", async () => {
    const { message } = await chat.send(memberId, channel.id, 'original');

    await expectError(
      messages.edit(guild.ownerId, channel.id, message.id, { content: 'rewritten' }),
      ERROR.NOT_MESSAGE_AUTHOR,
    );
    expect((await messages.get(memberId, channel.id, message.id)).content).toBe('original');

    const edited = await messages.edit(memberId, channel.id, message.id, { content: 'fixed' });
    expect(edited.content).toBe('fixed');
    expect(await chat.outboxTypes(channel.id)).toContain('message.updated');
  });

  it("deletes another's message only with MANAGE_MESSAGES", async () => {
    const { message } = await chat.send(guild.ownerId, channel.id, 'from the owner');
    await expectError(messages.delete(memberId, channel.id, message.id), ERROR.MISSING_PERMISSION);

    const own = await chat.send(memberId, channel.id, 'mine');
    await messages.delete(memberId, channel.id, own.message.id);
    await messages.delete(guild.ownerId, channel.id, message.id);
    expect(await history(memberId)).toEqual([]);
  });

  it('answers a retried send with the same nonce with the first message, written once', async () => {
    const first = await chat.send(memberId, channel.id, 'once', 'nonce-1');
    const retry = await chat.send(memberId, channel.id, 'once, retried', 'nonce-1');

    expect(first.created).toBe(true);
    expect(retry.created).toBe(false);
    expect(retry.message.id).toBe(first.message.id);
    expect(retry.message.content).toBe('once');
    expect((await history(memberId)).map((message) => message.id)).toEqual([first.message.id]);
    const created = (await chat.outboxTypes(channel.id)).filter((type) => type === 'message.created');
    expect(created).toHaveLength(1);
  });

  it("keeps nonces apart per author: another member's same nonce is a new message", async () => {
    const mine = await chat.send(memberId, channel.id, 'mine', 'shared');
    const theirs = await chat.send(guild.ownerId, channel.id, 'theirs', 'shared');

    expect(theirs.created).toBe(true);
    expect(theirs.message.id).not.toBe(mine.message.id);
    expect(await history(memberId)).toHaveLength(2);
  });

  async function lastMessageId(): Promise<string | null> {
    return (await chat.service(ChannelsService).get(channel.id, memberId)).lastMessageId;
  }

  /**
   * Runs the sends, queued in this order, while another transaction holds the channel's row: the first
   * send's turn waits for it alone, the others queue behind it and then go in one turn together.
   */
  async function sendInOneTurn(sends: Array<() => Promise<SendResult>>): Promise<SendResult[]> {
    const queued = vi.spyOn(SendOrder.prototype, 'run');
    let release!: () => void;
    let locked!: () => void;
    const holding = new Promise<void>((taken) => (locked = taken));
    const holder = chat.service(ChatTransactions).run(async (trx) => {
      await chat.service(MessagesRepository).lockChannel(trx, channel.id);
      locked();
      await new Promise<void>((done) => (release = done));
    });
    await holding;
    try {
      const results: Array<Promise<SendResult>> = [];
      for (const send of sends) {
        // One at a time, so they queue in this order.
        results.push(send());
        await expect.poll(() => queued.mock.calls.length).toBe(results.length);
      }
      release();
      await holder;
      return await Promise.all(results);
    } finally {
      queued.mockRestore();
    }
  }

  it('moves the channel to its newest message in the send itself: alone, in a turn, past a skipped repeat', async () => {
    const single = await chat.send(memberId, channel.id, 'first');
    expect(await lastMessageId()).toBe(single.message.id);

    const turn = await sendInOneTurn(
      ['a', 'b', 'c', 'd'].map((content) => () => chat.send(memberId, channel.id, content)),
    );
    const turnIds = turn.map((result) => result.message.id);
    expect(turnIds).toEqual([...turnIds].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1)));
    expect(await lastMessageId()).toBe(turnIds.at(-1));

    // The turn's last send repeats an earlier nonce: skipped, the channel's latest is the one before it.
    const withRepeat = await sendInOneTurn([
      () => chat.send(memberId, channel.id, 'blocked alone'),
      () => chat.send(memberId, channel.id, 'kept', 'nonce-r'),
      () => chat.send(guild.ownerId, channel.id, 'newest'),
      () => chat.send(memberId, channel.id, 'kept, retried', 'nonce-r'),
    ]);
    expect(withRepeat.map((result) => result.created)).toEqual([true, true, true, false]);
    expect(withRepeat[3]!.message.id).toBe(withRepeat[1]!.message.id);
    expect(await lastMessageId()).toBe(withRepeat[2]!.message.id);

    // A turn whose every send is a repeat (of the send just before it) inserts nothing and moves nothing.
    const [original, repeat] = await sendInOneTurn([
      () => chat.send(memberId, channel.id, 'original', 'nonce-s'),
      () => chat.send(memberId, channel.id, 'original, retried', 'nonce-s'),
    ]);
    expect([original!.created, repeat!.created]).toEqual([true, false]);
    expect(await lastMessageId()).toBe(original!.message.id);
  });
});
