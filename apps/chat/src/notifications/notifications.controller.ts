import {
  type ChannelNotificationOverride,
  channelNotificationOverrideSchema,
  type CreatePushSubscription,
  createPushSubscriptionSchema,
  type DeletePushSubscription,
  deletePushSubscriptionSchema,
  type GuildNotificationSettings,
  guildNotificationSettingsSchema,
  type PushSubscription,
  pushSubscriptionSchema,
  type PutChannelNotificationOverride,
  putChannelNotificationOverrideSchema,
  type UpdateGuildNotificationSettings,
  updateGuildNotificationSettingsSchema,
  type VapidPublicKey,
  vapidPublicKeySchema,
} from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  openApiSchema,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { channelIdPipe, guildIdPipe } from '../guilds/guild-common';
import { NotificationSettingsService } from './notification-settings.service';
import { PushSubscriptionsService } from './push-subscriptions.service';
import { WebPushSender } from './web-push.sender';

const errors = openApiSchema(errorBodySchema);

@ApiTags('notifications')
@ApiBearerAuth('accessToken')
@Controller('api/v1/users/@me')
export class NotificationSettingsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get('guilds/:guildId/notification-settings')
  @ApiOperation({
    summary:
      'My notification settings in a guild (defaults: level `mentions`, nothing suppressed, not muted) with ' +
      'my overrides of its channels.',
  })
  @ApiOkResponse({ schema: openApiSchema(guildNotificationSettingsSchema) })
  @ApiResponse({ status: 404, description: 'UNKNOWN_GUILD (not a member)', schema: errors })
  get(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
  ): Promise<GuildNotificationSettings> {
    return this.settings.get(caller.userId, guildId);
  }

  @Patch('guilds/:guildId/notification-settings')
  @ApiOperation({
    summary:
      'Change my guild notification settings: level (all, mentions, nothing), suppressEveryone (@everyone and ' +
      '@here), muted (with muteSeconds: for that long; without: until unmuted).',
  })
  @ApiBody({ schema: openApiSchema(updateGuildNotificationSettingsSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(guildNotificationSettingsSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_GUILD (not a member)', schema: errors })
  update(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(updateGuildNotificationSettingsSchema)) body: UpdateGuildNotificationSettings,
  ): Promise<GuildNotificationSettings> {
    return this.settings.update(caller.userId, guildId, body);
  }

  @Get('channels/:channelId/notification-settings')
  @ApiOperation({
    summary: 'My override of a channel, thread or DM I can see (default: inherit, not muted).',
  })
  @ApiOkResponse({ schema: openApiSchema(channelNotificationOverrideSchema) })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL', schema: errors })
  getChannel(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
  ): Promise<ChannelNotificationOverride> {
    return this.settings.getChannel(caller.userId, channelId);
  }

  @Put('channels/:channelId/notification-settings')
  @ApiOperation({
    summary:
      'Replace my override of a channel, thread or DM: level (inherit, all, mentions, nothing), muted (with ' +
      'muteSeconds: for that long). A thread without its own override follows its channel.',
  })
  @ApiBody({ schema: openApiSchema(putChannelNotificationOverrideSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(channelNotificationOverrideSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL', schema: errors })
  putChannel(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Body(new ZodValidationPipe(putChannelNotificationOverrideSchema)) body: PutChannelNotificationOverride,
  ): Promise<ChannelNotificationOverride> {
    return this.settings.putChannel(caller.userId, channelId, body);
  }

  @Delete('channels/:channelId/notification-settings')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove my override of a channel (back to inherit, not muted).' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL', schema: errors })
  async deleteChannel(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
  ): Promise<void> {
    await this.settings.deleteChannel(caller.userId, channelId);
  }
}

@ApiTags('notifications')
@ApiBearerAuth('accessToken')
@Controller('api/v1')
export class PushController {
  constructor(
    private readonly subscriptions: PushSubscriptionsService,
    private readonly sender: WebPushSender,
  ) {}

  @Get('push/vapid-public-key')
  @ApiOperation({
    summary: 'The VAPID public key browsers subscribe with (applicationServerKey); null when push is off.',
  })
  @ApiOkResponse({ schema: openApiSchema(vapidPublicKeySchema) })
  vapidPublicKey(): VapidPublicKey {
    return { publicKey: this.sender.publicKey };
  }

  @Get('users/@me/push-subscriptions')
  @ApiOperation({ summary: 'My browsers subscribed to Web Push.' })
  @ApiOkResponse({ schema: openApiSchema(z.array(pushSubscriptionSchema)) })
  list(@Caller() caller: CallerIdentity): Promise<PushSubscription[]> {
    return this.subscriptions.list(caller.userId);
  }

  @Post('users/@me/push-subscriptions')
  @ApiOperation({
    summary:
      "Subscribe this browser to Web Push (its PushSubscription's JSON); the same endpoint again refreshes it. " +
      'The endpoint must be https and not a private address.',
  })
  @ApiBody({ schema: openApiSchema(createPushSubscriptionSchema, 'input') })
  @ApiCreatedResponse({ schema: openApiSchema(pushSubscriptionSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED, TOO_MANY_PUSH_SUBSCRIPTIONS', schema: errors })
  subscribe(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(createPushSubscriptionSchema)) body: CreatePushSubscription,
  ): Promise<PushSubscription> {
    return this.subscriptions.subscribe(caller.userId, body);
  }

  @Delete('users/@me/push-subscriptions')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unsubscribe the browser with this endpoint.' })
  @ApiBody({ schema: openApiSchema(deletePushSubscriptionSchema, 'input') })
  @ApiNoContentResponse()
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_PUSH_SUBSCRIPTION', schema: errors })
  async unsubscribe(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(deletePushSubscriptionSchema)) body: DeletePushSubscription,
  ): Promise<void> {
    await this.subscriptions.unsubscribe(caller.userId, body.endpoint);
  }
}
