import { ERROR } from '@bonfire/contracts';
import type { CreatedWebhook, Message, Webhook } from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  idParam,
  openApiSchema,
  Public,
  ZodValidationPipe,
  Endpoint,
} from '@bonfire/platform';
import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { channelIdPipe, guildIdPipe } from '../guilds/guild-common';
import { messageSchema } from '../messages/messages.dto';
import {
  type CreateWebhookDto,
  createdWebhookSchema,
  createWebhookSchema,
  type ExecuteQuery,
  executeQuerySchema,
  type ExecuteWebhookDto,
  executeWebhookSchema,
  type UpdateWebhookDto,
  updateWebhookSchema,
  webhookListSchema,
  webhookSchema,
} from './webhooks.dto';
import { WebhooksService } from './webhooks.service';

const errors = openApiSchema(errorBodySchema);
const webhookIdPipe = () => idParam(ERROR.UNKNOWN_WEBHOOK, 'Unknown webhook.');

@ApiTags('webhooks')
@ApiBearerAuth('accessToken')
@ApiResponse({ status: 403, description: 'MISSING_PERMISSION (MANAGE_WEBHOOKS)', schema: errors })
@ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL', schema: errors })
@Controller('api/v1/channels/:channelId/webhooks')
export class ChannelWebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Endpoint({
    method: 'POST',
    summary:
      'Create an incoming webhook in a guild text channel (MANAGE_WEBHOOKS). The answer holds its token and ' +
      'execute URL: they are shown this once only.',
    body: createWebhookSchema,
    response: createdWebhookSchema,
    status: 201,
    errors: {
      400:
        'VALIDATION_FAILED (name, avatar), INVALID_CHANNEL_TYPE (DMs, voice channels, categories), ' +
        'TOO_MANY_WEBHOOKS (15 per channel)',
    },
  })
  create(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Body(new ZodValidationPipe(createWebhookSchema)) body: CreateWebhookDto,
  ): Promise<CreatedWebhook> {
    return this.webhooks.create(caller.userId, channelId, body);
  }

  @Endpoint({
    method: 'GET',
    summary: "The channel's webhooks (MANAGE_WEBHOOKS), without their tokens.",
    response: webhookListSchema,
    errors: { 400: 'INVALID_CHANNEL_TYPE' },
  })
  list(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
  ): Promise<Webhook[]> {
    return this.webhooks.listForChannel(caller.userId, channelId);
  }
}

@ApiTags('webhooks')
@ApiBearerAuth('accessToken')
@Controller('api/v1/guilds/:guildId/webhooks')
export class GuildWebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Endpoint({
    method: 'GET',
    summary: 'Every webhook of the guild (MANAGE_WEBHOOKS guild-wide), without tokens.',
    response: webhookListSchema,
    errors: { 403: 'MISSING_PERMISSION (MANAGE_WEBHOOKS)', 404: 'UNKNOWN_GUILD (not a member)' },
  })
  list(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
  ): Promise<Webhook[]> {
    return this.webhooks.listForGuild(caller.userId, guildId);
  }
}

@ApiTags('webhooks')
@ApiResponse({ status: 404, description: 'UNKNOWN_WEBHOOK (also a deleted one)', schema: errors })
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Endpoint({
    method: 'GET',
    path: ':webhookId',
    summary: 'One webhook (MANAGE_WEBHOOKS in its channel), without its token.',
    response: webhookSchema,
    errors: { 403: 'MISSING_PERMISSION (MANAGE_WEBHOOKS)' },
  })
  @ApiBearerAuth('accessToken')
  get(
    @Caller() caller: CallerIdentity,
    @Param('webhookId', webhookIdPipe()) webhookId: string,
  ): Promise<Webhook> {
    return this.webhooks.get(caller.userId, webhookId);
  }

  @Endpoint({
    method: 'PATCH',
    path: ':webhookId',
    summary:
      'Rename a webhook, change its avatar or move it to another text channel of the guild (MANAGE_WEBHOOKS ' +
      'in both). Its token stays the same.',
    body: updateWebhookSchema,
    response: webhookSchema,
    errors: {
      400: 'VALIDATION_FAILED (name, avatar, channelId), TOO_MANY_WEBHOOKS (the target channel is full)',
      403: 'MISSING_PERMISSION (MANAGE_WEBHOOKS)',
      404: 'UNKNOWN_WEBHOOK, or UNKNOWN_CHANNEL (channelId names no channel the caller can see)',
    },
  })
  @ApiBearerAuth('accessToken')
  update(
    @Caller() caller: CallerIdentity,
    @Param('webhookId', webhookIdPipe()) webhookId: string,
    @Body(new ZodValidationPipe(updateWebhookSchema)) body: UpdateWebhookDto,
  ): Promise<Webhook> {
    return this.webhooks.update(caller.userId, webhookId, body);
  }

  @Endpoint({
    method: 'DELETE',
    path: ':webhookId',
    summary: 'Delete a webhook (MANAGE_WEBHOOKS in its channel): its token is revoked.',
    errors: { 403: 'MISSING_PERMISSION (MANAGE_WEBHOOKS)' },
  })
  @ApiBearerAuth('accessToken')
  async delete(
    @Caller() caller: CallerIdentity,
    @Param('webhookId', webhookIdPipe()) webhookId: string,
  ): Promise<void> {
    await this.webhooks.delete(caller.userId, webhookId);
  }

  @Endpoint({
    method: 'POST',
    path: ':webhookId/:token',
    summary:
      'Post a message as the webhook — no account, the token in the path is the credential. Content follows ' +
      'the rules of a user message; `username` and `avatar` override the shown author for this message. ' +
      '`?wait=true` answers 201 with the message, otherwise 204.',
    body: executeWebhookSchema,
    query: executeQuerySchema,
    response: messageSchema,
    status: 201,
    responseDescription: 'Posted (wait=true)',
    alsoAnswers: [{ status: 204, description: 'Posted' }],
    errors: {
      400: 'VALIDATION_FAILED (content, username, avatar)',
      401: 'INVALID_WEBHOOK_TOKEN',
      429: 'RATE_LIMITED (Retry-After header)',
    },
  })
  @Public()
  async execute(
    @Param('webhookId', webhookIdPipe()) webhookId: string,
    @Param('token') token: string,
    @Query(new ZodValidationPipe(executeQuerySchema)) query: ExecuteQuery,
    @Body(new ZodValidationPipe(executeWebhookSchema)) body: ExecuteWebhookDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Message | undefined> {
    const message = await this.webhooks.execute(webhookId, token, body);
    if (query.wait === 'true') {
      response.status(201);
      return message;
    }
    response.status(204);
    return undefined;
  }
}
