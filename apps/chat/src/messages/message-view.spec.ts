import { messageSchema } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import { type MessageRow, toMessage } from './message-view';

const row: MessageRow = {
  id: '100',
  channel_id: '10',
  guild_id: '1',
  author_id: '5',
  content: 'hi',
  nonce: null,
  reply_to_id: null,
  attachment_ids: [],
  attachments: [],
  mention_user_ids: [],
  mention_role_ids: [],
  mention_everyone: false,
  pinned: false,
  revision: 0,
  edited_at: null,
  created_at: new Date('2026-01-01T00:00:00Z'),
  webhook_id: null,
  author_name: null,
  author_avatar: null,
  embeds: [],
  flags: 0,
  embeds_unfurled_at: null,
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
      author_id: '42',
      webhook_id: '42',
      author_name: 'Nightly CI',
      author_avatar: '77',
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
