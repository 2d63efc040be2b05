import { ServiceLogger } from '@bonfire/platform';
import { InMemoryVoiceControl } from './memory-voice-control';
import { describeVoiceControlContract } from './voice-control.contract';

describeVoiceControlContract('in memory', async () => ({
  control: new InMemoryVoiceControl(new ServiceLogger('voice', 'silent')),
  dispose: async () => undefined,
}));
