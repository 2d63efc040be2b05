import type { VoiceState } from '@bonfire/sdk';

/** Who is in which voice channel, and who is speaking right now. */
export interface VoiceSliceState {
  voiceStates: Record<string, VoiceState>;
  speaking: Record<string, boolean>;
}

export function initialVoice(): VoiceSliceState {
  return { voiceStates: {}, speaking: {} };
}

/** Applies voice states by user; one without a channel means the user left voice. */
export function setVoiceStates(state: VoiceSliceState, states: VoiceState[]): VoiceSliceState {
  const next = { ...state.voiceStates };
  for (const voiceState of states) {
    if (voiceState.channelId === null) delete next[voiceState.userId];
    else next[voiceState.userId] = voiceState;
  }
  return { ...state, voiceStates: next };
}

export function setSpeaking(state: VoiceSliceState, userId: string, speaking: boolean): VoiceSliceState {
  return { ...state, speaking: { ...state.speaking, [userId]: speaking } };
}
