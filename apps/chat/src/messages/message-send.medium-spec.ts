import { type Channel, ERROR, type Guild, PERMISSIONS } from '@bonfire/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RememberedAccess } from '../access/remembered-access';
import { updateChannelSchema, putOverwriteSchema } from '../channels/channels.dto';
import { ChannelsService } from '../channels/channels.service';
import { ChatMedium, expectError } from '../testing/chat-medium';
import { historyQuerySchema } from './history-cursor';
import { MessageSendRepository } from './message-send.repository';
import { MessageSendService } from './message-send.service';
import { sendMessageSchema } from './messages.dto';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';
import { SendLimits } from './send-limits';

/**
 * A member's sends in a channel use the access remembered from their last one there, and the send's own
 * statement checks that it is still current: on a real database, a change between two sends is honoured.
 */
describe('sending with a remembered access (medium)', () => {
  let chat: ChatMedium;
  let guild: Guild;
  let channel: Channel;
  let memberId: string;

  beforeAll(async () => {
    chat = await ChatMedium.start();
  });
  afterAll(() => chat?.stop());

  beforeEach(async () => {
    guild = await chat.createGuild(await chat.createUser('owner'));
    channel = await chat.createChannel(guild);
    memberId = await chat.addMember(guild);
  });
  afterEach(() => vi.restoreAllMocks());

  const contents = async () =>
    (await chat.service(MessagesService).history(memberId, channel.id, historyQuerySchema.parse({})))
      .map((message) => message.content)
      .reverse();

  /** Every sendAtOnce outcome while `work` runs: how many statements a send took, and which were stale. */
  async function statements<T>(work: () => Promise<T>) {
    const spy = vi.spyOn(chat.service(MessageSendRepository), 'sendAtOnce');
    const result = await work().catch((error: unknown) => error);
    const outcomes = await Promise.all(spy.mock.results.map((call) => call.value as ReturnType<typeof spy>));
    spy.mockRestore();
    return { result, stale: outcomes.map((outcome) => outcome.stale.size) };
  }

  it('refuses a send once SEND_MESSAGES is denied, though the access from the last send allowed it', async () => {
    await chat.send(memberId, channel.id, 'allowed');
    expect(chat.service(RememberedAccess).get(channel.id, memberId)).toBeDefined();

    await chat.service(ChannelsService).putOverwrite(
      channel.id,
      guild.id, // @everyone
      guild.ownerId,
      putOverwriteSchema.parse({ type: 'role', deny: String(PERMISSIONS.SEND_MESSAGES) }),
    );
    const { result, stale } = await statements(() => chat.send(memberId, channel.id, 'refused'));

    await expectError(Promise.reject(result), ERROR.MISSING_PERMISSION);
    expect(stale).toEqual([1]); // the remembered access's statement wrote nothing; the fresh check refused
    expect(await contents()).toEqual(['allowed']);
    expect((await chat.outboxTypes(channel.id)).filter((type) => type === 'message.created')).toHaveLength(1);
  });

  it('sends once more after an unrelated change, counting the send against the limits once', async () => {
    await chat.send(memberId, channel.id, 'first');
    await chat.setRoles(guild, memberId, [(await chat.createRole(guild.id, guild.ownerId, 0n)).id]);
    const consume = vi.spyOn(chat.service(SendLimits), 'consume');

    const { result, stale } = await statements(() => chat.send(memberId, channel.id, 'second'));

    expect(result).toMatchObject({ created: true, message: { content: 'second' } });
    expect(stale).toEqual([1, 0]);
    expect(consume.mock.calls.map(([input]) => input.countSend)).toEqual([true, false]);
    expect(await contents()).toEqual(['first', 'second']);
  });

  it('starts the slowmode wait when the check again finds slowmode newly on', async () => {
    await chat.send(memberId, channel.id, 'before slowmode');
    await chat
      .service(ChannelsService)
      .update(channel.id, guild.ownerId, updateChannelSchema.parse({ slowmodeSeconds: 60 }));

    const { stale } = await statements(() => chat.send(memberId, channel.id, 'first in slowmode'));
    expect(stale).toEqual([1, 0]);
    await expectError(chat.send(memberId, channel.id, 'too soon'), ERROR.SLOWMODE);
    expect(await contents()).toEqual(['before slowmode', 'first in slowmode']);
  });

  it('answers a retry with its first message while a new send would be refused, reading the nonce only then', async () => {
    await chat
      .service(ChannelsService)
      .update(channel.id, guild.ownerId, updateChannelSchema.parse({ slowmodeSeconds: 60 }));
    const target = await chat.send(guild.ownerId, channel.id, 'to reply to');
    const nonceReads = vi.spyOn(chat.service(MessagesRepository), 'findByNonce');
    const send = (nonce: string) =>
      chat
        .service(MessageSendService)
        .send(
          memberId,
          channel.id,
          sendMessageSchema.parse({ content: 'reply', nonce, replyTo: target.message.id }),
        );

    const first = await send('n-1');
    expect(first.created).toBe(true);
    expect(nonceReads).not.toHaveBeenCalled(); // a new send does not look for its nonce first
    await chat.service(MessagesService).delete(guild.ownerId, channel.id, target.message.id);

    // In the slowmode wait, and with its reply target gone, the retry is still answered with the first.
    const retry = await send('n-1');
    expect(retry).toMatchObject({ created: false, message: { id: first.message.id } });
    // A new message is refused for either reason.
    await expectError(send('n-2'), ERROR.VALIDATION_FAILED);
    expect(await contents()).toEqual(['reply']);
  });

  it('answers 409 CONFLICT when the access keeps changing through four tries, having written nothing', async () => {
    const sends = chat.service(MessageSendRepository);
    // Every statement finds its author's access changed since the check (as under constant role churn).
    const stale = vi.spyOn(sends, 'sendAtOnce').mockImplementation(async (_db, _channelId, rows) => ({
      found: true,
      behind: false,
      written: new Set(),
      stale: new Set(rows.map((row) => row.id)),
    }));

    await expectError(chat.send(memberId, channel.id, 'never written'), ERROR.CONFLICT);
    expect(stale).toHaveBeenCalledTimes(4);
    expect(await contents()).toEqual([]);
  });
});
