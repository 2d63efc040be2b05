import { randomUUID } from 'node:crypto';
import {
  REALTIME_CLOSE_REASONS,
  type ReadyPayload,
  type ResumedPayload,
  type RealtimeState,
  type ResyncPayload,
} from '@bonfire/contracts';
import { ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { ChatRealtimeClient } from './chat-realtime.client';
import { DelayQueue } from './delay-queue';
import { FanOutService } from './fan-out.service';
import { PresenceRealtimeClient } from './presence-realtime.client';
import { RealtimeMetrics } from './realtime-metrics';
import { PEER_EVENTS, RealtimeNode } from './realtime-node';
import { RealtimeSession as Session, type RealtimeSocket, sequenced } from './realtime-session';
import type { SequencedDispatch } from './replay-ring';
import { SessionRegistry } from './session-registry';
import { planReplay, SessionStore } from './session-store';
import { SnapshotCoverage } from './snapshot-coverage';

/** How long a new session skips dispatches its snapshot already shows (events that lagged behind it). */
const SNAPSHOT_COVERAGE_MS = 30_000;
/** How long a resumed session skips ids the previous owner's buffer had (its stream's stragglers). */
const SKIP_IDS_MS = 30_000;
/** How long a resume waits for the previous owner gateway to hand the session over, then resyncs. */
const HANDOVER_TIMEOUT_MS = 3_000;
const HANDOVER_POLL_MS = 20;
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A connection's session: resumed (`auth.sessionId`) on any gateway, else a fresh one with `ready`. */
@Injectable()
export class ResumeService {
  private readonly logger;
  /** New sessions' snapshot coverage, each dropped SNAPSHOT_COVERAGE_MS after its catch-up. */
  private readonly coverageEnds = new DelayQueue<Session>(SNAPSHOT_COVERAGE_MS, (session) => {
    session.coverage = null;
  });
  /** Resumed sessions' skipped ids, each dropped SKIP_IDS_MS after the resume. */
  private readonly skipIdsEnd = new DelayQueue<Session>(SKIP_IDS_MS, (session) => {
    session.skipIds = null;
  });

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly store: SessionStore,
    private readonly registry: SessionRegistry,
    private readonly fanOut: FanOutService,
    private readonly chat: ChatRealtimeClient,
    private readonly presence: PresenceRealtimeClient,
    private readonly metrics: RealtimeMetrics,
    private readonly node: RealtimeNode,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('realtime-resume');
  }

  /** Resumes the session the handshake names, else (or after `resync`) starts a new one. */
  async open(socket: RealtimeSocket): Promise<void> {
    const auth = socket.handshake.auth as Record<string, unknown>;
    if (typeof auth['sessionId'] === 'string') {
      const lastSeq = typeof auth['lastSeq'] === 'number' ? auth['lastSeq'] : 0;
      const outcome = await this.resume(socket, auth['sessionId'], lastSeq);
      this.metrics.resumes.inc({ outcome: outcome === true ? 'resumed' : 'resync' });
      if (outcome === true) return;
      socket.emit('resync', { reason: outcome } satisfies ResyncPayload);
    }
    await this.start(socket);
  }

  /**
   * A fresh session: the state from chat, presences (one batched call), the rooms, then `ready` (seq 0).
   *
   * No event falls between the snapshot and the rooms: the session captures every packet this gateway
   * processes from before it asks chat for the state (an event processed earlier was committed before the
   * snapshot was read, so the snapshot holds it) until it joins its rooms — a step of the packet queue, so
   * no packet is half-seen. It then catches up on the captured packets in order, as if it had been in its
   * rooms (their visibility changes applied to it alone, the dispatches it is a target of held behind
   * `ready` with seq 1, 2, …). Dispatches the snapshot already shows, captured or arriving later, are
   * not sent (SnapshotCoverage).
   */
  private async start(socket: RealtimeSocket): Promise<void> {
    const { identity } = socket.data;
    const session = this.registry.newSession(randomUUID(), socket);
    this.fanOut.startCapture(session);
    try {
      const [state] = await Promise.all([this.chat.state(identity), socket.data.presenceReported]);
      const presence = await this.presence.ready(identity.userId, presenceIdsOf(state));
      await this.store.create(session.id, session.userId, session.owner);
      try {
        await this.fanOut.enqueue(() => this.catchUp(session, state));
      } catch (error) {
        this.registry.unregister(session);
        void this.store.forget(session.id, session.owner).catch(() => undefined);
        throw error;
      }
      this.registry.attach(session, socket);
      const ready: ReadyPayload = {
        ...state,
        sessionId: session.id,
        seq: 0,
        protocol: socket.data.protocol,
        resumeWindowSeconds: this.config.REALTIME_RESUME_WINDOW_SECONDS,
        presences: presence?.presences ?? [],
        presence: presence
          ? { status: presence.self.status, customStatus: presence.self.customStatus }
          : { status: 'online', customStatus: null },
      };
      socket.emit('ready', ready);
      session.release(0);
      if (!socket.connected) this.registry.detach(session);
    } finally {
      this.fanOut.endCapture(session);
    }
  }

  /** Runs in the packet queue: the session joins its rooms, then replays what it captured meanwhile. */
  private async catchUp(session: Session, state: RealtimeState): Promise<void> {
    const captured = this.fanOut.endCapture(session);
    if (captured === 'overflow') throw new Error('too many events while the session started');
    this.registry.register(session, state);
    session.coverage = new SnapshotCoverage(state);
    this.coverageEnds.add(session);
    for (const packet of captured ?? []) {
      await this.fanOut.process(packet, session);
    }
  }

  /**
   * Resume, without loss or duplicates, on any gateway:
   * 1. the session must exist, belong to this user, and its owning gateway be alive (a crashed gateway
   *    took the session's buffer with it: it resyncs rather than silently miss events);
   * 2. the new session joins its rooms here first, held: what arrives meanwhile waits, unnumbered;
   * 3. takeover: the session's owner becomes this connection (compare-and-set);
   * 4. the previous owner lets go and hands its numbering and buffer over — in memory when it is this
   *    gateway, else through the SessionStore after it hears `session-taken` (waited for at most
   *    HANDOVER_TIMEOUT_MS, else resync);
   * 5. the waiting dispatches are numbered after the buffer, minus those it already has (by event id);
   *    then `resumed`, and every dispatch after the client's `lastSeq`, in order.
   */
  private async resume(
    socket: RealtimeSocket,
    sessionId: string,
    lastSeq: number,
  ): Promise<true | ResyncPayload['reason']> {
    const { identity } = socket.data;
    if (!SESSION_ID.test(sessionId)) return 'SESSION_UNKNOWN';
    const stored = await this.store.get(sessionId);
    if (!stored) return 'SESSION_UNKNOWN';
    if (stored.userId !== identity.userId) return 'SESSION_USER_MISMATCH';
    const ownerNode = stored.owner.split('/')[0]!;
    if (ownerNode !== this.node.id && !(await this.store.isNodeAlive(ownerNode))) return 'SESSION_UNKNOWN';
    const state = await this.chat.state(identity);
    const session = this.registry.newSession(sessionId, socket);
    session.seq = null;
    this.registry.register(session, state);
    try {
      if (!(await this.store.takeover(sessionId, stored.owner, session.owner))) {
        this.registry.unregister(session);
        return 'SESSION_UNKNOWN';
      }
      const handed =
        ownerNode === this.node.id
          ? this.takeLocal(sessionId, stored.owner)
          : await this.awaitHandOver(sessionId, stored.owner, session.owner);
      if (!handed) {
        this.registry.unregister(session);
        return 'SESSION_UNKNOWN';
      }
      session.adopt(handed.seq, handed.entries);
      const plan = planReplay(
        session.buffered().map(({ seq, dispatch }) => ({ seq, ...dispatch })),
        lastSeq,
        session.seq!,
      );
      if (!plan.ok) {
        this.registry.unregister(session);
        return plan.reason;
      }
      this.registry.attach(session, socket);
      const resumed: ResumedPayload = {
        sessionId,
        protocol: socket.data.protocol,
        replayed: plan.entries.length,
      };
      socket.emit('resumed', resumed);
      this.metrics.dispatched.inc({ kind: 'replayed' }, session.release(lastSeq));
      // A straggler of the previous owner's stream may still arrive here; keep the ids a while.
      this.skipIdsEnd.add(session);
      if (!socket.connected) this.registry.detach(session);
      return true;
    } catch (error) {
      this.registry.unregister(session);
      throw error;
    }
  }

  /** The previous owner is a connection of this gateway: its session's numbering and buffer, and it goes. */
  private takeLocal(
    sessionId: string,
    previousOwner: string,
  ): { seq: number; entries: SequencedDispatch[] } | null {
    const previous = this.registry.get(previousOwner);
    if (!previous || previous.id !== sessionId || previous.dropped || previous.seq === null) return null;
    const handed = { seq: previous.seq, entries: previous.buffered() };
    this.registry.drop(previous, REALTIME_CLOSE_REASONS.sessionTaken);
    return handed;
  }

  /** Tells the previous owner's gateway, then waits until it has handed the session over. */
  private async awaitHandOver(
    sessionId: string,
    previousOwner: string,
    owner: string,
  ): Promise<{ seq: number; entries: SequencedDispatch[] } | null> {
    this.node.toPeers(PEER_EVENTS.sessionTaken, sessionId, owner, previousOwner);
    const deadline = Date.now() + HANDOVER_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const handed = await this.store.handedOver(sessionId, owner);
      if (handed) return handed.seq < 0 ? null : { seq: handed.seq, entries: sequenced(handed.entries) };
      await new Promise((resolve) => setTimeout(resolve, HANDOVER_POLL_MS));
    }
    this.logger.warn({ sessionId }, 'the previous gateway did not hand the session over in time; resync');
    return null;
  }

  /**
   * Another gateway's connection `owner` took over session `sessionId` from `previousOwner`: if that was a
   * connection of this gateway, the session stops here and its numbering and buffer go to the new owner
   * (seq -1 when this gateway no longer had it: the resume answers resync at once). Runs in the packet
   * queue: every packet that reached this gateway before the notice (the resuming gateway may have
   * handled it before it held the session) is in the ring that is handed over.
   */
  onSessionTaken(sessionId: string, owner: string, previousOwner?: string): void {
    void this.fanOut
      .enqueue(() => {
        if (!previousOwner || previousOwner.split('/')[0] !== this.node.id) return;
        const session = this.registry.get(previousOwner);
        const held = session && session.id === sessionId && !session.dropped;
        const handOver = held ? session.handOver() : { seq: -1, entries: [] };
        if (held) this.registry.drop(session, REALTIME_CLOSE_REASONS.sessionTaken);
        void this.store.handOver(sessionId, owner, handOver).catch((error: unknown) => {
          this.logger.warn({ err: error, sessionId }, 'session could not be handed over');
        });
      })
      .catch((error: unknown) => this.logger.warn({ err: error, sessionId }, 'session takeover failed'));
  }
}

/** Whose presence `ready` carries: the first member page of each guild and the DM recipients. */
function presenceIdsOf(state: RealtimeState): string[] {
  const ids = new Set<string>();
  for (const guild of state.guilds) for (const userId of guild.members.userIds) ids.add(userId);
  for (const dm of state.dms) for (const userId of dm.recipientIds) ids.add(userId);
  // Friends show their presence in the friends list (presence leaves out whoever blocked the user).
  for (const relationship of state.relationships ?? []) {
    if (relationship.type === 'friend') ids.add(relationship.id);
  }
  ids.delete(state.user.id);
  return [...ids];
}
