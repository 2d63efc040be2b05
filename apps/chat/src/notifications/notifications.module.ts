import { Module } from '@nestjs/common';
import { NotificationSettingsService } from './notification-settings.service';
import { NotificationSettingsController, PushController } from './notifications.controller';
import { NotificationsHandlers } from './notifications.handlers';
import { NotificationsRepository } from './notifications.repository';
import { NotifyDecisionRepository } from './notify-decision.repository';
import { NotifyDecisionService } from './notify-decision.service';
import { PushSubscriptionsService } from './push-subscriptions.service';
import { WebPushSender } from './web-push.sender';

/**
 * Notification settings (per guild, per channel), the notify decision for each new message
 * (notification.created to the user's own sessions) and Web Push to subscribed browsers.
 */
@Module({
  controllers: [NotificationSettingsController, PushController, NotificationsHandlers],
  providers: [
    NotificationsRepository,
    NotificationSettingsService,
    NotifyDecisionRepository,
    NotifyDecisionService,
    PushSubscriptionsService,
    WebPushSender,
  ],
  exports: [NotificationsRepository],
})
export class NotificationsModule {}
