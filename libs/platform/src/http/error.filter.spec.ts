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
