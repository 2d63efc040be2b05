import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runInLogContext } from './log-context';
import { ServiceLogger } from './nest-logger';

type Line = Record<string, unknown>;

const loggers: ServiceLogger[] = [];

function serviceLogger(service: string, level = 'info'): { logger: ServiceLogger; lines: Line[] } {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Line);
      done();
    },
  });
  const logger = new ServiceLogger(service, level, stream);
  loggers.push(logger);
  return { logger, lines };
}

afterEach(() => {
  for (const logger of loggers.splice(0)) logger.onApplicationShutdown();
});

describe('ServiceLogger.for', () => {
  it('writes through the service logger outside any context, naming the component', () => {
    const { logger, lines } = serviceLogger('chat');
    logger.for('embeds').info({ url: 'https://example.com' }, 'fetched');
    logger.for('embeds').child({ jobId: 7 }).warn('plain message');
    expect(lines).toEqual([
      expect.objectContaining({
        service: 'chat',
        component: 'embeds',
        url: 'https://example.com',
        msg: 'fetched',
      }),
      expect.objectContaining({
        service: 'chat',
        component: 'embeds',
        level: 'warn',
        jobId: 7,
        msg: 'plain message',
      }),
    ]);
  });

  it('inside a request of the service, carries the request id', () => {
    const { logger, lines } = serviceLogger('chat');
    const log = logger.for('threads');
    runInLogContext({ service: 'chat', logger: logger.logger.child({ reqId: 'req-1' }) }, () =>
      log.info('inside'),
    );
    expect(lines[0]).toMatchObject({ service: 'chat', reqId: 'req-1', component: 'threads', msg: 'inside' });
  });

  it("inside another service's context (one process), keeps to its own service's logger", () => {
    const chat = serviceLogger('chat');
    const file = serviceLogger('file');
    runInLogContext({ service: 'chat', logger: chat.logger.logger.child({ reqId: 'req-2' }) }, () =>
      file.logger.for('removal').info('from file'),
    );
    expect(chat.lines).toEqual([]);
    expect(file.lines[0]).toMatchObject({ service: 'file', component: 'removal', msg: 'from file' });
    expect(file.lines[0]).not.toHaveProperty('reqId');
  });

  it('inside runBound (an event handler), carries the bound fields', async () => {
    const { logger, lines } = serviceLogger('file');
    const log = logger.for('removal');
    await logger.runBound({ eventId: 'e-1', eventType: 'user.deleted' }, async () => {
      await Promise.resolve();
      log.info('handled');
    });
    expect(lines[0]).toMatchObject({
      service: 'file',
      eventId: 'e-1',
      eventType: 'user.deleted',
      component: 'removal',
    });
  });

  it('skips disabled levels without building the line, and logs an Error as err', () => {
    const { logger, lines } = serviceLogger('voice', 'warn');
    const log = logger.for('rooms');
    let built = false;
    const fields = {
      get expensive() {
        built = true;
        return 1;
      },
    };
    log.debug(fields, 'hidden');
    log.info('hidden too');
    log.error(new Error('boom'));
    expect(built).toBe(false);
    expect(log.isLevelEnabled('debug')).toBe(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', component: 'rooms', err: { message: 'boom' } });
  });
});
