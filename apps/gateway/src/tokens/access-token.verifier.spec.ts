import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokenVerifier } from './access-token.verifier';

describe('AccessTokenVerifier', () => {
  let server: Server;
  let privateKey: CryptoKey;
  let jwksRequests = 0;
  let verifier: AccessTokenVerifier;

  beforeAll(async () => {
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' };
    server = createServer((_req, res) => {
      jwksRequests++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    verifier = new AccessTokenVerifier({
      jwksUrl: new URL(`http://127.0.0.1:${port}/.well-known/jwks.json`),
      issuer: 'bonfire',
      audience: 'bonfire-api',
    });
  });

  afterAll(() => {
    server.close();
  });

  /** A token whose `exp` is `expiresAt` (epoch seconds). */
  function tokenUntil(expiresAt: number, subject = '42'): Promise<string> {
    return new SignJWT({ sid: 's1' })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
      .setSubject(subject)
      .setIssuer('bonfire')
      .setAudience('bonfire-api')
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(privateKey);
  }

  function token(expiresInSeconds: number, subject = '42'): Promise<string> {
    return tokenUntil(Math.floor(Date.now() / 1000) + expiresInSeconds, subject);
  }

  it('verifies a token and answers repeats from its cache', async () => {
    const bearer = `Bearer ${await token(600)}`;
    expect(await verifier.verify(bearer)).toEqual({ userId: '42', sessionId: 's1' });
    const fetchesAfterFirst = jwksRequests;
    expect(await verifier.verify(bearer)).toEqual({ userId: '42', sessionId: 's1' });
    expect(jwksRequests).toBe(fetchesAfterFirst);
  });

  it('stops accepting a cached token once it expires', async () => {
    // `exp` counts whole seconds: two ahead leaves the first check at least one second.
    const expiresAt = Math.floor(Date.now() / 1000) + 2;
    const bearer = `Bearer ${await tokenUntil(expiresAt, '7')}`;
    expect((await verifier.verify(bearer)).userId).toBe('7');
    await new Promise((wait) => setTimeout(wait, expiresAt * 1_000 - Date.now() + 100));
    await expect(verifier.verify(bearer)).rejects.toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
  });

  it('never caches a token that failed: a tampered copy of a good one is refused', async () => {
    const good = await token(600, '9');
    await verifier.verify(`Bearer ${good}`);
    const [header, payload, signature] = good.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: '1' })).toString('base64url')}.${signature}`;
    await expect(verifier.verify(`Bearer ${forged}`)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    await expect(verifier.verify(`Bearer ${forged}`)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });
});
