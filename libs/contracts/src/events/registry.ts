import type { z } from 'zod';
import { authEvents } from './auth.events';
import { chatEvents } from './chat.events';
import { dataExportEvents } from '../api/data-export.dto';
import { emojiEvents } from './emoji.events';
import { fileEvents } from './file.events';
import { notificationEvents } from '../api/notifications.dto';
import { platformEvents } from './platform.events';
import { presenceEvents } from './presence.events';
import { relationshipEvents } from './relationships.events';
import { voiceEvents } from './voice.events';
import type { EventEnvelope } from '../envelope';
import { eventEnvelopeSchema } from '../envelope';

/** Every event type Bonfire publishes. Add a service's events here and producers get type-checked payloads. */
export const EVENTS = {
  ...authEvents,
  ...chatEvents,
  ...dataExportEvents,
  ...emojiEvents,
  ...fileEvents,
  ...notificationEvents,
  ...platformEvents,
  ...presenceEvents,
  ...relationshipEvents,
  ...voiceEvents,
} as const;

export type EventType = keyof typeof EVENTS;

/** The compile-time map from event type to payload: `EventData<'user.created'>` is the user payload. */
export type EventData<T extends EventType> = z.infer<(typeof EVENTS)[T]['schema']>;

export type EventOf<T extends EventType> = EventEnvelope<T, EventData<T>>;

/** Any known event, as a discriminated union on `type`. */
export type AnyEvent = { [T in EventType]: EventOf<T> }[EventType];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENTS, type);
}

export class EventValidationError extends Error {
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super(`${message}: ${issues.join('; ')}`);
    this.name = 'EventValidationError';
  }
}

/** Checks the envelope and the payload of a raw event against the registry; throws EventValidationError. */
export function parseEvent(raw: unknown): AnyEvent {
  const envelope = eventEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    throw new EventValidationError(
      'invalid event envelope',
      envelope.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const { type } = envelope.data;
  if (!isEventType(type)) {
    throw new EventValidationError('unknown event type', [type]);
  }
  const definition = EVENTS[type];
  if (envelope.data.version !== definition.version) {
    throw new EventValidationError('unsupported event version', [
      `${type} v${envelope.data.version} (expected v${definition.version})`,
    ]);
  }
  const data = definition.schema.safeParse(envelope.data.data);
  if (!data.success) {
    throw new EventValidationError(
      `invalid ${type} payload`,
      data.error.issues.map((issue) => `data.${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return { ...envelope.data, type, data: data.data } as AnyEvent;
}
