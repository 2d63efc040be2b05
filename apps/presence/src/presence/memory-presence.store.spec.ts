import { InMemoryPresenceStore } from './memory-presence.store';
import { describePresenceStoreContract } from './presence.store.contract';

describePresenceStoreContract('in memory', async () => ({
  store: new InMemoryPresenceStore(),
  dispose: async () => undefined,
}));
