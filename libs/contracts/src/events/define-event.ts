import type { z } from 'zod';
import type { Topic } from '../topics';

export interface EventDefinition<TSchema extends z.ZodType = z.ZodType> {
  /** The topic this event type is always published to. */
  readonly topic: Topic;
  /** Schema version of `data`; bump it when the payload changes incompatibly. */
  readonly version: number;
  readonly schema: TSchema;
}

export function defineEvent<TSchema extends z.ZodType>(definition: EventDefinition<TSchema>) {
  return definition;
}
