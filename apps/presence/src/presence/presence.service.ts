import type { ChosenPresenceStatus, CustomStatus, Presence } from '@bonfire/contracts';
import { createEvent, KafkaEventBus } from '@bonfire/messaging';
import { createLogger, InjectRedis, type Redis } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PRESENCE_CONFIG, type PresenceConfig } from '../config';
import {
  aggregatePresence,
  type AggregatedPresence,
  type ConnectionActivity,
  deadGateways,
  diffConnections,
  OFFLINE,
  presenceFor,
  samePresence,
} from './aggregate';
import type { HeartbeatDto, ReportDto, UpdatePresenceDto } from './presence.dto';
import { PresenceKeys } from './presence.keys';

type Connection = { connectionId: string; userId: string; activity: ConnectionActivity };

/**
 * Presence state in Redis, fed by the gateways.
 *
 * Transport (gateway → presence): internal HTTP, not Kafka and not a shared Redis client library.
 * Each gateway sends its connection events (connect, disconnect, idle, active) in small batches as they
 * happen and, every ~20 s, a heartbeat carrying its full connection list. Requests from one gateway are
 * sent one at a time, so presence sees them in order. Why HTTP: presence answers at once (the gateway
 * learns about failures and the heartbeat repairs them), the full list is idempotent, and there is no
 * topic to size for a per-connection firehose; libs stay free of presence logic.
 *
 * Expiry: one liveness key per gateway (`gw:{g}:alive`, TTL PRESENCE_GATEWAY_TTL_SECONDS), refreshed by
 * every request of that gateway; connections are grouped per gateway, so a sweeper (one replica at a
 * time) finds a dead gateway with one EXISTS per gateway and takes all its users offline together.
 *
 * Rebuild: a heartbeat is a full list diffed against what Redis holds, so after a Redis restart (or
 * flush) every live connection comes back with the next heartbeat of each gateway (≤ 20 s).
 *
 * Publishing: presence has no database, so it publishes presence.updated straight to Kafka (key: user
 * id) after it recomputed a user whose presence changed — at-least-once: state is in Redis, a duplicate
 * event carries the same presence. Recomputes run one batch at a time in a process; two replicas racing
 * on the same user can publish out of order (each gateway talks to one replica at a time, so this needs
 * one user's devices on two gateways hitting two replicas in the same instant).
 */
