import { request } from 'node:http';
import { generateKeyPair, SignJWT, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type ErrorResponseBody, registerUser } from '../support/api';
import { Stack } from '../support/stack';

const sharedEnv = (prefix: string) => ({ RATE_LIMIT_KEY_PREFIX: `e2e-${prefix}-${Date.now()}` });

describe('gateway edge with the real auth service', () => {
  let stack: Stack;
  let api: Api;

  beforeAll(async () => {
    stack = await Stack.start({ services: ['auth', 'gateway'], env: sharedEnv('edge') });
    api = new Api(stack.gateway.url);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('routes auth and users through the gateway with a verified identity', async () => {
    const account = await registerUser(api);
    const me = await api
      .withToken(account.accessToken)
      .get<{ id: string; username: string }>('/api/v1/users/@me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: account.user.id, username: account.user.username });
    expect(me.headers.get('ratelimit-limit')).toBeTruthy();
    expect(me.headers.get('x-request-id')).toBeTruthy();
  });

  it('keeps the caller request id end to end', async () => {
    const response = await api.get('/api/v1/users/@me', { 'x-request-id': 'e2e-trace-42' });
    expect(response.headers.get('x-request-id')).toBe('e2e-trace-42');
  });

  it('refuses protected routes without a token, naming the problem', async () => {
    const response = await api.get<ErrorResponseBody>('/api/v1/users/@me');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('TOKEN_MISSING');
  });

  it('refuses a forged identity header even without a token', async () => {
    const response = await api.get<ErrorResponseBody>('/api/v1/users/@me', {
      'x-bonfire-identity': 'v1.eyJzdWIiOiIxIiwic2lkIjoiMSIsImlhdCI6MH0.forged',
    });
    expect(response.status).toBe(401);
  });

  it('rejects tampered, wrong-key and alg:none tokens with 401', async () => {
    const account = await registerUser(api);
    const [header, payload, signature] = account.accessToken.split('.') as [string, string, string];

    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const tamperedPayload = Buffer.from(JSON.stringify({ ...claims, sub: '1' })).toString('base64url');
    const tampered = `${header}.${tamperedPayload}.${signature}`;

    const { kid } = decodeProtectedHeader(account.accessToken);
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const wrongKey = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid }).sign(privateKey);

    const noneHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid })).toString('base64url');
    const algNone = `${noneHeader}.${payload}.`;

    for (const token of [tampered, wrongKey, algNone, 'not-a-jwt']) {
      const response = await api.withToken(token).get<ErrorResponseBody>('/api/v1/users/@me');
      expect(response.status, token.slice(0, 20)).toBe(401);
      expect(response.body.error.code).toBe('TOKEN_INVALID');
    }
  });

  it('serves the JWKS publicly and the merged OpenAPI document', async () => {
    const jwks = await api.get<{ keys: { kid: string; kty: string }[] }>('/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    expect(jwks.body.keys.length).toBeGreaterThan(0);
    const openapi = await api.get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(openapi.status).toBe(200);
    expect(openapi.body.paths['/api/v1/auth/login']).toBeDefined();
  });

  it('records the address it trusts, never a client-sent X-Forwarded-For (TRUST_PROXY_HOPS=0)', async () => {
    const username = `xff${Date.now().toString(36)}`;
    const registered = await api.post<{ accessToken: string }>(
      '/api/v1/auth/register',
      { email: `${username}@example.test`, username, password: 'pw-spoofed-address-1' },
      { 'x-forwarded-for': '198.51.100.77' },
    );
    expect(registered.status).toBe(201);
    const sessions = await api
      .withToken(registered.body.accessToken)
      .get<{ ip: string | null }[]>('/api/v1/auth/sessions');
    expect(sessions.status).toBe(200);
    expect(sessions.body.map((session) => session.ip)).toEqual(['127.0.0.1']);
  });

  it('decides on the canonical path and method, and hardens every answer', async () => {
    const { hostname, port } = new URL(stack.gateway.url);
    const raw = (method: string, path: string) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
        const req = request({ hostname, port, method, path }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        });
        req.on('error', reject);
        req.end();
      });
    const trace = await raw('TRACE', '/api/v1/users/@me');
    expect(trace.status).toBe(405);
    expect(trace.headers['allow']).toBe('GET, HEAD, PATCH');
    expect((JSON.parse(trace.body) as ErrorResponseBody).error.code).toBe('METHOD_NOT_ALLOWED');
    for (const path of ['//api/v1/users/@me', '/api/v1/users/%2e%2e/auth/login', '/api/v1/users/@me%00']) {
      const refused = await raw('GET', path);
      expect(refused.status, path).toBe(400);
      expect((JSON.parse(refused.body) as ErrorResponseBody).error.code, path).toBe('INVALID_PATH');
    }
    const proxied = await api.get('/api/v1/users/@me');
    expect(proxied.status).toBe(401);
    expect(proxied.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await raw('GET', '/metrics')).status).toBe(404);
    expect(JSON.parse((await raw('GET', '/health/ready')).body)).toEqual({ status: 'up' });
  });

  it('answers 429 with Retry-After after repeated failed logins', async () => {
    const account = await registerUser(api);
    let last = await api.post<ErrorResponseBody>('/api/v1/auth/login', {
      login: account.user.username,
      password: 'wrong-password',
    });
    for (let attempt = 0; attempt < 30 && last.status !== 429; attempt++) {
      expect(last.status).toBe(401);
      last = await api.post<ErrorResponseBody>('/api/v1/auth/login', {
        login: account.user.username,
        password: 'wrong-password',
      });
    }
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('gateway edge when things go wrong', () => {
  it('expired tokens get 401 TOKEN_EXPIRED', async () => {
    const stack = await Stack.start({
      services: ['auth', 'gateway'],
      env: sharedEnv('expiry'),
      serviceEnv: { auth: { ACCESS_TOKEN_TTL_SECONDS: '1' } },
    });
    try {
      const api = new Api(stack.gateway.url);
      const account = await registerUser(api);
      await new Promise((wait) => setTimeout(wait, 2_100));
      const response = await api.withToken(account.accessToken).get<ErrorResponseBody>('/api/v1/users/@me');
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('TOKEN_EXPIRED');
    } finally {
      await stack.stop();
    }
  });

  it('answers 502 in the common format when auth is down, and recovers when it is back', async () => {
    const stack = await Stack.start({ services: ['auth', 'gateway'], env: sharedEnv('down') });
    try {
      const api = new Api(stack.gateway.url);
      const account = await registerUser(api);
      // The first authenticated call makes the gateway fetch and cache auth's JWKS.
      expect((await api.withToken(account.accessToken).get('/api/v1/users/@me')).status).toBe(200);
      await stack.service('auth').kill();
      const down = await api.withToken(account.accessToken).get<ErrorResponseBody>('/api/v1/users/@me');
      expect(down.status).toBe(502);
      expect(down.body.error.code).toBe('BAD_GATEWAY');
      const login = await api.post<ErrorResponseBody>('/api/v1/auth/login', {
        login: account.user.username,
        password: account.password,
      });
      expect(login.status).toBe(502);
      await stack.service('auth').start();
      const back = await api.withToken(account.accessToken).get('/api/v1/users/@me');
      expect(back.status).toBe(200);
    } finally {
      await stack.stop();
    }
  });

  it('two gateway processes share rate-limit state through Redis', async () => {
    const stack = await Stack.start({
      services: ['auth', 'gateway'],
      env: { ...sharedEnv('replicas'), RATE_LIMIT_IP_PER_MINUTE: '6' },
      extraGateways: 1,
    });
    try {
      const [first, second] = stack.gateways.map((gateway) => new Api(gateway.url)) as [Api, Api];
      // Limits use fixed one-minute windows: don't start right before one rolls over.
      const secondOfMinute = Math.floor(Date.now() / 1000) % 60;
      if (secondOfMinute > 54) await new Promise((wait) => setTimeout(wait, (61 - secondOfMinute) * 1000));
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const target = i % 2 === 0 ? first : second;
        statuses.push((await target.get('/.well-known/jwks.json')).status);
      }
      // 6 allowed in total across both replicas, then refused on either one.
      expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(statuses.slice(6)).toEqual([429, 429]);
      const refused = await second.get<ErrorResponseBody>('/.well-known/jwks.json');
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      expect(refused.headers.get('retry-after')).toBeTruthy();
    } finally {
      await stack.stop();
    }
  });
});
