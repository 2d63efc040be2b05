import { snowflakeSchema } from '@bonfire/contracts';
import { z } from 'zod';

export const reactorsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** Paging: users with an id above this one. */
  after: snowflakeSchema.optional(),
});
export type ReactorsQuery = z.infer<typeof reactorsQuerySchema>;

export const reactorSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
});
export type Reactor = z.infer<typeof reactorSchema>;
export const reactorListSchema = z.array(reactorSchema);
