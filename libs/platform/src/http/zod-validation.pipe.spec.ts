import { ERROR } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './app-error';
import { idParam } from './id-param.pipe';
import { ZodValidationPipe } from './zod-validation.pipe';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('ZodValidationPipe', () => {
  const pipe = new ZodValidationPipe(
    z.object({ name: z.string().min(2), about: z.string().optional(), tags: z.array(z.string()).optional() }),
  );

  it('passes valid input through the schema', () => {
    expect(pipe.transform({ name: 'ok', tags: ['🔥'] }, { type: 'body' })).toEqual({
      name: 'ok',
      tags: ['🔥'],
    });
  });

  it('refuses NUL and lone surrogates in any string, naming each field', () => {
    const error = refusal(() =>
      pipe.transform({ name: 'o\u0000k', about: 'a\ud800', tags: ['fine', 'x\u0000'] }, { type: 'body' }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([
      { field: 'body.name', code: 'invalid_text', message: expect.stringMatching(/NUL/) },
      { field: 'body.about', code: 'invalid_text', message: expect.stringMatching(/surrogate/) },
      { field: 'body.tags.1', code: 'invalid_text', message: expect.stringMatching(/NUL/) },
    ]);
  });

  it('lists bad text and the schema’s other complaints together, once per field', () => {
    const error = refusal(() => pipe.transform({ name: '\u0000', about: 5 }, { type: 'query' }));
    expect(error.details?.map((detail) => [detail.field, detail.code])).toEqual([
      ['query.name', 'invalid_text'],
      ['query.about', 'invalid_type'],
    ]);
  });
});

describe('idParam', () => {
  const pipe = idParam(ERROR.UNKNOWN_GUILD, 'Unknown guild.');

  it('passes snowflakes', () => {
    expect(pipe.transform('122294273094303744', { type: 'param', data: 'guildId' })).toBe(
      '122294273094303744',
    );
  });

  it('answers 404 with the route’s code for anything else, naming the path field', () => {
    for (const id of ['1e100', '-1', '99999999999999999999', 'abc', '9223372036854775808']) {
      const error = refusal(() => pipe.transform(id, { type: 'param', data: 'guildId' }));
      expect(error.status, id).toBe(404);
      expect(error.toBody()).toEqual({
        error: {
          code: 'UNKNOWN_GUILD',
          message: 'Unknown guild.',
          details: [{ field: 'param.guildId', code: 'invalid_id', message: 'must be a snowflake id' }],
        },
      });
    }
  });
});
