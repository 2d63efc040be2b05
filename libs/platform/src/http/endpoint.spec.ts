import { ERROR } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { checkErrorCodes } from './endpoint';

describe('checkErrorCodes', () => {
  it('accepts a code under its status or one the catalogue lists for it', () => {
    expect(() => checkErrorCodes(404, 'UNKNOWN_GUILD', 'Get a guild.')).not.toThrow();
    expect(() => checkErrorCodes(401, 'ACCOUNT_SUSPENDED, needs MANAGE_GUILD', 'Refresh.')).not.toThrow();
  });

  it('refuses a code documented under a status the catalogue does not give it', () => {
    expect(() => checkErrorCodes(400, 'UNKNOWN_GUILD', 'Get a guild.')).toThrow(
      'Get a guild.: UNKNOWN_GUILD is documented as 400, the catalogue answers it 404',
    );
  });
});

describe('AppError', () => {
  it('takes its status from the catalogue, or one the catalogue lists for the code', () => {
    expect(new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.').status).toBe(404);
    expect(new AppError(ERROR.ACCOUNT_SUSPENDED, 'Suspended.', { status: 401 }).status).toBe(401);
    // @ts-expect-error 409 is not a status the catalogue gives UNKNOWN_GUILD
    expect(new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.', { status: 409 }).code).toBe('UNKNOWN_GUILD');
    expect(AppError.ofStatus(418, 'teapot')).toMatchObject({ status: 418, code: 'HTTP_418' });
    expect(AppError.ofStatus(404, 'Cannot GET /x')).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
