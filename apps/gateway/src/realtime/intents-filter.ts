import { INTENTS } from '@bonfire/contracts';
import { Injectable } from '@nestjs/common';
import { type DispatchSource, type EncodedDispatch, encodeDispatch } from './dispatch-frame';

/** What a bot session gets of a dispatch: nothing, the dispatch as is, or its content-stripped variant. */
type IntentDecision = 'skip' | 'full' | 'stripped';

/** A session's view for the filter: its user and, for a bot, its intents (null: a user, everything). */
interface IntentsHolder {
  readonly userId: string;
  readonly intents: number | null;
}

type MessageLike = { guildId?: string | null; authorId?: string; mentions?: { userIds?: string[] } };

function guildOf(data: unknown): string | null | undefined {
  const record = data as { guildId?: string | null; message?: MessageLike; member?: { guildId?: string } };
  return record?.message?.guildId ?? record?.guildId ?? record?.member?.guildId;
}

/** The intent a dispatch type needs (null: always delivered, e.g. the bot's own read states). */
function requiredIntent(type: string, data: unknown, userId: string): number | null {
  switch (type) {
    case 'message.created':
    case 'message.updated':
    case 'message.deleted':
    case 'reaction.added':
    case 'reaction.removed':
      return guildOf(data) ? INTENTS.GUILD_MESSAGES : INTENTS.DIRECT_MESSAGES;
    case 'member.joined':
    case 'member.updated':
    case 'member.left': {
      // A bot always learns about its own membership (joined, roles changed, kicked).
      const record = data as { userId?: string; member?: { userId?: string } };
      return (record?.member?.userId ?? record?.userId) === userId ? null : INTENTS.GUILD_MEMBERS;
    }
    case 'presence.updated':
      return INTENTS.GUILD_PRESENCES;
    case 'voice.state.updated':
    case 'voice.speaking':
      return INTENTS.GUILD_VOICE_STATES;
    case 'typing.started':
      return INTENTS.TYPING;
    case 'guild.updated':
    case 'guild.deleted':
    case 'channel.created':
    case 'channel.updated':
    case 'channel.deleted':
    case 'role.created':
    case 'role.updated':
    case 'role.deleted':
    case 'guild.emojis.updated':
    case 'thread.created':
    case 'thread.updated':
    case 'thread.deleted':
    case 'thread.members.updated':
      // A DM channel's own events come with DIRECT_MESSAGES.
      return type.startsWith('channel.') && guildOf((data as { channel?: unknown })?.channel ?? data) === null
        ? INTENTS.DIRECT_MESSAGES
        : INTENTS.GUILDS;
    default:
      return null;
  }
}

/**
 * Gateway intents for bot sessions (contracts: INTENTS). A bot receives only the dispatch groups it asked
 * for on the handshake; without MESSAGE_CONTENT, a guild message's `content` and `attachments` reach it
 * emptied unless it is mentioned or wrote the message (as Discord; DMs keep their content). Users'
 * sessions (intents null) are never filtered. The fan-out encodes a packet once; the stripped variant is
 * encoded at most once more per packet, shared by every bot session that needs it (`variant`).
 */
@Injectable()
export class IntentsFilter {
  decide(holder: IntentsHolder, dispatch: DispatchSource): IntentDecision {
    if (holder.intents === null || dispatch.type === null) return 'full';
    const required = requiredIntent(dispatch.type, dispatch.data, holder.userId);
    if (required !== null && (holder.intents & required) === 0) return 'skip';
    if (dispatch.type !== 'message.created' && dispatch.type !== 'message.updated') return 'full';
    if ((holder.intents & INTENTS.MESSAGE_CONTENT) !== 0) return 'full';
    const message = (dispatch.data as { message?: MessageLike })?.message;
    if (!message?.guildId) return 'full';
    if (message.authorId === holder.userId || message.mentions?.userIds?.includes(holder.userId))
      return 'full';
    return 'stripped';
  }

  /** The dispatch with its message's content emptied, encoded once. */
  strip(dispatch: EncodedDispatch): EncodedDispatch {
    const data = dispatch.data as { message?: Record<string, unknown> };
    if (!data?.message) return dispatch;
    return encodeDispatch({
      id: dispatch.id,
      type: dispatch.type,
      data: { ...data, message: { ...data.message, content: '', attachments: [] } },
    });
  }

  /**
   * What `holder` is sent for `dispatch`: null (skip), the shared encoding, or the stripped one (made on
   * first need and kept in `cache` for the rest of the packet's sessions).
   */
  variant(
    holder: IntentsHolder,
    dispatch: EncodedDispatch,
    cache: { stripped?: EncodedDispatch },
  ): EncodedDispatch | null {
    const decision = this.decide(holder, dispatch);
    if (decision === 'skip') return null;
    if (decision === 'full') return dispatch;
    return (cache.stripped ??= this.strip(dispatch));
  }
}
