import { Writable } from 'node:stream';
import {
  Body,
  Controller,
  type DynamicModule,
  Get,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Post,
} from '@nestjs/common';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../lifecycle/start-service';
import { PlatformModule } from '../platform.module';
import { PROCESS_LOG_LABEL } from './nest-logger';

type Line = Record<string, unknown>;

@Controller('probe')
class ProbeController {
  private readonly logger = new Logger('Probe');

  @Get()
  async probe(): Promise<{ ok: boolean }> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.logger.log('handling probe');
    return { ok: true };
  }

  @Post()
  async receive(@Body() body: Record<string, unknown>): Promise<{ ok: boolean }> {
    await Promise.resolve();
    this.logger.log({ body }, 'received');
    return { ok: true };
  }
}

/** Background work started at boot, logging through Nest's process-wide logger long after. */
@Injectable()
class Ticker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Ticker');
  private timer: NodeJS.Timeout | undefined;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.logger.log('tick'), 20);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}

function serviceModule(service: string, stream: Writable): DynamicModule {
  class ProbeServiceModule {}
  return {
    module: ProbeServiceModule,
    imports: [PlatformModule.forRoot({ service, logLevel: 'info', logDestination: stream })],
    controllers: [ProbeController],
    providers: [Ticker],
  };
}

interface Started {
  service: RunningService;
  lines: Line[];
  text: () => string;
}

const running: RunningService[] = [];

/** Boots `name` with its log lines captured (each service writes to its own stream). */
async function start(name: string): Promise<Started> {
  const lines: Line[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as Line);
      }
      done();
    },
  });
  const service = await startService({
    name,
    module: serviceModule(name, stream),
    host: '127.0.0.1',
    port: 0,
    jsonBodyLimit: '100kb',
    shutdownTimeoutMs: 1_000,
    handleSignals: false,
  });
  running.push(service);
  return { service, lines, text: () => raw.join('\n') };
}

async function waitFor(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('log line not written in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function completed(lines: Line[], requestId: string): Line | undefined {
  return lines.find(
    (line) =>
      line['msg'] === 'request completed' && (line['req'] as { id?: string } | undefined)?.id === requestId,
  );
}

afterEach(async () => {
  for (const service of running.splice(0).reverse()) await service.stop();
});

describe('service logs when several services share one process', () => {
  it('each service logs its requests under its own name, with the request id', async () => {
    const alpha = await start('alpha');
    const beta = await start('beta');

    const [toAlpha, toBeta] = await Promise.all([
      fetch(`${alpha.service.url}/probe`, { headers: { 'x-request-id': 'req-alpha-1' } }),
      fetch(`${beta.service.url}/probe`, { headers: { 'x-request-id': 'req-beta-1' } }),
    ]);
    expect(toAlpha.headers.get('x-request-id')).toBe('req-alpha-1');
    expect(toBeta.headers.get('x-request-id')).toBe('req-beta-1');
    await waitFor(() => !!completed(alpha.lines, 'req-alpha-1') && !!completed(beta.lines, 'req-beta-1'));

    expect(completed(alpha.lines, 'req-alpha-1')).toMatchObject({
      level: 'info',
      service: 'alpha',
      req: { id: 'req-alpha-1', method: 'GET', url: '/probe' },
      res: { statusCode: 200 },
    });
    expect(completed(beta.lines, 'req-beta-1')).toMatchObject({ service: 'beta', req: { id: 'req-beta-1' } });
    // The handler's own Nest log line carries the service and the request id too.
    expect(alpha.lines).toContainEqual(
      expect.objectContaining({
        service: 'alpha',
        context: 'Probe',
        msg: 'handling probe',
        req: expect.objectContaining({ id: 'req-alpha-1' }),
      }),
    );
    expect(beta.lines).toContainEqual(
      expect.objectContaining({
        service: 'beta',
        context: 'Probe',
        msg: 'handling probe',
        req: expect.objectContaining({ id: 'req-beta-1' }),
      }),
    );
    // Boot lines, Nest's own included, name the service that booted.
    expect(alpha.lines).toContainEqual(
      expect.objectContaining({ service: 'alpha', context: 'RoutesResolver' }),
    );
    expect(beta.lines).toContainEqual(
      expect.objectContaining({ service: 'beta', context: 'RoutesResolver' }),
    );
    expect(alpha.lines.every((line) => line['service'] === 'alpha')).toBe(true);
    expect(beta.lines.every((line) => line['service'] === 'beta')).toBe(true);
  });

  it('makes a request id when the caller sent none, and echoes it', async () => {
    const alpha = await start('alpha');
    const response = await fetch(`${alpha.service.url}/probe`);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => !!completed(alpha.lines, requestId!));
    expect(completed(alpha.lines, requestId!)).toMatchObject({ service: 'alpha' });
  });

  it('labels a Nest Logger call by the service whose work it is, not by the app that installed its logger last', async () => {
    const beta = await start('beta');
    const alpha = await start('alpha'); // Nest's one process-wide logger is now alpha's.

    await fetch(`${beta.service.url}/probe`, { headers: { 'x-request-id': 'req-beta-2' } });
    await waitFor(() => !!completed(beta.lines, 'req-beta-2'));
    expect(beta.lines).toContainEqual(
      expect.objectContaining({
        service: 'beta',
        context: 'Probe',
        req: expect.objectContaining({ id: 'req-beta-2' }),
      }),
    );
    expect(alpha.lines.some((line) => line['context'] === 'Probe')).toBe(false);

    // A timer beta started at boot still logs as beta.
    await waitFor(() => beta.lines.some((line) => line['msg'] === 'tick'));
    expect(
      beta.lines.filter((line) => line['msg'] === 'tick').every((line) => line['service'] === 'beta'),
    ).toBe(true);

    // Outside any service's work, with two running, no service is named.
    new Logger('Outside').log('no service');
    expect(alpha.lines).toContainEqual(
      expect.objectContaining({ service: PROCESS_LOG_LABEL, msg: 'no service' }),
    );
    await running.splice(0, 1)[0]!.stop(); // beta
    new Logger('Outside').log('alpha alone');
    expect(alpha.lines).toContainEqual(expect.objectContaining({ service: 'alpha', msg: 'alpha alone' }));
  });

  it('keeps credentials out of every line, request lines included', async () => {
    const alpha = await start('alpha');
    const response = await fetch(`${alpha.service.url}/probe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer abc.def.ghi',
        cookie: 'sid=s3cr3t-cookie',
        'x-request-id': 'req-secret-1',
      },
      body: JSON.stringify({ login: 'ada', password: 'hunter22', refreshToken: 'opaque-token' }),
    });
    expect(response.status).toBe(201);
    await waitFor(() => !!completed(alpha.lines, 'req-secret-1'));

    // The body was parsed inside the request's context: the handler's line still has its request id.
    expect(alpha.lines).toContainEqual(
      expect.objectContaining({
        service: 'alpha',
        msg: 'received',
        body: { login: 'ada', password: '[redacted]', refreshToken: '[redacted]' },
        req: expect.objectContaining({ id: 'req-secret-1' }),
      }),
    );
    const text = alpha.text();
    for (const secret of ['hunter22', 'opaque-token', 'abc.def.ghi', 's3cr3t-cookie'])
      expect(text).not.toContain(secret);
  });
});
