import { z } from 'zod';

export const refreshSchema = z.object({ refreshToken: z.string().min(1).max(512) });
export type RefreshDto = z.infer<typeof refreshSchema>;

export const tokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int().describe('Seconds until the access token expires.'),
});
export type TokenPair = z.infer<typeof tokenPairSchema>;

export const sessionSchema = z.object({
  id: z.string(),
  deviceLabel: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionSchema>;

export const sessionListSchema = z.array(sessionSchema);
