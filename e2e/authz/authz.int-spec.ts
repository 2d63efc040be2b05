import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DISPATCH_TYPES, type DispatchType, PERMISSIONS } from '@bonfire/contracts';
import { createEvent, KafkaEventBus } from '@bonfire/messaging';
import { until } from '@bonfire/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeSearchIndex } from '../support/search-index';
import { Stack } from '../support/stack';
import { type CallContext, defaultParams, EXERCISES, makeEmoji } from './exercises';
import { bounded, send } from './http';
import {
  expectedOutcome,
  type Outcome,
  refusalShapeProblem,
  revealed,
  ROLES,
  type Role,
  secretsFor,
  statusMatches,
  type Variant,
} from './matrix';
import { POLICY } from './policy';
import { DISPATCH_AUDIENCE, receives, type WatcherRole, Watcher, WATCHERS } from './realtime';
import { type Secrets, type World, WorldBuilder } from './world';

/**
 * The authorisation matrix, generated from the merged OpenAPI document: every operation × every caller
 * (anonymous, stranger, member without the permission, member granted it, owner) against real resources
 * made through the public API (world.ts), each answer checked against the policy table (policy.ts): its
 * status, that the status is documented, that a refusal is the bare common error body, and that no answer
 * carries anything of the guild, its private channel or its DM to a caller who cannot see them. Then the
 * same for the live stream: each dispatch type's representative trigger reaches exactly who may see it.
 */

interface Operation {
  key: string;
  method: string;
  path: string;
  documented: string[];
}

const OPENAPI = JSON.parse(readFileSync(resolve(__dirname, '../../apps/gateway/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
};
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];
const OPERATIONS: Operation[] = Object.entries(OPENAPI.paths).flatMap(([path, operations]) =>
  Object.entries(operations)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, operation]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      documented: Object.keys(operation.responses ?? {}),
    })),
);

/** Spare users for throwaway targets (bans, kicks, DM recipients, voice). */
const SPARE_USERS = 28;
/** Cells in flight at once (2 cores shared with the stack). */
const CONCURRENCY = 8;

describe('authorisation policy table', () => {
  it('names every operation of the OpenAPI document, and nothing else', () => {
    const documented = OPERATIONS.map((operation) => operation.key);
    expect(
      documented.filter((key) => !(key in POLICY)),
      'operations without a policy in policy.ts',
    ).toEqual([]);
    expect(
      Object.keys(POLICY).filter((key) => !documented.includes(key)),
      'stale policy entries',
    ).toEqual([]);
    expect(
      Object.keys(EXERCISES).filter((key) => !documented.includes(key)),
      'stale exercises',
    ).toEqual([]);
  });

  it('names every dispatch type of the realtime protocol', () => {
    expect([...DISPATCH_TYPES].sort()).toEqual(Object.keys(DISPATCH_AUDIENCE).sort());
  });
});

