#!/usr/bin/env node
// Smoke test of a running Bonfire stack, through its gateway only (plain fetch + socket.io-client), as a
// user would: the web client is served; two people register; one creates a guild, the other joins and sees
// a message arrive live over socket.io; an image goes up to S3 and comes back with its thumbnail; search
// finds the message; a voice join answers and the voice node's signaling admits the token and opens a
// WebRTC transport on the mediasoup worker, and that signaling port serves nothing else (no REST, /metrics).
//
//   node tools/docker/smoke.mjs [gateway URL]    (default $BONFIRE_SMOKE_URL or http://127.0.0.1:18080)
//
// Prints one line per check with its time, and exits non-zero at the first failure.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import sharp from 'sharp';
import { io } from 'socket.io-client';

const base = (process.argv[2] ?? process.env.BONFIRE_SMOKE_URL ?? 'http://127.0.0.1:18080').replace(
  /\/$/,
  '',
);
const started = Date.now();
const passed = [];

async function check(name, fn) {
  const t0 = Date.now();
  try {
    const detail = await fn();
    passed.push(name);
    console.log(`✓ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)${detail ? ` — ${detail}` : ''}`);
  } catch (error) {
    console.error(`✗ ${name}: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Retries `fn` until it returns a truthy value or `timeoutMs` passes; returns that value. */
async function until(fn, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not within ${timeoutMs / 1000} s${last ? ` (last: ${last.message ?? last})` : ''}`,
      );
    }
    await sleep(250);
  }
}

async function api(method, path, { token, body } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, body: json };
}

