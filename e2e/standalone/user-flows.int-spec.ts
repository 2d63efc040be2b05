import { randomBytes } from 'node:crypto';
import {
  BonfireClient,
  MemoryTokenStore,
  type Channel,
  type Dispatch,
  type Guild,
  type Message,
  type RealtimeSocket,
} from '@bonfire/sdk';
import sharp from 'sharp';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { e2eShape, Stack } from '../support/stack';

/**
 * What a user does in their first hour, through the public API and the realtime protocol only, so the same
 * suite proves both shapes: the standalone one (one process, embedded parts; `npm test` runs it before any
 * local server is up) and the distributed one.
 */

interface Person {
  client: BonfireClient;
  userId: string;
  dispatches: Dispatch[];
}

async function person(baseUrl: string): Promise<Person> {
  const username = `flow_${randomBytes(5).toString('hex')}`;
  const client = new BonfireClient({
    baseUrl,
    tokenStore: new MemoryTokenStore(),
    realtimeSocketFactory: (url, options) =>
      io(url, {
        path: options.path,
        auth: options.auth,
        autoConnect: false,
        transports: ['websocket'],
      }) as unknown as RealtimeSocket,
  });
  const registered = await client.auth.register({
    email: `${username}@example.test`,
    username,
    password: `pw-${randomBytes(8).toString('hex')}`,
  });
  const dispatches: Dispatch[] = [];
  client.realtime.on('dispatch', (dispatch) => dispatches.push(dispatch));
  return { client, userId: registered.user.id, dispatches };
}

const received = (who: Person, type: Dispatch['type']) => who.dispatches.filter((d) => d.type === type);

