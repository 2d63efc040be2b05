import type { BonfireClient, Channel, Message } from '@bonfire/sdk';
import type { StoreKernel } from './effects/kernel';
import { StateContainer } from './state';

/** Test data for the slice specs. */
export function testMessage(id: string, overrides: Partial<Message> = {}): Message {
  return {
    id,
    channelId: '7',
    guildId: '100',
    authorId: '3',
    content: `message ${id}`,
    nonce: null,
    replyToId: null,
    attachments: [],
    mentions: { userIds: [], roleIds: [], everyone: false },
    pinned: false,
    revision: 0,
    editedAt: null,
    createdAt: '2026-11-23T21:00:00.000Z',
    reactions: [],
    ...overrides,
  };
}

/** Newest first, like GET /channels/{id}/messages. */
export function testPage(from: number, to: number): Message[] {
  const messages: Message[] = [];
  for (let id = to; id >= from; id--) messages.push(testMessage(String(id)));
  return messages;
}

export function testChannel(id: string, overrides: Partial<Channel> = {}): Channel {
  return {
    id,
    type: 'text',
    guildId: '100',
    name: `c${id}`,
    topic: null,
    position: 0,
    parentId: null,
    slowmodeSeconds: 0,
    userLimit: null,
    permissionOverwrites: [],
    recipientIds: [],
    ownerId: null,
    lastMessageId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function testThread(
  id: string,
  parentId: string,
  starterMessageId: string,
  messageCount = 0,
): Channel {
  return testChannel(id, {
    type: 'public_thread',
    parentId,
    name: `thread ${id}`,
    thread: {
      starterMessageId,
      ownerId: '3',
      archived: false,
      autoArchiveMinutes: 1440,
      archiveTimestamp: '2026-01-01T00:00:00.000Z',
      locked: false,
      invitable: true,
      messageCount,
      memberCount: 1,
    },
  });
}

/**
 * A client that records which SDK methods were called with what (`api.method(args)`), answering from
 * `answers` (keyed `api.method`).
 */
export function recordingClient(answers: Record<string, unknown> = {}) {
  const calls: string[] = [];
  const api = (name: string) =>
    new Proxy(
      {},
      {
        get:
          (_target, method: string) =>
          async (...args: unknown[]) => {
            calls.push(`${name}.${method}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`);
            return answers[`${name}.${method}`];
          },
      },
    );
  const client = new Proxy({}, { get: (_target, name: string) => api(name) });
  return { client: client as BonfireClient, calls };
}

export function kernelWith(client: BonfireClient): StoreKernel & { container: StateContainer } {
  const container = new StateContainer();
  return { client, container, getState: container.getState, update: (change) => container.update(change) };
}
