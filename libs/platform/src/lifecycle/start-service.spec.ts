import { request, Agent, type IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { Controller, Get } from '@nestjs/common';
import { afterEach, describe, expect, it } from 'vitest';
import { PlatformModule } from '../platform.module';
import { type RunningService, startService } from './start-service';

@Controller('work')
class WorkController {
  @Get('quick')
  quick(): { ok: boolean } {
    return { ok: true };
  }

  @Get('slow')
  async slow(): Promise<{ ok: boolean }> {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { ok: true };
  }
}

class WorkServiceModule {}

const running: RunningService[] = [];

async function start(keepAliveTimeoutMs?: number): Promise<RunningService> {
  const service = await startService({
    name: 'work',
    module: {
      module: WorkServiceModule,
      imports: [PlatformModule.forRoot({ service: 'work', logLevel: 'silent' })],
      controllers: [WorkController],
    },
    host: '127.0.0.1',
    port: 0,
    jsonBodyLimit: '10kb',
    shutdownTimeoutMs: 10_000,
    keepAliveTimeoutMs,
    handleSignals: false,
  });
  running.push(service);
  return service;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  socket: Socket;
}

/** One GET through a keep-alive agent, with the connection it went over. */
function get(url: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, socket: req.socket as Socket }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

afterEach(async () => {
  for (const service of running.splice(0)) await service.stop();
});

describe('startService keep-alive', () => {
  it('keeps an idle connection open past Node’s 5 s default when keepAliveTimeoutMs says so', async () => {
    const service = await start(65_000);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });

    const first = await get(`${service.url}/work/quick`, agent);
    expect(first.headers['keep-alive']).toBe('timeout=65');
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    const second = await get(`${service.url}/work/quick`, agent);

    expect(second.status).toBe(200);
    expect(second.socket).toBe(first.socket);
    agent.destroy();
  }, 15_000);

  it('stops promptly although a keep-alive request was in flight when the drain began', async () => {
    const service = await start(65_000);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    await get(`${service.url}/work/quick`, agent);

    const inFlight = get(`${service.url}/work/slow`, agent);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const began = Date.now();
    await service.stop();
    const stoppedAfterMs = Date.now() - began;

    expect((await inFlight).status).toBe(200);
    // The slow route answers 300 ms in; without ending the connection as it idles, stop() waits for the
    // 10 s shutdown deadline.
    expect(stoppedAfterMs).toBeLessThan(2_000);
    agent.destroy();
  });
});
