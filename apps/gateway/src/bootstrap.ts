import { loadConfig, startService, type RunningService } from '@bonfire/platform';
import { GatewayModule } from './app.module';
import { gatewayConfigSchema } from './config';

export async function startGateway(
  environment: NodeJS.ProcessEnv = process.env,
  options: { handleSignals?: boolean } = {},
): Promise<RunningService> {
  const config = loadConfig('gateway', gatewayConfigSchema, environment);
  return startService({
    name: 'gateway',
    module: GatewayModule.register(config),
    host: config.GATEWAY_HOST,
    port: config.GATEWAY_PORT,
    // The gateway streams request bodies through to services; it parses none itself.
    jsonBodyLimit: false,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    handleSignals: options.handleSignals ?? true,
  });
}
