import { PERMISSIONS, type VoiceState } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import {
  consumerShouldPause,
  kindOfSource,
  pickRouter,
  produceRefusal,
  producerShouldPause,
  sourcePermissionRefusal,
} from './placement-rules';

const state: VoiceState = {
  userId: '1',
  guildId: '2',
  channelId: '3',
  sessionId: 's',
  selfMute: false,
  selfDeaf: false,
  mute: false,
  deaf: false,
  selfVideo: false,
  selfStream: false,
  joinedAt: new Date(0).toISOString(),
};

describe('pickRouter', () => {
  const alive = { alive: true };
  it('fills routers in order and skips full ones and dead workers', () => {
    const a = { id: 'a', consumers: 2, slot: alive };
    const b = { id: 'b', consumers: 0, slot: { alive: false } };
    const c = { id: 'c', consumers: 1, slot: alive };
    expect(pickRouter([a, b, c], 3)).toBe(a);
    expect(pickRouter([a, b, c], 2)).toBe(c);
    expect(pickRouter([a, b, c], 1)).toBeNull();
  });
});

describe('produceRefusal', () => {
  const speak = PERMISSIONS.CONNECT | PERMISSIONS.SPEAK;
  it('lets a member with SPEAK send audio, not a server-muted one, nor one without SPEAK', () => {
    expect(produceRefusal('microphone', speak, state)).toBeNull();
    expect(produceRefusal('microphone', speak, { ...state, mute: true })).toMatch(/server-muted/);
    expect(produceRefusal('microphone', PERMISSIONS.CONNECT, state)).toMatch(/SPEAK/);
  });
  it('needs STREAM for camera and screen', () => {
    expect(produceRefusal('camera', speak, state)).toMatch(/STREAM/);
    expect(produceRefusal('screen', speak | PERMISSIONS.STREAM, state)).toBeNull();
  });
  it("treats a screen share's sound as audio under STREAM, not SPEAK, and not held by server mute", () => {
    expect(kindOfSource('screen-audio')).toBe('audio');
    expect(kindOfSource('screen')).toBe('video');
    expect(produceRefusal('screen-audio', speak, state)).toMatch(/STREAM/);
    expect(produceRefusal('screen-audio', PERMISSIONS.STREAM, { ...state, mute: true })).toBeNull();
  });
});

describe('sourcePermissionRefusal (which producers a permission change closes)', () => {
  it('keeps a microphone with SPEAK, a camera or screen with STREAM; server mute is not a permission', () => {
    const all = PERMISSIONS.SPEAK | PERMISSIONS.STREAM;
    expect(sourcePermissionRefusal('microphone', all)).toBeNull();
    expect(sourcePermissionRefusal('camera', all)).toBeNull();
    expect(sourcePermissionRefusal('microphone', PERMISSIONS.STREAM)).toMatch(/SPEAK/);
    expect(sourcePermissionRefusal('screen', PERMISSIONS.SPEAK)).toMatch(/STREAM/);
  });
});

describe('pause rules', () => {
  it('holds the microphone paused while self- or server-muted, not the camera', () => {
    expect(producerShouldPause('microphone', false, state)).toBe(false);
    expect(producerShouldPause('microphone', false, { ...state, selfMute: true })).toBe(true);
    expect(producerShouldPause('microphone', false, { ...state, mute: true })).toBe(true);
    expect(producerShouldPause('camera', false, { ...state, selfMute: true })).toBe(false);
    expect(producerShouldPause('camera', true, state)).toBe(true);
  });
  it('holds audio consumers paused while deafened', () => {
    expect(consumerShouldPause('audio', false, { ...state, deaf: true })).toBe(true);
    expect(consumerShouldPause('audio', false, { ...state, selfDeaf: true })).toBe(true);
    expect(consumerShouldPause('video', false, { ...state, deaf: true })).toBe(false);
    expect(consumerShouldPause('audio', false, state)).toBe(false);
  });
});
