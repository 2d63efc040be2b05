import { randomBytes } from 'node:crypto';
import { type Dispatch, PERMISSIONS, type ReadyPayload } from '@bonfire/contracts';
import {
  BonfireApiError,
  BonfireClient,
  type Channel,
  type Emoji,
  EmojisApi,
  type Guild,
} from '@bonfire/sdk';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { e2eShape, Stack } from '../support/stack';

/**
 * Custom emoji through the gateway (issue 20 part 3), with the SDK: an emoji image uploaded to the file
 * service (a real PNG and an animated GIF, made here), made an emoji in chat, written in a message as
 * `<:name:id>` and used as a reaction that the other member sees live; listed, renamed and deleted, after
 * which the old message and its reaction still read fine. MANAGE_EMOJIS is enforced; a wrong type or an
 * oversized image is refused with its code.
 */

async function person(baseUrl: string) {
  const username = `emoji_${randomBytes(4).toString('hex')}`;
  const client = new BonfireClient({ baseUrl });
  const { user } = await client.auth.register({
    email: `${username}@example.test`,
    username,
    password: `pw-${randomBytes(8).toString('hex')}`,
  });
  return { client, userId: user.id };
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BonfireApiError) {
      return { status: error.status, code: error.code, field: error.details[0]?.field };
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

async function animatedGif(width: number, height: number, colours: string[]): Promise<Buffer> {
  const frames = await Promise.all(
    colours.map((background) =>
      sharp({ create: { width, height, channels: 4, background } })
        .raw()
        .toBuffer(),
    ),
  );
  return sharp(Buffer.concat(frames), {
    raw: { width, height: height * colours.length, channels: 4, pageHeight: height },
  })
    .gif({ delay: colours.map(() => 80), loop: 0 })
    .toBuffer();
}

describe(`custom emoji through the gateway (${e2eShape} shape)`, () => {
  let stack: Stack;
  let baseUrl: string;
  let owner: Awaited<ReturnType<typeof person>>;
  let member: Awaited<ReturnType<typeof person>>;
  let guild: Guild;
  let text: Channel;
  let png: Buffer;
  let gif: Buffer;
  const seen: Dispatch[] = [];
  let ready: ReadyPayload | undefined;

  beforeAll(async () => {
    stack = await Stack.start({ services: ['auth', 'chat', 'file', 'gateway'] });
    baseUrl = stack.gateway.url;
    [owner, member] = await Promise.all([person(baseUrl), person(baseUrl)]);
    guild = await owner.client.guilds.create({ name: 'Emoji lab' });
    text = (await owner.client.channels.list(guild.id)).find((channel) => channel.type === 'text')!;
    const invite = await owner.client.invites.create(guild.id, { maxUses: 5 });
    await eventually(
      async () => expect((await member.client.invites.accept(invite.code)).id).toBe(guild.id),
      30_000,
    );
    png = await sharp({ create: { width: 256, height: 256, channels: 4, background: '#e25822' } })
      .png()
      .toBuffer();
    gif = await animatedGif(64, 48, ['#ff0000', '#00ff00', '#0000ff']);
    member.client.realtime.on('dispatch', (dispatch) => seen.push(dispatch));
    member.client.realtime.on('ready', (payload) => (ready = payload));
    await member.client.realtime.connect();
  }, 120_000);

  afterAll(async () => {
    owner?.client.close();
    member?.client.close();
    await stack?.stop();
  });

  it('uploads, uses in a message and a reaction (seen live), renames and deletes; old content still reads', async () => {
    const blob = await owner.client.emojis.upload(guild.id, 'blob', {
      data: png,
      filename: 'blob.png',
      contentType: 'image/png',
    });
    expect(blob).toMatchObject({ guildId: guild.id, name: 'blob', animated: false, creatorId: owner.userId });
    const party = await owner.client.emojis.upload(guild.id, 'party', {
      data: gif,
      filename: 'party.gif',
      contentType: 'image/gif',
    });
    expect(party.animated).toBe(true);

    // The images: the PNG was scaled to 128×128; the GIF kept its frames, its still is one webp frame.
    const image = await fetch(owner.client.emojis.imageUrl(blob.id));
    expect(image.status).toBe(200);
    expect(await sharp(Buffer.from(await image.arrayBuffer())).metadata()).toMatchObject({
      format: 'png',
      width: 128,
      height: 128,
    });
    const animated = await fetch(owner.client.emojis.imageUrl(party.id));
    expect(
      await sharp(Buffer.from(await animated.arrayBuffer()), { animated: true }).metadata(),
    ).toMatchObject({
      format: 'gif',
      pages: 3,
    });
    const still = await fetch(owner.client.emojis.imageUrl(party.id, { still: true }));
    expect(await sharp(Buffer.from(await still.arrayBuffer())).metadata()).toMatchObject({ format: 'webp' });

    await eventually(() => {
      const update = seen.filter((dispatch) => dispatch.type === 'guild.emojis.updated').at(-1);
      expect(
        update?.type === 'guild.emojis.updated' && update.data.emojis.map((emoji) => emoji.name),
      ).toEqual(['blob', 'party']);
    }, 20_000);
    expect((await member.client.emojis.list(guild.id)).map((emoji) => emoji.id)).toEqual([blob.id, party.id]);

    const content = `look ${EmojisApi.markup(blob)} ${EmojisApi.markup(party)}`;
    expect(content).toBe(`look <:blob:${blob.id}> <a:party:${party.id}>`);
    const message = await owner.client.messages.send(text.id, { content });
    expect(message.content).toBe(content);
    await owner.client.reactions.add(text.id, message.id, blob);
    await eventually(() => {
      expect(
        seen.some(
          (dispatch) =>
            dispatch.type === 'reaction.added' &&
            dispatch.data.messageId === message.id &&
            dispatch.data.emoji === `blob:${blob.id}`,
        ),
      ).toBe(true);
    }, 20_000);
    await member.client.reactions.add(text.id, message.id, `blob:${blob.id}`);

    const renamed = await owner.client.emojis.rename(guild.id, blob.id, 'blobby');
    expect(renamed.name).toBe('blobby');
    expect((await member.client.emojis.get(guild.id, blob.id)).name).toBe('blobby');
    await owner.client.emojis.delete(guild.id, blob.id);
    expect(await refusal(member.client.emojis.get(guild.id, blob.id))).toMatchObject({
      status: 404,
      code: 'UNKNOWN_EMOJI',
    });
    await eventually(() => {
      const update = seen.filter((dispatch) => dispatch.type === 'guild.emojis.updated').at(-1);
      expect(update?.type === 'guild.emojis.updated' && update.data.emojis.map((emoji) => emoji.id)).toEqual([
        party.id,
      ]);
    }, 20_000);

    // Its image goes too (the file service hears emoji.deleted): clients show :blob: from now on.
    await eventually(async () => {
      expect((await fetch(owner.client.emojis.imageUrl(blob.id), { redirect: 'manual' })).status).toBe(404);
    }, 20_000);

    // The old message and its reaction still read fine; the reaction can still be taken back.
    const reread = await member.client.messages.get(text.id, message.id);
    expect(reread.content).toBe(content);
    expect(reread.reactions).toEqual([{ emoji: `blob:${blob.id}`, count: 2, me: true }]);
    expect(
      (await member.client.reactions.users(text.id, message.id, blob)).map((user) => user.id).sort(),
    ).toEqual([owner.userId, member.userId].sort());
    await member.client.reactions.remove(text.id, message.id, blob);
    // A deleted emoji is no emoji of the guild any more.
    expect(await refusal(member.client.reactions.add(text.id, message.id, blob))).toMatchObject({
      status: 400,
      code: 'INVALID_EMOJI',
      field: 'emoji',
    });
  });

  it('puts the guild’s emoji in a new session’s ready', async () => {
    member.client.realtime.disconnect();
    member.client.realtime.resetSession();
    ready = undefined;
    await member.client.realtime.connect();
    await eventually(() => expect(ready).toBeDefined());
    const entry = ready!.guilds.find((candidate) => candidate.guild.id === guild.id)!;
    expect(entry.emojis?.map((emoji) => emoji.name)).toContain('party');
  });

  it('enforces MANAGE_EMOJIS, and refuses wrong types, oversized images and bad names with their codes', async () => {
    const file = { data: png, filename: 'nope.png', contentType: 'image/png' };
    expect(await refusal(member.client.emojis.upload(guild.id, 'nope', file))).toMatchObject({
      status: 403,
      code: 'MISSING_PERMISSION',
    });
    const party = (await member.client.emojis.list(guild.id)).find((emoji) => emoji.name === 'party')!;
    expect(await refusal(member.client.emojis.rename(guild.id, party.id, 'mine'))).toMatchObject({
      status: 403,
      code: 'MISSING_PERMISSION',
    });
    expect(await refusal(member.client.emojis.delete(guild.id, party.id))).toMatchObject({
      status: 403,
      code: 'MISSING_PERMISSION',
    });

    // With a role granting MANAGE_EMOJIS the member may.
    const role = await owner.client.roles.create(guild.id, {
      name: 'emoji keepers',
      permissions: String(PERMISSIONS.MANAGE_EMOJIS),
    });
    await owner.client.members.update(guild.id, member.userId, { roleIds: [role.id] });
    const made: Emoji = await member.client.emojis.upload(guild.id, 'keeper', file);
    expect(made.creatorId).toBe(member.userId);

    const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    expect(
      await refusal(
        owner.client.emojis.upload(guild.id, 'jpeg', {
          data: jpeg,
          filename: 'a.jpg',
          contentType: 'image/jpeg',
        }),
      ),
    ).toMatchObject({ status: 400, code: 'UNSUPPORTED_TYPE', field: 'body.contentType' });
    expect(
      await refusal(
        owner.client.emojis.upload(guild.id, 'liar', {
          data: jpeg,
          filename: 'a.png',
          contentType: 'image/png',
        }),
      ),
    ).toMatchObject({ status: 400, code: 'TYPE_MISMATCH' });
    const oversized = Buffer.concat([png, Buffer.alloc(256 * 1024)]);
    expect(
      await refusal(
        owner.client.emojis.upload(guild.id, 'huge', {
          data: oversized,
          filename: 'h.png',
          contentType: 'image/png',
        }),
      ),
    ).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', field: 'body.size' });
    expect(await refusal(owner.client.emojis.upload(guild.id, 'party', file))).toMatchObject({
      status: 400,
      code: 'EMOJI_NAME_TAKEN',
      field: 'body.name',
    });
    expect(
      await refusal(owner.client.emojis.create(guild.id, { name: 'x', fileId: party.id })),
    ).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'body.name',
    });
  });
});
