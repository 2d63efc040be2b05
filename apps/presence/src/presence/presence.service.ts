import type { Presence } from '@bonfire/contracts';
import { createEvent, type EventBus, InjectEventBus } from '@bonfire/messaging';
import { ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PRESENCE_CONFIG, type PresenceConfig } from '../config';
import { type Audience, AudienceStore } from '../projection/audience.store';
import { ProjectionConsumer } from '../projection/projection.consumer';
import {
  aggregatePresence,
  type AggregatedPresence,
  diffConnections,
  OFFLINE,
  presenceFor,
  samePresence,
} from './aggregate';
import type { HeartbeatDto, ReportDto, UpdatePresenceDto } from './presence.dto';
import { type ConnectionRef, type PresenceConnection, PresenceStore } from './presence.store';

/** One handshake's `ready` presences: the user, and the ids its state lists. */
interface ReadyQuery {
  userId: string;
  userIds: readonly string[];
}

export interface ReadyAnswer {
  /** The listed users who are not offline to the user. */
  presences: Presence[];
  self: Presence;
}

/**
 * Presence state, fed by the gateways, in a PresenceStore (Redis when distributed, memory when
 * standalone); who may see whom in the AudienceStore kept by the projection.
 *
 * Transport (gateway → presence): internal HTTP, not Kafka and not a shared Redis client library.
 * Each gateway sends its connection events (connect, disconnect, idle, active) in small batches as they
 * happen and, every ~20 s, a heartbeat carrying its full connection list. Requests from one gateway are
 * sent one at a time, so presence sees them in order. Why HTTP: presence answers at once (the gateway
 * learns about failures and the heartbeat repairs them), the full list is idempotent, and there is no
 * topic to size for a per-connection firehose; libs stay free of presence logic.
 *
 * Expiry: one liveness per gateway (in Redis a key with TTL PRESENCE_GATEWAY_TTL_SECONDS), refreshed
 * by every request of that gateway; connections are grouped per gateway, so a sweeper (one replica at a
 * time) finds a dead gateway with one check per gateway and takes all its users offline together.
 *
 * Rebuild: a heartbeat is a full list diffed against what the store holds, so after a Redis restart
 * (or flush) every live connection comes back with the next heartbeat of each gateway (≤ 20 s).
 *
 * Publishing: presence has no database, so it publishes presence.updated straight to the event bus
 * (key: user id) after it recomputed a user whose presence changed — at-least-once: state is in the
 * store, a duplicate event carries the same presence. Recomputes run one batch at a time in a process;
 * two replicas racing on the same user can publish out of order (each gateway talks to one replica at
 * a time, so this needs one user's devices on two gateways hitting two replicas in the same instant).
 */
