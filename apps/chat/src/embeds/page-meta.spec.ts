import { describe, expect, it } from 'vitest';
import { parsePageMeta } from './page-meta';

describe('parsePageMeta', () => {
  it('reads OpenGraph first, resolving relative URLs', () => {
    const meta = parsePageMeta(
      `<!doctype html><html><head>
        <title>Plain title</title>
        <meta property="og:title" content="OG &amp; title">
        <meta property="og:description" content="  An   example  ">
        <meta property="og:site_name" content="Example">
        <meta property="og:image" content="/img.png">
        <meta property="og:image:width" content="640"><meta property="og:image:height" content="480">
        <meta name="theme-color" content="#ff8800">
        <link rel="alternate" type="application/json+oembed" href="/oembed?url=x">
      </head><body><meta property="og:title" content="ignored"></body></html>`,
      'https://example.com/post/1',
    );
    expect(meta).toEqual({
      title: 'OG & title',
      description: 'An example',
      siteName: 'Example',
      image: { url: 'https://example.com/img.png', width: 640, height: 480 },
      video: null,
      color: 0xff8800,
      oembedUrl: 'https://example.com/oembed?url=x',
    });
  });

  it('falls back to Twitter card and plain HTML', () => {
    const meta = parsePageMeta(
      `<head><title> Just a title </title><meta name="description" content="Plain">
       <meta name="twitter:image" content="https://cdn.example/t.jpg"></head>`,
      'https://example.com/',
    );
    expect(meta.title).toBe('Just a title');
    expect(meta.description).toBe('Plain');
    expect(meta.image?.url).toBe('https://cdn.example/t.jpg');
    expect(meta.siteName).toBeNull();
  });

  it('reads the head of a page cut off mid-body, and ignores non-http image URLs', () => {
    const meta = parsePageMeta(
      '<html><head><meta property="og:title" content="Cut"><meta property="og:image" content="javascript:x"></head><body><p>xxxxx',
      'https://example.com/',
    );
    expect(meta.title).toBe('Cut');
    expect(meta.image).toBeNull();
  });

  it('clips long texts', () => {
    const meta = parsePageMeta(`<title>${'a'.repeat(1_000)}</title>`, 'https://example.com/');
    expect([...meta.title!]).toHaveLength(256);
  });
});
