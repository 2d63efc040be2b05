import { baseServiceConfig, env } from '@bonfire/platform';
import type { z } from 'zod';

export const gatewayConfigSchema = baseServiceConfig.extend({
  GATEWAY_HOST: env.host().default('127.0.0.1'),
  GATEWAY_PORT: env.port().default(8080),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