function expectStatus(reply, status, what) {
  assert(reply.status === status, `${what}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
  return reply.body;
}

async function register(name) {
  const username = `${name}_${randomBytes(4).toString('hex')}`;
  const reply = await api('POST', '/api/v1/auth/register', {
    body: { email: `${username}@example.test`, username, password: `pw-${randomBytes(12).toString('hex')}` },
  });
  const body = expectStatus(reply, 201, `register ${username}`);
  return { id: body.user.id, username, token: body.accessToken };
}

const sockets = [];
const word = `smoke${randomBytes(4).toString('hex')}`;
let alice, bob, guild, text, live, attachment, png;

await check(`gateway ${base} serves the web client and is ready`, async () => {
  const page = await fetch(`${base}/`);
  const html = await page.text();
  assert(page.status === 200 && /<div id="root"|<script/i.test(html), `GET / → ${page.status}`);
  const ready = await api('GET', '/health/ready');
  expectStatus(ready, 200, 'GET /health/ready');
  return `GET / ${page.headers.get('content-type')}, ${html.length} bytes`;
});

await check('register two users', async () => {
  [alice, bob] = await Promise.all([register('alice'), register('bob')]);
  return `${alice.username}, ${bob.username}`;
});

await check('create a guild, invite and join it', async () => {
  // chat learns new users from auth's events (Kafka): retry until it knows alice
  guild = await until(
    async () => {
      const reply = await api('POST', '/api/v1/guilds', { token: alice.token, body: { name: 'Smoke' } });
      return reply.status === 201 ? reply.body : undefined;
    },
    30_000,
    'create guild',
  );
  const channels = expectStatus(
    await api('GET', `/api/v1/guilds/${guild.id}/channels`, { token: alice.token }),
    200,
    'channels',
  );
  text = channels.find((channel) => channel.type === 'text');
  assert(text, 'the new guild has no text channel');
  const invite = expectStatus(
    await api('POST', `/api/v1/guilds/${guild.id}/invites`, { token: alice.token, body: { maxUses: 1 } }),
    201,
    'invite',
  );
  await until(
    async () => (await api('POST', `/api/v1/invites/${invite.code}`, { token: bob.token })).status < 300,
    30_000,
    'join',
  );
  return `guild ${guild.id}`;
});

await check('a message arrives live over socket.io', async () => {
  const socket = io(base, {
    path: '/realtime',
    transports: ['websocket'],
    auth: { token: bob.token },
    reconnection: false,
  });
  sockets.push(socket);
  const received = [];
  socket.on('dispatch', (dispatch) => received.push(dispatch));
  await new Promise((resolve, reject) => {
    socket.once('ready', resolve);
    socket.once('connect_error', reject);
    setTimeout(() => reject(new Error('no `ready` within 15 s')), 15_000);
  });
  const sentAt = Date.now();
  live = expectStatus(
    await api('POST', `/api/v1/channels/${text.id}/messages`, {
      token: alice.token,
      body: { content: `hello ${word} from the compose stack` },
    }),
    201,
    'send message',
  );
  const dispatch = await until(
    () => received.find((d) => d.type === 'message.created' && d.data?.message?.id === live.id),
    15_000,
    'message.created dispatch',
  );
  return `message.created seq ${dispatch.seq}, ${Date.now() - sentAt} ms after the send`;
});

await check('upload an image to S3, download it and its thumbnail', async () => {
  png = await sharp({ create: { width: 1200, height: 600, channels: 3, background: '#e25822' } })
    .png()
    .toBuffer();
  const ticket = expectStatus(
    await api('POST', `/api/v1/channels/${text.id}/attachments`, {
      token: alice.token,
      body: { filename: 'smoke.png', contentType: 'image/png', size: png.length },
    }),
    201,
    'request upload',
  );
  const put = await fetch(ticket.uploadUrl, {
    method: 'PUT',
    headers: ticket.headers,
    body: new Uint8Array(png),
  });
  assert(put.status === 200, `PUT ${new URL(ticket.uploadUrl).origin}: ${put.status} ${await put.text()}`);
  attachment = expectStatus(
    await api('POST', `/api/v1/attachments/${ticket.id}/complete`, { token: alice.token }),
    200,
    'complete upload',
  );
  assert(
    attachment.status === 'ready' && attachment.thumbnails === true,
    `upload: ${JSON.stringify(attachment)}`,
  );
  const message = expectStatus(
    await api('POST', `/api/v1/channels/${text.id}/messages`, {
      token: alice.token,
      body: { content: 'the picture', attachments: [attachment.id] },
    }),
    201,
    'send attachment',
  );
  assert(message.attachments?.[0]?.id === attachment.id, 'message without its attachment');
  const original = await api('GET', `/api/v1/attachments/${attachment.id}`, { token: bob.token });
  expectStatus(original, 302, 'download redirect');
  const bytes = Buffer.from(await (await fetch(original.headers.get('location'))).arrayBuffer());
  assert(bytes.equals(png), `downloaded ${bytes.length} bytes, not the ${png.length} uploaded`);
  const small = await api('GET', `/api/v1/attachments/${attachment.id}?size=small`, { token: bob.token });
  expectStatus(small, 302, 'thumbnail redirect');
  const thumbnail = await sharp(
    Buffer.from(await (await fetch(small.headers.get('location'))).arrayBuffer()),
  ).metadata();
  assert(thumbnail.format === 'webp' && thumbnail.width === 256, `thumbnail ${JSON.stringify(thumbnail)}`);
  return `${png.length} bytes round trip via ${new URL(ticket.uploadUrl).origin}; thumbnail ${thumbnail.format} ${thumbnail.width}×${thumbnail.height}`;
});

await check('search finds the message', async () => {
  const results = await until(
    async () => {
      const reply = await api('GET', `/api/v1/guilds/${guild.id}/messages/search?content=${word}`, {
        token: bob.token,
      });
      return reply.status === 200 &&
        reply.body.messages?.some((hit) => (hit.message?.id ?? hit.id) === live.id)
        ? reply.body
        : undefined;
    },
    30_000,
    `search for ${word}`,
  );
  return `${results.total} hit(s) for "${word}"`;
});

await check('voice join answers; signaling admits the token; the worker opens a transport', async () => {
  const channel = expectStatus(
    await api('POST', `/api/v1/guilds/${guild.id}/channels`, {
      token: alice.token,
      body: { name: 'Lounge', type: 'voice' },
    }),
    201,
    'voice channel',
  );
  const joined = expectStatus(
    await api('POST', `/api/v1/channels/${channel.id}/voice`, { token: alice.token, body: {} }),
    200,
    'voice join',
  );
  const socket = io(`${joined.endpoint}/voice`, {
    path: '/voice/socket.io',
    transports: ['websocket'],
    auth: { token: joined.token },
    reconnection: false,
  });
  sockets.push(socket);
  const welcome = await new Promise((resolve, reject) => {
    socket.once('welcome', resolve);
    socket.once('connect_error', reject);
    setTimeout(() => reject(new Error(`no welcome from ${joined.endpoint} within 15 s`)), 15_000);
  });
  assert(
    welcome.channelId === channel.id && welcome.routerRtpCapabilities?.codecs?.length,
    'welcome without router capabilities',
  );
  const join = await socket
    .timeout(10_000)
    .emitWithAck('join', { rtpCapabilities: welcome.routerRtpCapabilities });
  assert(join.ok, `join: ${JSON.stringify(join)}`);
  const transport = await socket.timeout(10_000).emitWithAck('transport.create', { direction: 'send' });
  assert(
    transport.ok && transport.data.iceCandidates.length,
    `transport.create: ${JSON.stringify(transport)}`,
  );
  // The published signaling port serves socket.io only: voice's REST API and /metrics are not on it.
  for (const path of ['/metrics', '/api/v1/voice/status', '/health/ready']) {
    const response = await fetch(`${joined.endpoint.replace(/\/$/, '')}${path}`);
    assert(response.status === 404, `${joined.endpoint}${path} answered ${response.status}, not 404`);
  }
  const candidate = transport.data.iceCandidates[0];
  return `endpoint ${joined.endpoint} (signaling only), ${welcome.routerRtpCapabilities.codecs.length} codecs, ICE ${candidate.protocol} ${candidate.address ?? candidate.ip}:${candidate.port}`;
});

for (const socket of sockets) socket.close();
console.log(`smoke: ${passed.length} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(0);
