import { InMemoryVoiceStateStore } from './memory-voice-state.store';
import { describeVoiceStateStoreContract } from './voice-state.store.contract';

describeVoiceStateStoreContract('in memory', async () => ({
  store: new InMemoryVoiceStateStore(),
  dispose: async () => undefined,
}));
