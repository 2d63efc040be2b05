import { ERROR } from '@bonfire/contracts';
import { NotFoundException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './app-error';
import { toAppError } from './error.filter';
import { ZodValidationPipe } from './zod-validation.pipe';

describe('toAppError', () => {
  it('keeps an AppError as it is', () => {
    const error = new AppError(ERROR.USERNAME_TAKEN, 'That username is taken.');
    expect(toAppError(error).toBody()).toEqual({
      error: { code: 'USERNAME_TAKEN', message: 'That username is taken.' },
    });
  });

  it('maps Nest HTTP exceptions to stable codes', () => {
    const error = toAppError(new NotFoundException('Cannot GET /nope'));
    expect(error.status).toBe(404);
    expect(error.code).toBe('NOT_FOUND');
  });

  it('maps body-parser errors to 413 and 400', () => {
    expect(
      toAppError(Object.assign(new Error('too big'), { status: 413, type: 'entity.too.large' })).code,
    ).toBe('PAYLOAD_TOO_LARGE');
    expect(
      toAppError(Object.assign(new Error('bad'), { status: 400, type: 'entity.parse.failed' })).code,
    ).toBe('MALFORMED_JSON');
  });

  it('answers 503 with Retry-After when a server the service needs is unreachable or went away', () => {
    const unavailable = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('connection failure'), { code: '08006' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Connection is closed.'),
      Object.assign(new Error('Reached the max retries per request limit'), {
        name: 'MaxRetriesPerRequestError',
      }),
    ];
    for (const error of unavailable) {
      const appError = toAppError(error);
      expect({ message: error.message, code: appError.code }).toEqual({
        message: error.message,
        code: 'SERVICE_UNAVAILABLE',
      });
      expect(appError.status).toBe(503);
      expect(appError.headers).toEqual({ 'Retry-After': '2' });
      expect(appError.message).not.toContain(error.message);
    }
  });

  it('keeps query errors (a bug of ours) a 500, whatever their SQLSTATE', () => {
    for (const code of ['42P01', '23505', '22P02', '40001']) {
      expect(toAppError(Object.assign(new Error('query failed'), { code })).status).toBe(500);
    }
  });

  it('hides unexpected errors behind a 500', () => {
    const error = toAppError(new Error('relation "users" does not exist'));
    expect(error.status).toBe(500);
    expect(error.message).not.toContain('relation');
  });
});

describe('ZodValidationPipe', () => {
  const pipe = new ZodValidationPipe(z.object({ email: z.email(), username: z.string().min(2) }));

  it('lists every bad field', () => {
    let caught: AppError | undefined;
    try {
      pipe.transform({ email: 'nope', username: 'a' }, { type: 'body' });
    } catch (error) {
      caught = error as AppError;
    }
    expect(caught?.status).toBe(400);
    expect(caught?.code).toBe('VALIDATION_FAILED');
    expect(caught?.details?.map((detail) => detail.field).sort()).toEqual(['body.email', 'body.username']);
  });

  it('returns the parsed value', () => {
    expect(pipe.transform({ email: 'ada@example.com', username: 'ada' }, { type: 'body' })).toEqual({
      email: 'ada@example.com',
      username: 'ada',
    });
  });
});
