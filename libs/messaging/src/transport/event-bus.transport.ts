import { EVENTS, type AnyEvent, type EventType, type Topic, TOPICS } from '@bonfire/contracts';
import { HealthRegistry, ServiceLogger } from '@bonfire/platform';
import type { InjectionToken, INestApplicationContext } from '@nestjs/common';
import {
  BaseRpcContext,
  type CustomTransportStrategy,
  type MessageHandler,
  Server,
} from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { EventBus, Subscription } from '../event-bus';
import { errorMessage, silentLogger, type Logger } from '../logger';
import { EVENT_BUS } from '../module/messaging.module';
import type { EventGroupOptions, EventHandlerExtras } from './event-handlers';

/** The context an `@EventPattern` handler can take with `@Ctx()`: which group is handling the event. */
export class EventBusContext extends BaseRpcContext<[group: string]> {
  getGroup(): string {
    return this.args[0];
  }
}

export interface EventBusTransportOptions {
  bus: EventBus;
  health: HealthRegistry;
  /** Reads the providers that eventGroup() definitions name (the service's config). */
  get: (token: InjectionToken) => unknown;
  logger?: Logger;
  /**
   * The service's logger: each handler call runs in its log context with a logger bound to the event
   * (`eventId`, `eventType`), so what a handler logs carries the event id as a request's lines carry the
   * request id. Its `for('event-transport')` is the transport's own logger unless `logger` is given.
   */
  serviceLogger?: ServiceLogger;
}

interface Registered {
  pattern: string;
  handler: MessageHandler;
  extras: EventHandlerExtras;
}

interface Group {
  options: EventGroupOptions;
  topics: Set<Topic>;
  /** Handlers by event type (a topic pattern is expanded to the types registered on it). */
  byType: Map<string, MessageHandler[]>;
}

const KNOWN_TOPICS = new Set<string>(Object.values(TOPICS));

/**
 * Serves `@EventPattern` handlers over the EventBus port, as a Nest custom transport: on listen it
 * subscribes once per consumer group (the `eventGroup()` in the handlers' extras), to the topics of
 * that group's handlers, and hands each validated envelope to the handlers of its type. Everything a
 * subscription does stays the port's: envelope validation, retries then the dead-letter topic for a
 * handler that throws, consumer groups, metrics. A group's readiness check fails until it has joined.
 * A batch group (`batch` in its options) subscribes with subscribeBatch and hands each handler arrays.
 *
 * Patterns are event types (`'user.deleted'`) or topics (`'auth.users'`: every event on it).
 * Wire it with `startService({ eventTransport: (app) => EventBusTransport.for(app) })`.
 */
export class EventBusTransport extends Server implements CustomTransportStrategy {
  private readonly registered: Registered[] = [];
  private readonly subscriptions: Promise<Subscription | null>[] = [];
  private readonly log: Logger;
  private closed = false;

  constructor(private readonly options: EventBusTransportOptions) {
    super();
    this.log = options.logger ?? options.serviceLogger?.for('event-transport') ?? silentLogger;
  }

  /**
   * The transport of a service: its EVENT_BUS, HealthRegistry and ServiceLogger, its config for the
   * group options.
   */
  static for(app: INestApplicationContext): EventBusTransport {
    return new EventBusTransport({
      bus: app.get<EventBus>(EVENT_BUS),
      health: app.get(HealthRegistry),
      get: (token) => app.get(token, { strict: false }),
      serviceLogger: app.get(ServiceLogger, { strict: false }),
    });
  }

  /**
   * Nest chains handlers of one pattern into a single callback; here each keeps its own (handlers of
   * one event type may belong to different groups).
   */
  override addHandler(
    pattern: unknown,
    callback: MessageHandler,
    isEventHandler = false,
    extras: Record<string, unknown> = {},
  ): void {
    const key = this.normalizePattern(pattern as string);
    if (!isEventHandler)
      throw new Error(`EventBusTransport serves @EventPattern handlers only, not "${key}"`);
    if (!isEventHandlerExtras(extras)) {
      throw new Error(
        `@EventPattern('${key}') needs its consumer group: @EventPattern('${key}', eventGroup(...))`,
      );
    }
    if (!(key in EVENTS) && !KNOWN_TOPICS.has(key)) {
      throw new Error(`@EventPattern('${key}'): not an event type or a topic`);
    }
    callback.isEventHandler = true;
    callback.extras = extras;
    this.registered.push({ pattern: key, handler: callback, extras });
    this.messageHandlers.set(`${key}#${this.registered.length}`, callback);
  }