@Injectable()
export class PresenceService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger;
  private recomputing: Promise<unknown> = Promise.resolve();
  private sweeper?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    @Inject(PRESENCE_CONFIG) private readonly config: PresenceConfig,
    @InjectEventBus() private readonly bus: EventBus,
    private readonly store: PresenceStore,
    private readonly audience: AudienceStore,
    private readonly projection: ProjectionConsumer,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('presence');
  }

  onApplicationBootstrap(): void {
    this.projection.onRelationshipChange((userId, targetId) => this.pushTo(userId, targetId));
    this.projection.onUserDeleted((userId) => this.forgetUser(userId));
    this.sweeper = setInterval(() => void this.sweep(), this.config.PRESENCE_SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await this.recomputing.catch(() => undefined);
  }

  // ---------------------------------------------------------------- gateways

  /** Incremental connection events of one gateway. */
  async report(gatewayId: string, body: ReportDto): Promise<void> {
    const upsert: PresenceConnection[] = [];
    const remove: ConnectionRef[] = [];
    for (const event of body.events) {
      if (event.type === 'disconnect') remove.push(event);
      else {
        upsert.push({
          connectionId: event.connectionId,
          userId: event.userId,
          activity: event.type === 'idle' ? 'idle' : 'online',
        });
      }
    }
    await this.apply(gatewayId, upsert, remove);
  }

  /** The gateway's full connection list: repairs drift, rebuilds after a Redis restart. */
  async heartbeat(gatewayId: string, body: HeartbeatDto): Promise<{ upserted: number; removed: number }> {
    const held = await this.store.gatewayConnections(gatewayId);
    const { upsert, remove } = diffConnections(
      held,
      body.connections.map((c) => ({
        connectionId: c.connectionId,
        userId: c.userId,
        activity: c.idle ? 'idle' : 'online',
      })),
    );
    await this.apply(gatewayId, upsert, remove);
    return { upserted: upsert.length, removed: remove.length };
  }

  /** A gateway shutting down: all its connections end now. */
  async goodbye(gatewayId: string): Promise<void> {
    await this.forgetGateway(gatewayId);
  }

  private async apply(
    gatewayId: string,
    upsert: readonly PresenceConnection[],
    remove: readonly ConnectionRef[],
  ): Promise<void> {
    await this.store.applyConnections(gatewayId, upsert, remove, this.config.PRESENCE_GATEWAY_TTL_SECONDS);
    const users = new Set([...upsert.map((c) => c.userId), ...remove.map((c) => c.userId)]);
    if (users.size > 0) await this.recompute([...users]);
  }

  private async forgetGateway(gatewayId: string): Promise<void> {
    const held = await this.store.forgetGateway(gatewayId);
    const users = new Set(held.map((c) => c.userId));
    if (users.size > 0) await this.recompute([...users]);
  }

  // ---------------------------------------------------------------- sweeper

  /** Dead gateways (liveness lapsed) go offline; custom statuses past their expiry disappear. */
  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const lockMs = Math.max(500, this.config.PRESENCE_SWEEP_INTERVAL_MS - 100);
      if (!(await this.store.tryLockSweep(lockMs))) return;
      for (const gatewayId of await this.store.deadGateways()) {
        this.logger.warn({ gatewayId }, 'gateway stopped heartbeating: its connections go offline');
        await this.forgetGateway(gatewayId);
      }
      const due = await this.store.takeExpiredCustomStatuses(Date.now());
      if (due.length > 0) await this.recompute(due);
    } catch (error) {
      this.logger.warn({ err: error }, 'presence sweep failed');
    } finally {
      this.sweeping = false;
    }
  }

  // ---------------------------------------------------------------- users

  async update(userId: string, body: UpdatePresenceDto): Promise<Presence> {
    await this.store.updatePreference(userId, {
      chosen: body.status,
      customStatus: body.customStatus && {
        text: body.customStatus.text,
        emoji: body.customStatus.emoji ?? null,
        expiresAt: body.customStatus.expiresAt ?? null,
      },
    });
    const [presence] = await this.recompute([userId]);
    return presenceFor(userId, userId, presence!.presence);
  }

  /**
   * `ready`'s presences for several handshakes at once: per query, the listed users who are not offline to
   * its user, and that user's own presence. One read of the store for every query's users.
   */
  async readyMany(queries: readonly ReadyQuery[]): Promise<ReadyAnswer[]> {
    const userIds = new Set<string>();
    for (const query of queries) {
      userIds.add(query.userId);
      for (const userId of query.userIds) userIds.add(userId);
    }
    const viewers = [...new Set(queries.map((query) => query.userId))];
    const [shown, blockerSets] = await Promise.all([
      this.store.shown([...userIds]),
      // Those who blocked a viewer look offline to them (issue 20).
      Promise.all(viewers.map((viewerId) => this.audience.blockersOf(viewerId))),
    ]);
    const blockersOf = new Map(viewers.map((viewerId, index) => [viewerId, blockerSets[index]!]));
    return queries.map(({ userId: viewerId, userIds: listed }) => {
      const blockers = blockersOf.get(viewerId)!;
      const view = (userId: string) =>
        presenceFor(userId, viewerId, blockers.has(userId) ? OFFLINE : (shown.get(userId) ?? OFFLINE));
      const presences: Presence[] = [];
      for (const userId of new Set(listed)) {
        if (userId === viewerId) continue;
        const presence = view(userId);
        if (presence.status !== 'offline') presences.push(presence);
      }
      return { presences, self: view(viewerId) };
    });
  }

  /**
   * Presences of many users as `viewerId` sees them, in one read of the store. Users who share no guild
   * and no DM with the viewer answer offline (their presence is not the viewer's business; answering
   * offline rather than omitting them leaks nothing either way).
   */
  async query(viewerId: string, userIds: readonly string[]): Promise<Presence[]> {
    const [shown, visible, blockers] = await Promise.all([
      this.store.shown(userIds),
      this.audience.sharingWith(viewerId, userIds),
      // Those who blocked the viewer look offline to them (issue 20).
      this.audience.blockersOf(viewerId),
    ]);
    return userIds.map((userId) => {
      const hidden = !visible.has(userId) || blockers.has(userId);
      const presence = hidden ? OFFLINE : (shown.get(userId) ?? OFFLINE);
      return presenceFor(userId, viewerId, presence);
    });
  }

  /** Everyone in the guild who is not offline to others: its members, then one read of their presences. */
  async guild(viewerId: string, guildId: string): Promise<Presence[] | null> {
    const members = await this.audience.guildMembers(guildId);
    if (!members.includes(viewerId)) return null;
    const [shown, blockers] = await Promise.all([
      this.store.shown(members),
      this.audience.blockersOf(viewerId),
    ]);
    const presences: Presence[] = [];
    for (const [userId, presence] of shown) {
      if (blockers.has(userId)) continue;
      const view = presenceFor(userId, viewerId, presence);
      if (view.status !== 'offline') presences.push(view);
    }
    return presences;
  }

  /**
   * A deleted account (user.deleted): its connections and settings are forgotten, it goes offline for
   * everyone who could see it (presence.updated, while the projection still knows them), then the
   * projection forgets it. Idempotent: a replay finds it offline and nothing to forget.
   */
  async forgetUser(userId: string): Promise<void> {
    await this.store.forgetUser(userId);
    await this.recompute([userId]);
    await this.audience.forgetUser(userId);
  }

  // ---------------------------------------------------------------- relationships

  /**
   * A relationship changed (userId's side towards targetId): targetId's sessions get userId's presence
   * as they may now see it — offline once blocked, the live status once befriended or unblocked — so
   * clients need not refetch. Only to targetId (and userId's own sessions, their status unchanged).
   */
  async pushTo(userId: string, targetId: string): Promise<void> {
    const [shown, blockers] = await Promise.all([
      this.store.shown([userId]),
      this.audience.blockersOf(targetId),
    ]);
    const presence = blockers.has(userId) ? OFFLINE : (shown.get(userId) ?? OFFLINE);
    const event = createEvent(
      'presence.updated',
      userId,
      {
        userId,
        status: presence.public.status,
        customStatus: presence.public.customStatus,
        self: (shown.get(userId) ?? OFFLINE).self,
        guildIds: [],
        dmUserIds: [targetId],
        updatedAt: new Date().toISOString(),
      },
      'presence',
    );
    try {
      await this.bus.publish([event]);
    } catch (error) {
      this.logger.error({ err: error }, 'presence.updated (relationship change) could not be published');
    }
  }

  // ---------------------------------------------------------------- recompute + publish

  /** Recomputes users from their connections and preference; stores and publishes those that changed. */
  recompute(userIds: readonly string[]): Promise<{ userId: string; presence: AggregatedPresence }[]> {
    const run = this.recomputing.then(() => this.recomputeNow(userIds));
    this.recomputing = run.catch(() => undefined);
    return run;
  }

  private async recomputeNow(
    userIds: readonly string[],
  ): Promise<{ userId: string; presence: AggregatedPresence }[]> {
    const inputs = await this.store.inputs(userIds);
    const now = Date.now();
    const results: { userId: string; presence: AggregatedPresence }[] = [];
    const changed: { userId: string; presence: AggregatedPresence }[] = [];
    userIds.forEach((userId, index) => {
      const input = inputs[index]!;
      const presence = aggregatePresence(input, now);
      results.push({ userId, presence });
      if (!samePresence(input.shown ?? OFFLINE, presence)) changed.push({ userId, presence });
    });
    if (changed.length === 0) return results;

    await this.store.saveShown(changed);
    const audiences = await this.audience.audiences(changed.map((c) => c.userId));
    const updatedAt = new Date(now).toISOString();
    const events = changed.map(({ userId, presence }, index) =>
      createEvent(
        'presence.updated',
        userId,
        {
          userId,
          status: presence.public.status,
          customStatus: presence.public.customStatus,
          self: presence.self,
          ...routing(audiences[index]!),
          updatedAt,
        },
        'presence',
      ),
    );
    try {
      await this.bus.publish(events);
    } catch (error) {
      // The state is saved (GET /presences and `ready` answer it); only the live push was lost.
      this.logger.error({ err: error, users: changed.length }, 'presence.updated could not be published');
    }
    return results;
  }
}

/**
 * Where a presence.updated goes: the user's guilds, DM partners and friends — never to whom they
 * blocked (left out of the user rooms, and named so the gateway skips them in shared guild rooms).
 */
function routing(audience: Audience): {
  guildIds: string[];
  dmUserIds: string[];
  hiddenFromUserIds?: string[];
} {
  const blocked = new Set(audience.blockedIds);
  const dmUserIds = [...new Set([...audience.dmUserIds, ...audience.friendIds])].filter(
    (id) => !blocked.has(id),
  );
  return {
    guildIds: audience.guildIds,
    dmUserIds,
    ...(audience.blockedIds.length > 0 ? { hiddenFromUserIds: audience.blockedIds } : {}),
  };
}
