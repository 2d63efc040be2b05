import type {
  Application,
  BotAuthorizationInfo,
  BotToken,
  CreatedWebhook,
  Message,
  Webhook,
} from '@bonfire/contracts';
import type { RestClient } from '../rest-client';
import type {
  BotAuthorizationResult,
  CreateApplicationRequest,
  CreateWebhookRequest,
  ExecuteWebhookRequest,
  UpdateApplicationRequest,
  UpdateWebhookRequest,
} from './types';
import type { AuthorizeBotInput } from '@bonfire/contracts';

/**
 * Incoming webhooks: create, list and delete need MANAGE_WEBHOOKS in the channel; `execute` needs no login
 * (the token in the path is the credential) and posts a message shown under the webhook's name with a bot tag.
 */
export class WebhooksApi {
  constructor(private readonly rest: RestClient) {}

  /** Creates a webhook in a guild text channel. Its `token` and `url` are in this answer only: keep them. */
  create(channelId: string, body: CreateWebhookRequest): Promise<CreatedWebhook> {
    return this.rest.post('/api/v1/channels/{channelId}/webhooks', { params: { channelId }, body });
  }

  /** The channel's webhooks (without tokens). */
  list(channelId: string): Promise<Webhook[]> {
    return this.rest.get('/api/v1/channels/{channelId}/webhooks', { params: { channelId } });
  }

  /** Every webhook of the guild (MANAGE_WEBHOOKS guild-wide; without tokens). */
  listForGuild(guildId: string): Promise<Webhook[]> {
    return this.rest.get('/api/v1/guilds/{guildId}/webhooks', { params: { guildId } });
  }

  get(webhookId: string): Promise<Webhook> {
    return this.rest.get('/api/v1/webhooks/{webhookId}', { params: { webhookId } });
  }

  update(webhookId: string, body: UpdateWebhookRequest): Promise<Webhook> {
    return this.rest.patch('/api/v1/webhooks/{webhookId}', { params: { webhookId }, body });
  }

  /** Deletes the webhook: its token is refused from then on. */
  delete(webhookId: string): Promise<void> {
    return this.rest.delete('/api/v1/webhooks/{webhookId}', { params: { webhookId } });
  }

  /**
   * Posts a message as the webhook, without logging in. `{ wait: true }` answers the message; otherwise
   * nothing (204). 401 INVALID_WEBHOOK_TOKEN, 404 UNKNOWN_WEBHOOK (also once deleted), 429 with retryAfter.
   */
  execute(
    webhookId: string,
    token: string,
    body: ExecuteWebhookRequest,
    options: { wait: true },
  ): Promise<Message>;
  execute(
    webhookId: string,
    token: string,
    body: ExecuteWebhookRequest,
    options?: { wait?: false },
  ): Promise<void>;
  execute(
    webhookId: string,
    token: string,
    body: ExecuteWebhookRequest,
    options: { wait?: boolean } = {},
  ): Promise<Message | void> {
    return this.rest.post('/api/v1/webhooks/{webhookId}/{token}', {
      params: { webhookId, token },
      body,
      auth: false,
      ...(options.wait ? { query: { wait: 'true' } } : {}),
    });
  }
}

/** The caller's applications and their bot users (not available to bots). */
export class ApplicationsApi {
  constructor(private readonly rest: RestClient) {}

  /** Creates an application and its bot user; get the bot's token with `resetBotToken`. */
  create(body: CreateApplicationRequest): Promise<Application> {
    return this.rest.post('/api/v1/applications', { body });
  }

  list(): Promise<Application[]> {
    return this.rest.get('/api/v1/applications');
  }

  get(applicationId: string): Promise<Application> {
    return this.rest.get('/api/v1/applications/{id}', { params: { id: applicationId } });
  }

  update(applicationId: string, body: UpdateApplicationRequest): Promise<Application> {
    return this.rest.patch('/api/v1/applications/{id}', { params: { id: applicationId }, body });
  }

  /** Deletes the application: its bot token stops working at once. */
  delete(applicationId: string): Promise<void> {
    return this.rest.delete('/api/v1/applications/{id}', { params: { id: applicationId } });
  }

  /** A new bot token, answered once; the previous one is revoked (its connections end). */
  resetBotToken(applicationId: string): Promise<BotToken> {
    return this.rest.post('/api/v1/applications/{id}/bot/reset-token', { params: { id: applicationId } });
  }

  /** What the authorise link shows: the application, its bot, the permissions by name, the guild. */
  authorizeInfo(query: {
    clientId: string;
    permissions?: string;
    guildId?: string;
  }): Promise<BotAuthorizationInfo> {
    return this.rest.get('/api/v1/oauth2/authorize', {
      query: { client_id: query.clientId, permissions: query.permissions, guild_id: query.guildId },
    });
  }

  /** Adds the bot to a guild you hold MANAGE_GUILD in, with a role granting `permissions` (yours only). */
  authorize(body: AuthorizeBotInput): Promise<BotAuthorizationResult> {
    return this.rest.post('/api/v1/oauth2/authorize', { body });
  }
}
