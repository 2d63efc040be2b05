/** URLs unfurled per message at most (the first ones in the content). */
export const MAX_EMBED_URLS = 5;

const URL_PATTERN = /<?https?:\/\/[^\s<>"]+>?/gi;

/**
 * The URLs of a message to unfurl, in order, without duplicates, at most MAX_EMBED_URLS. As in Discord,
 * a URL wrapped in angle brackets (`<https://…>`) is not unfurled; trailing punctuation that ends a
 * sentence and an unbalanced closing parenthesis are not part of the URL. URLs inside code (`…` or
 * ``` blocks) are skipped.
 */
export function extractEmbedUrls(content: string): string[] {
  const text = content.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
  const urls: string[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0];
    if (raw.startsWith('<') && raw.endsWith('>')) continue;
    let url = raw.replace(/^</, '').replace(/>$/, '');
    url = trimTrailing(url);
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') continue;
    } catch {
      continue;
    }
    if (!urls.includes(url)) urls.push(url);
    if (urls.length === MAX_EMBED_URLS) break;
  }
  return urls;
}

function trimTrailing(url: string): string {
  let result = url;
  for (;;) {
    const last = result.at(-1);
    if (last !== undefined && '.,:;!?\'"*_~'.includes(last)) {
      result = result.slice(0, -1);
      continue;
    }
    if (last === ')' && count(result, '(') < count(result, ')')) {
      result = result.slice(0, -1);
      continue;
    }
    return result;
  }
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n += 1;
  return n;
}
