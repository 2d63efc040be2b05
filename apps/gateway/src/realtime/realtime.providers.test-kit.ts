import { dispatchSeqs, type RealtimeState } from '@bonfire/contracts';
import { type CallerIdentity, type MetricsService, ServiceLogger } from '@bonfire/platform';
import { Registry } from 'prom-client';
import type { GatewayConfig } from '../config';
import type { ChatRealtimeClient } from './chat-realtime.client';
import { NoGatewayPeers } from './gateway-peers';
import { InMemorySessionStore } from './memory-session-store';
import { RealtimeMetrics } from './realtime-metrics';
import { RealtimeNode } from './realtime-node';
import type { RealtimeSocket } from './realtime-session';
import { SessionRegistry } from './session-registry';

/** The realtime providers of one gateway on in-memory parts, for unit tests (no socket.io server). */
export function realtimeProviders(chat: Partial<ChatRealtimeClient> = {}) {
  const config = {
    REALTIME_RESUME_WINDOW_SECONDS: 60,
    REALTIME_REPLAY_BUFFER_SIZE: 100,
    REALTIME_MAX_PENDING_PACKETS: 1_000,
    REALTIME_CONSUMER_GROUP: 'test',
    REALTIME_BATCH_WINDOW_MS: 5,
  } as unknown as GatewayConfig;
  const store = new InMemorySessionStore({ windowSeconds: 60 });
  const node = new RealtimeNode(new NoGatewayPeers());
  const registry = new SessionRegistry(config, store, node);
  const metrics = new RealtimeMetrics({ registry: new Registry() } as unknown as MetricsService);
  const chatClient = { forgetPermissions: () => undefined, ...chat } as unknown as ChatRealtimeClient;
  const logger = new ServiceLogger('gateway', 'silent');
  return { config, store, node, registry, metrics, chat: chatClient, logger };
}

/**
 * A connected socket of `userId` whose transport records the frames written to it (a batching client's
 * when `batching`; one speaking `protocol` 2 when asked).
 */
export function fakeSocket(
  id: string,
  userId: string,
  { batching = false, protocol = 1 }: { batching?: boolean; protocol?: 1 | 2 } = {},
) {
  const frames: string[] = [];
  /** The pre-encoded websocket frame of each write (shared ones are the same objects for every socket). */
  const wsFrames: unknown[] = [];
  const socket = {
    id,
    connected: true,
    data: {
      identity: { userId, sessionId: `signin-${userId}` } as unknown as CallerIdentity,
      batching,
      protocol,
    },
    conn: {
      readyState: 'open',
      write: (frame: string, options?: { wsPreEncodedFrame?: unknown }) => {
        frames.push(frame);
        wsFrames.push(options?.wsPreEncodedFrame);
      },
    },
    emit: () => true,
    disconnect: () => undefined,
  } as unknown as RealtimeSocket;
  type Payload = { seq?: number | null; type: string; data: { id?: string } };
  /** [seq as written (undefined: left out), type, id of the data] of every dispatch written, one by one. */
  const dispatches = () =>
    frames.flatMap((frame) => {
      const [event, payload] = JSON.parse(frame.slice(1)) as [string, Payload | Payload[]];
      const list = event === 'dispatches' ? (payload as Payload[]) : [payload as Payload];
      return list.map((one) => [one.seq, one.type, one.data.id] as const);
    });
  /** Each sequenced dispatch's seq as a protocol 2 client counts it (left out: the previous + 1). */
  const counted = (from = 0) =>
    dispatchSeqs(
      dispatches().map(([seq]) => ({ seq })),
      from,
    );
  /** The event name of every frame written. */
  const events = () => frames.map((frame) => (JSON.parse(frame.slice(1)) as [string])[0]);
  return { socket, dispatches, counted, events, wsFrames };
}

/** A state with the given guilds (id → visible channel ids) and DM channel ids. */
export function state(
  userId: string,
  guilds: Record<string, string[]> = {},
  dms: string[] = [],
): RealtimeState {
  return {
    user: { id: userId },
    guilds: Object.entries(guilds).map(([id, channels]) => ({
      guild: { id },
      channels: channels.map((channelId) => ({ id: channelId })),
      members: { userIds: [] },
    })),
    dms: dms.map((id) => ({ id, recipientIds: [] })),
    readStates: [],
  } as unknown as RealtimeState;
}
