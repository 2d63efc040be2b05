import { type RunningService } from '@bonfire/platform';
import { ServiceTestClient } from '@bonfire/platform/testing';
import { startPresence } from '../bootstrap';
import { PresenceService } from '../presence/presence.service';
import { ProjectionConsumer } from '../projection/projection.consumer';

/**
 * The presence service started in-process on the real Redis and Kafka, with a client that calls it as
 * the gateway would (signed identity header). Pass a unique PRESENCE_KEY_PREFIX (or a REDIS_URL with its
 * own database index) to keep tests apart.
 */
export class PresenceTestApp {
  private constructor(
    readonly service: RunningService,
    readonly client: ServiceTestClient,
  ) {}

  /** `env` overrides the test environment; an undefined value removes a variable. */
  static async start(env: Record<string, string | undefined> = {}): Promise<PresenceTestApp> {
    const secret = process.env['INTERNAL_IDENTITY_SECRET']!;
    const service = await startPresence(
      {
        ...process.env,
        PRESENCE_PORT: '0',
        LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
        PRESENCE_PROJECTION_ENABLED: 'false',
        ...env,
      },
      { handleSignals: false },
    );
    return new PresenceTestApp(service, new ServiceTestClient(service.url, secret));
  }

  get presence(): PresenceService {
    return this.service.app.get(PresenceService);
  }

  get projection(): ProjectionConsumer {
    return this.service.app.get(ProjectionConsumer);
  }

  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: Parameters<ServiceTestClient['call']>[2] = {},
  ) {
    return this.client.call<T>(method, path, options);
  }

  async stop(): Promise<void> {
    await this.service.stop();
  }
}
