import { randomUUID } from 'node:crypto';
import { until } from '@bonfire/platform/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VoiceControl, VoiceControlMessage } from './voice-control';

type MakeVoiceControl = () => Promise<{ control: VoiceControl; dispose: () => Promise<void> }>;

const end = (sessionId: string = randomUUID()): VoiceControlMessage => ({
  type: 'end',
  sessionId,
  closed: { reason: 'left' },
});

/** One behaviour suite for every VoiceControl adapter. */
export function describeVoiceControlContract(name: string, makeControl: MakeVoiceControl): void {
  describe(`VoiceControl contract: ${name}`, () => {
    let control: VoiceControl;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      ({ control, dispose } = await makeControl());
    });

    afterEach(async () => {
      await dispose();
    });

    it('delivers every published message to every handler, in publish order', async () => {
      const first: string[] = [];
      const second: string[] = [];
      control.onMessage((message) => first.push(message.sessionId));
      control.onMessage((message) => second.push(message.sessionId));
      const sent = Array.from({ length: 20 }, () => randomUUID());
      await Promise.all(sent.map((sessionId) => control.publish(end(sessionId))));
      await until(() => first.length === sent.length && second.length === sent.length, 5_000);
      expect(first).toEqual(sent);
      expect(second).toEqual(sent);
    });

    it('carries both kinds of message whole', async () => {
      const received: VoiceControlMessage[] = [];
      control.onMessage((message) => received.push(message));
      const state: VoiceControlMessage = {
        type: 'state',
        sessionId: randomUUID(),
        state: {
          userId: '1',
          guildId: '2',
          channelId: '3',
          sessionId: randomUUID(),
          selfMute: true,
          selfDeaf: false,
          mute: false,
          deaf: true,
          selfVideo: false,
          selfStream: false,
          joinedAt: new Date().toISOString(),
        },
      };
      const moved: VoiceControlMessage = {
        type: 'end',
        sessionId: randomUUID(),
        closed: { reason: 'moved', channelId: '4' },
      };
      await control.publish(state);
      await control.publish(moved);
      await until(() => received.length === 2, 5_000);
      expect(received).toEqual([state, moved]);
    });

    it('gives each handler its own copy, and a failing handler does not stop the others', async () => {
      const seen: string[] = [];
      control.onMessage((message) => {
        message.sessionId = 'changed by a handler';
        throw new Error('handler failed');
      });
      control.onMessage((message) => seen.push(message.sessionId));
      const message = end();
      const sessionId = message.sessionId;
      await control.publish(message);
      await control.publish(end('after'));
      await until(() => seen.length === 2, 5_000);
      expect(seen).toEqual([sessionId, 'after']);
      expect(message.sessionId).toBe(sessionId);
    });
  });
}
