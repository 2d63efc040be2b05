import type { VoiceStatus } from '@bonfire/contracts';
import { BonfireApiError } from '@bonfire/sdk';
import { describe, expect, it } from 'vitest';
import { VOICE_UNAVAILABLE_FALLBACK, VoiceAvailability } from './voice-availability';

const NOT_BUILT =
  'Voice is unavailable: the mediasoup worker of this server is not built. Run `node tools/mediasoup/install-worker.mjs`.';

/** The status endpoint as the voice service answers it; each call takes the next answer (or failure). */
function statusApi(...answers: (VoiceStatus | Error)[]) {
  const api = {
    calls: 0,
    async status(): Promise<VoiceStatus> {
      const answer = answers[Math.min(api.calls, answers.length - 1)]!;
      api.calls++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return api;
}

const unavailable: VoiceStatus = { available: false, message: NOT_BUILT };
const available: VoiceStatus = { available: true, message: null };

function watch(availability: VoiceAvailability): { changes: number } {
  const seen = { changes: 0 };
  availability.subscribe(() => seen.changes++);
  return seen;
}

describe('voice availability', () => {
  it('counts voice as available until the status says otherwise, then holds the server message', async () => {
    const availability = new VoiceAvailability(statusApi(unavailable));
    const seen = watch(availability);
    expect(availability.getState()).toEqual({ available: true, message: null });

    await availability.refresh();
    expect(availability.getState()).toEqual({ available: false, message: NOT_BUILT });
    expect(seen.changes).toBe(1);
  });

  it('changes nothing (and notifies nobody) when voice is available', async () => {
    const availability = new VoiceAvailability(statusApi(available));
    const before = availability.getState();
    const seen = watch(availability);
    await availability.refresh();
    expect(availability.getState()).toBe(before);
    expect(seen.changes).toBe(0);
    expect(await availability.blockedReason()).toBeNull();
  });

  it('keeps voice available when the status cannot be fetched (older server, voice service down)', async () => {
    const api = statusApi(new BonfireApiError(502, 'BAD_GATEWAY', 'Bad gateway'));
    const availability = new VoiceAvailability(api);
    await availability.refresh();
    expect(availability.getState()).toEqual({ available: true, message: null });
    expect(await availability.blockedReason()).toBeNull();
    expect(api.calls).toBe(1);
  });

  it('says something when the server gives no reason', async () => {
    const availability = new VoiceAvailability(statusApi({ available: false, message: null }));
    await availability.refresh();
    expect(availability.getState()).toEqual({ available: false, message: VOICE_UNAVAILABLE_FALLBACK });
  });

  it('sends one status request at a time', async () => {
    const api = statusApi(unavailable);
    const availability = new VoiceAvailability(api);
    await Promise.all([availability.refresh(), availability.refresh(), availability.refresh()]);
    expect(api.calls).toBe(1);
  });

  it('a join right after login waits for the status in flight instead of connecting', async () => {
    const api = statusApi(unavailable);
    const availability = new VoiceAvailability(api);
    const loading = availability.refresh();
    expect(await availability.blockedReason()).toBe(NOT_BUILT);
    await loading;
    expect(api.calls).toBe(1);
  });

  it('asks again before a join while unavailable, so a server whose voice came back is joinable', async () => {
    const api = statusApi(unavailable, unavailable, available);
    const availability = new VoiceAvailability(api);
    await availability.refresh();

    expect(await availability.blockedReason()).toBe(NOT_BUILT);
    expect(api.calls).toBe(2);

    expect(await availability.blockedReason()).toBeNull();
    expect(availability.getState()).toEqual({ available: true, message: null });
    expect(api.calls).toBe(3);
  });

  it('treats a join refused 503 VOICE_UNAVAILABLE like an unavailable status', async () => {
    const api = statusApi(available, unavailable);
    const availability = new VoiceAvailability(api);
    await availability.refresh();
    const seen = watch(availability);

    const refusal = new BonfireApiError(503, 'VOICE_UNAVAILABLE', NOT_BUILT);
    expect(availability.noteJoinFailure(refusal)).toBe(NOT_BUILT);
    expect(availability.getState()).toEqual({ available: false, message: NOT_BUILT });
    expect(seen.changes).toBe(1);
    // The next join asks first and is blocked: no connection attempt.
    expect(await availability.blockedReason()).toBe(NOT_BUILT);
  });

  it('leaves other join failures to the usual error message', () => {
    const availability = new VoiceAvailability(statusApi(available));
    const failures = [
      new BonfireApiError(403, 'VOICE_CHANNEL_FULL', 'This voice channel is full.'),
      new BonfireApiError(503, 'SERVICE_UNAVAILABLE', 'Try again shortly.'),
      new BonfireApiError(400, 'VOICE_UNAVAILABLE', 'Not a 503.'),
      new Error('VOICE_UNAVAILABLE'),
      'VOICE_UNAVAILABLE',
    ];
    for (const failure of failures) expect(availability.noteJoinFailure(failure)).toBeNull();
    expect(availability.getState()).toEqual({ available: true, message: null });
  });
});
