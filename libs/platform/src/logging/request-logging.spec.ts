import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentLogContext } from './log-context';
import { createLogger, type Logger } from './logger';
import { requestLogging } from './request-logging';

type Line = Record<string, unknown>;

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A plain HTTP server whose requests go through requestLogging, then `handle`. */
async function serve(
  level: string,
  handle: (res: import('node:http').ServerResponse, path: string) => void,
): Promise<{ url: string; lines: Line[]; logger: Logger }> {
  const lines: Line[] = [];
  const logger = createLogger(
    'probe',
    level,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Line);
        done();
      },
    }),
  );
  const middleware = requestLogging('probe', logger);
  server = createServer((req, res) => middleware(req, res, () => handle(res, req.url ?? '')));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, lines, logger };
}

async function until(check: () => boolean): Promise<void> {
  for (let tries = 0; !check(); tries++) {
    if (tries > 200) throw new Error('not logged in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('requestLogging', () => {
  it('logs one line per request at the level its status calls for, with the request id', async () => {
    const { url, lines } = await serve('info', (res, path) => {
      res.statusCode = Number(path.slice(1));
      res.end();
    });
    for (const status of [201, 404, 503]) {
      await fetch(`${url}/${status}`, { headers: { 'x-request-id': `req-${status}` } });
    }
    await until(() => lines.length === 3);

    expect(lines.map((line) => [line['level'], line['msg'], line['res'], line['req']])).toEqual([
      ['info', 'request completed', { statusCode: 201 }, { id: 'req-201', method: 'GET', url: '/201' }],
      ['warn', 'request completed', { statusCode: 404 }, { id: 'req-404', method: 'GET', url: '/404' }],
      ['error', 'request errored', { statusCode: 503 }, { id: 'req-503', method: 'GET', url: '/503' }],
    ]);
    expect(typeof lines[0]!['responseTime']).toBe('number');
  });

  it('binds a logger to the request only when the request logs a line of its own', async () => {
    const { url, lines, logger } = await serve('info', (res, path) => {
      if (path === '/talks') currentLogContext()!.logger!.info('handling');
      res.end();
    });
    const child = vi.spyOn(logger, 'child');

    await fetch(`${url}/quiet`, { headers: { 'x-request-id': 'req-quiet' } });
    await until(() => lines.length === 1);
    expect(child).not.toHaveBeenCalled();

    await fetch(`${url}/talks`, { headers: { 'x-request-id': 'req-talks' } });
    await until(() => lines.length === 3);
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines[1]).toMatchObject({
      msg: 'handling',
      service: 'probe',
      req: { id: 'req-talks', url: '/talks' },
    });
  });

  it('says when the client went away before the answer', async () => {
    const { url, lines } = await serve('info', (res) => setTimeout(() => res.end(), 1_000));
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${url}/slow`, { headers: { 'x-request-id': 'req-gone' } });
      req.on('error', () => resolve());
      req.end();
      setTimeout(() => req.destroy(), 50);
    });
    await until(() => lines.length === 1);
    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'request aborted', req: { id: 'req-gone' } });
  });

  it('writes nothing below its level and never serialises the request for it', async () => {
    const { url, lines, logger } = await serve('warn', (res) => res.end());
    const child = vi.spyOn(logger, 'child');
    await fetch(`${url}/ok`);
    await fetch(`${url}/health/live`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toEqual([]);
    expect(child).not.toHaveBeenCalled();
  });
});
