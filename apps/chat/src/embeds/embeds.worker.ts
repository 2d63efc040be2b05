import { type AnyEvent, type Embed, has, MESSAGE_FLAGS, type Message, PERMISSIONS } from '@bonfire/contracts';
import { SafeFetchError, ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import { ChatTransactions } from '../database/chat-transactions';
import { ChatEventsWriter } from '../events/chat-events.writer';
import type { MessageRow } from '../messages/message-view';
import { MessagesRepository } from '../messages/messages.repository';
import { MessagesService } from '../messages/messages.service';
import { EmbedImagesClient } from './embed-images.client';
import { EmbedsRepository, needsUnfurl } from './embeds.repository';
import { type Unfurled, Unfurler } from './unfurler';
import { extractEmbedUrls } from './urls';

/**
 * Link embeds, out of the request path: takes chat.messages (EmbedsHandlers, own consumer group); for a new
 * message, or one whose content was edited since it was last unfurled, it unfurls the message's URLs
 * (extractEmbedUrls: at most 5, `<…>` skipped) with the safe fetcher, has the file service proxy each
 * embed's image, stores the embeds with the message and emits `message.updated` (only when they changed).
 * No embeds when the author lacks EMBED_LINKS in the channel (checked when the message is unfurled,
 * right after it was sent or edited) or when the message has SUPPRESS_EMBEDS. At most
 * CHAT_EMBEDS_CONCURRENCY messages are unfurled at once; the consumer waits for a free slot.
 * Best effort: a message whose unfurl is lost to a crash keeps its links as plain text.
 */
@Injectable()
export class EmbedsWorker implements OnApplicationShutdown {
  private readonly logger;
  private readonly unfurler: Unfurler;
  private readonly running = new Set<Promise<void>>();
  private readonly waiting: (() => void)[] = [];

  constructor(
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
    private readonly access: AccessService,
    private readonly transactions: ChatTransactions,
    private readonly messages: MessagesRepository,
    private readonly messageViews: MessagesService,
    private readonly embeds: EmbedsRepository,
    private readonly events: ChatEventsWriter,
    private readonly images: EmbedImagesClient,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('embeds');
    this.unfurler = new Unfurler({
      allow: config.EMBED_FETCH_ALLOW_CIDRS ?? [],
      maxPageBytes: config.CHAT_EMBEDS_MAX_PAGE_BYTES,
      connectTimeoutMs: config.CHAT_EMBEDS_CONNECT_TIMEOUT_MS,
      fetchTimeoutMs: config.CHAT_EMBEDS_FETCH_TIMEOUT_MS,
      cacheSeconds: config.CHAT_EMBEDS_CACHE_SECONDS,
      onFailure: (url, error) =>
        this.logger.info(
          {
            url,
            reason: error instanceof SafeFetchError ? `${error.failure}: ${error.message}` : String(error),
          },
          'link not unfurled',
        ),
    });
  }

  /** Takes one chat.messages event: starts the unfurl of its message once a slot is free. */
  async apply(event: AnyEvent): Promise<void> {
    if (event.type !== 'message.created' && event.type !== 'message.updated') return;
    const { message } = event.data;
    if (!this.mayNeedUnfurl(message)) return;
    while (this.running.size >= this.config.CHAT_EMBEDS_CONCURRENCY) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    const job = this.process(message)
      .catch((error: unknown) =>
        this.logger.warn({ err: error, messageId: message.id }, 'embeds of a message failed'),
      )
      .finally(() => {
        this.running.delete(job);
        this.waiting.shift()?.();
      });
    this.running.add(job);
  }

  /** Resolves when every started unfurl has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private mayNeedUnfurl(message: Message): boolean {
    if (((message.flags ?? 0) & MESSAGE_FLAGS.SUPPRESS_EMBEDS) !== 0) return false;
    return (message.embeds?.length ?? 0) > 0 || extractEmbedUrls(message.content).length > 0;
  }

  /** Unfurls one message (public so tests can drive it without the bus). */
  async process(message: Pick<Message, 'id' | 'channelId'>): Promise<void> {
    const db = this.transactions.executor;
    const row = await this.messages.findInChannel(db, message.channelId, message.id);
    if (!row || !needsUnfurl(row)) return;
    const embeds = (await this.mayEmbed(row)) ? await this.build(row) : [];
    const changed = JSON.stringify(embeds) !== JSON.stringify(row.embeds);
    await this.transactions.run(async (trx) => {
      await this.messages.lockChannel(trx, row.channelId);
      const stored = await this.embeds.store(trx, row, embeds, changed);
      if (!stored || !changed) return;
      await this.events.add(trx, 'message.updated', row.channelId, {
        message: await this.messageViews.eventView(trx, stored),
      });
    });
  }

  /** EMBED_LINKS of the author in the channel now (a webhook's message: its creator chose to post it). */
  private async mayEmbed(row: MessageRow): Promise<boolean> {
    if (row.webhookId !== null && row.webhookId !== undefined) return true;
    const access = await this.access.channel(row.channelId, row.authorId);
    return access !== null && has(access.permissions, PERMISSIONS.EMBED_LINKS);
  }

  private async build(row: MessageRow): Promise<Embed[]> {
    const urls = extractEmbedUrls(row.content);
    const unfurled = await Promise.all(urls.map((url) => this.unfurler.unfurl(url)));
    const embeds = await Promise.all(
      unfurled.map((one) => (one === null ? Promise.resolve(null) : this.toEmbed(row, one))),
    );
    return embeds.filter((embed): embed is Embed => embed !== null);
  }

  /** The embed with its image proxied; an image embed whose image cannot be proxied is dropped. */
  private async toEmbed(row: MessageRow, unfurled: Unfurled): Promise<Embed | null> {
    let thumbnail: Embed['thumbnail'] = null;
    if (unfurled.image) {
      const proxied = await this.images.proxy(row.authorId, {
        url: unfurled.image.url,
        channelId: row.channelId,
        guildId: row.guildId,
        messageId: row.id,
      });
      if (proxied) {
        thumbnail = {
          fileId: proxied.fileId,
          url: unfurled.image.url,
          width: proxied.width ?? unfurled.image.width,
          height: proxied.height ?? unfurled.image.height,
        };
      }
    }
    if (unfurled.type === 'image' && thumbnail === null) return null;
    return {
      url: unfurled.url,
      type: unfurled.type,
      title: unfurled.title,
      description: unfurled.description,
      siteName: unfurled.siteName,
      color: unfurled.color,
      thumbnail,
      video: unfurled.video,
    };
  }

  /** After the transport has left the consumer group (Nest closes microservices first). */
  async onApplicationShutdown(): Promise<void> {
    await this.idle();
  }
}
