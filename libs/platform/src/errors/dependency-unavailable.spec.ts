import { describe, expect, it } from 'vitest';
import { isDependencyUnavailable } from './dependency-unavailable';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });
const refused = () => withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432');

describe('isDependencyUnavailable', () => {
  it('knows refused, reset and unresolvable connections', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']) {
      expect(isDependencyUnavailable(withCode(code)), code).toBe(true);
    }
  });

  it('knows Postgres going away, starting up, class 08 and too many connections', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', '53300']) {
      expect(isDependencyUnavailable(withCode(code)), code).toBe(true);
    }
    expect(isDependencyUnavailable(new Error('terminating connection due to administrator command'))).toBe(
      true,
    );
  });

  it("knows pg's and ioredis's own client errors, which carry no code", () => {
    expect(isDependencyUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDependencyUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(
      isDependencyUnavailable(new Error('Client has encountered a connection error and is not queryable')),
    ).toBe(true);
    expect(isDependencyUnavailable(new Error('Connection is closed.'))).toBe(true);
    const maxRetries = Object.assign(new Error('Reached the max retries per request limit'), {
      name: 'MaxRetriesPerRequestError',
    });
    expect(isDependencyUnavailable(maxRetries)).toBe(true);
  });

  it('follows causes and the errors of an AggregateError', () => {
    expect(isDependencyUnavailable(new Error('request failed', { cause: refused() }))).toBe(true);
    expect(isDependencyUnavailable(new AggregateError([new Error('boom'), refused()], 'all failed'))).toBe(
      true,
    );
    expect(
      isDependencyUnavailable(new Error('a', { cause: new Error('b', { cause: new Error('c') }) })),
    ).toBe(false);
  });

  it('does not take a bad request, a query error or a non-error for an outage', () => {
    expect(isDependencyUnavailable(new Error('boom'))).toBe(false);
    expect(isDependencyUnavailable(withCode('23505', 'duplicate key'))).toBe(false);
    expect(isDependencyUnavailable(withCode('42P01', 'relation "nope" does not exist'))).toBe(false);
    expect(isDependencyUnavailable('ECONNREFUSED')).toBe(false);
    expect(isDependencyUnavailable(undefined)).toBe(false);
  });
});
