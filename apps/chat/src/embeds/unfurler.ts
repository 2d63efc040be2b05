import { AddressPolicy, safeFetch, SafeFetchError } from '@bonfire/platform';
import { parsePageMeta } from './page-meta';

/** What a URL unfurled to, before its image is proxied. */
export interface Unfurled {
  url: string;
  type: 'link' | 'image' | 'video';
  title: string | null;
  description: string | null;
  siteName: string | null;
  color: number | null;
  image: { url: string; width: number | null; height: number | null } | null;
  video: { url: string; width: number | null; height: number | null } | null;
}

export interface UnfurlerOptions {
  allow: readonly string[];
  maxPageBytes: number;
  connectTimeoutMs: number;
  fetchTimeoutMs: number;
  cacheSeconds: number;
  /** Entries kept in the cache at most (the oldest go first). */
  cacheEntries?: number;
  onFailure?: (url: string, error: unknown) => void;
}

const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const OEMBED_TYPES = new Set(['application/json', 'application/json+oembed', 'text/json']);

/**
 * Turns a URL into an embed with the safe fetcher (http(s) only, checked addresses, redirects re-checked,
 * size and time limits): an HTML page's OpenGraph / Twitter card / <title> metadata (oEmbed JSON when the
 * page declares it and gives no title), or an image or video when the URL itself is one (by content type;
 * their bodies are not read here). Results — failures too, as null — are cached per URL for a while, and
 * concurrent unfurls of one URL share one fetch.
 */
export class Unfurler {
  private readonly policy: AddressPolicy;
  private readonly cache = new Map<string, { at: number; value: Unfurled | null }>();
  private readonly inFlight = new Map<string, Promise<Unfurled | null>>();

  constructor(private readonly options: UnfurlerOptions) {
    this.policy = new AddressPolicy(options.allow);
  }

  async unfurl(url: string): Promise<Unfurled | null> {
    const cached = this.cache.get(url);
    if (cached && Date.now() - cached.at < this.options.cacheSeconds * 1_000) return cached.value;
    const running = this.inFlight.get(url);
    if (running) return running;
    const work = this.fetch(url)
      .catch((error: unknown) => {
        this.options.onFailure?.(url, error);
        return null;
      })
      .then((value) => {
        this.remember(url, value);
        return value;
      })
      .finally(() => this.inFlight.delete(url));
    this.inFlight.set(url, work);
    return work;
  }

  private remember(url: string, value: Unfurled | null): void {
    this.cache.delete(url);
    this.cache.set(url, { at: Date.now(), value });
    const max = this.options.cacheEntries ?? 1_000;
    while (this.cache.size > max) this.cache.delete(this.cache.keys().next().value!);
  }

  private async fetch(url: string): Promise<Unfurled | null> {
    const response = await safeFetch(url, {
      policy: this.policy,
      maxBytes: this.options.maxPageBytes,
      oversize: 'truncate',
      accept: (type) => PAGE_TYPES.has(type) || type.startsWith('image/') || type.startsWith('video/'),
      readBody: (type) => PAGE_TYPES.has(type),
      connectTimeoutMs: this.options.connectTimeoutMs,
      totalTimeoutMs: this.options.fetchTimeoutMs,
      acceptHeader: 'text/html,application/xhtml+xml;q=0.9,image/*;q=0.8,video/*;q=0.7,*/*;q=0.1',
    });
    const empty = { url, title: null, description: null, siteName: null, color: null };
    if (response.contentType.startsWith('image/')) {
      return { ...empty, type: 'image', image: { url, width: null, height: null }, video: null };
    }
    if (response.contentType.startsWith('video/')) {
      return { ...empty, type: 'video', image: null, video: { url, width: null, height: null } };
    }
    // Pages declare their charset; UTF-8 is what nearly all are (others degrade to replacement characters).
    const meta = parsePageMeta(response.body.toString('utf8'), response.url);
    let { title, siteName } = meta;
    let image = meta.image;
    if (title === null && meta.oembedUrl !== null) {
      const oembed = await this.oembed(meta.oembedUrl);
      title = oembed?.title ?? null;
      siteName ??= oembed?.siteName ?? null;
      image ??= oembed?.image ?? null;
    }
    if (title === null && meta.description === null && image === null) return null;
    return {
      url,
      type: 'link',
      title,
      description: meta.description,
      siteName: siteName ?? new URL(response.url).hostname,
      color: meta.color,
      image,
      video: meta.video,
    };
  }

  private async oembed(
    url: string,
  ): Promise<{ title: string | null; siteName: string | null; image: Unfurled['image'] } | null> {
    try {
      const response = await safeFetch(url, {
        policy: this.policy,
        maxBytes: 64 * 1024,
        oversize: 'fail',
        accept: (type) => OEMBED_TYPES.has(type),
        connectTimeoutMs: this.options.connectTimeoutMs,
        totalTimeoutMs: this.options.fetchTimeoutMs,
        acceptHeader: 'application/json',
      });
      const body = JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;
      const text = (value: unknown) =>
        typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
      const size = (value: unknown) =>
        typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
      const thumbnail = text(body['thumbnail_url']);
      return {
        title: text(body['title']),
        siteName: text(body['provider_name']),
        image: thumbnail
          ? { url: thumbnail, width: size(body['thumbnail_width']), height: size(body['thumbnail_height']) }
          : null,
      };
    } catch (error) {
      if (!(error instanceof SafeFetchError) && !(error instanceof SyntaxError)) throw error;
      return null;
    }
  }
}
