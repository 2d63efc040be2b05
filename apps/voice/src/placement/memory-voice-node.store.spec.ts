import { InMemoryVoiceNodeStore } from './memory-voice-node.store';
import { describeVoiceNodeStoreContract } from './voice-node.store.contract';

describeVoiceNodeStoreContract('in memory', async () => ({
  store: new InMemoryVoiceNodeStore(),
  dispose: async () => undefined,
}));
