import { z } from 'zod';

/**
 * The one envelope every event travels in, on Kafka and in process alike.
 * `key` decides ordering: events with the same key (a channel id, a user id) are delivered in order.
 */
export const eventEnvelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  producer: z.string().min(1),
  key: z.string().min(1),
  data: z.unknown(),
});

export type EventEnvelope<TType extends string = string, TData = unknown> = Omit<
  z.infer<typeof eventEnvelopeSchema>,
  'type' | 'data'
> & { type: TType; data: TData };
