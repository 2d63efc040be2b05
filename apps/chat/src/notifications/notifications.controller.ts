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
import { Caller, type CallerIdentity, ZodValidationPipe, Endpoint } from '@bonfire/platform';
import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { channelIdPipe, guildIdPipe } from '../guilds/guild-common';
import { NotificationSettingsService } from './notification-settings.service';
import { PushSubscriptionsService } from './push-subscriptions.service';
import { WebPushSender } from './web-push.sender';

@ApiTags('notifications')
@ApiBearerAuth('accessToken')
@Controller('api/v1/users/@me')
export class NotificationSettingsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Endpoint({
    method: 'GET',
    path: 'guilds/:guildId/notification-settings',
    summary:
      'My notification settings in a guild (defaults: level `mentions`, nothing suppressed, not muted) with ' +
      'my overrides of its channels.',
    response: guildNotificationSettingsSchema,
    errors: { 404: 'UNKNOWN_GUILD (not a member)' },
  })
  get(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
  ): Promise<GuildNotificationSettings> {
    return this.settings.get(caller.userId, guildId);
  }

  @Endpoint({
    method: 'PATCH',
    path: 'guilds/:guildId/notification-settings',
    summary:
      'Change my guild notification settings: level (all, mentions, nothing), suppressEveryone (@everyone and ' +
      '@here), muted (with muteSeconds: for that long; without: until unmuted).',
    body: updateGuildNotificationSettingsSchema,
    response: guildNotificationSettingsSchema,
    errors: { 400: 'VALIDATION_FAILED', 404: 'UNKNOWN_GUILD (not a member)' },
  })
  update(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(updateGuildNotificationSettingsSchema)) body: UpdateGuildNotificationSettings,
  ): Promise<GuildNotificationSettings> {
    return this.settings.update(caller.userId, guildId, body);
  }

  @Endpoint({
    method: 'GET',
    path: 'channels/:channelId/notification-settings',
    summary: 'My override of a channel, thread or DM I can see (default: inherit, not muted).',
    response: channelNotificationOverrideSchema,
    errors: { 404: 'UNKNOWN_CHANNEL' },
  })
  getChannel(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
  ): Promise<ChannelNotificationOverride> {
    return this.settings.getChannel(caller.userId, channelId);
  }

  @Endpoint({
    method: 'PUT',
    path: 'channels/:channelId/notification-settings',
    summary:
      'Replace my override of a channel, thread or DM: level (inherit, all, mentions, nothing), muted (with ' +
      'muteSeconds: for that long). A thread without its own override follows its channel.',
    body: putChannelNotificationOverrideSchema,
    response: channelNotificationOverrideSchema,
    errors: { 400: 'VALIDATION_FAILED', 404: 'UNKNOWN_CHANNEL' },
  })
  putChannel(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Body(new ZodValidationPipe(putChannelNotificationOverrideSchema)) body: PutChannelNotificationOverride,
  ): Promise<ChannelNotificationOverride> {
    return this.settings.putChannel(caller.userId, channelId, body);
  }

  @Endpoint({
    method: 'DELETE',
    path: 'channels/:channelId/notification-settings',
    summary: 'Remove my override of a channel (back to inherit, not muted).',
    errors: { 404: 'UNKNOWN_CHANNEL' },
  })
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

  @Endpoint({
    method: 'GET',
    path: 'push/vapid-public-key',
    summary: 'The VAPID public key browsers subscribe with (applicationServerKey); null when push is off.',
    response: vapidPublicKeySchema,
  })
  vapidPublicKey(): VapidPublicKey {
    return { publicKey: this.sender.publicKey };
  }

  @Endpoint({
    method: 'GET',
    path: 'users/@me/push-subscriptions',
    summary: 'My browsers subscribed to Web Push.',
    response: z.array(pushSubscriptionSchema),
  })
  list(@Caller() caller: CallerIdentity): Promise<PushSubscription[]> {
    return this.subscriptions.list(caller.userId);
  }

  @Endpoint({
    method: 'POST',
    path: 'users/@me/push-subscriptions',
    summary:
      "Subscribe this browser to Web Push (its PushSubscription's JSON); the same endpoint again refreshes it. " +
      'The endpoint must be https and not a private address.',
    body: createPushSubscriptionSchema,
    response: pushSubscriptionSchema,
    status: 201,
    errors: { 400: 'VALIDATION_FAILED, TOO_MANY_PUSH_SUBSCRIPTIONS' },
  })
  subscribe(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(createPushSubscriptionSchema)) body: CreatePushSubscription,
  ): Promise<PushSubscription> {
    return this.subscriptions.subscribe(caller.userId, body);
  }

  @Endpoint({
    method: 'DELETE',
    path: 'users/@me/push-subscriptions',
    summary: 'Unsubscribe the browser with this endpoint.',
    body: deletePushSubscriptionSchema,
    errors: { 400: 'VALIDATION_FAILED', 404: 'UNKNOWN_PUSH_SUBSCRIPTION' },
  })
  async unsubscribe(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(deletePushSubscriptionSchema)) body: DeletePushSubscription,
  ): Promise<void> {
    await this.subscriptions.unsubscribe(caller.userId, body.endpoint);
  }
}
