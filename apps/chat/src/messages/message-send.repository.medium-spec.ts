import { type Channel, type Guild } from '@bonfire/contracts';
import { SnowflakeGenerator, sql } from '@bonfire/platform';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccessService } from '../access/access.service';
import { ChatTransactions } from '../database/chat-transactions';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { ChatMedium } from '../testing/chat-medium';
import { MessageSendRepository } from './message-send.repository';
import { type NewMessage, newMessageRow } from './message-row';
import { toMessage, type MessageRow } from './message-view';
import { historyQuerySchema, planHistory } from './history-cursor';
import { MessagesRepository } from './messages.repository';

/** The one-statement send on a real Postgres: what it writes, and when it writes nothing. */
describe('MessageSendRepository.sendAtOnce (medium)', () => {
  let chat: ChatMedium;
  let sends: MessageSendRepository;
  let events: ChatEventsWriter;
  let ids: SnowflakeGenerator;
  let guild: Guild;
  let channel: Channel;
  let authorId: string;

  const db = () => chat.service(ChatTransactions).executor;

  beforeAll(async () => {
    chat = await ChatMedium.start();
    sends = chat.service(MessageSendRepository);
    events = chat.service(ChatEventsWriter);
    ids = chat.service(SnowflakeGenerator);
  });
  afterAll(() => chat?.stop());

  beforeEach(async () => {
    guild = await chat.createGuild(await chat.createUser('owner'));
    channel = await chat.createChannel(guild);
    authorId = guild.ownerId;
  });

  function message(content: string, extra: Partial<NewMessage> = {}): NewMessage {
    return {
      id: ids.next(),
      channelId: channel.id,
      guildId: guild.id,
      authorId,
      content,
      nonce: null,
      replyToId: null,
      mentions: { userIds: [authorId], roleIds: [], everyone: true },
      attachments: [],
      ...extra,
    };
  }

  /** Sessions of this database waiting for a lock right now. */
  async function rowWaiters(): Promise<number> {
    const { rows } = await sql<{ waiting: number }>`
      select count(*)::int as waiting from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(db());
    return rows[0]!.waiting;
  }

  function sendAtOnce(
    rows: MessageRow[],
    channelId = channel.id,
    fingerprints: (string | null)[] = rows.map(() => null),
  ) {
    return sends.sendAtOnce(
      db(),
      channelId,
      rows.map((row, index) => ({ ...row, accessFingerprint: fingerprints[index] ?? null })),
      events.insertionValuesOfMany(
        'message.created',
        channelId,
        rows.map((row) => ({ message: toMessage(row) })),
        rows.map((row) => row.id),
      ),
    );
  }

  /** The channel's messages oldest first, its message.created events (their message ids) and its latest id. */
  async function stored(channelId = channel.id) {
    const messages = chat.service(MessagesRepository);
    const newestFirst = await messages.history(db(), channelId, planHistory(historyQuerySchema.parse({})));
    const { rows } = await sql<{ events: string[]; latest: string | null }>`
      select
        array(
          select envelope->'data'->'message'->>'id' from outbox_events
          where key = ${channelId} and envelope->>'type' = 'message.created' order by position
        ) as events,
        (select last_message_id::text from channels where id = ${channelId}) as latest`.execute(db());
    return {
      messages: newestFirst.reverse(),
      events: rows[0]!.events,
      latest: rows[0]!.latest,
    };
  }

  it('writes each row exactly as given, moves the channel to the newest, and writes their events in order', async () => {
    const createdAt = new Date();
    const webhook = { id: ids.next(), name: 'Hook', avatar: null };
    const rows = [
      newMessageRow(message('one'), createdAt),
      newMessageRow(message('two', { webhook, authorId: webhook.id, nonce: 'n-2' }), createdAt),
    ];

    const outcome = await sendAtOnce(rows);

    expect(outcome).toEqual({
      found: true,
      behind: false,
      written: new Set(rows.map((row) => row.id)),
      stale: new Set(),
    });
    const after = await stored();
    // Every column, the defaults included: the row an event carries is the row a read returns.
    expect(after.messages).toEqual(rows);
    expect(after.events).toEqual(rows.map((row) => row.id));
    expect(after.latest).toBe(rows[1]!.id);
  });

  it('skips a row whose nonce the author already used, and writes no event for it', async () => {
    const first = newMessageRow(message('first', { nonce: 'same' }), new Date());
    await sendAtOnce([first]);
    const repeat = newMessageRow(message('repeat', { nonce: 'same' }), new Date());
    const other = newMessageRow(message('other'), new Date());

    const outcome = await sendAtOnce([repeat, other]);

    expect(outcome.written).toEqual(new Set([other.id]));
    const after = await stored();
    expect(after.messages.map((row) => row.content)).toEqual(['first', 'other']);
    expect(after.events).toEqual([first.id, other.id]);
    expect(after.latest).toBe(other.id);
  });

  it("writes nothing while the channel's latest id is not below the first row's (a writer's clock ahead)", async () => {
    const behind = newMessageRow(message('behind'), new Date());
    const ahead = newMessageRow(message('ahead'), new Date());
    await sendAtOnce([ahead]);

    const outcome = await sendAtOnce([behind]);

    expect(outcome).toEqual({ found: true, behind: true, written: new Set(), stale: new Set() });
    const after = await stored();
    expect(after.messages.map((row) => row.id)).toEqual([ahead.id]);
    expect(after.events).toEqual([ahead.id]);
    expect(after.latest).toBe(ahead.id);
  });

  it("takes the channel's row lock before the outbox's key lock, as a transaction writing the channel does", async () => {
    // A transaction holds the channel's row, then writes an event of the channel's key. Were the statement
    // to take the key's lock before waiting for the row, each would wait for the other: a deadlock.
    const messages = chat.service(MessagesRepository);
    const row = newMessageRow(message('waits for the row'), new Date());
    let release!: () => void;
    let locked!: () => void;
    const holding = new Promise<void>((taken) => (locked = taken));
    const holder = chat.service(ChatTransactions).run(async (trx) => {
      await messages.lockChannel(trx, channel.id);
      locked();
      await new Promise<void>((done) => (release = done));
      await events.add(trx, 'channel.updated', channel.id, { channel });
    });
    await holding;
    const send = sendAtOnce([row]);
    await expect.poll(() => rowWaiters()).toBe(1);
    release();
    await holder;
    expect((await send).written).toEqual(new Set([row.id]));
    const types = await chat.outboxTypes(channel.id);
    expect(types).toEqual(expect.arrayContaining(['channel.updated', 'message.created']));
    expect(types.indexOf('channel.updated')).toBeLessThan(types.indexOf('message.created'));
  });

  it('writes nothing for a channel that does not exist', async () => {
    const gone = ids.next();
    const outcome = await sendAtOnce([newMessageRow(message('lost', { channelId: gone }), new Date())], gone);

    expect(outcome).toEqual({ found: false, behind: false, written: new Set(), stale: new Set() });
    expect(await stored(gone)).toEqual({ messages: [], events: [], latest: null });
  });

  it("writes a row only while its author's access inputs still have the fingerprint it was checked with", async () => {
    const access = chat.service(AccessService);
    const memberId = await chat.addMember(guild);
    const fingerprint = async (userId: string) => (await access.channel(channel.id, userId))!.fingerprint!;
    const memberChecked = await fingerprint(memberId);
    const ownerChecked = await fingerprint(authorId);
    expect(await fingerprint(memberId)).toBe(memberChecked); // unchanged inputs, the same digest
    // The member's inputs change (a role granted); the owner's do not.
    await chat.setRoles(guild, memberId, [(await chat.createRole(guild.id, guild.ownerId, 0n)).id]);
    expect(await fingerprint(memberId)).not.toBe(memberChecked);
    const stale = newMessageRow(message('stale', { authorId: memberId }), new Date());
    const current = newMessageRow(message('current'), new Date());
    const unchecked = newMessageRow(message('unchecked', { authorId: memberId }), new Date());

    const outcome = await sendAtOnce([stale, current, unchecked], channel.id, [
      memberChecked,
      ownerChecked,
      null,
    ]);

    expect(outcome).toEqual({
      found: true,
      behind: false,
      written: new Set([current.id, unchecked.id]),
      stale: new Set([stale.id]),
    });
    const after = await stored();
    expect(after.messages.map((row) => row.content)).toEqual(['current', 'unchecked']);
    expect(after.events).toEqual([current.id, unchecked.id]);
    // The transactional path's comparison gives the same verdicts, by position.
    const checks = [
      { authorId: memberId, accessFingerprint: memberChecked },
      { authorId, accessFingerprint: ownerChecked },
      { authorId: memberId, accessFingerprint: null },
      { authorId: memberId, accessFingerprint: await fingerprint(memberId) },
    ];
    expect(await sends.staleChecks(db(), channel.id, checks)).toEqual(new Set([0]));
  });
});
