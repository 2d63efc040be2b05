export * from './event-bus';
export { type Logger, type LogFn, silentLogger } from './logger';
export { backoffDelay } from './retry';
export { RecentSet } from './recent-set';
export { InProcessEventBus, type InProcessEventBusOptions } from './in-process-event-bus';
export { KafkaEventBus, type KafkaEventBusOptions } from './kafka-event-bus';
export { type FailedMessage, deadLetterRecord, HEADERS as KAFKA_HEADERS } from './kafka-dead-letters';
export { outboxMigration, OUTBOX_TABLE } from './outbox/outbox-migration';
export { OutboxWriter, OUTBOX_CHANNEL, type OutboxInsertionValues } from './outbox/outbox-writer';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
export {
  IdempotentConsumer,
  InMemoryIdempotentConsumer,
  processedEventsMigration,
  PROCESSED_EVENTS_TABLE,
} from './idempotent-consumer';
export { OutboxRelayModule, type OutboxRelayModuleOptions } from './outbox/outbox-relay.module';
export {
  EVENT_BUS,
  InjectEventBus,
  MessagingModule,
  type MessagingModuleOptions,
  standaloneEventBus,
} from './module/messaging.module';
export {
  EventBusContext,
  EventBusTransport,
  type EventBusTransportOptions,
} from './transport/event-bus.transport';
export {
  eventGroup,
  EventHandlers,
  RethrowEventErrors,
  type EventGroupDefinition,
  type EventGroupOptions,
  type EventHandlerExtras,
} from './transport/event-handlers';
