import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Channel, Guild, Message } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser } from '../support/api';
import { eventually } from '../support/eventually';
import { freePort, ServiceProcess, voiceSignalingPort } from '../support/stack';

const launcher = resolve(__dirname, '../../tools/standalone/main.mjs');

/** The standalone shape keeps everything in its data folder: a restart loses nothing, and the folder has one owner. */
describe('standalone: restart and the data folder', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let platform: ServiceProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bonfire-restart-'));
    env = { ...process.env, BONFIRE_DATA_DIR: dataDir, LOG_LEVEL: 'warn', GATEWAY_INTERNAL_PORT: '0' };
    for (const [name, variable] of [
      ['gateway', 'GATEWAY'],
      ['auth', 'AUTH'],
      ['chat', 'CHAT'],
      ['presence', 'PRESENCE'],
      ['file', 'FILE'],
      ['search', 'SEARCH'],
      ['voice', 'VOICE'],
    ] as const) {
      const port = await freePort();
      env[`${variable}_PORT`] = String(port);
      env[`${variable}_URL`] = `http://127.0.0.1:${port}`;
      if (name === 'voice') await voiceSignalingPort(env);
    }
    platform = new ServiceProcess('standalone', Number(env['GATEWAY_PORT']), env, launcher, ['--quiet']);
    await platform.start();
  }, 90_000);

  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps accounts, guilds and messages across a graceful restart', async () => {
    const api = new Api(platform.url);
    const owner: AuthResult & { password: string } = await registerUser(api);
    const me = api.withToken(owner.accessToken);
    const guild = (await me.post<Guild>('/api/v1/guilds', { name: 'Survives restarts' })).body;
    const channels = (await me.get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`)).body;
    const text = channels.find((channel) => channel.type === 'text')!;
    const sent = await me.post<Message>(`/api/v1/channels/${text.id}/messages`, { content: 'still here?' });
    expect(sent.status).toBe(201);

    await platform.stop();
    await platform.start();

    const login = await api.post<AuthResult>('/api/v1/auth/login', {
      login: owner.user.username,
      password: owner.password,
    });
    expect(login.status).toBe(200);
    const after = api.withToken(login.body.accessToken);
    const history = await after.get<Message[]>(`/api/v1/channels/${text.id}/messages`);
    expect(history.body.map((message) => message.content)).toEqual(['still here?']);
    const guilds = await after.get<Guild[]>('/api/v1/users/@me/guilds');
    expect(guilds.body.map((entry) => entry.name)).toEqual(['Survives restarts']);
  }, 90_000);

  it('still refuses an access token whose session ended before the restart', async () => {
    const api = new Api(platform.url);
    const account = await registerUser(api);
    const me = api.withToken(account.accessToken);
    expect((await me.get('/api/v1/users/@me')).status).toBe(200);
    expect((await me.post('/api/v1/auth/logout')).status).toBe(204);
    await eventually(async () => {
      expect((await me.get('/api/v1/users/@me')).status).toBe(401);
    });

    await platform.stop();
    await platform.start();

    const after = await me.get<ErrorResponseBody>('/api/v1/users/@me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('SESSION_REVOKED');
  }, 90_000);

  it('refuses a second process on the same data folder, naming the folder and the holder', async () => {
    const second = spawn(process.execPath, [launcher, '--quiet'], {
      env: { ...env, GATEWAY_PORT: String(await freePort()) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    for (const stream of [second.stdout, second.stderr])
      stream.on('data', (chunk: Buffer) => (output += chunk));
    const code = await new Promise<number | null>((done) => second.once('exit', done));
    expect(code).toBe(1);
    expect(output).toContain(`${dataDir} is in use by another Bonfire process`);
    const stillServing = await fetch(`${platform.url}/health/ready`);
    expect(stillServing.status).toBe(200);
  }, 30_000);
});
