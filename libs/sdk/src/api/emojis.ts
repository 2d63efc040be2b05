import {
  type CreateEmojiRequest,
  customEmojiMarkup,
  customEmojiRef,
  type Emoji,
  type UploadRequest,
  type UploadTicket,
} from '@bonfire/contracts';
import type { RestClient } from '../rest-client';
import type { FilesApi, ThumbnailSize, UploadFile, UploadOptions } from '../upload/files-api';

const EMOJI = '/api/v1/guilds/{guildId}/emojis/{emojiId}';

/**
 * A guild's custom emoji. Members list them; `upload`, `create`, `rename` and `delete` need MANAGE_EMOJIS.
 * Changes reach the guild's members as the `guild.emojis.updated` dispatch (the full list); `ready` carries
 * each guild's `emojis`. Write one in a message as `EmojisApi.markup(emoji)` (`<:name:id>`, `<a:name:id>`),
 * react with it as `client.reactions.add(channelId, messageId, emoji)` (sent as `name:id`).
 */
export class EmojisApi {
  constructor(
    private readonly rest: RestClient,
    private readonly files: FilesApi,
  ) {}

  list(guildId: string): Promise<Emoji[]> {
    return this.rest.get('/api/v1/guilds/{guildId}/emojis', { params: { guildId } });
  }

  get(guildId: string, emojiId: string): Promise<Emoji> {
    return this.rest.get(EMOJI, { params: { guildId, emojiId } });
  }

  /**
   * Uploads an image (PNG, GIF or WebP, at most 256 KiB; larger than 128×128 is scaled down, animation
   * kept) and makes it the emoji `name` (2–32 letters, digits or underscores, unique in the guild).
   */
  async upload(guildId: string, name: string, file: UploadFile, options: UploadOptions = {}): Promise<Emoji> {
    const uploaded = await this.files.upload((body) => this.requestUpload(guildId, body), file, options);
    return this.create(guildId, { name, fileId: uploaded.id });
  }

  /** The upload ticket of an emoji image (use `upload` unless you move the bytes yourself). */
  requestUpload(guildId: string, body: UploadRequest): Promise<UploadTicket> {
    return this.rest.post('/api/v1/guilds/{guildId}/emoji-uploads', { params: { guildId }, body });
  }

  /** Makes a completed emoji upload an emoji (it takes the upload's id). */
  create(guildId: string, body: CreateEmojiRequest): Promise<Emoji> {
    return this.rest.post('/api/v1/guilds/{guildId}/emojis', { params: { guildId }, body });
  }

  rename(guildId: string, emojiId: string, name: string): Promise<Emoji> {
    return this.rest.patch(EMOJI, { params: { guildId, emojiId }, body: { name } });
  }

  /** Deletes it: messages keep their `<:name:id>` text and reactions with it stay. */
  delete(guildId: string, emojiId: string): Promise<void> {
    return this.rest.delete(EMOJI, { params: { guildId, emojiId } });
  }

  /**
   * The image URL of an emoji id (no token needed): the original (animated GIF/WebP animate), or with
   * `still: true` its first frame (webp), for showing animated emoji still until hovered.
   */
  imageUrl(emojiId: string, options: { still?: boolean } = {}): string {
    const size: ThumbnailSize | undefined = options.still ? 'small' : undefined;
    return this.files.publicFileUrl(emojiId, size);
  }

  /** `<:name:id>` (`<a:name:id>` when animated), to write it in a message. */
  static markup(emoji: Pick<Emoji, 'name' | 'id' | 'animated'>): string {
    return customEmojiMarkup(emoji);
  }

  /** `name:id`, as reactions name it. */
  static reactionKey(emoji: Pick<Emoji, 'name' | 'id'>): string {
    return customEmojiRef(emoji);
  }
}
