import { type RevokedSession, revokedSessionsAnswerSchema, internalPath } from '@bonfire/contracts';
import { type CallerIdentity, getInternalJson } from '@bonfire/platform';

/** Where a starting gateway learns the sessions revoked before it started. The DI token. */
export abstract class RevokedSessionsSource {
  /** Every session whose access tokens must still be refused; throws when it cannot tell. */
  abstract list(): Promise<RevokedSession[]>;
}

const PATH = internalPath('auth', 'revokedSessions');

/** Auth's internal route, called with a service identity signed as the gateway signs callers'. */
export class AuthRevokedSessionsSource extends RevokedSessionsSource {
  private readonly identity: CallerIdentity;

  constructor(
    private readonly options: {
      authUrl: string;
      identitySecret: string;
      gatewayId: string;
      timeoutMs: number;
    },
  ) {
    super();
    this.identity = { userId: '0', sessionId: `gateway:${options.gatewayId}` };
  }

  async list(): Promise<RevokedSession[]> {
    const answer = await getInternalJson<unknown>({
      baseUrl: this.options.authUrl,
      path: PATH,
      caller: this.identity,
      identitySecret: this.options.identitySecret,
      timeoutMs: this.options.timeoutMs,
      unavailable: (reason) => new Error(`auth ${reason}`),
    });
    const parsed = revokedSessionsAnswerSchema.safeParse(answer);
    if (!parsed.success) throw new Error(`auth answered ${PATH} with an unexpected body`);
    return parsed.data.sessions;
  }
}
