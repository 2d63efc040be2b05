import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokenVerifier } from './access-token.verifier';
import { BotTokenVerifier } from './bot-token.verifier';
import { InMemorySessionDenylist } from './memory-session-denylist';

const GOOD = `111.${'a'.repeat(43)}`;
const OTHER = `222.${'b'.repeat(43)}`;

describe('BotTokenVerifier', () => {
  let server: Server;
  let calls = 0;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      calls++;
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const { token } = JSON.parse(body) as { token: string };
        res.setHeader('content-type', 'application/json');
        if (req.url !== '/internal/v1/bot-tokens/verify' || !req.headers['x-bonfire-identity']) {
          res.statusCode = 404;
          return res.end('{}');
        }
        if (token === GOOD) return res.end(JSON.stringify({ userId: '900', tokenId: '111' }));
        if (token === OTHER) {
          res.statusCode = 500;
          return res.end('{}');
        }
        res.statusCode = 401;
        res.end(JSON.stringify({ error: { code: 'BOT_TOKEN_INVALID', message: 'no' } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    server.close();
  });

  const verifier = (cacheMs = 30_000) =>
    new BotTokenVerifier({
      authUrl: url,
      identitySecret: 'x'.repeat(32),
      gatewayId: 'g',
      timeoutMs: 2_000,
      cacheMs,
    });

  it('asks auth once per cache window and answers the bot identity', async () => {
    const bots = verifier();
    calls = 0;
    expect(await bots.verify(GOOD)).toEqual({ userId: '900', sessionId: '111', bot: true });
    expect(await bots.verify(GOOD)).toEqual({ userId: '900', sessionId: '111', bot: true });
    expect(calls).toBe(1);
  });

  it('refuses malformed tokens without asking auth, and unknown ones as TOKEN_INVALID', async () => {
    const bots = verifier();
    calls = 0;
    await expect(bots.verify('nope')).rejects.toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
    expect(calls).toBe(0);
    await expect(bots.verify(`333.${'c'.repeat(43)}`)).rejects.toMatchObject({
      status: 401,
      code: 'TOKEN_INVALID',
    });
    await expect(bots.verify(OTHER)).rejects.toMatchObject({ status: 503, code: 'AUTH_UNAVAILABLE' });
  });

  it('through AccessTokenVerifier: `Bot …` is a bot, and a revoked token id is refused even when cached', async () => {
    const denylist = new InMemorySessionDenylist();
    const tokens = new AccessTokenVerifier({
      jwksUrl: new URL(`${url}/jwks`),
      issuer: 'bonfire',
      audience: 'bonfire-api',
      denylist,
      bots: verifier(),
    });
    expect(await tokens.verify(`Bot ${GOOD}`)).toMatchObject({ userId: '900', bot: true });
    denylist.deny({
      sessionId: '111',
      userId: '900',
      reason: 'SESSION_REVOKED',
      expiresAtMs: Date.now() + 60_000,
    });
    await expect(tokens.verify(`Bot ${GOOD}`)).rejects.toMatchObject({
      status: 401,
      code: 'SESSION_REVOKED',
    });
    await expect(tokens.verify(`Bearer ${GOOD}`)).rejects.toMatchObject({ status: 401 });
  });
});
