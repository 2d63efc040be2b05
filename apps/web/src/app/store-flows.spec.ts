import type { BonfireClient, Message } from '@bonfire/sdk';
import { describe, expect, it } from 'vitest';
import { testMessage, testPage } from '../store/test-fixtures';
import { AppStore } from './store';

function message(id: number, overrides: Partial<Message> = {}): Message {
  return testMessage(String(id), { guildId: null, ...overrides });
}

/** Newest first, like GET /channels/{id}/messages. */
function page(from: number, to: number): Message[] {
  return testPage(from, to).map((entry) => ({ ...entry, guildId: null }));
}

/** Only the parts of the client the flows under test touch; a port, not the server. */
function fakeClient(overrides: {
  history?: () => Promise<Message[]>;
  send?: (channelId: string, body: unknown) => Promise<Message>;
}) {
  return {
    messages: { history: overrides.history ?? (async () => []), send: overrides.send },
    users: { get: async (id: string) => ({ id, username: `u${id}`, displayName: null, avatarFileId: null }) },
  } as unknown as BonfireClient;
}

describe('app store flows', () => {
  it('after a gap longer than a page, drops the stale messages instead of showing a hole', async () => {
    let next = page(1, 50);
    const store = new AppStore(fakeClient({ history: async () => next }));
    await store.openChannel('7');
    expect(store.getState().histories['7']!.messages).toHaveLength(50);

    next = page(200, 249); // 150 messages were missed
    await store.refreshLatest('7');
    const history = store.getState().histories['7']!;
    expect(history.messages.map((m) => m.id)).toEqual(
      page(200, 249)
        .reverse()
        .map((m) => m.id),
    );
    expect(history.hasMoreBefore).toBe(true);
  });

  it('merges a short gap into what it holds', async () => {
    let next = page(1, 50);
    const store = new AppStore(fakeClient({ history: async () => next }));
    await store.openChannel('7');
    next = page(11, 60);
    await store.refreshLatest('7');
    expect(store.getState().histories['7']!.messages.map((m) => Number(m.id))).toEqual(
      Array.from({ length: 60 }, (_, index) => index + 1),
    );
  });

  it('sends one message at a time per channel, in the order written, replacing the optimistic copies', async () => {
    const sent: string[] = [];
    let id = 100;
    const store = new AppStore(
      fakeClient({
        send: async (_channelId, body) => {
          const { content, nonce } = body as { content: string; nonce: string };
          sent.push(content);
          await new Promise((resolve) => setTimeout(resolve, content === 'first' ? 20 : 0));
          return message(id++, { content, nonce });
        },
      }),
    );
    store.setMe({
      id: '3',
      username: 'me',
      displayName: null,
      avatarFileId: null,
      about: null,
      createdAt: '',
      email: '',
    });
    await store.openChannel('7');
    const first = store.sendMessage('7', { content: 'first' }, 'n1');
    const second = store.sendMessage('7', { content: 'second' }, 'n2');
    const pending = store.getState().histories['7']!.messages;
    expect(pending.map((m) => [m.content, m.pending])).toEqual([
      ['first', true],
      ['second', true],
    ]);
    await Promise.all([first, second]);
    expect(sent).toEqual(['first', 'second']);
    expect(store.getState().histories['7']!.messages.map((m) => [m.id, m.content, !!m.pending])).toEqual([
      ['100', 'first', false],
      ['101', 'second', false],
    ]);
  });

  it('keeps a refused message with the reason, and a retry with the same nonce delivers it once', async () => {
    let fail = true;
    const store = new AppStore(
      fakeClient({
        send: async (_channelId, body) => {
          if (fail) throw new Error('The server could not be reached: offline');
          return message(300, { content: 'hi', nonce: (body as { nonce: string }).nonce });
        },
      }),
    );
    store.setMe({
      id: '3',
      username: 'me',
      displayName: null,
      avatarFileId: null,
      about: null,
      createdAt: '',
      email: '',
    });
    await store.openChannel('7');
    await store.sendMessage('7', { content: 'hi' }, 'n9');
    const failed = store.getState().histories['7']!.messages;
    expect(failed).toHaveLength(1);
    expect(failed[0]!.failed).toMatch(/^Not sent: /);
    fail = false;
    await store.sendMessage('7', { content: 'hi' }, 'n9');
    expect(store.getState().histories['7']!.messages.map((m) => [m.id, m.failed ?? null])).toEqual([
      ['300', null],
    ]);
  });
});
