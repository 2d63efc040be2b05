/**
 * A bare socket.io server: the baseline the realtime-baseline bench measures Bonfire's gateway against.
 * Forked by `BareSocketIoServer.start()` (bare-socketio.ts) with `--import tsx`; one process, like the
 * gateway, with the gateway's socket.io options (path `/realtime`, websocket + polling, the same ping
 * interval/timeout, 64 KiB max buffer, no client serving) and nothing else: no auth, no sessions, no
 * sequence numbers kept per session, no replay buffer, no Kafka, no Redis (unless `adapter: 'redis'`:
 * the socket.io Redis adapter, as the gateway's distributed shape has).
 *
 *   connection  the socket joins `channel:<auth.channel>` (`channel:bench` without one) and gets
 *               `ready {sessionId}` (what the client worker waits for)
 *   POST /api/v1/channels/{id}/messages {content}
 *               201 with a message shaped like chat's (`messageSchema`), and
 *               `io.to('channel:<id>').emit('dispatch', {seq, type: 'message.created', data: {message}})`:
 *               socket.io encodes that packet once for the room and writes it to every socket (with the
 *               Redis adapter, also publishes it once for the other servers sharing `adapterKey`).
 *
 * Argument: JSON `{ pingIntervalMs, pingTimeoutMs, adapter: 'memory' | 'redis', redisUrl?, adapterKey? }`.
 * Listens on a free loopback port and sends `{ port }` over IPC; exits when the parent goes away.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server, type ServerOptions } from 'socket.io';

export interface BareServerOptions {
  pingIntervalMs: number;
  pingTimeoutMs: number;
  adapter: 'memory' | 'redis';
  redisUrl?: string;
  /** The Redis adapter's key: servers with the same key form one cluster (default: this process alone). */
  adapterKey?: string;
}

const options = JSON.parse(process.argv[2] ?? '{}') as BareServerOptions;
const route = /^\/api\/v1\/channels\/([^/]+)\/messages$/;
let seq = 0;
let nextId = BigInt(Date.now()) << 22n;

function adapter(): ServerOptions['adapter'] | undefined {
  if (options.adapter !== 'redis') return undefined;
  const pub = new Redis(options.redisUrl ?? 'redis://127.0.0.1:6379', { connectionName: 'bench-bare-pub' });
  const sub = pub.duplicate({ connectionName: 'bench-bare-sub' });
  return createAdapter(pub, sub, { key: options.adapterKey ?? `bench-bare-${process.pid}` });
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const http = createServer((req: IncomingMessage, res: ServerResponse) => {
  const match = req.method === 'POST' ? route.exec(req.url ?? '') : null;
  if (!match) return send(res, 404, { error: { code: 'NOT_FOUND', message: 'bare server' } });
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let content: unknown;
    try {
      content = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { content?: unknown }).content;
    } catch {
      content = undefined;
    }
    if (typeof content !== 'string') return send(res, 400, { error: { code: 'VALIDATION_FAILED' } });
    const message = {
      id: String(nextId++),
      channelId: match[1],
      guildId: '100000000000000000',
      authorId: '100000000000000001',
      content,
      nonce: null,
      replyToId: null,
      attachments: [],
      mentions: { userIds: [], roleIds: [], everyone: false },
      pinned: false,
      revision: 0,
      editedAt: null,
      createdAt: new Date().toISOString(),
      reactions: [],
    };
    send(res, 201, message);
    io.to(`channel:${match[1]}`).emit('dispatch', { seq: ++seq, type: 'message.created', data: { message } });
  });
});

const io = new Server(http, {
  path: '/realtime',
  transports: ['websocket', 'polling'],
  pingInterval: options.pingIntervalMs,
  pingTimeout: options.pingTimeoutMs,
  maxHttpBufferSize: 64 * 1024,
  serveClient: false,
  adapter: adapter(),
});
io.on('connection', (socket) => {
  const channel = (socket.handshake.auth as { channel?: unknown }).channel;
  void socket.join(`channel:${typeof channel === 'string' ? channel : 'bench'}`);
  socket.emit('ready', { sessionId: socket.id });
});

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
// the parent went away (finished, crashed or killed): leave
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
