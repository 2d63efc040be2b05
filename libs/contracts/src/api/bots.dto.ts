import { z } from 'zod';
import { SNOWFLAKE_DIGITS } from './input';

/**
 * Bots (issue 19 item 2). An application (auth, `/api/v1/applications`) owns one bot user: a user flagged
 * `bot`, with no email or password. Its token, shown once by `POST /api/v1/applications/{id}/bot/reset-token`,
 * authenticates it at the gateway: `Authorization: Bot <token>` on REST and `auth: { token: 'Bot <token>',
 * intents }` on the realtime handshake. The gateway asks auth (INTERNAL_ROUTES.botTokens.verify) and then forwards the
 * bot's identity exactly as a user's, so the same routes, permissions and per-user rate limits apply.
 *
 * A token is `<tokenId>.<secret>`: the token id is the `sessionId` a bot's requests carry, so a reset is
 * announced as `session.revoked` for the old token id and the gateways drop it like an ended session.
 */
export const BOT_TOKEN_PATTERN = new RegExp(String.raw`^(${SNOWFLAKE_DIGITS})\.([A-Za-z0-9_-]{43})$`);
export const BOT_AUTHORIZATION_PREFIX = 'Bot ';

export const botTokenVerifyRequestSchema = z.object({ token: z.string().min(1).max(128) });
export type BotTokenVerifyRequest = z.infer<typeof botTokenVerifyRequestSchema>;
export const botTokenVerifyAnswerSchema = z.object({ userId: z.string(), tokenId: z.string() });
export type BotTokenVerifyAnswer = z.infer<typeof botTokenVerifyAnswerSchema>;

/**
 * Gateway intents, as Discord's: the dispatch groups a bot asks for on the realtime handshake
 * (`intents`: a bitfield number, or a list of names). A bot receives only the groups it declared; without
 * MESSAGE_CONTENT, message dispatches reach it with `content`, `attachments` and `embeds` emptied unless
 * it is mentioned. Users' sessions ignore intents and receive everything they may see.
 */
export const INTENTS = {
  GUILDS: 1 << 0,
  GUILD_MEMBERS: 1 << 1,
  GUILD_MESSAGES: 1 << 2,
  MESSAGE_CONTENT: 1 << 3,
  DIRECT_MESSAGES: 1 << 4,
  GUILD_PRESENCES: 1 << 5,
  GUILD_VOICE_STATES: 1 << 6,
  TYPING: 1 << 7,
} as const;
export type IntentName = keyof typeof INTENTS;
export const ALL_INTENTS: number = Object.values(INTENTS).reduce((all, bit) => all | bit, 0);

/** A bitfield from a number or a list of names; null when neither (or an unknown name). */
export function parseIntents(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value & ALL_INTENTS;
  if (Array.isArray(value)) {
    let bits = 0;
    for (const name of value) {
      if (typeof name !== 'string' || !(name in INTENTS)) return null;
      bits |= INTENTS[name as IntentName];
    }
    return bits;
  }
  return null;
}

/** An application as its owner sees it (`/api/v1/applications`); its id is its bot user's id. */
export interface Application {
  id: string;
  name: string;
  description: string | null;
  ownerId: string;
  bot: {
    id: string;
    username: string;
    displayName: string | null;
    avatarFileId: string | null;
    about: string | null;
    bot: boolean;
    createdAt: string;
  };
  createdAt: string;
}

/** A bot token, shown once by reset-token. */
export interface BotToken {
  token: string;
}

/**
 * `GET /api/v1/oauth2/authorize?client_id=&permissions=&guild_id=`: what an authorise page shows — the
 * application, its bot user, the permissions asked for by name, and the guild when one was named (the
 * caller must hold MANAGE_GUILD there).
 */
export interface BotAuthorizationInfo {
  application: { id: string; name: string };
  bot: { id: string; username: string; displayName: string | null; avatarFileId: string | null; bot: true };
  permissions: string;
  permissionNames: string[];
  guild: { id: string; name: string } | null;
}

/** `POST /api/v1/oauth2/authorize`: add the bot to a guild with a role granting `permissions`. */
export interface AuthorizeBotInput {
  clientId: string;
  guildId: string;
  /** Decimal bitfield; only permissions the authoriser has. */
  permissions?: string;
}
