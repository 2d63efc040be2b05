import { describeAudienceStoreContract } from './audience.store.contract';
import { InMemoryAudienceStore } from './memory-audience.store';

describeAudienceStoreContract('in memory', async () => ({
  store: new InMemoryAudienceStore(),
  dispose: async () => undefined,
}));
