import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logger';

function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('logger', () => {
  it('writes JSON with the service name and redacts credentials at any depth we log', () => {
    const { lines, stream } = capture();
    const logger = pino(loggerOptions('auth', 'info'), stream);
    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def.ghi', cookie: 'sid=1' } },
        body: { password: 'hunter22', login: 'ada' },
        refreshToken: 'opaque-token',
      },
      'login attempt',
    );
    const line = lines[0]!;
    expect(line).toMatchObject({ level: 'info', service: 'auth', msg: 'login attempt' });
    const text = JSON.stringify(line);
    expect(text).not.toContain('hunter22');
    expect(text).not.toContain('abc.def.ghi');
    expect(text).not.toContain('opaque-token');
    expect(text).toContain('ada');
  });
});
