import { type Channel, ERROR, type Guild, PERMISSIONS } from '@bonfire/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChatMedium, expectError, MINIMAL_EVERYONE } from '../testing/chat-medium';
import { historyQuerySchema } from './history-cursor';
import { MessagesService } from './messages.service';

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
});
