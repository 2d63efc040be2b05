import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Channel,
  type DispatchFrame,
  dispatchSeqs,
  PERMISSIONS,
  REALTIME_PATH,
  type RealtimeState,
  type ReadyPayload,
  internalPath,
} from '@bonfire/contracts';
import { IDENTITY_HEADER, verifyIdentity } from '@bonfire/platform';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { io as connect, type Socket } from 'socket.io-client';

/**
 * Test doubles of the realtime edge's neighbours (auth's JWKS, chat's internal realtime routes) and a
 * socket.io client that records what it receives. The e2e suite runs the real services.
 */

let counter = 0n;
/** A snowflake-shaped id, unique in this process. */
export const id = () => String(BigInt(Date.now()) * 4_194_304n + (counter += 1n));

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const url = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// ------------------------------------------------------------------ fake auth (JWKS + tokens)
const keyPair = generateKeyPair('EdDSA', { crv: 'Ed25519' });
const kid = randomBytes(4).toString('hex');

export async function token(userId: string, expiresInSeconds = 600): Promise<string> {
  return new SignJWT({ sid: `s-${userId}` })
    .setProtectedHeader({ alg: 'EdDSA', kid })
    .setSubject(userId)
    .setIssuer('bonfire')
    .setAudience('bonfire-api')
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
    .sign((await keyPair).privateKey);
}

export function startFakeAuth(): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === internalPath('auth', 'revokedSessions')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sessions: [] }));
      return;
    }
    void keyPair.then(async (keys) => {
      const jwk = await exportJWK(keys.publicKey);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [{ ...jwk, kid, alg: 'EdDSA', use: 'sig' }] }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ------------------------------------------------------------------ fake chat

/** One guild as chat would answer for it. */
export interface FakeGuild {
  guildId: string;
  ownerId: string;
  /** Who sees what: user → channel ids of the guild (absent: not a member). */
  visible: Map<string, string[]>;
  channelNames: Record<string, string>;
}

function channelDto(guild: FakeGuild, channelId: string): Channel {
  return {
    id: channelId,
    type: 'text',
    guildId: guild.guildId,
    name: guild.channelNames[channelId] ?? 'channel',
    topic: null,
    position: 0,
    parentId: null,
    slowmodeSeconds: 0,
    userLimit: null,
    permissionOverwrites: [],
    recipientIds: [],
    ownerId: null,
    lastMessageId: null,
    createdAt: new Date().toISOString(),
  };
}

function stateOf(guild: FakeGuild, userId: string): RealtimeState {
  const channels = guild.visible.get(userId);
  const { guildId } = guild;
  return {
    user: { id: userId },
    guilds: channels
      ? [
          {
            guild: {
              id: guildId,
              name: 'Camp',
              iconFileId: null,
              description: null,
              ownerId: guild.ownerId,
              createdAt: new Date().toISOString(),
            },
            roles: [],
            member: { guildId, userId, nickname: null, roleIds: [], joinedAt: new Date().toISOString() },
            channels: channels.map((channelId) => channelDto(guild, channelId)),
            members: { userIds: [...guild.visible.keys()], total: guild.visible.size },
          },
        ]
      : [],
    dms: [],
    readStates: [],
  };
}

/** Test hooks of the fake chat. */
interface FakeChatHooks {
  /**
   * Runs after the state of a `/realtime/state` call is read and before it is answered: whatever the hook
   * does (publish an event, wait for it to be delivered) lands between a session's snapshot and its rooms.
   */
  afterStateRead?: (userId: string) => Promise<void> | void;
}

export function startFakeChat(guild: FakeGuild, secret: string, hooks: FakeChatHooks = {}): Promise<Server> {
  const server = createServer((req, res) => {
    const caller = verifyIdentity(secret, req.headers[IDENTITY_HEADER] as string | undefined);
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (!caller) return reply(401, {});
    const path = req.url ?? '';
    if (path === internalPath('realtime', 'state')) {
      const state = stateOf(guild, caller.userId);
      void Promise.resolve(hooks.afterStateRead?.(caller.userId)).then(
        () => reply(200, state),
        () => reply(500, {}),
      );
      return;
    }
    const visibleChannels = /^\/internal\/v1\/realtime\/guilds\/(\d+)\/visible-channels$/.exec(path);
    if (visibleChannels) {
      const channels = guild.visible.get(caller.userId);
      return channels ? reply(200, { guildId: visibleChannels[1], channelIds: channels }) : reply(404, {});
    }
    const channel = /^\/internal\/v1\/realtime\/channels\/(\d+)\/permissions$/.exec(path);
    if (channel) {
      return guild.visible.get(caller.userId)?.includes(channel[1]!)
        ? reply(200, {
            channelId: channel[1],
            guildId: guild.guildId,
            permissions: String(PERMISSIONS.VIEW_CHANNEL | PERMISSIONS.SEND_MESSAGES),
          })
        : reply(404, {});
    }
    reply(404, {});
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ------------------------------------------------------------------ clients

export class Client {
  readonly dispatches: DispatchFrame[] = [];
  readonly signals: { name: string; payload: unknown }[] = [];
  ready?: ReadyPayload;
  constructor(readonly socket: Socket) {
    socket.on('dispatch', (dispatch: DispatchFrame) => this.dispatches.push(dispatch));
    socket.on('ready', (ready: ReadyPayload) => (this.ready = ready));
    socket.onAny((name: string, payload: unknown) => {
      if (name !== 'dispatch') this.signals.push({ name, payload });
    });
  }

  get lastSeq(): number {
    return this.dispatches.reduce((max, d) => (typeof d.seq === 'number' && d.seq > max ? d.seq : max), 0);
  }

  /** Each sequenced dispatch's seq as a protocol 2 client counts it from `from` (left out: previous + 1). */
  counted(from = 0): number[] {
    return dispatchSeqs(this.dispatches, from);
  }

  of(type: string): DispatchFrame[] {
    return this.dispatches.filter((dispatch) => dispatch.type === type);
  }

  close(): void {
    this.socket.disconnect();
  }
}

export function open(base: string, auth: Record<string, unknown>): Promise<Client> {
  const socket = connect(base, { path: REALTIME_PATH, transports: ['websocket'], auth, reconnection: false });
  const client = new Client(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error) => reject(error));
    const done = () => resolve(client);
    socket.once('ready', done);
    socket.once('resumed', done);
  });
}

export function refused(base: string, auth: Record<string, unknown>): Promise<string> {
  const socket = connect(base, { path: REALTIME_PATH, transports: ['websocket'], auth, reconnection: false });
  return new Promise((resolve) =>
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    }),
  );
}

/** A handshake that may be refused: the client once `ready`, or the refusal's code. */
export function attempt(
  base: string,
  auth: Record<string, unknown>,
): Promise<{ client: Client } | { refusal: string }> {
  const socket = connect(base, { path: REALTIME_PATH, transports: ['websocket'], auth, reconnection: false });
  const client = new Client(socket);
  return new Promise((resolve) => {
    socket.once('connect_error', (error) => {
      socket.close();
      resolve({ refusal: error.message });
    });
    socket.once('ready', () => resolve({ client }));
  });
}
