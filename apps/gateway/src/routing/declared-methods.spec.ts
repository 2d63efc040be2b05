import { describe, expect, it } from 'vitest';
import { DeclaredMethods } from './declared-methods';

const methods = new DeclaredMethods({
  '/api/v1/auth/login': { post: {} },
  '/api/v1/users/{id}': { get: {} },
  '/api/v1/users/@me': { get: {}, patch: {} },
  '/api/v1/channels/{channelId}/messages/{messageId}': { get: {}, patch: {}, delete: {}, parameters: [] },
});

describe('DeclaredMethods', () => {
  it('lists what a documented path accepts, HEAD wherever GET is', () => {
    expect(methods.allowed('/api/v1/auth/login')).toEqual(['POST']);
    expect(methods.allowed('/api/v1/channels/1/messages/2')).toEqual(['GET', 'HEAD', 'PATCH', 'DELETE']);
  });

  it('matches as the services route: any case, one trailing slash, a parameter is one segment', () => {
    expect(methods.allowed('/API/V1/AUTH/LOGIN/')).toEqual(['POST']);
    expect(methods.allowed('/api/v1/channels/1/messages')).toBeUndefined();
    expect(methods.allowed('/api/v1/channels/1/messages/2/3')).toBeUndefined();
  });

  it('adds up the methods of every template a path matches', () => {
    expect(methods.allowed('/api/v1/users/@me')).toEqual(['GET', 'HEAD', 'PATCH']);
    expect(methods.allowed('/api/v1/users/42')).toEqual(['GET', 'HEAD']);
  });

  it('knows nothing of undocumented paths', () => {
    expect(methods.allowed('/storage/files/1/original')).toBeUndefined();
  });
});
