import { ERROR, BOT_TOKEN_PATTERN, botTokenVerifyAnswerSchema, internalPath } from '@bonfire/contracts';
import { AppError, type CallerIdentity, internalRequest, type InternalResponse } from '@bonfire/platform';

interface BotTokenVerifierOptions {
  authUrl: string;
  identitySecret: string;
  gatewayId: string;
  timeoutMs: number;
  /** How long an answer is reused (a reset reaches the gateways sooner through the denylist). */
  cacheMs: number;
}

/** What a bot token verifies to: the bot user, the token id as its `sessionId`, and the bot flag. */
type BotIdentity = CallerIdentity & { bot: true };

/**
 * Bot tokens (`Authorization: Bot <token>`) are opaque: auth answers whose they are
 * (INTERNAL_ROUTES.botTokens.verify). An answer is kept `cacheMs` so a busy bot costs one call to auth per window;
 * a reset or a deleted application is announced as `session.revoked` for the token id, which the
 * AccessTokenVerifier's denylist check refuses on every request, cached or not. Refusals are not cached.
 */
export class BotTokenVerifier {
  private readonly verified = new Map<string, { identity: BotIdentity; expiresAtMs: number }>();
  private readonly caller: CallerIdentity;

  constructor(private readonly options: BotTokenVerifierOptions) {
    this.caller = { userId: '0', sessionId: `gateway:${options.gatewayId}` };
  }

  async verify(token: string): Promise<BotIdentity> {
    if (!BOT_TOKEN_PATTERN.test(token)) throw invalid();
    const cached = this.verified.get(token);
    if (cached && cached.expiresAtMs > Date.now()) return cached.identity;
    if (cached) this.verified.delete(token);
    let response: InternalResponse;
    try {
      response = await internalRequest({
        baseUrl: this.options.authUrl,
        path: internalPath('botTokens', 'verify'),
        method: 'POST',
        body: { token },
        caller: this.caller,
        identitySecret: this.options.identitySecret,
        timeoutMs: this.options.timeoutMs,
      });
    } catch {
      throw unavailable();
    }
    if (response.status === 401) throw invalid();
    const answer = botTokenVerifyAnswerSchema.safeParse(response.body);
    if (response.status !== 200 || !answer.success) throw unavailable();
    const identity: BotIdentity = { userId: answer.data.userId, sessionId: answer.data.tokenId, bot: true };
    if (this.verified.size >= CACHE_SIZE) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, { identity, expiresAtMs: Date.now() + this.options.cacheMs });
    return identity;
  }
}

const CACHE_SIZE = 10_000;

function invalid(): AppError {
  return new AppError(ERROR.TOKEN_INVALID, 'The bot token is not valid.');
}

function unavailable(): AppError {
  return new AppError(ERROR.AUTH_UNAVAILABLE, 'Bot tokens cannot be checked right now; try again shortly.');
}
