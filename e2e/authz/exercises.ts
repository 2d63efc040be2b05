import sharp from 'sharp';
import { linkToken, mailpit, waitForMail } from '../support/mail';
import { totpCode } from '../support/totp';
import { type Reply, retrying } from './http';
import type { Outcome, Role, Variant } from './matrix';
import {
  type Person,
  register,
  sessionOf,
  signIn,
  type Target,
  upload,
  type World,
  type WorldBuilder,
} from './world';

/**
 * How the matrix calls each operation. Path parameters default by name (below); an entry adds a body,
 * throwaway resources (destructive routes: each cell its own, so cells stay independent), extra targets
 * (`variants`), a lane (cells in one lane run one after another) or a check of a successful answer.
 * The expectation never comes from here: it comes from policy.ts.
 */
export interface CallContext {
  world: World;
  builder: WorldBuilder;
  role: Role;
  variant: Variant;
  expected: Outcome;
  /** The role's user; null for the anonymous caller. */
  caller: Person | null;
  target: Target;
  /** One value per key for the whole run (a target several cells share because they do not change it). */
  shared<T>(key: string, make: () => Promise<T>): Promise<T>;
}

interface Call {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** Calls with this token instead of the role's (a fresh session, a throwaway user); null: none. */
  token?: string | null;
}

interface Exercise {
  variants?: Variant[];
  lane?: (context: CallContext) => string;
  prepare?: (context: CallContext) => Call | Promise<Call>;
  /** A problem with a successful answer, or null. */
  check?: (context: CallContext, reply: Reply) => string | null;
}

export function defaultParams({ world, target }: CallContext): Record<string, string> {
  return {
    guildId: world.guild.id,
    channelId: target.channel,
    messageId: target.message,
    fileId: target.file ?? '',
    roleId: world.roles.plain.id,
    overwriteId: world.roles.plain.id,
    userId: world.owner.id,
    id: world.owner.id,
    code: world.invite,
    emoji: encodeURIComponent('👍'),
  };
}

const allOf: Variant[] = ['private', 'dm'];
const TEXT_UPLOAD = { filename: 'notes.txt', contentType: 'text/plain', size: 3 };
const IMAGE_UPLOAD = { filename: 'picture.png', contentType: 'image/png', size: 100 };

/** A browser's push subscription (never pushed to: the stack has no VAPID keys). */
const pushSubscription = () => ({
  endpoint: `https://push.example.com/matrix/${Math.random().toString(36).slice(2)}`,
  keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'AAAAAAAAAAAAAAAAAAAAAA' },
});

/** Someone's voice state is theirs alone: their voice cells run one after another. */
const voiceLane = ({ role }: CallContext) => `voice:${role}`;
/**
 * Role writes move positions (a new role goes to 1 and shifts the others up): run concurrently, one would
 * see another's shift mid-way (chat checks the hierarchy against the actor's roles as read before its guild
 * lock), so they run one after another.
 */
const rolesLane = () => 'roles';

/** A throwaway guild per cell, shaped like G (owner, `granted` with mod, `member` plain). */
const throwawayGuild = async ({ builder, world }: CallContext): Promise<Call> => ({
  params: { guildId: await builder.throwawayGuild(world) },
});

/** A fresh message by the owner in the target channel. */
const freshMessage = async ({ world, target }: CallContext): Promise<Call> => {
  const message = await world.owner.client.ok<{ id: string }>(
    'POST',
    `/api/v1/channels/${target.channel}/messages`,
    { content: 'throwaway' },
  );
  return { params: { messageId: message.id } };
};

/** A public thread the owner started in the target channel (one per target, shared by the cells). */
const inSharedThread = async ({ world, target, shared }: CallContext): Promise<Call> => {
  const thread = await shared(`thread:${target.channel}`, () =>
    world.owner.client.ok<{ id: string }>('POST', `/api/v1/channels/${target.channel}/threads`, {
      name: 'matrix thread',
    }),
  );
  return { params: { channelId: thread.id } };
};

/** The caller joins its own home guild's voice channel first. */
const inOwnVoice = async ({ world, role, caller }: CallContext): Promise<Call> => {
  if (caller && role !== 'anonymous') {
    await caller.client.ok('POST', `/api/v1/channels/${world.homes[role].voiceId}/voice`, {});
  }
  return {};
};

