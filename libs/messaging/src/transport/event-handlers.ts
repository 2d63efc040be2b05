import {
  type ArgumentsHost,
  Catch,
  Controller,
  type InjectionToken,
  type RpcExceptionFilter,
  UseFilters,
  applyDecorators,
} from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';
import type { RetryPolicy } from '../event-bus';

/** How the handlers of one consumer group subscribe (see EventBus.subscribe). */
export interface EventGroupOptions {
  /** The consumer group: each group gets each event once. Keep a name once deployed (Kafka offsets). */
  group: string;
  startFrom?: 'latest' | 'earliest';
  retry?: Partial<RetryPolicy>;
  /** false: the group does not subscribe at all (tests drive the handlers directly). Default true. */
  enabled?: boolean;
  /** The readiness check that fails until the group has joined. Default `<group> consumer`. */
  readiness?: string;
  /** A background group's latency budget (SubscribeOptions.gatherMs; BACKGROUND_GATHER_MS). */
  gatherMs?: number;
  /**
   * The group's handlers take arrays (`@Payload() events: readonly AnyEvent[]`): a pattern's handler gets
   * the events of that pattern (an event type, or every type of a topic) from one fetched batch of one
   * partition, in order, so it can read what they need in one query (EventBus.subscribeBatch: a failing
   * batch is retried, then its events one by one, then dead-lettered). Nest registers a method once per
   * pattern, so a method given a list of types is called once per type: give it a topic when the order
   * between its types matters. `true`, or the most events per call (default DEFAULT_MAX_BATCH_SIZE).
   */
  batch?: true | { maxBatchSize: number };
}

/** An EventGroupOptions, or how to read it from a provider (the service's config) when the transport listens. */
export interface EventGroupDefinition {
  resolve(get: (token: InjectionToken) => unknown): EventGroupOptions;
}

/** What `@EventPattern(pattern, extras)` carries: the handler's consumer group. */
export interface EventHandlerExtras {
  eventGroup: EventGroupDefinition;
}

/**
 * Declares a consumer group for `@EventPattern` handlers, as their extras:
 *
 *     const USERS = eventGroup(CHAT_CONFIG, (config: ChatConfig) => ({ group: config.CHAT_USERS_CONSUMER_GROUP }));
 *     @EventPattern(['user.created', 'user.updated'], USERS) apply(@Payload() event: AnyEvent) { … }
 *
 * The options are static, or read from a provider (usually the service's config; `get` reads any other)
 * when the transport listens.
 */
export function eventGroup(options: EventGroupOptions): EventHandlerExtras;
export function eventGroup<C>(
  from: InjectionToken,
  options: (provided: C, get: (token: InjectionToken) => unknown) => EventGroupOptions,
): EventHandlerExtras;
export function eventGroup<C>(
  fromOrOptions: InjectionToken | EventGroupOptions,
  options?: (provided: C, get: (token: InjectionToken) => unknown) => EventGroupOptions,
): EventHandlerExtras {
  if (options === undefined) {
    const fixed = fromOrOptions as EventGroupOptions;
    return { eventGroup: { resolve: () => fixed } };
  }
  const from = fromOrOptions as InjectionToken;
  return { eventGroup: { resolve: (get) => options(get(from) as C, get) } };
}

/**
 * Passes a handler's error on unchanged: without it Nest's RPC filter replaces it with
 * "Internal server error", and the dead letter would lose the reason.
 */
@Catch()
export class RethrowEventErrors implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/**
 * Marks a class of `@EventPattern` handlers (Nest serves message handlers from controllers only; this
 * one has no HTTP routes). Errors reach the EventBus unchanged, so it retries and dead-letters them.
 */
export const EventHandlers = (): ClassDecorator =>
  applyDecorators(Controller(), UseFilters(new RethrowEventErrors()));