  listen(callback: (...optionalParams: unknown[]) => unknown): void {
    try {
      for (const group of this.groups()) this.subscriptions.push(this.start(group));
    } catch (error) {
      callback(error);
      return;
    }
    // Joining takes a while on Kafka: the service starts meanwhile and is not ready until every group joined.
    callback();
  }

  async close(): Promise<void> {
    this.closed = true;
    const subscriptions = await Promise.all(this.subscriptions);
    this.subscriptions.length = 0;
    await Promise.all(subscriptions.map((subscription) => subscription?.close().catch(() => undefined)));
  }

  on(): never {
    throw new Error('EventBusTransport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.options.bus as T;
  }

  /** The enabled groups, each with its topics and handlers per event type. */
  private groups(): Group[] {
    const groups = new Map<string, Group>();
    for (const { pattern, handler, extras } of this.registered) {
      const options = extras.eventGroup.resolve(this.options.get);
      if (options.enabled === false) continue;
      let group = groups.get(options.group);
      if (!group) {
        group = { options, topics: new Set(), byType: new Map() };
        groups.set(options.group, group);
      }
      for (const type of typesOf(pattern)) {
        group.topics.add(EVENTS[type].topic);
        group.byType.set(type, [...(group.byType.get(type) ?? []), handler]);
      }
    }
    return [...groups.values()];
  }

  private async start({ options, topics, byType }: Group): Promise<Subscription | null> {
    const markJoined = this.options.health.registerPending(
      options.readiness ?? `${options.group} consumer`,
      `not in consumer group ${options.group} yet`,
    );
    const context = new EventBusContext([options.group]);
    try {
      const subscription = await this.subscribe(options, [...topics], byType, context);
      if (this.closed) {
        await subscription.close();
        return null;
      }
      markJoined();
      return subscription;
    } catch (error) {
      this.log.error(
        { group: options.group, error: errorMessage(error) },
        'event handlers failed to subscribe',
      );
      return null;
    }
  }

  private subscribe(
    options: EventGroupOptions,
    topics: Topic[],
    byType: Map<string, MessageHandler[]>,
    context: EventBusContext,
  ): Promise<Subscription> {
    const { group, startFrom, retry, gatherMs, batch } = options;
    const common = { group, topics, startFrom, retry, gatherMs };
    if (!batch) {
      return this.options.bus.subscribe({
        ...common,
        handler: (event: AnyEvent) =>
          this.inEventContext({ eventId: event.id, eventType: event.type }, () =>
            handle(byType, event, context),
          ),
      });
    }
    return this.options.bus.subscribeBatch({
      ...common,
      ...(batch === true ? {} : { maxBatchSize: batch.maxBatchSize }),
      handler: (events) =>
        this.inEventContext(
          { eventCount: events.length, firstEventId: events[0]?.id, lastEventId: events.at(-1)?.id },
          () => handleBatch(byType, events, context),
        ),
    });
  }

  private inEventContext<T>(bindings: Record<string, unknown>, fn: () => T): T {
    const logger = this.options.serviceLogger;
    return logger ? logger.runBound(bindings, fn) : fn();
  }
}

async function handle(
  byType: Map<string, MessageHandler[]>,
  event: AnyEvent,
  context: EventBusContext,
): Promise<void> {
  for (const handler of byType.get(event.type) ?? []) await invoke(handler, event, context);
}

/** A batch group: each handler (one per pattern) once, with the events of its pattern, in their order. */
async function handleBatch(
  byType: Map<string, MessageHandler[]>,
  events: readonly AnyEvent[],
  context: EventBusContext,
): Promise<void> {
  const byHandler = new Map<MessageHandler, AnyEvent[]>();
  for (const event of events) {
    for (const handler of byType.get(event.type) ?? []) {
      const own = byHandler.get(handler);
      if (own) own.push(event);
      else byHandler.set(handler, [event]);
    }
  }
  for (const [handler, own] of byHandler) await invoke(handler, own, context);
}

/** Runs one Nest handler; an error (thrown, or from the Observable Nest wraps it in) rejects. */
async function invoke(
  handler: MessageHandler,
  payload: AnyEvent | readonly AnyEvent[],
  context: EventBusContext,
): Promise<void> {
  const result: unknown = await handler(payload, context);
  if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
}

function isEventHandlerExtras(
  extras: Record<string, unknown>,
): extras is Record<string, unknown> & EventHandlerExtras {
  const group = extras['eventGroup'] as { resolve?: unknown } | undefined;
  return typeof group?.resolve === 'function';
}

/** An event type, or every event type registered on a topic. */
function typesOf(pattern: string): EventType[] {
  if (pattern in EVENTS) return [pattern as EventType];
  return (Object.keys(EVENTS) as EventType[]).filter((type) => EVENTS[type].topic === pattern);
}