/** A webhook the owner made in the public text channel, with its token (shared by the cells that keep it). */
interface MatrixWebhook {
  id: string;
  token: string;
}
const makeWebhook = ({ world }: CallContext) =>
  world.owner.client.ok<MatrixWebhook>('POST', `/api/v1/channels/${world.channels.text.id}/webhooks`, {
    name: 'matrix hook',
  });
const sharedWebhook = (context: CallContext) => context.shared('webhook', () => makeWebhook(context));
/** Listing or reading webhooks never shows a token again (only creating one does). */
const noToken = (_context: CallContext, reply: Reply) =>
  reply.text.includes('"token"') ? 'shows a webhook token' : null;

/** A small PNG for emoji uploads (made once). */
let emojiPng: Promise<Buffer> | null = null;
let emojiNames = 0;
/** A completed emoji upload of `who` for the guild (needs MANAGE_EMOJIS), and a fresh name for it. */
const emojiUpload = async (world: World, who: Person): Promise<{ name: string; fileId: string }> => {
  emojiPng ??= sharp({ create: { width: 24, height: 24, channels: 4, background: '#e25822' } })
    .png()
    .toBuffer();
  const fileId = await upload(who, `/api/v1/guilds/${world.guild.id}/emoji-uploads`, await emojiPng, {
    filename: 'emoji.png',
    contentType: 'image/png',
  });
  emojiNames += 1;
  return { name: `matrix_${emojiNames}`, fileId };
};
/** An emoji of the guild made by `who` (needs MANAGE_EMOJIS). */
export const makeEmoji = async (world: World, who: Person): Promise<{ id: string }> =>
  who.client.ok<{ id: string }>(
    'POST',
    `/api/v1/guilds/${world.guild.id}/emojis`,
    await emojiUpload(world, who),
  );
const sharedEmoji = ({ world, shared }: CallContext) => shared('emoji', () => makeEmoji(world, world.owner));

/** An application the owner made (with its bot user), shared by the cells that keep it. */
const makeApplication = ({ world }: CallContext) =>
  world.owner.client.ok<{ id: string }>('POST', '/api/v1/applications', { name: 'matrix app' });
const sharedApplication = (context: CallContext) =>
  context.shared('application', () => makeApplication(context));
/** The shared application's bot, once chat knows it (from auth's user events). */
const knownBot = (context: CallContext) =>
  context.shared('known bot', async () => {
    const app = await sharedApplication(context);
    await retrying(() =>
      context.world.owner.client.ok('GET', `/api/v1/oauth2/authorize?client_id=${app.id}&permissions=0`),
    );
    return app;
  });

/** A new account with two-factor on, and its recovery codes. */
async function withTwoFactor(baseUrl: string) {
  const fresh = await register(baseUrl);
  const { secret } = await fresh.client.ok<{ secret: string }>('POST', '/api/v1/users/@me/mfa/totp', {
    password: fresh.password,
  });
  const { recoveryCodes } = await fresh.client.ok<{ recoveryCodes: string[] }>(
    'POST',
    '/api/v1/users/@me/mfa/totp/confirm',
    { code: totpCode(secret) },
  );
  return { ...fresh, recoveryCodes };
}

