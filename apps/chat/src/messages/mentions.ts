import { isSnowflake, SNOWFLAKE_DIGITS } from '@bonfire/contracts';

/** Upper bounds on what one message may mention (keeps the honour-check queries small). */
const MENTION_LIMITS = { users: 100, roles: 100 } as const;

export interface ParsedMentions {
  /** `<@id>` or `<@!id>`, deduplicated, in order of first appearance. */
  userIds: string[];
  /** `<@&id>`, deduplicated. */
  roleIds: string[];
  /** `@everyone` or `@here` appears in the text. */
  everyone: boolean;
}

const USER_MENTION = new RegExp(`<@!?(${SNOWFLAKE_DIGITS})>`, 'g');
const ROLE_MENTION = new RegExp(`<@&(${SNOWFLAKE_DIGITS})>`, 'g');
// Not part of a longer word or an email address: "me@everyone.com" is no mention.
const EVERYONE_MENTION = /(?<![\w@.])@(everyone|here)\b/;

/**
 * What a message's text mentions, before permissions are applied. Mentions are parsed anywhere in the
 * text (inside code blocks too — kept simple on purpose, the client renders them as it likes).
 */
export function parseMentions(content: string): ParsedMentions {
  return {
    userIds: unique(content.matchAll(USER_MENTION), MENTION_LIMITS.users),
    roleIds: unique(content.matchAll(ROLE_MENTION), MENTION_LIMITS.roles),
    everyone: EVERYONE_MENTION.test(content),
  };
}

function unique(matches: Iterable<RegExpMatchArray>, limit: number): string[] {
  const seen = new Set<string>();
  for (const match of matches) {
    const id = match[1];
    if (id === undefined || !isSnowflake(id)) continue;
    seen.add(id);
    if (seen.size >= limit) break;
  }
  return [...seen];
}

interface MentionRules {
  /** Users who may be mentioned here: the guild's members, or the DM's recipients. */
  mentionableUserIds: ReadonlySet<string>;
  /** Roles of this guild, with whether each is mentionable by anyone. */
  guildRoles: ReadonlyMap<string, { mentionable: boolean }>;
  /** The sender holds MENTION_EVERYONE in the channel. */
  canMentionEveryone: boolean;
}

/** The mentions that take effect: users who belong here, roles that allow it, @everyone with permission. */
export function honourMentions(parsed: ParsedMentions, rules: MentionRules): ParsedMentions {
  return {
    userIds: parsed.userIds.filter((id) => rules.mentionableUserIds.has(id)),
    roleIds: parsed.roleIds.filter((id) => {
      const role = rules.guildRoles.get(id);
      return role !== undefined && (role.mentionable || rules.canMentionEveryone);
    }),
    everyone: parsed.everyone && rules.canMentionEveryone,
  };
}