@Injectable()
export class PresenceService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly keys: PresenceKeys;
  private readonly logger;
  private readonly bus: KafkaEventBus;
  private recomputing: Promise<unknown> = Promise.resolve();
  private sweeper?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    @Inject(PRESENCE_CONFIG) private readonly config: PresenceConfig,
    @InjectRedis() private readonly redis: Redis,
  ) {
    this.keys = new PresenceKeys(config.PRESENCE_KEY_PREFIX);
    this.logger = createLogger('presence', config.LOG_LEVEL).child({ component: 'presence' });
    this.bus = new KafkaEventBus({
      brokers: config.KAFKA_BROKERS,
      clientId: 'presence',
      logger: this.logger,
    });
  }

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(() => void this.sweep(), this.config.PRESENCE_SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await this.recomputing.catch(() => undefined);
    await this.bus.close().catch(() => undefined);
  }

  // ---------------------------------------------------------------- gateways

  /** Incremental connection events of one gateway. */
  async report(gatewayId: string, body: ReportDto): Promise<void> {
    const upsert: Connection[] = [];
    const remove: { connectionId: string; userId: string }[] = [];
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
    const held = await this.gatewayConnections(gatewayId);
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

  private async gatewayConnections(
    gatewayId: string,
  ): Promise<Map<string, { userId: string; activity: ConnectionActivity }>> {
    const raw = await this.redis.hgetall(this.keys.gatewayConnections(gatewayId));
    const held = new Map<string, { userId: string; activity: ConnectionActivity }>();
    for (const [connectionId, value] of Object.entries(raw)) {
      const [userId, activity] = value.split('|');
      held.set(connectionId, { userId: userId!, activity: activity === 'idle' ? 'idle' : 'online' });
    }
    return held;
  }

  private async apply(
    gatewayId: string,
    upsert: readonly Connection[],
    remove: readonly { connectionId: string; userId: string }[],
  ): Promise<void> {
    const k = this.keys;
    const multi = this.redis.multi();
    multi.sadd(k.gateways(), gatewayId);
    multi.set(k.gatewayAlive(gatewayId), String(Date.now()), 'EX', this.config.PRESENCE_GATEWAY_TTL_SECONDS);
    for (const c of upsert) {
      multi.hset(k.gatewayConnections(gatewayId), c.connectionId, `${c.userId}|${c.activity}`);
      multi.hset(k.userConnections(c.userId), `${gatewayId}/${c.connectionId}`, c.activity);
    }
    for (const c of remove) {
      multi.hdel(k.gatewayConnections(gatewayId), c.connectionId);
      multi.hdel(k.userConnections(c.userId), `${gatewayId}/${c.connectionId}`);
    }
    await multi.exec();
    const users = new Set([...upsert.map((c) => c.userId), ...remove.map((c) => c.userId)]);
    if (users.size > 0) await this.recompute([...users]);
  }

  private async forgetGateway(gatewayId: string): Promise<void> {
    const k = this.keys;
    const held = await this.gatewayConnections(gatewayId);
    const multi = this.redis.multi();
    for (const [connectionId, { userId }] of held) {
      multi.hdel(k.userConnections(userId), `${gatewayId}/${connectionId}`);
    }
    multi.del(k.gatewayConnections(gatewayId), k.gatewayAlive(gatewayId));
    multi.srem(k.gateways(), gatewayId);
    await multi.exec();
    const users = new Set([...held.values()].map((c) => c.userId));
    if (users.size > 0) await this.recompute([...users]);
  }

  // ---------------------------------------------------------------- sweeper

  /** Dead gateways (liveness key expired) go offline; custom statuses past their expiry disappear. */
  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const k = this.keys;
      const lockMs = Math.max(500, this.config.PRESENCE_SWEEP_INTERVAL_MS - 100);
      const locked = await this.redis.set(k.sweepLock(), '1', 'PX', lockMs, 'NX');
      if (locked === null) return;
      const gatewayIds = await this.redis.smembers(k.gateways());
      if (gatewayIds.length > 0) {
        const pipeline = this.redis.pipeline();
        for (const gatewayId of gatewayIds) pipeline.exists(k.gatewayAlive(gatewayId));
        const answers = (await pipeline.exec()) ?? [];
        const alive = answers.map(([, value]) => value === 1);
        for (const gatewayId of deadGateways(gatewayIds, alive)) {
          this.logger.warn({ gatewayId }, 'gateway stopped heartbeating: its connections go offline');
          await this.forgetGateway(gatewayId);
        }
      }
      const now = Date.now();
      const due = await this.redis.zrangebyscore(k.customExpiry(), '-inf', now);
      if (due.length > 0) {
        const multi = this.redis.multi();
        for (const userId of due) multi.zrem(k.customExpiry(), userId);
        await multi.exec();
        await this.recompute(due);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'presence sweep failed');
    } finally {
      this.sweeping = false;
    }
  }

  // ---------------------------------------------------------------- users

  async update(userId: string, body: UpdatePresenceDto): Promise<Presence> {
    const k = this.keys;
    const multi = this.redis.multi();
    if (body.status !== undefined) multi.hset(k.userPreference(userId), 'chosen', body.status);
    if (body.customStatus === null) {
      multi.hdel(k.userPreference(userId), 'custom');
      multi.zrem(k.customExpiry(), userId);
    } else if (body.customStatus !== undefined) {
      const custom: CustomStatus = {
        text: body.customStatus.text,
        emoji: body.customStatus.emoji ?? null,
        expiresAt: body.customStatus.expiresAt ?? null,
      };
      multi.hset(k.userPreference(userId), 'custom', JSON.stringify(custom));
      if (custom.expiresAt) multi.zadd(k.customExpiry(), Date.parse(custom.expiresAt), userId);
      else multi.zrem(k.customExpiry(), userId);
    }
    await multi.exec();
    const [presence] = await this.recompute([userId]);
    return presenceFor(userId, userId, presence!.presence);
  }

  /**
   * Presences of many users as `viewerId` sees them, one HMGET per 1,000 users. With `audience`, users
   * who share no guild and no DM with the viewer answer offline (their presence is not the viewer's
   * business; answering offline rather than omitting them leaks nothing either way).
   */
  async query(viewerId: string, userIds: readonly string[], audience: boolean): Promise<Presence[]> {
    const shown = await this.shown(userIds);
    const visible = audience ? await this.sharing(viewerId, userIds) : null;
    return userIds.map((userId) => {
      const presence = visible && !visible.has(userId) ? OFFLINE : (shown.get(userId) ?? OFFLINE);
      return presenceFor(userId, viewerId, presence);
    });
  }

  /** Everyone in the guild who is not offline to others: SMEMBERS + one HMGET per 1,000 members. */
  async guild(viewerId: string, guildId: string): Promise<Presence[] | null> {
    const members = await this.redis.smembers(this.keys.guildMembers(guildId));
    if (!members.includes(viewerId)) return null;
    const shown = await this.shown(members);
    const presences: Presence[] = [];
    for (const [userId, presence] of shown) {
      const view = presenceFor(userId, viewerId, presence);
      if (view.status !== 'offline') presences.push(view);
    }
    return presences;
  }

  private async shown(userIds: readonly string[]): Promise<Map<string, AggregatedPresence>> {
    const result = new Map<string, AggregatedPresence>();
    if (userIds.length === 0) return result;
    const pipeline = this.redis.pipeline();
    const chunks: string[][] = [];
    for (let index = 0; index < userIds.length; index += 1_000) {
      const chunk = userIds.slice(index, index + 1_000);
      chunks.push(chunk);
      pipeline.hmget(this.keys.shown(), ...chunk);
    }
    const answers = (await pipeline.exec()) ?? [];
    answers.forEach(([error, values], chunkIndex) => {
      if (error) throw error;
      (values as (string | null)[]).forEach((value, index) => {
        if (value) result.set(chunks[chunkIndex]![index]!, JSON.parse(value) as AggregatedPresence);
      });
    });
    return result;
  }

  /** Of `userIds`, those sharing a guild or a DM with the viewer (and the viewer): one round trip. */
  private async sharing(viewerId: string, userIds: readonly string[]): Promise<Set<string>> {
    const k = this.keys;
    const pipeline = this.redis.pipeline();
    pipeline.smembers(k.userGuilds(viewerId));
    pipeline.smembers(k.userDmPartners(viewerId));
    for (const userId of userIds) pipeline.smembers(k.userGuilds(userId));
    const answers = ((await pipeline.exec()) ?? []).map(([, value]) => new Set(value as string[]));
    const [guilds, partners, ...theirs] = answers;
    const visible = new Set<string>([viewerId]);
    userIds.forEach((userId, index) => {
      if (partners!.has(userId)) visible.add(userId);
      else for (const guildId of theirs[index]!) if (guilds!.has(guildId)) return void visible.add(userId);
    });
    return visible;
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
    const k = this.keys;
    const read = this.redis.pipeline();
    for (const userId of userIds) {
      read.hvals(k.userConnections(userId));
      read.hmget(k.userPreference(userId), 'chosen', 'custom');
      read.hget(k.shown(), userId);
    }
    const answers = (await read.exec()) ?? [];
    const now = Date.now();
    const results: { userId: string; presence: AggregatedPresence }[] = [];
    const changed: { userId: string; presence: AggregatedPresence }[] = [];
    userIds.forEach((userId, index) => {
      const connections = (answers[index * 3]![1] as string[]).map((a): ConnectionActivity =>
        a === 'idle' ? 'idle' : 'online',
      );
      const [chosen, custom] = answers[index * 3 + 1]![1] as [string | null, string | null];
      const previousRaw = answers[index * 3 + 2]![1] as string | null;
      const presence = aggregatePresence(
        {
          chosen: (chosen ?? 'online') as ChosenPresenceStatus,
          customStatus: custom ? (JSON.parse(custom) as CustomStatus) : null,
          connections,
        },
        now,
      );
      const previous = previousRaw ? (JSON.parse(previousRaw) as AggregatedPresence) : OFFLINE;
      results.push({ userId, presence });
      if (!samePresence(previous, presence)) changed.push({ userId, presence });
    });
    if (changed.length === 0) return results;

    const write = this.redis.pipeline();
    for (const { userId, presence } of changed) {
      if (presence.self.status === 'offline') write.hdel(k.shown(), userId);
      else write.hset(k.shown(), userId, JSON.stringify(presence));
      write.smembers(k.userGuilds(userId));
      write.smembers(k.userDmPartners(userId));
    }
    const written = (await write.exec()) ?? [];
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
          guildIds: written[index * 3 + 1]![1] as string[],
          dmUserIds: written[index * 3 + 2]![1] as string[],
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