export const EXERCISES: Record<string, Exercise> = {
  'POST /api/v1/auth/register': {
    prepare: () => {
      const username = `reg_${Math.random().toString(36).slice(2, 12)}`;
      return { body: { email: `${username}@example.test`, username, password: 'a long enough password' } };
    },
  },
  'POST /api/v1/auth/login': {
    prepare: ({ world }) => ({ body: { login: world.login.username, password: world.login.password } }),
  },
  'POST /api/v1/auth/refresh': {
    prepare: async ({ world }) => ({
      body: { refreshToken: (await signIn(world.baseUrl, world.login)).refreshToken },
    }),
  },
  'POST /api/v1/auth/logout': {
    // A session of its own: logging out must not end the caller's session the other cells use.
    prepare: async ({ world, caller }) =>
      caller ? { token: (await signIn(world.baseUrl, caller)).token } : {},
  },
  'POST /api/v1/auth/password': {
    // A throwaway account: a password change ends the caller's other sessions.
    prepare: async ({ world, caller }) => {
      if (!caller) return { body: { currentPassword: 'whatever', newPassword: 'whatever else' } };
      const fresh = await register(world.baseUrl);
      return {
        token: fresh.token,
        body: { currentPassword: fresh.password, newPassword: `${fresh.password}-changed` },
      };
    },
  },
  'DELETE /api/v1/auth/sessions/{id}': {
    // One of the owner's sessions, fresh per cell.
    prepare: async ({ world }) => {
      const session = await signIn(world.baseUrl, world.owner);
      return { params: { id: await sessionOf(world.baseUrl, session.token) } };
    },
  },
  'PATCH /api/v1/users/@me': { prepare: () => ({ body: { about: 'matrix' } }) },
  // The mailed links: a throwaway account per cell, its token read from the mail Mailpit received.
  'POST /api/v1/auth/verify-email': {
    prepare: async ({ world }) => {
      const fresh = await register(world.baseUrl);
      const mail = await waitForMail(mailpit(), fresh.email, 'Confirm your email address');
      return { body: { token: linkToken(mail, '/verify-email') } };
    },
  },
  'POST /api/v1/auth/verify-email/resend': {
    prepare: ({ world }) => ({ body: { email: world.login.email } }),
  },
  'POST /api/v1/auth/password-reset': { prepare: () => ({ body: { email: 'nobody@example.test' } }) },
  'POST /api/v1/auth/password-reset/confirm': {
    prepare: async ({ world }) => {
      const fresh = await register(world.baseUrl);
      await fresh.client.ok('POST', '/api/v1/auth/password-reset', { email: fresh.email });
      const mail = await waitForMail(mailpit(), fresh.email, 'Reset your password');
      return { body: { token: linkToken(mail, '/reset-password'), password: `${fresh.password}-reset` } };
    },
  },
  'PATCH /api/v1/users/@me/email': {
    // Only a request: the address changes when the mailed link is opened (never, here).
    prepare: ({ caller }) => ({
      body: {
        email: `changed-${Math.random().toString(36).slice(2)}@example.test`,
        password: caller?.password ?? 'x',
      },
    }),
  },
  'POST /api/v1/auth/email-change/confirm': {
    prepare: async ({ world }) => {
      const fresh = await register(world.baseUrl);
      const email = `changed-${fresh.username}@example.test`;
      await fresh.client.ok('PATCH', '/api/v1/users/@me/email', { email, password: fresh.password });
      const mail = await waitForMail(mailpit(), email, 'Confirm your new email address');
      return { body: { token: linkToken(mail, '/confirm-email') } };
    },
  },

  // Two-factor: a throwaway account per cell (enrolment changes how it signs in).
  'POST /api/v1/users/@me/mfa/totp': {
    prepare: async ({ world, caller }) => {
      if (!caller) return { body: { password: 'whatever' } };
      const fresh = await register(world.baseUrl);
      return { token: fresh.token, body: { password: fresh.password } };
    },
  },
  'POST /api/v1/users/@me/mfa/totp/confirm': {
    prepare: async ({ world, caller }) => {
      if (!caller) return { body: { code: '123456' } };
      const fresh = await register(world.baseUrl);
      const { secret } = await fresh.client.ok<{ secret: string }>('POST', '/api/v1/users/@me/mfa/totp', {
        password: fresh.password,
      });
      return { token: fresh.token, body: { code: totpCode(secret) } };
    },
  },
  'POST /api/v1/users/@me/mfa/recovery-codes': {
    prepare: async ({ world, caller }) => {
      if (!caller) return { body: { code: '123456' } };
      const fresh = await withTwoFactor(world.baseUrl);
      return { token: fresh.token, body: { code: fresh.recoveryCodes[0] } };
    },
  },
  'DELETE /api/v1/users/@me/mfa/totp': {
    prepare: async ({ world, caller }) => {
      if (!caller) return { body: { code: '123456' } };
      const fresh = await withTwoFactor(world.baseUrl);
      return { token: fresh.token, body: { code: fresh.recoveryCodes[0] } };
    },
  },
  // One export per user at a time and per day: a throwaway account per cell.
  'POST /api/v1/users/@me/data-exports': {
    prepare: async ({ world, caller }) => (caller ? { token: (await register(world.baseUrl)).token } : {}),
  },
  // A throwaway account per cell: the deletion ends every session of the account it deletes.
  'POST /api/v1/users/@me/delete': {
    prepare: async ({ world, caller }) => {
      if (!caller) return { body: { password: 'whatever' } };
      const fresh = await register(world.baseUrl);
      return { token: fresh.token, body: { password: fresh.password } };
    },
  },
  'POST /api/v1/auth/login/mfa': {
    prepare: async ({ world }) => {
      const fresh = await withTwoFactor(world.baseUrl);
      const challenge = await fresh.client.ok<{ ticket: string }>('POST', '/api/v1/auth/login', {
        login: fresh.username,
        password: fresh.password,
      });
      return { body: { ticket: challenge.ticket, code: fresh.recoveryCodes[0] } };
    },
  },

  // Instance administration: each cell acts on its own throwaway account or invite; the mode stays open
  // (every other cell registers).
  'POST /api/v1/admin/users/{id}/suspend': {
    prepare: async ({ world }) => ({
      params: { id: (await register(world.baseUrl)).id },
      body: { reason: 'matrix' },
    }),
  },
  'POST /api/v1/admin/users/{id}/unsuspend': {
    prepare: async ({ world }) => ({ params: { id: (await register(world.baseUrl)).id } }),
  },
  'POST /api/v1/admin/users/{id}/reset-two-factor': {
    prepare: async ({ world }) => ({ params: { id: (await withTwoFactor(world.baseUrl)).id } }),
  },
  'GET /api/v1/admin/users': { prepare: ({ world }) => ({ query: `query=${world.member.username}` }) },
  'PATCH /api/v1/admin/settings': { prepare: () => ({ body: { registrationMode: 'open' } }) },
  'POST /api/v1/admin/invites': { prepare: () => ({ body: { maxUses: 1 } }) },
  'DELETE /api/v1/admin/invites/{code}': {
    prepare: async ({ world }) => {
      const invite = await world.owner.client.ok<{ code: string }>('POST', '/api/v1/admin/invites', {});
      return { params: { code: invite.code } };
    },
  },

  'POST /api/v1/applications': { prepare: () => ({ body: { name: 'matrix app' } }) },
  'GET /api/v1/applications/{id}': {
    prepare: async (context) => ({ params: { id: (await sharedApplication(context)).id } }),
  },
  'PATCH /api/v1/applications/{id}': {
    prepare: async (context) => ({
      params: { id: (await sharedApplication(context)).id },
      body: { description: 'matrix' },
    }),
  },
  'DELETE /api/v1/applications/{id}': {
    prepare: async (context) => {
      const app =
        context.expected === 'ok'
          ? await makeApplication(context)
          : await context.shared('application to keep', () => makeApplication(context));
      return { params: { id: app.id } };
    },
  },
  'POST /api/v1/applications/{id}/bot/reset-token': {
    prepare: async (context) => ({ params: { id: (await sharedApplication(context)).id } }),
  },
  'GET /api/v1/oauth2/authorize': {
    prepare: async (context) => ({
      query: `client_id=${(await knownBot(context)).id}&permissions=0&guild_id=${context.world.guild.id}`,
    }),
  },
  'POST /api/v1/oauth2/authorize': {
    // A success adds the bot: each in a throwaway guild shaped like G, so the fixture's guild keeps its members.
    prepare: async (context) => {
      const bot = await knownBot(context);
      const guildId =
        context.expected === 'ok'
          ? (await throwawayGuild(context)).params!['guildId']!
          : context.world.guild.id;
      return { params: { guildId }, body: { clientId: bot.id, guildId, permissions: '0' } };
    },
  },

  'POST /api/v1/guilds': { prepare: () => ({ body: { name: 'matrix' } }) },
  'PATCH /api/v1/guilds/{guildId}': {
    prepare: ({ world }) => ({ body: { description: world.guild.description } }),
  },
  'DELETE /api/v1/guilds/{guildId}': { prepare: throwawayGuild },
  'POST /api/v1/guilds/{guildId}/owner': {
    prepare: async (context) => ({
      ...(await throwawayGuild(context)),
      body: { userId: context.world.member.id },
    }),
  },
  'DELETE /api/v1/users/@me/guilds/{guildId}': { prepare: throwawayGuild },

  'PATCH /api/v1/guilds/{guildId}/members/{userId}': {
    prepare: async (context) => {
      const target = await context.shared('nickname target', () =>
        context.builder.spareMember(context.world),
      );
      return { params: { userId: target.id }, body: { nickname: 'renamed' } };
    },
  },
  'PATCH /api/v1/guilds/{guildId}/members/@me': { prepare: () => ({ body: { nickname: 'me' } }) },
  'DELETE /api/v1/guilds/{guildId}/members/{userId}': {
    prepare: async (context) => {
      const target =
        context.expected === 'ok'
          ? await context.builder.spareMember(context.world)
          : await context.shared('kick target', () => context.builder.spareMember(context.world));
      return { params: { userId: target.id } };
    },
  },
  'PUT /api/v1/guilds/{guildId}/bans/{userId}': {
    prepare: async (context) => {
      const target =
        context.expected === 'ok'
          ? context.builder.spare()
          : await context.shared('ban target', async () => context.builder.spare());
      return { params: { userId: target.id }, body: { reason: 'matrix' } };
    },
  },
  'DELETE /api/v1/guilds/{guildId}/bans/{userId}': {
    prepare: async (context) => {
      const { world } = context;
      const ban = async () => {
        const target = context.builder.spare();
        await world.owner.client.ok('PUT', `/api/v1/guilds/${world.guild.id}/bans/${target.id}`, {});
        return target;
      };
      const target = context.expected === 'ok' ? await ban() : await context.shared('banned', ban);
      return { params: { userId: target.id } };
    },
  },

  'POST /api/v1/guilds/{guildId}/roles': {
    lane: rolesLane,
    prepare: () => ({ body: { name: 'matrix' } }),
  },
  'PATCH /api/v1/guilds/{guildId}/roles': {
    lane: rolesLane,
    prepare: ({ world }) => ({ body: [{ id: world.roles.plain.id, position: 1 }] }),
  },
  'PATCH /api/v1/guilds/{guildId}/roles/{roleId}': {
    lane: rolesLane,
    prepare: () => ({ body: { color: 0x123456 } }),
  },
  'DELETE /api/v1/guilds/{guildId}/roles/{roleId}': {
    lane: rolesLane,
    prepare: async ({ world }) => {
      const role = await world.owner.client.ok<{ id: string }>(
        'POST',
        `/api/v1/guilds/${world.guild.id}/roles`,
        { name: 'throwaway' },
      );
      return { params: { roleId: role.id } };
    },
  },

  'POST /api/v1/guilds/{guildId}/channels': { prepare: () => ({ body: { name: 'matrix' } }) },
  'PATCH /api/v1/guilds/{guildId}/channels': {
    prepare: ({ world }) => ({ body: [{ id: world.channels.text.id, position: 0 }] }),
  },
  'GET /api/v1/channels/{channelId}': { variants: allOf },
  'PATCH /api/v1/channels/{channelId}': {
    variants: allOf,
    // A group DM has only a name: the same one again (the fixture's DM keeps its name).
    prepare: ({ target, variant, world }) => ({
      body: variant === 'dm' ? { name: world.dm.name } : { topic: target.topic },
    }),
  },
  'DELETE /api/v1/channels/{channelId}': {
    prepare: async ({ world }) => {
      const channel = await world.owner.client.ok<{ id: string }>(
        'POST',
        `/api/v1/guilds/${world.guild.id}/channels`,
        { name: 'throwaway' },
      );
      return { params: { channelId: channel.id } };
    },
  },
  'PUT /api/v1/channels/{channelId}/permissions/{overwriteId}': {
    variants: ['private'],
    prepare: () => ({ body: { type: 'role', allow: '0', deny: '0' } }),
  },
  'DELETE /api/v1/channels/{channelId}/permissions/{overwriteId}': {
    prepare: async ({ world }) => {
      const channel = await world.owner.client.ok<{ id: string }>(
        'POST',
        `/api/v1/guilds/${world.guild.id}/channels`,
        {
          name: 'throwaway',
          permissionOverwrites: [{ id: world.roles.plain.id, type: 'role', allow: '0', deny: '0' }],
        },
      );
      return { params: { channelId: channel.id } };
    },
  },

  'POST /api/v1/guilds/{guildId}/invites': { prepare: () => ({ body: {} }) },
  'POST /api/v1/invites/{code}': {
    // The stranger must stay one: a spare stranger joins instead.
    prepare: ({ role, builder }) => (role === 'stranger' ? { token: builder.spare().token } : {}),
  },
  'DELETE /api/v1/invites/{code}': {
    prepare: async ({ world }) => {
      const invite = await world.owner.client.ok<{ code: string }>(
        'POST',
        `/api/v1/guilds/${world.guild.id}/invites`,
        {},
      );
      return { params: { code: invite.code } };
    },
  },

  'GET /api/v1/channels/{channelId}/messages': { variants: allOf },
  'POST /api/v1/channels/{channelId}/messages': {
    variants: allOf,
    prepare: () => ({ body: { content: 'matrix' } }),
  },
  'GET /api/v1/channels/{channelId}/messages/{messageId}': { variants: allOf },
  'PATCH /api/v1/channels/{channelId}/messages/{messageId}': {
    variants: allOf,
    prepare: ({ target }) => ({ body: { content: target.content } }),
  },
  'DELETE /api/v1/channels/{channelId}/messages/{messageId}': { variants: allOf, prepare: freshMessage },
  'GET /api/v1/channels/{channelId}/pins': { variants: allOf },
  'PUT /api/v1/channels/{channelId}/pins/{messageId}': { variants: allOf, prepare: freshMessage },
  'DELETE /api/v1/channels/{channelId}/pins/{messageId}': {
    variants: allOf,
    prepare: async (context) => {
      // A fresh message the owner pins first.
      const call = await freshMessage(context);
      const pin = `/api/v1/channels/${context.target.channel}/pins/${call.params!['messageId']}`;
      await context.world.owner.client.ok('PUT', pin);
      return call;
    },
  },
  'GET /api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}': { variants: allOf },
  'PUT /api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}/@me': { variants: allOf },
  'DELETE /api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}/@me': { variants: allOf },
  'POST /api/v1/channels/{channelId}/messages/{messageId}/ack': { variants: allOf },

  'PATCH /api/v1/users/@me/guilds/{guildId}/notification-settings': {
    prepare: () => ({ body: { level: 'mentions' } }),
  },
  'GET /api/v1/users/@me/channels/{channelId}/notification-settings': { variants: allOf },
  'PUT /api/v1/users/@me/channels/{channelId}/notification-settings': {
    variants: allOf,
    prepare: () => ({ body: { level: 'inherit' } }),
  },
  'DELETE /api/v1/users/@me/channels/{channelId}/notification-settings': { variants: allOf },
  'POST /api/v1/users/@me/push-subscriptions': { prepare: () => ({ body: pushSubscription() }) },
  'DELETE /api/v1/users/@me/push-subscriptions': {
    // The caller's own subscription, made for the cell (no caller: any endpoint).
    prepare: async ({ caller }) => {
      const subscription = pushSubscription();
      if (caller) await caller.client.ok('POST', '/api/v1/users/@me/push-subscriptions', subscription);
      return { body: { endpoint: subscription.endpoint } };
    },
  },

  // Relationships towards a spare user (one per route, none of the callers): a request by name, by id,
  // and the removal of a block the caller makes for the cell.
  'POST /api/v1/users/@me/relationships': {
    prepare: async ({ builder, shared }) => ({
      body: { username: (await shared('relationship-post', async () => builder.spare())).username },
    }),
  },
  'PUT /api/v1/users/@me/relationships/{userId}': {
    prepare: async ({ builder, shared }) => ({
      params: { userId: (await shared('relationship-put', async () => builder.spare())).id },
      body: {},
    }),
  },
  'DELETE /api/v1/users/@me/relationships/{userId}': {
    prepare: async ({ builder, shared, caller }) => {
      const target = await shared('relationship-delete', async () => builder.spare());
      if (caller) {
        await caller.client.ok('PUT', `/api/v1/users/@me/relationships/${target.id}`, { type: 'blocked' });
      }
      return { params: { userId: target.id } };
    },
  },
  'PATCH /api/v1/users/@me/privacy': { prepare: () => ({ body: { friendRequestsFrom: 'everyone' } }) },

  'POST /api/v1/channels/{channelId}/messages/{messageId}/threads': {
    variants: ['private'],
    prepare: async (context) => ({ ...(await freshMessage(context)), body: { name: 'matrix thread' } }),
  },
  'POST /api/v1/channels/{channelId}/threads': {
    variants: ['private'],
    prepare: () => ({ body: { name: 'matrix thread' } }),
  },
  'GET /api/v1/channels/{channelId}/threads/active': { variants: ['private'] },
  'GET /api/v1/channels/{channelId}/threads/archived': {
    variants: ['private'],
    prepare: () => ({ query: 'limit=5' }),
  },
  'GET /api/v1/channels/{channelId}/thread-members': { variants: ['private'], prepare: inSharedThread },
  'PUT /api/v1/channels/{channelId}/thread-members/@me': { variants: ['private'], prepare: inSharedThread },
  'DELETE /api/v1/channels/{channelId}/thread-members/@me': {
    variants: ['private'],
    prepare: inSharedThread,
  },
  'PUT /api/v1/channels/{channelId}/thread-members/{userId}': {
    variants: ['private'],
    prepare: inSharedThread,
  },
  'DELETE /api/v1/channels/{channelId}/thread-members/{userId}': {
    variants: ['private'],
    prepare: inSharedThread,
  },

  'POST /api/v1/channels/{channelId}/webhooks': {
    variants: ['private'],
    prepare: () => ({ body: { name: 'matrix' } }),
  },
  'GET /api/v1/channels/{channelId}/webhooks': {
    variants: ['private'],
    prepare: async (context) => {
      await sharedWebhook(context);
      return {};
    },
    check: noToken,
  },
  'GET /api/v1/guilds/{guildId}/webhooks': {
    prepare: async (context) => {
      await sharedWebhook(context);
      return {};
    },
    check: noToken,
  },
  'POST /api/v1/guilds/{guildId}/emojis': {
    // Those allowed create one from an upload of their own; the others are refused before any file is read.
    prepare: async ({ world, caller, expected }) => {
      if (expected !== 'ok' || caller === null) return { body: { name: 'refused', fileId: '1' } };
      return { body: await emojiUpload(world, caller) };
    },
  },
  'GET /api/v1/guilds/{guildId}/emojis/{emojiId}': {
    prepare: async (context) => ({ params: { emojiId: (await sharedEmoji(context)).id } }),
  },
  'PATCH /api/v1/guilds/{guildId}/emojis/{emojiId}': {
    // The same name again: every allowed cell succeeds and nothing changes.
    prepare: async (context) => {
      const emoji = await sharedEmoji(context);
      const current = await context.world.owner.client.ok<{ name: string }>(
        'GET',
        `/api/v1/guilds/${context.world.guild.id}/emojis/${emoji.id}`,
      );
      return { params: { emojiId: emoji.id }, body: { name: current.name } };
    },
  },
  'DELETE /api/v1/guilds/{guildId}/emojis/{emojiId}': {
    prepare: async (context) => {
      const emoji =
        context.expected === 'ok'
          ? await makeEmoji(context.world, context.world.owner)
          : await context.shared('emoji to keep', () => makeEmoji(context.world, context.world.owner));
      return { params: { emojiId: emoji.id } };
    },
  },
  'POST /api/v1/guilds/{guildId}/emoji-uploads': { prepare: () => ({ body: IMAGE_UPLOAD }) },

  'GET /api/v1/webhooks/{webhookId}': {
    prepare: async (context) => ({ params: { webhookId: (await sharedWebhook(context)).id } }),
    check: noToken,
  },
  'PATCH /api/v1/webhooks/{webhookId}': {
    prepare: async (context) => ({
      params: { webhookId: (await sharedWebhook(context)).id },
      body: { name: 'matrix hook' },
    }),
  },
  'DELETE /api/v1/webhooks/{webhookId}': {
    prepare: async (context) => {
      const webhook =
        context.expected === 'ok'
          ? await makeWebhook(context)
          : await context.shared('webhook to keep', () => makeWebhook(context));
      return { params: { webhookId: webhook.id } };
    },
  },
  'POST /api/v1/webhooks/{webhookId}/{token}': {
    // Whoever calls (with or without an account) holds the real token: 204, nothing of the guild shown.
    prepare: async (context) => {
      const webhook = await sharedWebhook(context);
      return { params: { webhookId: webhook.id, token: webhook.token }, body: { content: 'matrix' } };
    },
  },

  'POST /api/v1/users/@me/channels': {
    prepare: async (context) => {
      const partner = await context.shared('dm partner', async () => context.builder.spare());
      return { body: { recipientId: partner.id } };
    },
  },
  'PUT /api/v1/channels/{channelId}/recipients/{userId}': {
    prepare: async (context) => {
      const guest = await context.shared('dm guest', async () => context.builder.spare());
      return { params: { channelId: context.world.dm.id, userId: guest.id } };
    },
  },
  'DELETE /api/v1/channels/{channelId}/recipients/{userId}': {
    prepare: async ({ world, builder, expected }) => {
      // Allowed: a spare the owner adds first. Refused: the group's owner (removing oneself is leaving,
      // which every recipient may; removing someone else is the owner's alone).
      let userId = world.owner.id;
      if (expected === 'ok') {
        userId = builder.spare().id;
        await world.owner.client.ok('PUT', `/api/v1/channels/${world.dm.id}/recipients/${userId}`);
      }
      return { params: { channelId: world.dm.id, userId } };
    },
  },

  'GET /api/v1/channels/{channelId}/messages/search': { variants: allOf },

  'GET /api/v1/presences': {
    prepare: ({ world }) => ({
      query: `userIds=${[world.owner, world.granted, world.member].map((who) => who.id).join(',')}`,
    }),
    // The three are online (their realtime sockets): someone sharing nothing with them sees them offline.
    check: ({ role }, reply) => {
      const statuses = (reply.body as { status: string }[]).map((presence) => presence.status);
      if (role === 'stranger' && statuses.some((status) => status !== 'offline')) {
        return `a stranger sees presences ${JSON.stringify(statuses)}`;
      }
      if (role !== 'stranger' && statuses.every((status) => status === 'offline')) {
        return 'the fixture is not online: this check proves nothing';
      }
      return null;
    },
  },
  'PATCH /api/v1/users/@me/presence': { prepare: () => ({ body: { status: 'online' } }) },

  'POST /api/v1/channels/{channelId}/attachments': {
    variants: allOf,
    prepare: () => ({ body: TEXT_UPLOAD }),
  },
  'POST /api/v1/users/@me/avatar': { prepare: () => ({ body: IMAGE_UPLOAD }) },
  'POST /api/v1/guilds/{guildId}/icon': { prepare: () => ({ body: IMAGE_UPLOAD }) },
  // A ready upload: completing it again answers the same.
  'POST /api/v1/attachments/{fileId}/complete': { variants: ['private'] },
  'GET /api/v1/attachments/{fileId}': { variants: ['private'] },
  'GET /api/v1/files/{fileId}': { prepare: ({ world }) => ({ params: { fileId: world.avatar } }) },

  'POST /api/v1/channels/{channelId}/voice': {
    variants: ['private'],
    lane: voiceLane,
    prepare: ({ target }) => ({ params: { channelId: target.voice! }, body: {} }),
  },
  'GET /api/v1/channels/{channelId}/voice-states': {
    variants: ['private'],
    prepare: ({ target }) => ({ params: { channelId: target.voice! } }),
  },
  'PATCH /api/v1/users/@me/voice-state': {
    lane: voiceLane,
    prepare: async (context) => ({ ...(await inOwnVoice(context)), body: { selfMute: true } }),
  },
  'DELETE /api/v1/users/@me/voice-state': { lane: voiceLane, prepare: inOwnVoice },
  'PATCH /api/v1/guilds/{guildId}/voice-states/{userId}': {
    prepare: async (context) => {
      const target = await context.shared('in voice', () => context.builder.spareInVoice(context.world));
      return { params: { userId: target.id }, body: { mute: true } };
    },
  },
  'DELETE /api/v1/guilds/{guildId}/voice-states/{userId}': {
    prepare: async (context) => {
      const target =
        context.expected === 'ok'
          ? await context.builder.spareInVoice(context.world)
          : await context.shared('in voice', () => context.builder.spareInVoice(context.world));
      return { params: { userId: target.id } };
    },
  },
};
