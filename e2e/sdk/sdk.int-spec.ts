import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import {
  BonfireApiError,
  BonfireClient,
  MemoryTokenStore,
  type Channel,
  type Dispatch,
  type Guild,
  type Message,
  type RealtimeSocket,
  type RealtimeSocketFactory,
  type SessionEndedEvent,
  type UploadProgress,
  type UploadTransport,
  createFetchUploadTransport,
  isMfaChallenge,
} from '@bonfire/sdk';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { e2eShape, Stack } from '../support/stack';

/**
 * The SDK against the platform through the gateway: in the distributed shape auth, chat, file and the gateway
 * as processes on the real Postgres, Kafka, Redis and S3; in the standalone shape one process on embedded parts.
 */

const MIB = 1024 * 1024;
/** Short access tokens so the SDK's refresh (REST and realtime `auth.refresh`) runs during the suite. */
const ACCESS_TOKEN_TTL_SECONDS = 12;
const REFRESH_MARGIN_SECONDS = 4;

interface Person {
  client: BonfireClient;
  username: string;
  email: string;
  password: string;
  userId: string;
  ended: SessionEndedEvent[];
  /** The socket.io sockets the realtime client opened (to cut the network under it). */
  sockets: Socket[];
  dispatches: Dispatch[];
  connectionEvents: string[];
}

function socketFactory(sockets: Socket[]): RealtimeSocketFactory {
  return (url, options) => {
    const socket = io(url, {
      path: options.path,
      auth: options.auth,
      autoConnect: false,
      transports: ['websocket'],
      // A fixed, noticeable reconnect delay: the test acts while the client is away.
      reconnectionDelay: 1500,
      randomizationFactor: 0,
    });
    sockets.push(socket);
    return socket as unknown as RealtimeSocket;
  };
}

function newClient(
  baseUrl: string,
  sockets: Socket[],
  ended: SessionEndedEvent[],
  store = new MemoryTokenStore(),
) {
  return new BonfireClient({
    baseUrl,
    tokenStore: store,
    refreshMarginSeconds: REFRESH_MARGIN_SECONDS,
    realtimeSocketFactory: socketFactory(sockets),
    onSessionEnded: (event) => ended.push(event),
  });
}

async function person(baseUrl: string): Promise<Person> {
  const username = `sdk_${randomBytes(5).toString('hex')}`;
  const email = `${username}@example.test`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const sockets: Socket[] = [];
  const ended: SessionEndedEvent[] = [];
  const client = newClient(baseUrl, sockets, ended);
  const registered = await client.auth.register({ email, username, password, deviceLabel: 'sdk e2e' });
  const dispatches: Dispatch[] = [];
  const connectionEvents: string[] = [];
  client.realtime.on('dispatch', (dispatch) => dispatches.push(dispatch));
  for (const event of ['ready', 'resumed', 'resync', 'reconnecting', 'disconnected'] as const) {
    client.realtime.on(event, () => connectionEvents.push(event));
  }
  return {
    client,
    username,
    email,
    password,
    userId: registered.user.id,
    ended,
    sockets,
    dispatches,
    connectionEvents,
  };
}

const createdMessages = (who: Person, channelId: string) =>
  who.dispatches
    .filter((dispatch) => dispatch.type === 'message.created')
    .map((dispatch) => (dispatch as Extract<Dispatch, { type: 'message.created' }>).data.message)
    .filter((message) => message.channelId === channelId);

