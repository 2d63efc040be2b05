import { describe, expect, it } from 'vitest';
import { emptyHistory } from '../slices/message-history';
import { kernelWith, recordingClient, testMessage, testThread } from '../test-fixtures';
import { putThread } from '../updates';
import { MessageActions } from './message-actions';
import { ThreadActions } from './thread-actions';
import { ThreadEffects } from './threads';

describe('message actions', () => {
  it('pin or unpin, and add or take back my reaction, by the wanted state', async () => {
    const { client, calls } = recordingClient();
    const actions = new MessageActions(kernelWith(client));
    await actions.setPinned('7', '1', true);
    await actions.setPinned('7', '1', false);
    await actions.setReaction('7', '1', '👍', true);
    await actions.setReaction('7', '1', { name: 'party', id: '9' }, false);
    await actions.edit('7', '1', 'new');
    await actions.delete('7', '1');
    expect(calls).toEqual([
      'messages.pin("7", "1")',
      'messages.unpin("7", "1")',
      'reactions.add("7", "1", "👍")',
      'reactions.remove("7", "1", {"name":"party","id":"9"})',
      'messages.edit("7", "1", "new")',
      'messages.delete("7", "1")',
    ]);
  });
});

describe('thread actions', () => {
  it('keep a thread created from a message, and its starter message shows it', async () => {
    const thread = testThread('80', '7', '1');
    const { client, calls } = recordingClient({ 'threads.createFromMessage': thread });
    const kernel = kernelWith(client);
    kernel.update(() => ({
      histories: { '7': { ...emptyHistory(), messages: [testMessage('1')], loaded: true } },
    }));
    const actions = new ThreadActions(kernel, new ThreadEffects(kernel));
    expect(await actions.createFromMessage('7', '1', 'talk')).toBe(thread);
    expect(calls).toEqual(['threads.createFromMessage("7", "1", {"name":"talk"})']);
    expect(kernel.getState().threads['80']).toBe(thread);
    expect(kernel.getState().histories['7']!.messages[0]!.thread?.id).toBe('80');
  });

  it('keep the answer to archiving', async () => {
    const archived = testThread('80', '7', '1');
    const { client } = recordingClient({ 'threads.update': archived });
    const kernel = kernelWith(client);
    kernel.update((state) => putThread(state, { ...archived, name: 'old' }));
    await new ThreadActions(kernel, new ThreadEffects(kernel)).setArchived('80', true);
    expect(kernel.getState().threads['80']).toBe(archived);
  });
});
