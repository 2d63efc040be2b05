import type {
  Channel,
  ChannelPermissionsAnswer,
  RealtimeState,
  VisibleChannelsAnswer,
} from '@bonfire/contracts';
import { type CallerIdentity, getInternalJson } from '@bonfire/platform';
import { internalPath } from '@bonfire/contracts';

class ChatUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChatUnavailableError';
  }
}

/**
 * Chat's internal realtime routes, called with the identity header the gateway signs for the user — the
 * same trust path as a proxied request, so chat answers exactly what that user may see.
 */
export class ChatRealtimeClient {
  private readonly permissionCache = new Map<string, { value: bigint | null; expires: number }>();

  constructor(
    private readonly options: {
      baseUrl: string;
      identitySecret: string;
      timeoutMs: number;
      /** How long a channel permission answer is reused (typing checks). */
      permissionCacheMs: number;
    },
  ) {}

  async state(identity: CallerIdentity): Promise<RealtimeState> {
    const reply = await this.get<RealtimeState>(identity, internalPath('realtime', 'state'));
    if (!reply) throw new ChatUnavailableError('chat answered 404 to the realtime state');
    return reply;
  }

  /** The channel ids of the guild the user sees, or null when they are not (or no longer) a member. */
  async visibleChannels(identity: CallerIdentity, guildId: string): Promise<string[] | null> {
    const reply = await this.get<VisibleChannelsAnswer>(
      identity,
      internalPath('realtime', 'visibleChannels', { guildId }),
    );
    return reply?.channelIds ?? null;
  }

  /**
   * The guild's channels as the user's REST call lists them (chat's public route, same identity), or null
   * when they are not a member: what a session that gained sight of channels is sent as channel.created.
   */
  async guildChannels(identity: CallerIdentity, guildId: string): Promise<Channel[] | null> {
    return this.get<Channel[]>(identity, `/api/v1/guilds/${encodeURIComponent(guildId)}/channels`);
  }

  /** The user's permissions in a channel (cached briefly), or null when they cannot see it. */
  async channelPermissions(identity: CallerIdentity, channelId: string): Promise<bigint | null> {
    const key = `${identity.userId}:${channelId}`;
    const now = Date.now();
    const cached = this.permissionCache.get(key);
    if (cached && cached.expires > now) return cached.value;
    const reply = await this.get<ChannelPermissionsAnswer>(
      identity,
      internalPath('realtime', 'channelPermissions', { channelId }),
    );
    const value = reply ? BigInt(reply.permissions) : null;
    if (this.permissionCache.size > 10_000) this.permissionCache.clear();
    this.permissionCache.set(key, { value, expires: now + this.options.permissionCacheMs });
    return value;
  }

  /** Forgets cached permissions (after an event that may change them). */
  forgetPermissions(): void {
    this.permissionCache.clear();
  }

  private get<T>(identity: CallerIdentity, path: string): Promise<T | null> {
    return getInternalJson<T>({
      baseUrl: this.options.baseUrl,
      path,
      caller: identity,
      identitySecret: this.options.identitySecret,
      timeoutMs: this.options.timeoutMs,
      unavailable: (reason) => new ChatUnavailableError(`chat ${reason}`),
    });
  }
}