describe(`@bonfire/sdk through the gateway (${e2eShape} shape)`, () => {
  let stack: Stack;
  let baseUrl: string;
  let alice: Person;
  let bob: Person;
  let guild: Guild;
  let text: Channel;

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'file', 'gateway'],
      serviceEnv: {
        auth: { ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS) },
        chat: { CHAT_SEND_LIMIT_PER_10S: '1000' },
        file: {
          FILE_MULTIPART_THRESHOLD_BYTES: String(6 * MIB),
          FILE_MULTIPART_PART_BYTES: String(5 * MIB),
        },
        gateway: { REALTIME_RESUME_WINDOW_SECONDS: '30' },
      },
    });
    baseUrl = stack.gateway.url;
    [alice, bob] = await Promise.all([person(baseUrl), person(baseUrl)]);
    guild = await alice.client.guilds.create({ name: 'SDK club' });
    text = (await alice.client.channels.list(guild.id)).find((channel) => channel.type === 'text')!;
    const invite = await alice.client.invites.create(guild.id, { maxUses: 5 });
    const preview = await bob.client.invites.preview(invite.code);
    expect(preview.guild.id).toBe(guild.id);
    await eventually(async () => {
      expect((await bob.client.invites.accept(invite.code)).id).toBe(guild.id);
    });
  }, 90_000);

  afterAll(async () => {
    for (const who of [alice, bob]) who?.client.close();
    await stack?.stop();
  });

  it('logs in by username and by email, lists sessions, and reports refusals as BonfireApiError', async () => {
    const sockets: Socket[] = [];
    const ended: SessionEndedEvent[] = [];
    const byName = newClient(baseUrl, sockets, ended);
    const viaName = await byName.auth.login({ login: alice.username, password: alice.password });
    if (isMfaChallenge(viaName)) throw new Error('alice has no second factor');
    expect(viaName.user.id).toBe(alice.userId);
    const byEmail = newClient(baseUrl, sockets, ended);
    const viaEmail = await byEmail.auth.login({ login: alice.email, password: alice.password });
    if (isMfaChallenge(viaEmail)) throw new Error('alice has no second factor');
    expect(viaEmail.user.email).toBe(alice.email);
    expect((await byEmail.users.me()).username).toBe(alice.username);

    const sessions = await byEmail.auth.sessions();
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    expect(sessions.length).toBeGreaterThanOrEqual(3);

    const wrong = await byName.auth
      .login({ login: alice.username, password: 'not-the-password' })
      .catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(BonfireApiError);
    expect(wrong).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    const invalid = await byName.guilds.create({ name: 'x' }).catch((error: unknown) => error);
    expect(invalid).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect((invalid as BonfireApiError).details.some((detail) => detail.field?.includes('name'))).toBe(true);

    await byName.auth.logout();
    await byEmail.auth.logout();
    expect(ended.map((event) => event.reason)).toEqual(['LOGGED_OUT', 'LOGGED_OUT']);
    await expect(byName.users.me()).rejects.toMatchObject({ code: 'NOT_AUTHENTICATED' });
  });

  it('rotates the refresh token on every refresh; presenting an old one ends the session (reuse detected)', async () => {
    const store = new MemoryTokenStore();
    const ended: SessionEndedEvent[] = [];
    const client = newClient(baseUrl, [], ended, store);
    await client.auth.login({ login: bob.username, password: bob.password });
    const first = store.getRefreshToken()!;

    await Promise.all([client.session.refresh(), client.session.refresh(), client.users.me()]);
    const second = store.getRefreshToken()!;
    expect(second).not.toBe(first);
    expect((await client.users.me()).id).toBe(bob.userId);

    // Someone replays the first (already rotated) refresh token: the whole session family is revoked.
    const thiefEnded: SessionEndedEvent[] = [];
    const thief = newClient(baseUrl, [], thiefEnded, new MemoryTokenStore(first));
    await expect(thief.auth.restore()).rejects.toMatchObject({ status: 401, code: 'REFRESH_TOKEN_REUSED' });
    expect(thiefEnded.map((event) => event.reason)).toEqual(['REFRESH_TOKEN_REUSED']);

    await expect(client.session.refresh()).rejects.toBeInstanceOf(BonfireApiError);
    expect(ended).toHaveLength(1);
    expect(store.getRefreshToken()).toBeNull();
    client.close();
    thief.close();
  });

  it('sends a message with a nonce that another client receives live, typed, exactly once', async ({
    annotate,
  }) => {
    await Promise.all([alice.client.realtime.connect(), bob.client.realtime.connect()]);
    expect(bob.client.realtime.sessionId).toMatch(/.+/);
    const received: Message[] = [];
    const receivedAt = new Map<string, number>();
    const off = bob.client.realtime.on('message.created', (data) => {
      received.push(data.message);
      receivedAt.set(data.message.id, Date.now());
    });

    const sentAt = Date.now();
    const sent = await alice.client.messages.send(text.id, {
      content: 'hello from the sdk',
      nonce: 'nonce-1',
    });
    const again = await alice.client.messages.send(text.id, {
      content: 'hello from the sdk',
      nonce: 'nonce-1',
    });
    expect(again.id).toBe(sent.id);

    await eventually(() => expect(received.map((message) => message.id)).toContain(sent.id));
    await annotate(`send → other client's message.created: ${receivedAt.get(sent.id)! - sentAt} ms`);
    const live = received.find((message) => message.id === sent.id)!;
    expect(live).toMatchObject({ content: 'hello from the sdk', nonce: 'nonce-1', authorId: alice.userId });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received.filter((message) => message.id === sent.id)).toHaveLength(1);
    off();

    const history = await bob.client.messages.history(text.id, { limit: 10 });
    expect(history.map((message) => message.id)).toContain(sent.id);
    await bob.client.reactions.add(text.id, sent.id, '🔥');
    expect((await bob.client.reactions.users(text.id, sent.id, '🔥')).map((user) => user.id)).toEqual([
      bob.userId,
    ]);
    await bob.client.readStates.ack(text.id, sent.id);
    expect((await bob.client.readStates.list()).find((state) => state.channelId === text.id)).toMatchObject({
      lastReadMessageId: sent.id,
    });
    await bob.client.realtime.startTyping(text.id);
  });

  it('resumes after a dropped connection with no gap and no duplicate', async ({ annotate }) => {
    const before = createdMessages(bob, text.id).length;
    const sessionId = bob.client.realtime.sessionId;
    const readyCount = bob.connectionEvents.filter((event) => event === 'ready').length;
    const resumedPayloads: number[] = [];
    let resumedAt = 0;
    const offResumed = bob.client.realtime.on('resumed', (payload) => {
      resumedPayloads.push(payload.replayed);
      resumedAt = Date.now();
    });

    // Cut the network under the client: socket.io's manager reconnects after 1.5 s, the SDK resumes.
    const socket = bob.sockets.at(-1)!;
    const droppedAt = Date.now();
    (socket.io as unknown as { engine: { close(): void } }).engine.close();
    const sent: string[] = [];
    for (let index = 0; index < 5; index++) {
      sent.push((await alice.client.messages.send(text.id, { content: `while away ${index}` })).id);
    }

    await eventually(() => expect(createdMessages(bob, text.id).length).toBe(before + 5), 20_000);
    const after = createdMessages(bob, text.id).slice(before);
    expect(after.map((message) => message.id)).toEqual(sent);
    expect(bob.connectionEvents).toContain('resumed');
    // The messages sent while away came back through the session's replay buffer.
    expect(resumedPayloads).toHaveLength(1);
    expect(resumedPayloads[0]).toBeGreaterThanOrEqual(5);
    offResumed();
    await annotate(`drop → resumed: ${resumedAt - droppedAt} ms (socket.io reconnect delay 1500 ms)`);
    expect(bob.connectionEvents.filter((event) => event === 'ready')).toHaveLength(readyCount);
    expect(bob.client.realtime.sessionId).toBe(sessionId);
    const seqs = bob.dispatches.map((dispatch) => dispatch.seq).filter((seq): seq is number => seq !== null);
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));

    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(createdMessages(bob, text.id).length).toBe(before + 5);
  });

  it('keeps the realtime connection through access-token expiry (auth.refresh) and REST working', async () => {
    const refreshed: string[] = [];
    const off = bob.client.session.onTokenRefreshed((token) => refreshed.push(token));
    const sessionId = bob.client.realtime.sessionId;
    const disconnectsBefore = bob.connectionEvents.filter(
      (event) => event !== 'ready' && event !== 'resumed',
    ).length;

    await new Promise((resolve) => setTimeout(resolve, (ACCESS_TOKEN_TTL_SECONDS + 2) * 1000));

    expect(refreshed.length).toBeGreaterThanOrEqual(1);
    expect(bob.client.realtime.state).toBe('connected');
    expect(bob.client.realtime.sessionId).toBe(sessionId);
    expect(bob.connectionEvents.filter((event) => event !== 'ready' && event !== 'resumed')).toHaveLength(
      disconnectsBefore,
    );
    const sent = await alice.client.messages.send(text.id, { content: 'after expiry' });
    await eventually(() =>
      expect(createdMessages(bob, text.id).map((message) => message.id)).toContain(sent.id),
    );
    expect((await bob.client.users.me()).id).toBe(bob.userId);
    off();
  }, 40_000);

  it('uploads a file with progress to the real S3 (single PUT) and another member downloads the same bytes', async () => {
    const bytes = randomBytes(256 * 1024);
    const progress: UploadProgress[] = [];
    const file = await alice.client.files.uploadAttachment(
      text.id,
      { data: new Uint8Array(bytes), filename: 'notes.bin', contentType: 'application/octet-stream' },
      { onProgress: (event) => progress.push(event) },
    );
    expect(file).toMatchObject({ status: 'ready', size: bytes.length, filename: 'notes.bin' });
    expect(progress.at(-1)).toEqual({ loaded: bytes.length, total: bytes.length, fraction: 1 });

    const message = await alice.client.messages.send(text.id, {
      content: 'the file',
      attachments: [file.id],
    });
    expect(message.attachments.map((attachment) => attachment.id)).toEqual([file.id]);
    const response = await bob.client.files.downloadAttachment(file.id);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    expect(await bob.client.files.attachmentLocation(file.id)).toMatch(/^https?:\/\//);
  });

  it('uploads above the multipart threshold in parts, with progress over all parts, and the bytes round-trip', async ({
    annotate,
  }) => {
    const bytes = randomBytes(11 * MIB);
    const puts: number[] = [];
    const base = createFetchUploadTransport();
    const counting: UploadTransport = {
      put: (request) => {
        puts.push(request.body instanceof Uint8Array ? request.body.byteLength : -1);
        return base.put(request);
      },
    };
    const progress: number[] = [];
    const started = Date.now();
    const file = await alice.client.files.uploadAttachment(
      text.id,
      { data: new Uint8Array(bytes), filename: 'big.bin', contentType: 'application/octet-stream' },
      { transport: counting, onProgress: (event) => progress.push(event.loaded) },
    );

    await annotate(`11 MiB multipart upload (ticket → 3 PUTs → complete): ${Date.now() - started} ms`);
    expect(puts.sort((a, b) => a - b)).toEqual([1 * MIB, 5 * MIB, 5 * MIB]);
    expect(progress.at(-1)).toBe(bytes.length);
    expect(file).toMatchObject({ status: 'ready', size: bytes.length });
    await alice.client.messages.send(text.id, { content: 'big', attachments: [file.id] });
    const response = await bob.client.files.downloadAttachment(file.id);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  }, 60_000);

  it('the README Node example runs against the stack', async () => {
    const example = resolve(__dirname, '../../libs/sdk/examples/node-chat.ts');
    const child = spawn(process.execPath, ['--conditions=@bonfire/source', '--import', 'tsx', example], {
      env: { ...process.env, BONFIRE_URL: baseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));

    expect(code, output).toBe(0);
    expect(output).toContain('received live: Hello from Node!');
    expect(output).toContain('upload 100%');
    expect(output).toContain('refused as expected: 400 VALIDATION_FAILED');
    expect(output).toContain('session ended: LOGGED_OUT');
  }, 60_000);
});
