import { has, PERMISSIONS, type VoiceMediaSource, type VoiceState } from '@bonfire/contracts';

/**
 * The router a new peer goes on: the first of the room's routers (in creation order, so routers fill up
 * one after another) whose worker is alive and that carries fewer than `maxConsumers`; null when every
 * one is full and the room needs a router on another worker.
 */
export function pickRouter<T extends { consumers: number; slot: { alive: boolean } }>(
  routers: readonly T[],
  maxConsumers: number,
): T | null {
  return routers.find((entry) => entry.slot.alive && entry.consumers < maxConsumers) ?? null;
}

/** Which kind each source must be (a microphone is audio, a camera or screen share video). */
export function kindOfSource(source: VoiceMediaSource): 'audio' | 'video' {
  return source === 'microphone' || source === 'screen-audio' ? 'audio' : 'video';
}

/**
 * Why the member's permissions do not allow a source, or null when they do: audio needs SPEAK; camera and
 * screen share need STREAM. (A producer whose owner loses the permission is closed.)
 */
export function sourcePermissionRefusal(source: VoiceMediaSource, permissions: bigint): string | null {
  if (source === 'microphone') {
    return has(permissions, PERMISSIONS.SPEAK) ? null : 'SPEAK is required to send audio';
  }
  return has(permissions, PERMISSIONS.STREAM) ? null : 'STREAM is required to send video or a screen share';
}

/**
 * Why a member may not produce from a source now, or null when they may: audio needs SPEAK and no server
 * mute; camera and screen share need STREAM.
 */
export function produceRefusal(
  source: VoiceMediaSource,
  permissions: bigint,
  state: VoiceState,
): string | null {
  const refusal = sourcePermissionRefusal(source, permissions);
  if (refusal) return refusal;
  if (source === 'microphone' && state.mute) return 'you are server-muted';
  return null;
}

/** A producer is held paused while its owner is self- or server-muted (microphone only) or paused it. */
export function producerShouldPause(
  source: VoiceMediaSource,
  clientPaused: boolean,
  state: VoiceState,
): boolean {
  return clientPaused || (source === 'microphone' && (state.selfMute || state.mute));
}

/** A deafened member (self or server) receives no audio: their audio consumers are held paused. */
export function consumerShouldPause(
  kind: 'audio' | 'video',
  clientPaused: boolean,
  state: VoiceState,
): boolean {
  return clientPaused || (kind === 'audio' && (state.selfDeaf || state.deaf));
}
