import { describe, expect, it } from 'vitest';
import { canonicalPath } from './canonical-path';

const accepted = (raw: string) => {
  const result = canonicalPath(raw);
  if (!result.ok) throw new Error(`${raw} refused: ${result.reason}`);
  return result.path;
};
const reason = (raw: string) => {
  const result = canonicalPath(raw);
  return result.ok ? undefined : result.reason;
};

describe('canonicalPath', () => {
  it('keeps ordinary paths as they are, letter case included', () => {
    for (const path of [
      '/',
      '/api/v1/users/@me',
      '/api/v1/auth/Login',
      '/.well-known/jwks.json',
      '/api/v1/x/',
    ]) {
      expect(accepted(path)).toBe(path);
    }
  });

  it('decodes escaped unreserved characters once, and only those', () => {
    expect(accepted('/api/v1/auth/%6cogin')).toBe('/api/v1/auth/login');
    expect(accepted('/api/v1/invites/a%7eb%2Dc')).toBe('/api/v1/invites/a~b-c');
    expect(accepted('/api/v1/reactions/%f0%9f%94%a5')).toBe('/api/v1/reactions/%F0%9F%94%A5');
    expect(accepted('/api/v1/x/%40me%20you')).toBe('/api/v1/x/%40me%20you');
    // a double escape stays one level deep: never decoded into a dot segment later
    expect(accepted('/api/v1/x/%252e%252e')).toBe('/api/v1/x/%252e%252e');
  });

  it('refuses empty segments (duplicate slashes)', () => {
    for (const path of ['//api/v1/auth/login', '/api/v1//auth/login', '/api/v1/auth/login//']) {
      expect(reason(path), path).toMatch(/empty segment/);
    }
  });

  it('refuses dot segments, plain or encoded, and segments ending in a dot', () => {
    for (const path of ['/api/v1/x/../auth/login', '/api/./v1', '/api/v1/%2e%2e/auth', '/a/%2E', '/a/..']) {
      expect(reason(path), path).toMatch(/dot segment/);
    }
    for (const path of ['/api/v1/auth/login.', '/api/v1/auth/login%2e', '/api/v1.../x']) {
      expect(reason(path), path).toMatch(/ends with a dot/);
    }
  });

  it('refuses encoded slashes, backslashes, control characters and broken escapes', () => {
    expect(reason('/assets/..%2f..%2fetc%2fpasswd')).toMatch(/encoded slash/);
    expect(reason('/api/v1/a%5Cb')).toMatch(/encoded slash/);
    expect(reason('/api\\v1')).toMatch(/backslash/);
    expect(reason('/api/v1/a%00b')).toMatch(/control character/);
    expect(reason('/api/v1/a%0Ab')).toMatch(/control character/);
    expect(reason('/api/v1/a%7f')).toMatch(/control character/);
    expect(reason('/api/v1/a%zz')).toMatch(/malformed/);
    expect(reason('/api/v1/a%4')).toMatch(/malformed/);
    expect(reason('*')).toMatch(/start with/);
    expect(reason('http://example.com/api')).toMatch(/start with/);
  });
});