describe(`a user's first hour (${e2eShape} shape)`, () => {
  let stack: Stack;
  let alice: Person;
  let bob: Person;
  let carol: Person;
  let guild: Guild;
  let text: Channel;

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'presence', 'file', 'search', 'gateway'],
      env: { RATE_LIMIT_KEY_PREFIX: `e2e-flows-${randomBytes(4).toString('hex')}` },
      serviceEnv: { search: { SEARCH_INDEXER_START_FROM: 'latest' } },
    });
    [alice, bob, carol] = await Promise.all([
      person(stack.gateway.url),
      person(stack.gateway.url),
      person(stack.gateway.url),
    ]);
    await Promise.all([alice, bob].map((who) => who.client.realtime.connect()));
  }, 120_000);

  afterAll(async () => {
    for (const who of [alice, bob, carol]) who?.client.close();
    await stack?.stop();
  });

  it('creates a guild, invites a friend, and they talk live: send, edit, react, delete', async () => {
    guild = await alice.client.guilds.create({ name: 'First hour' });
    text = (await alice.client.channels.list(guild.id)).find((channel) => channel.type === 'text')!;
    const invite = await alice.client.invites.create(guild.id, { maxUses: 5 });
    await eventually(async () => expect((await bob.client.invites.accept(invite.code)).id).toBe(guild.id));

    const hello = await alice.client.messages.send(text.id, { content: 'hello **bob**', nonce: 'n-1' });
    await eventually(() =>
      expect(
        received(bob, 'message.created').map((d) => (d.data as { message: Message }).message.id),
      ).toContain(hello.id),
    );
    const edited = await alice.client.messages.edit(text.id, hello.id, 'hello **Bob**');
    expect(edited).toMatchObject({ content: 'hello **Bob**' });
    expect(edited.editedAt).toBeTruthy();
    await eventually(() => expect(received(bob, 'message.updated')).not.toHaveLength(0));

    await bob.client.reactions.add(text.id, hello.id, '👋');
    await eventually(() => expect(received(alice, 'reaction.added')).not.toHaveLength(0));
    expect((await alice.client.reactions.users(text.id, hello.id, '👋')).map((user) => user.id)).toEqual([
      bob.userId,
    ]);

    const oops = await bob.client.messages.send(text.id, { content: 'oops' });
    await bob.client.messages.delete(text.id, oops.id);
    await eventually(() => expect(received(alice, 'message.deleted')).not.toHaveLength(0));
    const history = await bob.client.messages.history(text.id, { limit: 10 });
    expect(history.map((message) => message.id)).toEqual([hello.id]);
    expect(history[0]?.reactions).toEqual([expect.objectContaining({ emoji: '👋', count: 1 })]);
  });

  it('keeps strangers out: a non-member sees neither the guild nor its messages', async () => {
    await expect(carol.client.guilds.get(guild.id)).rejects.toMatchObject({ status: 404 });
    await expect(carol.client.messages.history(text.id)).rejects.toMatchObject({ status: 404 });
  });

  it('opens a DM and a group DM, delivered live to the recipients only', async () => {
    const dm = await alice.client.dms.open(bob.userId);
    const sent = await alice.client.messages.send(dm.id, { content: 'just between us' });
    await eventually(() =>
      expect(
        received(bob, 'message.created').map((d) => (d.data as { message: Message }).message.id),
      ).toContain(sent.id),
    );
    await expect(carol.client.messages.history(dm.id)).rejects.toMatchObject({ status: 404 });

    const group = await alice.client.dms.openGroup({ recipientIds: [bob.userId, carol.userId] });
    const toGroup = await bob.client.messages.send(group.id, { content: 'hi all' });
    expect((await carol.client.messages.history(group.id)).map((message) => message.id)).toEqual([
      toGroup.id,
    ]);
  });

  it('uploads an image: the bytes round-trip and a thumbnail is made', async () => {
    const png = await sharp({
      create: { width: 600, height: 400, channels: 3, background: { r: 200, g: 80, b: 20 } },
    })
      .png()
      .toBuffer();
    const file = await alice.client.files.uploadAttachment(text.id, {
      data: new Uint8Array(png),
      filename: 'campfire.png',
      contentType: 'image/png',
    });
    expect(file).toMatchObject({ status: 'ready', size: png.length, contentType: 'image/png' });
    await alice.client.messages.send(text.id, { content: 'look', attachments: [file.id] });

    const original = await bob.client.files.downloadAttachment(file.id);
    expect(original.status).toBe(200);
    expect(Buffer.from(await original.arrayBuffer()).equals(png)).toBe(true);
    const thumbnail = await bob.client.files.downloadAttachment(file.id, { size: 'small' });
    expect(thumbnail.status).toBe(200);
    const meta = await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata();
    expect(meta.format).toBe('webp');
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(256);
  });

  it('searches with filters, and never finds what the caller may not read', async () => {
    await alice.client.messages.send(text.id, { content: 'the marshmallow plan is on' });
    await bob.client.messages.send(text.id, { content: 'marshmallow supplies bought' });
    await eventually(async () => {
      const found = await bob.client.search.guild(guild.id, { content: 'marshmallow' });
      expect(found.total).toBe(2);
    });
    const fromBob = await alice.client.search.guild(guild.id, {
      content: 'marshmallow',
      authorId: [bob.userId],
    });
    expect(fromBob.messages.map((hit) => hit.content)).toEqual(['marshmallow supplies bought']);
    expect(fromBob.messages[0]?.highlights.join(' ')).toContain('<mark>marshmallow</mark>');
    await expect(carol.client.search.guild(guild.id, { content: 'marshmallow' })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('shows presence to people who share a guild, live', async () => {
    await eventually(async () => {
      const [presence] = await alice.client.presence.get([bob.userId]);
      expect(presence?.status).toBe('online');
    });
    await bob.client.presence.setStatus('dnd');
    await eventually(() =>
      expect(
        received(alice, 'presence.updated').some(
          (d) =>
            (d.data as { userId: string; status: string }).userId === bob.userId &&
            (d.data as { status: string }).status === 'dnd',
        ),
      ).toBe(true),
    );
  });
});
