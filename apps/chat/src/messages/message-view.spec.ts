import { messageSchema } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import { type MessageRow, toMessage } from './message-view';

const row: MessageRow = {
  id: '100',
  channelId: '10',
  guildId: '1',
  authorId: '5',
  content: 'hi',
  nonce: null,
  replyToId: null,
  attachmentIds: [],
  attachments: [],
  mentionUserIds: [],
  mentionRoleIds: [],
  mentionEveryone: false,
  pinned: false,
  revision: 0,
  editedAt: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  webhookId: null,
  authorName: null,
  authorAvatar: null,
  embeds: [],
  flags: 0,
  embedsUnfurledAt: null,
};

describe('toMessage', () => {
  it("shows a user's message without webhook fields", () => {
    const message = toMessage(row);
    expect(message).not.toHaveProperty('webhookId');
    expect(message).not.toHaveProperty('author');
    expect(messageSchema.parse(message)).toEqual(message);
  });

  it("shows a webhook's message under the name and avatar it was posted with, tagged bot", () => {
    const message = toMessage({
      ...row,
      authorId: '42',
      webhookId: '42',
      authorName: 'Nightly CI',
      authorAvatar: '77',
    });
    expect(message).toMatchObject({
      authorId: '42',
      webhookId: '42',
      author: { id: '42', username: 'Nightly CI', avatar: '77', bot: true },
    });
    expect(messageSchema.parse(message)).toEqual(message);
  });
});

describe('toMessage with embeds', () => {
  it('shows embeds and flags only when there are some', () => {
    const embed = {
      url: 'https://example.com/',
      type: 'link' as const,
      title: 'Example',
      description: null,
      siteName: 'example.com',
      color: null,
      thumbnail: { fileId: '7', url: 'https://example.com/i.png', width: 10, height: 10 },
      video: null,
    };
    expect(toMessage(row)).not.toHaveProperty('embeds');
    expect(toMessage(row)).not.toHaveProperty('flags');
    const message = toMessage({ ...row, embeds: [embed], flags: 4 });
    expect(message.embeds).toEqual([embed]);
    expect(message.flags).toBe(4);
    expect(messageSchema.parse(message)).toEqual(message);
  });
});
