import {
  ERROR,
  type ChannelPermissionsAnswer,
  type GuildPermissionsAnswer,
  has,
  isSnowflake,
  PERMISSIONS,
  type PermissionName,
  internalPath,
} from '@bonfire/contracts';
import { AppError, type CallerIdentity, getInternalJson } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { FILE_CONFIG, type FileConfig } from '../config';

/**
 * Who may upload to or read a channel is chat's knowledge: asked synchronously on chat's internal routes,
 * with the caller's identity signed as the gateway signs it (so chat answers for that user only), within
 * FILE_CHAT_TIMEOUT_MS — a failure is a 503, never a guess.
 */
@Injectable()
export class ChatAccessClient {
  constructor(@Inject(FILE_CONFIG) private readonly config: FileConfig) {}

  /** The caller's permissions in a channel, or null when chat says they cannot see it. */
  async channelPermissions(caller: CallerIdentity, channelId: string): Promise<bigint | null> {
    return (await this.channelAccess(caller, channelId))?.permissions ?? null;
  }

  /** The channel's guild (null for DMs) and the caller's permissions in it, or null when unseen. */
  async channelAccess(
    caller: CallerIdentity,
    channelId: string,
  ): Promise<{ guildId: string | null; permissions: bigint } | null> {
    const reply = await this.get<ChannelPermissionsAnswer>(
      caller,
      internalPath('realtime', 'channelPermissions', { channelId }),
    );
    return reply ? { guildId: reply.guildId, permissions: BigInt(reply.permissions) } : null;
  }

  /** The caller's guild-level permissions, or null when they are not a member. */
  async guildPermissions(caller: CallerIdentity, guildId: string): Promise<bigint | null> {
    const reply = await this.get<GuildPermissionsAnswer>(
      caller,
      internalPath('guilds', 'permissions', { guildId }),
    );
    return reply ? BigInt(reply.permissions) : null;
  }

  /** 404 UNKNOWN_CHANNEL when the caller cannot see the channel; 403 naming the first missing permission. */
  async requireChannel(
    caller: CallerIdentity,
    channelId: string,
    required: readonly PermissionName[],
  ): Promise<{ guildId: string | null; permissions: bigint }> {
    const access = isSnowflake(channelId) ? await this.channelAccess(caller, channelId) : null;
    if (access === null) {
      throw new AppError(ERROR.UNKNOWN_CHANNEL, 'Unknown channel.');
    }
    requirePermissions(access.permissions, required);
    return access;
  }

  async requireGuild(
    caller: CallerIdentity,
    guildId: string,
    required: readonly PermissionName[],
  ): Promise<void> {
    const permissions = isSnowflake(guildId) ? await this.guildPermissions(caller, guildId) : null;
    if (permissions === null) throw new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');
    requirePermissions(permissions, required);
  }

  private get<T>(caller: CallerIdentity, path: string): Promise<T | null> {
    return getInternalJson<T>({
      baseUrl: this.config.CHAT_URL,
      path,
      caller,
      identitySecret: this.config.INTERNAL_IDENTITY_SECRET,
      timeoutMs: this.config.FILE_CHAT_TIMEOUT_MS,
      unavailable,
    });
  }
}

function requirePermissions(permissions: bigint, required: readonly PermissionName[]): void {
  const missing = required.filter((name) => !has(permissions, PERMISSIONS[name]));
  if (missing.length === 0) return;
  throw new AppError(
    ERROR.MISSING_PERMISSION,
    `You need the ${missing.join(', ')} permission${missing.length > 1 ? 's' : ''}.`,
    { details: missing.map((name) => ({ code: name, message: `missing ${name}` })) },
  );
}

function unavailable(): AppError {
  return new AppError(ERROR.CHAT_UNAVAILABLE, 'Permissions cannot be checked right now.');
}
