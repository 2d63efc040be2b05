import { randomBytes } from 'node:crypto';
import { type AnyEvent, type EventData, TOPICS } from '@bonfire/contracts';
import { createEvent, standaloneEventBus, type Subscription } from '@bonfire/messaging';
import { until } from '@bonfire/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryPresenceStore } from './presence/memory-presence.store';
import { PresenceStore } from './presence/presence.store';
import { InMemoryAudienceStore } from './projection/memory-audience.store';
import { AudienceStore } from './projection/audience.store';
import { PresenceTestApp } from './testing/presence-test-app';

/** Presence in the standalone shape: no Redis, no Kafka (their settings are absent), in-process bus. */
describe('presence service (standalone shape)', () => {
  let app: PresenceTestApp;
  let subscription: Subscription;
  const updates: EventData<'presence.updated'>[] = [];
  const user = () => String(BigInt(Date.now()) * 4_194_304n + BigInt(randomBytes(2).readUInt16BE()));

  beforeAll(async () => {
    app = await PresenceTestApp.start({
      BONFIRE_MODE: 'standalone',
      REDIS_URL: undefined,
      KAFKA_BROKERS: undefined,
      PRESENCE_PROJECTION_ENABLED: 'true',
      PRESENCE_GATEWAY_TTL_SECONDS: '1',
      PRESENCE_SWEEP_INTERVAL_MS: '300',
    });
    subscription = await standaloneEventBus().subscribe({
      group: `presence-standalone-test-${randomBytes(4).toString('hex')}`,
      topics: [TOPICS.presenceUpdates],
      startFrom: 'latest',
      handler: async (event) => {
        if (event.type === 'presence.updated') updates.push(event.data);
      },
    });
  });

  afterAll(async () => {
    await subscription?.close();
    await app?.stop();
  });

  it('keeps its state in memory', () => {
    expect(app.service.app.get(PresenceStore, { strict: false })).toBeInstanceOf(InMemoryPresenceStore);
    expect(app.service.app.get(AudienceStore, { strict: false })).toBeInstanceOf(InMemoryAudienceStore);
  });

  it('aggregates gateway reports and publishes to the audience projected from chat events', async () => {
    const [alice, bob] = [user(), user()];
    const guildId = user();
    for (const userId of [alice, bob]) {
      await standaloneEventBus().publish(
        createEvent(
          'member.joined',
          guildId,
          { member: { guildId, userId, nickname: null, roleIds: [], joinedAt: new Date().toISOString() } },
          'chat',
        ) as AnyEvent,
      );
    }
    const gateway = `gw-${randomBytes(3).toString('hex')}`;
    const reply = await app.call('POST', `/internal/v1/presence/gateways/${gateway}/report`, {
      as: '0',
      body: { events: [{ type: 'connect', connectionId: 'c1', userId: alice }] },
    });
    expect(reply.status).toBe(204);
    const seen = await app.call<{ status: string }[]>('GET', `/api/v1/presences?userIds=${alice}`, {
      as: bob,
    });
    expect(seen.body[0]!.status).toBe('online');
    await until(() => updates.some((update) => update.userId === alice && update.status === 'online'));
    expect(updates.find((update) => update.userId === alice)!.guildIds).toEqual([guildId]);
  });

  it('takes the users of a gateway that stopped heartbeating offline', async () => {
    const carol = user();
    const gateway = `gw-${randomBytes(3).toString('hex')}`;
    const self = async () =>
      (await app.call<{ status: string }[]>('GET', `/api/v1/presences?userIds=${carol}`, { as: carol }))
        .body[0]!.status;
    await app.call('POST', `/internal/v1/presence/gateways/${gateway}/heartbeat`, {
      as: '0',
      body: { connections: [{ connectionId: 'c1', userId: carol }] },
    });
    expect(await self()).toBe('online');
    await until(async () => (await self()) === 'offline', 5_000);
    await until(() => updates.some((update) => update.userId === carol && update.status === 'offline'));
  });
});
