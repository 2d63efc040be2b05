import { Parser } from 'htmlparser2';

/** What a page says about itself: OpenGraph, Twitter card and plain HTML metadata. */
interface PageMeta {
  title: string | null;
  description: string | null;
  siteName: string | null;
  /** Absolute URLs (resolved against the page's URL). */
  image: { url: string; width: number | null; height: number | null } | null;
  video: { url: string; width: number | null; height: number | null } | null;
  color: number | null;
  /** The page's oEmbed JSON endpoint (discovery), when it declares one. */
  oembedUrl: string | null;
}

const TEXT_LIMITS = { title: 256, description: 1_024, siteName: 256 } as const;

/**
 * Reads a page's metadata with htmlparser2's streaming parser, stopping at `<body>` (everything wanted is
 * in the head, so a page cut off at the size limit still yields its card when its head came first).
 * OpenGraph first, then Twitter card, then `<title>` / `<meta name="description">`.
 */
export function parsePageMeta(html: string, pageUrl: string): PageMeta {
  const meta = new Map<string, string>();
  let title = '';
  let inTitle = false;
  let oembed: string | null = null;
  let stopped = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (stopped) return;
        if (name === 'body') {
          stopped = true;
          parser.pause();
          return;
        }
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attributes['property'] ?? attributes['name'] ?? '').trim().toLowerCase();
          const content = attributes['content'];
          if (key !== '' && content !== undefined && !meta.has(key)) meta.set(key, content);
        }
        if (
          name === 'link' &&
          (attributes['rel'] ?? '').toLowerCase().split(/\s+/).includes('alternate') &&
          (attributes['type'] ?? '').toLowerCase() === 'application/json+oembed' &&
          attributes['href'] !== undefined
        ) {
          oembed ??= attributes['href'];
        }
      },
      ontext(text) {
        if (inTitle && !stopped) title += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'head') {
          stopped = true;
          parser.pause();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  if (!stopped) parser.end();

  const pick = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = meta.get(key)?.trim();
      if (value) return value;
    }
    return null;
  };
  const number = (...keys: string[]): number | null => {
    const value = Number(pick(...keys));
    return Number.isInteger(value) && value > 0 && value < 100_000 ? value : null;
  };
  const imageUrl = absolute(
    pick('og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src'),
    pageUrl,
  );
  const videoUrl = absolute(pick('og:video:secure_url', 'og:video', 'og:video:url'), pageUrl);
  return {
    title: clip(pick('og:title', 'twitter:title') ?? (title.trim() || null), TEXT_LIMITS.title),
    description: clip(pick('og:description', 'twitter:description', 'description'), TEXT_LIMITS.description),
    siteName: clip(pick('og:site_name', 'application-name'), TEXT_LIMITS.siteName),
    image: imageUrl
      ? { url: imageUrl, width: number('og:image:width'), height: number('og:image:height') }
      : null,
    video: videoUrl
      ? { url: videoUrl, width: number('og:video:width'), height: number('og:video:height') }
      : null,
    color: parseColor(pick('theme-color')),
    oembedUrl: absolute(oembed, pageUrl),
  };
}

function absolute(url: string | null, base: string): string | null {
  if (url === null) return null;
  try {
    const resolved = new URL(url, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.toString() : null;
  } catch {
    return null;
  }
}

function clip(text: string | null, limit: number): string | null {
  if (text === null) return null;
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed === '') return null;
  const chars = [...collapsed];
  return chars.length <= limit ? collapsed : `${chars.slice(0, limit - 1).join('')}…`;
}

function parseColor(value: string | null): number | null {
  if (value === null) return null;
  const hex = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(value.trim());
  if (!hex) return null;
  const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!;
  return Number.parseInt(digits, 16);
}
