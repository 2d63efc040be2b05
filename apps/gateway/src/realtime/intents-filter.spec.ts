import { INTENTS } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import { encodeDispatch } from './dispatch-frame';
import { IntentsFilter } from './intents-filter';

const filter = new IntentsFilter();
const BOT = 'b1';

function message(overrides: Record<string, unknown> = {}) {
  return encodeDispatch({
    id: 'e1',
    type: 'message.created',
    data: {
      message: {
        id: 'm1',
        guildId: 'g1',
        channelId: 'c1',
        authorId: 'u1',
        content: 'secret words',
        attachments: [{ id: 'a1' }],
        mentions: { userIds: [], roleIds: [], everyone: false },
        ...overrides,
      },
    },
  });
}
const bot = (intents: number) => ({ userId: BOT, intents });

describe('IntentsFilter', () => {
  it('never filters users’ sessions', () => {
    const user = { userId: 'u2', intents: null };
    expect(filter.decide(user, message())).toBe('full');
    expect(filter.decide(user, encodeDispatch({ id: 'e', type: 'typing.started', data: {} }))).toBe('full');
  });

  it('skips the groups a bot did not declare', () => {
    expect(filter.decide(bot(INTENTS.GUILDS), message())).toBe('skip');
    expect(filter.decide(bot(INTENTS.GUILD_MESSAGES), message({ guildId: null }))).toBe('skip');
    expect(filter.decide(bot(INTENTS.DIRECT_MESSAGES), message({ guildId: null }))).toBe('full');
    const typing = encodeDispatch({ id: 'e', type: 'typing.started', data: { channelId: 'c1' } });
    expect(filter.decide(bot(INTENTS.GUILDS), typing)).toBe('skip');
    expect(filter.decide(bot(INTENTS.TYPING), typing)).toBe('full');
    const presence = encodeDispatch({ id: 'e', type: 'presence.updated', data: {} });
    expect(filter.decide(bot(0), presence)).toBe('skip');
    const role = encodeDispatch({ id: 'e', type: 'role.created', data: { role: {} } });
    expect(filter.decide(bot(INTENTS.GUILDS), role)).toBe('full');
    expect(filter.decide(bot(INTENTS.GUILD_MESSAGES), role)).toBe('skip');
  });

  it('delivers a bot’s own membership without GUILD_MEMBERS, others’ only with it', () => {
    const own = encodeDispatch({
      id: 'e',
      type: 'member.joined',
      data: { member: { guildId: 'g1', userId: BOT } },
    });
    const other = encodeDispatch({ id: 'e', type: 'member.left', data: { guildId: 'g1', userId: 'u1' } });
    expect(filter.decide(bot(0), own)).toBe('full');
    expect(filter.decide(bot(0), other)).toBe('skip');
    expect(filter.decide(bot(INTENTS.GUILD_MEMBERS), other)).toBe('full');
  });

  it('empties content and attachments without MESSAGE_CONTENT unless mentioned or the author', () => {
    expect(filter.decide(bot(INTENTS.GUILD_MESSAGES), message())).toBe('stripped');
    expect(filter.decide(bot(INTENTS.GUILD_MESSAGES | INTENTS.MESSAGE_CONTENT), message())).toBe('full');
    expect(
      filter.decide(
        bot(INTENTS.GUILD_MESSAGES),
        message({ mentions: { userIds: [BOT], roleIds: [], everyone: false } }),
      ),
    ).toBe('full');
    expect(filter.decide(bot(INTENTS.GUILD_MESSAGES), message({ authorId: BOT }))).toBe('full');
    const stripped = filter.strip(message());
    expect(stripped.body).not.toContain('secret words');
    expect(JSON.parse(`{"seq":1,${stripped.body}`)).toMatchObject({
      type: 'message.created',
      data: { message: { id: 'm1', content: '', attachments: [] } },
    });
  });

  it('encodes the stripped variant once per packet for every bot session that needs it', () => {
    const dispatch = message();
    const cache = {};
    const first = filter.variant(bot(INTENTS.GUILD_MESSAGES), dispatch, cache);
    const second = filter.variant({ userId: 'b2', intents: INTENTS.GUILD_MESSAGES }, dispatch, cache);
    expect(first).toBe(second);
    expect(first).not.toBe(dispatch);
    expect(filter.variant(bot(INTENTS.GUILD_MESSAGES | INTENTS.MESSAGE_CONTENT), dispatch, cache)).toBe(
      dispatch,
    );
    expect(filter.variant(bot(INTENTS.GUILDS), dispatch, cache)).toBeNull();
  });
});
