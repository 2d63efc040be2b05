import type {
  VoiceErrorCode,
  VoiceMediaSource,
  VoicePeer,
  VoiceProducerInfo,
  VoiceServerEvent,
  VoiceServerEvents,
  VoiceState,
} from '@bonfire/contracts';
import type { types } from 'mediasoup';
import type { WorkerSlot } from '../workers/worker-pool';

/** A refusal answered to the client as `{ ok: false, code, message }`. */
export class SignalingError extends Error {
  constructor(
    readonly code: VoiceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SignalingError';
  }
}

/** How the room reaches one client (its socket). */
export interface PeerSink {
  send<E extends VoiceServerEvent>(event: E, data: VoiceServerEvents[E]): void;
  /** Sends `closed` and ends the connection. */
  end(closed: VoiceServerEvents['closed']): void;
}

/** A router of a room, on one worker. A room outgrowing one router gets another, fed by pipeToRouter. */
export interface RoomRouter {
  router: types.Router;
  slot: WorkerSlot;
  consumers: number;
}

export interface ProducerEntry {
  producer: types.Producer;
  peer: Peer;
  source: VoiceMediaSource;
  /** Paused by the client itself (mute is applied on top: see Peer.state). */
  clientPaused: boolean;
}

export interface ConsumerEntry {
  consumer: types.Consumer;
  producerId: string;
  clientPaused: boolean;
}

export class Peer {
  readonly transports = new Map<string, types.WebRtcTransport>();
  readonly producers = new Map<string, ProducerEntry>();
  readonly consumers = new Map<string, ConsumerEntry>();
  rtpCapabilities: types.RtpCapabilities | null = null;
  /** consume requests under way (counted against VOICE_MAX_CONSUMERS_PER_PEER with the consumers). */
  pendingConsumers = 0;
  /** transport.create requests under way (counted against the transports cap). */
  pendingTransports = 0;
  closed = false;

  constructor(
    readonly sessionId: string,
    readonly userId: string,
    public state: VoiceState,
    /** The member's permission bitfield in the channel (SPEAK, STREAM); chat's changes update it. */
    public permissions: bigint,
    readonly sink: PeerSink,
    readonly room: Room,
    readonly router: RoomRouter,
  ) {}

  describe(): VoicePeer {
    return {
      userId: this.userId,
      state: this.state,
      producers: [...this.producers.values()].map(producerInfo),
    };
  }
}

export class Room {
  readonly routers: RoomRouter[] = [];
  readonly peers = new Map<string, Peer>();
  /** Every producer of the room, by id (piped producers keep the id of their origin). */
  readonly producers = new Map<string, ProducerEntry>();
  speaking = new Set<string>();
  observer: types.AudioLevelObserver | null = null;
  closed = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly channelId: string,
    readonly guildId: string | null,
  ) {}

  /** Runs router placement steps one at a time (two peers joining at once must not both add a router). */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  broadcast<E extends VoiceServerEvent>(event: E, data: VoiceServerEvents[E], except?: Peer): void {
    for (const peer of this.peers.values()) if (peer !== except) peer.sink.send(event, data);
  }

  usesSlot(index: number): boolean {
    return this.routers.some((entry) => entry.slot.index === index);
  }
}

export function producerInfo(entry: ProducerEntry): VoiceProducerInfo {
  return {
    producerId: entry.producer.id,
    userId: entry.peer.userId,
    kind: entry.producer.kind,
    source: entry.source,
    paused: entry.producer.paused,
  };
}
