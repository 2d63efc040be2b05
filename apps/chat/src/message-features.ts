import type { DynamicModule } from '@nestjs/common';
import { DmsModule } from './dms/dms.module';
import { EmbedsModule } from './embeds/embeds.module';
import { MessagesModule } from './messages/messages.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ReactionsModule } from './reactions/reactions.module';
import { ReadStatesModule } from './read-states/read-states.module';
import { RelationshipsModule } from './relationships/relationships.module';
import { ThreadsModule } from './threads/threads.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Conversation feature modules: messages, pins, reactions, DMs and group DMs, read states, webhooks, threads. */
export const MESSAGE_FEATURE_MODULES: NonNullable<DynamicModule['imports']> = [
  MessagesModule,
  ReactionsModule,
  DmsModule,
  ReadStatesModule,
  WebhooksModule,
  ThreadsModule,
  NotificationsModule,
  EmbedsModule,
  RelationshipsModule,
];
