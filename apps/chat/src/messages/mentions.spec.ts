import { describe, expect, it } from 'vitest';
import { honourMentions, parseMentions } from './mentions';

describe('parseMentions', () => {
  it('finds users (with or without !), roles and @everyone/@here, deduplicated', () => {
    const parsed = parseMentions('hi <@123> and <@!123> <@456>, ping <@&789> @here');
    expect(parsed).toEqual({ userIds: ['123', '456'], roleIds: ['789'], everyone: true });
  });

  it('parses anywhere, code blocks included', () => {
    expect(parseMentions('```<@1>```').userIds).toEqual(['1']);
  });

  it('ignores look-alikes', () => {
    const parsed = parseMentions('<@abc> <@> <@&> me@everyone.com <@ 1> @everyoneelse');
    expect(parsed).toEqual({ userIds: [], roleIds: [], everyone: false });
  });

  it('drops ids that do not fit a bigint', () => {
    expect(parseMentions('<@99999999999999999999>').userIds).toEqual([]);
  });
});

describe('honourMentions', () => {
  const parsed = { userIds: ['1', '2'], roleIds: ['10', '11', '12'], everyone: true };
  const guildRoles = new Map([
    ['10', { mentionable: true }],
    ['11', { mentionable: false }],
  ]);

  it('keeps members, mentionable roles, and no @everyone without permission', () => {
    expect(
      honourMentions(parsed, { mentionableUserIds: new Set(['1']), guildRoles, canMentionEveryone: false }),
    ).toEqual({ userIds: ['1'], roleIds: ['10'], everyone: false });
  });

  it('with MENTION_EVERYONE: every role of the guild and @everyone', () => {
    expect(
      honourMentions(parsed, { mentionableUserIds: new Set(), guildRoles, canMentionEveryone: true }),
    ).toEqual({ userIds: [], roleIds: ['10', '11'], everyone: true });
  });
});
