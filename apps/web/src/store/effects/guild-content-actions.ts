import type { CreatedWebhook, Webhook } from '@bonfire/contracts';
import type {
  Channel,
  CreateInviteRequest,
  Emoji,
  Guild,
  Invite,
  UploadFile,
  UploadOptions,
} from '@bonfire/sdk';
import type { StoreKernel } from './kernel';

/**
 * A guild's invites, custom emojis and webhooks, as the settings screens and dialogs manage them. The
 * screens keep the answers they list; joining a guild answers what the caller adds to the state.
 */
export class GuildContentActions {
  constructor(private readonly kernel: StoreKernel) {}

  invites(guildId: string): Promise<Invite[]> {
    return this.kernel.client.invites.list(guildId);
  }

  createInvite(guildId: string, options: CreateInviteRequest): Promise<Invite> {
    return this.kernel.client.invites.create(guildId, options);
  }

  revokeInvite(code: string): Promise<void> {
    return this.kernel.client.invites.revoke(code);
  }

  /** Accepts an invite and answers the guild joined with its channels. */
  async join(code: string): Promise<{ guild: Guild; channels: Channel[] }> {
    const { client } = this.kernel;
    const guild = await client.invites.accept(code);
    return { guild, channels: await client.channels.list(guild.id) };
  }

  // Emojis

  uploadEmoji(guildId: string, name: string, file: UploadFile, options: UploadOptions): Promise<Emoji> {
    return this.kernel.client.emojis.upload(guildId, name, file, options);
  }

  renameEmoji(guildId: string, emojiId: string, name: string): Promise<Emoji> {
    return this.kernel.client.emojis.rename(guildId, emojiId, name);
  }

  deleteEmoji(guildId: string, emojiId: string): Promise<void> {
    return this.kernel.client.emojis.delete(guildId, emojiId);
  }

  // Webhooks

  channelWebhooks(channelId: string): Promise<Webhook[]> {
    return this.kernel.client.webhooks.list(channelId);
  }

  guildWebhooks(guildId: string): Promise<Webhook[]> {
    return this.kernel.client.webhooks.listForGuild(guildId);
  }

  /** The answer carries the webhook's secret URL, shown once. */
  createWebhook(channelId: string, name: string): Promise<CreatedWebhook> {
    return this.kernel.client.webhooks.create(channelId, { name });
  }

  deleteWebhook(webhookId: string): Promise<void> {
    return this.kernel.client.webhooks.delete(webhookId);
  }
}