describe('authorisation matrix (every operation × caller; every dispatch type × watcher)', () => {
  let stack: Stack;
  let builder: WorldBuilder;
  let world: World;
  let routesDir: string;
  const watchers = new Map<WatcherRole, Watcher>();
  const searchAlias = `messages-authz-${Date.now()}`;
  /** The matrices' sizes, printed once at the end. */
  const sizes: string[] = [];

  beforeAll(async () => {
    const suffix = `authz-${Date.now()}`;
    // Everything comes from one address: the per-address limits of the real routing table, raised.
    routesDir = mkdtempSync(join(tmpdir(), 'bonfire-authz-'));
    const routes = JSON.parse(readFileSync(resolve(__dirname, '../../apps/gateway/routes.json'), 'utf8')) as {
      rateLimits: { limit: number }[];
    };
    for (const limit of routes.rateLimits) limit.limit *= 1000;
    writeFileSync(join(routesDir, 'routes.json'), JSON.stringify(routes));
    stack = await Stack.start({
      services: ['auth', 'chat', 'presence', 'file', 'search', 'voice', 'gateway'],
      env: {
        GATEWAY_ROUTES_FILE: join(routesDir, 'routes.json'),
        RATE_LIMIT_IP_PER_MINUTE: '1000000',
        RATE_LIMIT_USER_PER_MINUTE: '1000000',
        CHAT_SEND_LIMIT_PER_10S: '1000',
        // No signaling connects: voice states must outlive the run.
        VOICE_TOKEN_TTL_SECONDS: '600',
        PRESENCE_KEY_PREFIX: `presence-${suffix}`,
      },
      serviceEnv: {
        file: { FILE_CONSUMER_GROUP: `file.${suffix}`, FILE_CONSUMER_START_FROM: 'latest' },
        search: {
          SEARCH_INDEX_ALIAS: searchAlias,
          SEARCH_CONSUMER_GROUP: `search.${suffix}`,
          SEARCH_INDEXER_START_FROM: 'latest',
          // A loaded 2-core machine: a first query on a new index can take seconds (not the point here).
          SEARCH_ES_TIMEOUT_MS: '20000',
        },
        presence: {
          PRESENCE_CONSUMER_GROUP: `presence.${suffix}`,
          PRESENCE_PROJECTION_START_FROM: 'latest',
        },
      },
    });
    builder = new WorldBuilder(stack.gateway.url);
    world = await builder.build(SPARE_USERS);
    for (const role of WATCHERS) watchers.set(role, await Watcher.open(stack.gateway.url, world[role].token));
  }, 120_000);

  afterAll(async () => {
    // eslint-disable-next-line no-console -- the one line the matrix prints: its size
    if (sizes.length > 0) console.log(`authorisation matrix: ${sizes.join('; ')} asserted`);
    for (const watcher of watchers.values()) watcher.close();
    await stack?.stop();
    if (routesDir) rmSync(routesDir, { recursive: true, force: true });
    if (stack?.shape === 'distributed') await removeSearchIndex(searchAlias);
  });

  it('REST: each operation answers each caller as its policy says, and leaks nothing', async () => {
    interface Cell {
      operation: Operation;
      role: Role;
      variant: Variant;
      expected: Outcome;
      lane: string;
      context: CallContext;
    }
    const sharedValues = new Map<string, Promise<unknown>>();
    const shared = <T>(key: string, make: () => Promise<T>): Promise<T> => {
      if (!sharedValues.has(key)) sharedValues.set(key, make());
      return sharedValues.get(key) as Promise<T>;
    };
    const cells: Cell[] = [];
    for (const operation of OPERATIONS) {
      const policy = POLICY[operation.key]!;
      const exercise = EXERCISES[operation.key] ?? {};
      for (const variant of ['base', ...(exercise.variants ?? [])] as Variant[]) {
        for (const role of ROLES) {
          const expected = expectedOutcome(policy, role, variant);
          const context: CallContext = {
            world,
            builder,
            role,
            variant,
            expected,
            caller: role === 'anonymous' ? null : world[role],
            target: world.targets[variant],
            shared,
          };
          const lane = exercise.lane?.(context) ?? `${operation.key} ${variant} ${role}`;
          cells.push({ operation, role, variant, expected, lane, context });
        }
      }
    }

    const problems: string[] = [];
    const retried: string[] = [];
    const run = async (cell: Cell) => {
      const { operation, role, variant, expected, context } = cell;
      const exercise = EXERCISES[operation.key] ?? {};
      const name = `${role.padEnd(9)} ${operation.key}${variant === 'base' ? '' : ` [${variant}]`}`;
      try {
        const call = (await exercise.prepare?.(context)) ?? {};
        const params = { ...defaultParams(context), ...call.params };
        const path = operation.path.replace(/\{(\w+)\}/g, (_, param: string) => {
          if (!params[param]) throw new Error(`no value for {${param}}`);
          return params[param];
        });
        const token = call.token !== undefined ? call.token : (context.caller?.token ?? null);
        const request = () =>
          send(world.baseUrl, operation.method, path, { token, body: call.body, query: call.query });
        let reply = await request();
        if (reply.status === 502) {
          // The gateway lost its pooled connection to the service (a keep-alive race on a loaded machine):
          // not what this matrix is about; one more try, counted in the printed summary.
          retried.push(name);
          reply = await request();
        }
        const said = `→ ${reply.status} ${reply.text.slice(0, 300)}`;
        if (!statusMatches(expected, reply.status)) problems.push(`${name}: expected ${expected} ${said}`);
        if (!operation.documented.includes(String(reply.status))) {
          problems.push(`${name}: status ${reply.status} is not in the OpenAPI document`);
        }
        if (reply.status >= 400) {
          const shape = refusalShapeProblem(reply.body);
          if (shape) problems.push(`${name}: refusal body is not the bare error format (${shape}) ${said}`);
        }
        const sent = `${path} ${call.query ?? ''} ${JSON.stringify(call.body ?? null)}`;
        const allowed = revealed(world, POLICY[operation.key]!);
        const leaked = Object.entries(secretsFor(world, role))
          .filter(
            ([, secret]) =>
              reply.text.includes(secret) && !sent.includes(secret) && !allowed.includes(secret),
          )
          .map(([what]) => what);
        if (leaked.length > 0) problems.push(`${name}: leaks the ${leaked.join(', ')} ${said}`);
        if (reply.status < 400) {
          const problem = exercise.check?.(context, reply);
          if (problem) problems.push(`${name}: ${problem}`);
        }
      } catch (error) {
        problems.push(`${name}: could not run: ${(error as Error).message}`);
      }
    };

    const lanes = new Map<string, Cell[]>();
    for (const cell of cells) lanes.set(cell.lane, [...(lanes.get(cell.lane) ?? []), cell]);
    await bounded([...lanes.values()], CONCURRENCY, async (lane) => {
      for (const cell of lane) await run(cell);
    });

    sizes.push(
      `REST ${OPERATIONS.length} operations × ${ROLES.length} callers (+ private channel and DM variants): ` +
        `${cells.length} cells` +
        (retried.length > 0 ? ` (retried after a 502: ${retried.join('; ')})` : ''),
    );
    expect(problems).toEqual([]);
  }, 120_000);

  it('realtime: each dispatch type reaches exactly who may see what it is about', async () => {
    const { actor, owner, guild } = world;
    const x = actor.client;
    const g = `/api/v1/guilds/${guild.id}`;
    const VIEW = String(PERMISSIONS.VIEW_CHANNEL);
    const actorSocket = await Watcher.open(world.baseUrl, actor.token);
    const guest = builder.spare();

    /** How to recognise each trigger's dispatch (filled as the triggers run). */
    const recognise = new Map<DispatchType, (data: Record<string, unknown>) => boolean>();
    const skipped: string[] = [];
    const delivered = async (type: DispatchType, matches: (data: Record<string, unknown>) => boolean) => {
      recognise.set(type, matches);
      const audience = DISPATCH_AUDIENCE[type];
      const expected = WATCHERS.filter((role) => receives(audience, role));
      const deadline = Date.now() + 20_000;
      while (!expected.every((role) => watchers.get(role)!.got(type, matches))) {
        if (Date.now() > deadline) {
          const missing = expected.map((role) => [role, watchers.get(role)!] as const);
          const said = missing
            .filter(([, watcher]) => !watcher.got(type, matches))
            .map(
              ([role, watcher]) => `${role}${watcher.closed ? ` (socket closed: ${watcher.closed})` : ''}`,
            );
          throw new Error(`${type} never reached ${said.join(', ')}`);
        }
        await new Promise((wait) => setTimeout(wait, 50));
      }
    };
    const id = (data: Record<string, unknown>, key: string) => (data[key] as { id?: string } | undefined)?.id;

    // Private channel life, by the actor (a `mod` holder like `granted`).
    const vault = await x.ok<{ id: string }>('POST', `${g}/channels`, {
      name: 'vault-live',
      topic: 'live plans',
      permissionOverwrites: [
        { id: guild.id, type: 'role', deny: VIEW },
        { id: world.roles.mod.id, type: 'role', allow: VIEW },
      ],
    });
    await delivered('channel.created', (data) => id(data, 'channel') === vault.id);
    await x.ok('PATCH', `/api/v1/channels/${vault.id}`, { topic: 'newer plans' });
    await delivered('channel.updated', (data) => id(data, 'channel') === vault.id);
    const said = await x.ok<{ id: string }>('POST', `/api/v1/channels/${vault.id}/messages`, {
      content: 'live secret',
    });
    await delivered('message.created', (data) => id(data, 'message') === said.id);
    await x.ok('PATCH', `/api/v1/channels/${vault.id}/messages/${said.id}`, { content: 'edited secret' });
    await delivered('message.updated', (data) => id(data, 'message') === said.id);
    const reaction = `/api/v1/channels/${vault.id}/messages/${said.id}/reactions/${encodeURIComponent('🔥')}/@me`;
    await x.ok('PUT', reaction);
    await delivered('reaction.added', (data) => data['messageId'] === said.id);
    await x.ok('DELETE', reaction);
    await delivered('reaction.removed', (data) => data['messageId'] === said.id);
    // A thread of the private channel: seen exactly by who sees the channel (its own room), and its
    // messages too.
    const thread = await x.ok<{ id: string }>('POST', `/api/v1/channels/${vault.id}/threads`, {
      name: 'live thread',
    });
    await delivered('thread.created', (data) => id(data, 'thread') === thread.id);
    const threadSaid = await x.ok<{ id: string }>('POST', `/api/v1/channels/${thread.id}/messages`, {
      content: 'live thread secret',
    });
    await until(() =>
      (['granted', 'owner'] as const).every((who) =>
        watchers.get(who)!.got('message.created', (data) => id(data, 'message') === threadSaid.id),
      ),
    );
    await owner.client.ok('PUT', `/api/v1/channels/${thread.id}/thread-members/@me`);
    await delivered('thread.members.updated', (data) => data['threadId'] === thread.id);
    await x.ok('PATCH', `/api/v1/channels/${thread.id}`, { archived: true });
    await delivered(
      'thread.updated',
      (data) =>
        id(data, 'thread') === thread.id &&
        (data['thread'] as { thread?: { archived?: boolean } }).thread?.archived === true,
    );
    await x.ok('DELETE', `/api/v1/channels/${thread.id}`);
    await delivered('thread.deleted', (data) => data['threadId'] === thread.id);
    expect(await actorSocket.typing(vault.id)).toEqual({ ok: true });
    await delivered('typing.started', (data) => data['channelId'] === vault.id);
    await x.ok('DELETE', `/api/v1/channels/${vault.id}/messages/${said.id}`);
    await delivered('message.deleted', (data) => data['messageId'] === said.id);
    const privateVoice = world.channels.privateVoice.id;
    await x.ok('POST', `/api/v1/channels/${privateVoice}/voice`, {});
    await delivered(
      'voice.state.updated',
      (data) => data['userId'] === actor.id && data['channelId'] === privateVoice,
    );
    if (stack.shape === 'distributed') {
      // No RTP flows here: the voice node's speaking event goes on the bus as the node would send it.
      const bus = new KafkaEventBus({ brokers: process.env['KAFKA_BROKERS']!.split(','), clientId: 'authz' });
      try {
        const speaking = { guildId: guild.id, channelId: privateVoice, userId: actor.id, speaking: true };
        await bus.publish(createEvent('voice.speaking', guild.id, speaking, 'voice'));
      } finally {
        await bus.close();
      }
      await delivered('voice.speaking', (data) => data['channelId'] === privateVoice);
    } else {
      skipped.push('voice.speaking (standalone: the in-process bus cannot be reached from the test)');
    }
    // Out of the private voice channel into the public one: its viewers see the actor arrive and learn
    // nothing of where from (the stream check at the end: no private id in `member`'s stream).
    const publicVoice = world.channels.voice.id;
    await x.ok('POST', `/api/v1/channels/${publicVoice}/voice`, {});
    await until(
      () =>
        (['member', 'granted', 'owner'] as const).every((role) =>
          watchers
            .get(role)!
            .got(
              'voice.state.updated',
              (data) => data['userId'] === actor.id && data['channelId'] === publicVoice,
            ),
        ),
      20_000,
    );
    await x.ok('DELETE', `/api/v1/channels/${vault.id}`);
    await delivered('channel.deleted', (data) => data['channelId'] === vault.id);

    // Guild-wide events.
    await x.ok('PATCH', g, { description: 'live description' });
    await delivered(
      'guild.updated',
      (data) => (data['guild'] as { description?: string }).description === 'live description',
    );
    const role = await x.ok<{ id: string }>('POST', `${g}/roles`, { name: 'live role' });
    await delivered('role.created', (data) => id(data, 'role') === role.id);
    await x.ok('PATCH', `${g}/roles/${role.id}`, { color: 0xabcdef });
    await delivered('role.updated', (data) => id(data, 'role') === role.id);
    await x.ok('DELETE', `${g}/roles/${role.id}`);
    await delivered('role.deleted', (data) => data['roleId'] === role.id);
    const emoji = await makeEmoji(world, actor);
    await delivered(
      'guild.emojis.updated',
      (data) =>
        data['guildId'] === guild.id &&
        (data['emojis'] as { id: string }[]).some((entry) => entry.id === emoji.id),
    );
    await guest.client.ok('POST', `/api/v1/invites/${world.invite}`);
    const guestMember = (data: Record<string, unknown>) =>
      (data['member'] as { userId?: string } | undefined)?.userId === guest.id;
    await delivered('member.joined', guestMember);
    await x.ok('PATCH', `${g}/members/${guest.id}`, { nickname: 'guest' });
    await delivered('member.updated', guestMember);
    const guestSocket = await Watcher.open(world.baseUrl, guest.token);
    await guest.client.ok('PATCH', '/api/v1/users/@me/presence', { status: 'dnd' });
    await delivered('presence.updated', (data) => data['userId'] === guest.id && data['status'] === 'dnd');
    // A profile change reaches those who share a guild with the user (a stranger never).
    await guest.client.ok('PATCH', '/api/v1/users/@me', { displayName: 'Guest Renamed' });
    await delivered(
      'user.updated',
      (data) => data['id'] === guest.id && data['displayName'] === 'Guest Renamed',
    );
    await x.ok('DELETE', `${g}/members/${guest.id}`);
    await delivered('member.left', (data) => data['userId'] === guest.id && data['guildId'] === guild.id);

    // The owner's own read state.
    const latest = await x.ok<{ id: string }>('POST', `/api/v1/channels/${world.channels.text.id}/messages`, {
      content: 'read me',
    });
    await owner.client.ok('POST', `/api/v1/channels/${world.channels.text.id}/messages/${latest.id}/ack`);
    await delivered('readstate.updated', (data) => data['lastReadMessageId'] === latest.id);
    // The owner's own notification: a mention notifies only the mentioned (their settings' default).
    const mention = await x.ok<{ id: string }>(
      'POST',
      `/api/v1/channels/${world.channels.text.id}/messages`,
      {
        content: `ping <@${world.owner.id}>`,
      },
    );
    await delivered('notification.created', (data) => data['messageId'] === mention.id);
    // The owner's own relationships: blocking someone and unblocking them reach the owner alone.
    const blocked = builder.spare();
    await owner.client.ok('PUT', `/api/v1/users/@me/relationships/${blocked.id}`, { type: 'blocked' });
    await delivered(
      'relationship.added',
      (data) => (data['relationship'] as { id?: string })?.id === blocked.id,
    );
    await owner.client.ok('DELETE', `/api/v1/users/@me/relationships/${blocked.id}`);
    await delivered('relationship.removed', (data) => data['id'] === blocked.id);
    // The owner's own data export: its state reaches the owner's sockets alone.
    const exported = await owner.client.ok<{ id: string }>('POST', '/api/v1/users/@me/data-exports');
    await delivered('data_export.updated', (data) => data['id'] === exported.id);

    // A guild's end (a throwaway guild shaped like G).
    const doomed = await builder.throwawayGuild(world);
    // Joining reaches the gateway on another topic than the deletion: the members' sessions must be in the
    // guild's room first (what a client would have seen before the guild went).
    await until(() =>
      (['member', 'granted'] as const).every((role) =>
        watchers.get(role)!.got('member.joined', (data) => {
          const joined = data['member'] as { guildId: string; userId: string };
          return joined.guildId === doomed && joined.userId === world[role].id;
        }),
      ),
    );
    await owner.client.ok('DELETE', `/api/v1/guilds/${doomed}`);
    await delivered('guild.deleted', (data) => data['guildId'] === doomed);

    // Whoever should not have got an event has had the time to: the receivers' copies left the same gateway.
    await new Promise((wait) => setTimeout(wait, 750));
    const problems: string[] = [];
    let asserted = 0;
    for (const [type, matches] of recognise) {
      for (const role of WATCHERS) {
        asserted += 1;
        const expected = receives(DISPATCH_AUDIENCE[type], role);
        if (watchers.get(role)!.got(type, matches) !== expected) {
          problems.push(`${role} ${expected ? 'did not receive' : 'received'} ${type}`);
        }
      }
    }
    // Over the whole run (REST cells included), nothing of what a watcher cannot see reached it.
    const live = {
      'live channel id': vault.id,
      'live channel topic': 'live plans',
      'live message': 'live secret',
      'live thread message': 'live thread secret',
    };
    const unseen: Record<WatcherRole, Secrets> = {
      stranger: { ...secretsFor(world, 'stranger'), ...live, 'doomed guild id': doomed },
      member: { ...secretsFor(world, 'member'), ...live, 'newer live topic': 'newer plans' },
      granted: secretsFor(world, 'granted'),
      owner: {},
    };
    for (const role of WATCHERS) {
      for (const dispatch of watchers.get(role)!.dispatches) {
        const text = JSON.stringify(dispatch);
        const leaked = Object.entries(unseen[role])
          .filter(([, secret]) => text.includes(secret))
          .map(([what]) => what);
        if (leaked.length > 0)
          problems.push(`${role} got ${text.slice(0, 500)}: it carries the ${leaked.join(', ')}`);
      }
    }
    actorSocket.close();
    guestSocket.close();
    sizes.push(
      `realtime ${recognise.size} dispatch types × ${WATCHERS.length} watchers: ${asserted} cells` +
        (skipped.length > 0 ? ` (not run: ${skipped.join('; ')})` : ''),
    );
    expect(problems).toEqual([]);
  }, 90_000);
});
