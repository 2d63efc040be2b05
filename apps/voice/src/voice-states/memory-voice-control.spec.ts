import { InMemoryVoiceControl } from './memory-voice-control';
import { describeVoiceControlContract } from './voice-control.contract';

describeVoiceControlContract('in memory', async () => ({
  control: new InMemoryVoiceControl({ LOG_LEVEL: 'silent' }),
  dispose: async () => undefined,
}));
