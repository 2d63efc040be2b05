import { describe, expect, it } from 'vitest';
import { extractEmbedUrls, MAX_EMBED_URLS } from './urls';

describe('extractEmbedUrls', () => {
  it.each([
    ['see https://example.com/a', ['https://example.com/a']],
    ['https://example.com/a.', ['https://example.com/a']],
    ['(https://en.wikipedia.org/wiki/Foo_(bar))', ['https://en.wikipedia.org/wiki/Foo_(bar)']],
    ['(see https://example.com/x)', ['https://example.com/x']],
    ['<https://example.com/quiet> and https://example.com/loud', ['https://example.com/loud']],
    ['`https://example.com/code` ```\nhttps://example.com/block\n```', []],
    ['twice https://a.example/ https://a.example/', ['https://a.example/']],
    ['ftp://example.com/ javascript:alert(1) http://', []],
    ['HTTP://EXAMPLE.COM/Up', ['HTTP://EXAMPLE.COM/Up']],
  ])('%s', (content, expected) => {
    expect(extractEmbedUrls(content)).toEqual(expected);
  });

  it(`keeps the first ${MAX_EMBED_URLS}`, () => {
    const content = Array.from({ length: 8 }, (_, i) => `https://example.com/${i}`).join(' ');
    expect(extractEmbedUrls(content)).toEqual(
      Array.from({ length: MAX_EMBED_URLS }, (_, i) => `https://example.com/${i}`),
    );
  });
});
