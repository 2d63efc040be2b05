import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Unfurler, type UnfurlerOptions } from './unfurler';

/** The unfurler against a local site (allowed by port): content types, oEmbed discovery, the per-URL cache. */
describe('Unfurler', () => {
  let site: Server;
  let base: string;
  const hits = new Map<string, number>();
  const failures: string[] = [];

  beforeAll(async () => {
    site = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://site').pathname;
      hits.set(path, (hits.get(path) ?? 0) + 1);
      switch (path) {
        case '/clip.mp4':
          response.setHeader('content-type', 'video/mp4');
          response.end(Buffer.alloc(1_000));
          return;
        case '/with-oembed':
          response.setHeader('content-type', 'text/html');
          response.end(
            `<head><link rel="alternate" type="application/json+oembed" href="/oembed.json"></head>`,
          );
          return;
        case '/oembed.json':
          response.setHeader('content-type', 'application/json');
          response.end(
            JSON.stringify({
              title: 'From oEmbed',
              provider_name: 'Provider',
              thumbnail_url: `${base}/thumb.png`,
              thumbnail_width: 320,
              thumbnail_height: 180,
            }),
          );
          return;
        case '/page':
          response.setHeader('content-type', 'text/html');
          response.end('<head><title>Cached page</title></head>');
          return;
        case '/empty':
          response.setHeader('content-type', 'text/html');
          response.end('<body>nothing</body>');
          return;
        case '/json':
          response.setHeader('content-type', 'application/json');
          response.end('{}');
          return;
        default:
          response.statusCode = 404;
          response.end();
      }
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    site.closeAllConnections();
    await new Promise((closed) => site.close(closed));
  });

  const unfurler = (overrides: Partial<UnfurlerOptions> = {}) =>
    new Unfurler({
      allow: [`127.0.0.1:${new URL(base).port}`],
      maxPageBytes: 64 * 1024,
      connectTimeoutMs: 1_000,
      fetchTimeoutMs: 2_000,
      cacheSeconds: 60,
      onFailure: (url) => failures.push(url),
      ...overrides,
    });

  it('a video URL becomes a video embed without reading its body', async () => {
    expect(await unfurler().unfurl(`${base}/clip.mp4`)).toEqual({
      url: `${base}/clip.mp4`,
      type: 'video',
      title: null,
      description: null,
      siteName: null,
      color: null,
      image: null,
      video: { url: `${base}/clip.mp4`, width: null, height: null },
    });
  });

  it('asks the oEmbed endpoint a page declares when it has no title', async () => {
    expect(await unfurler().unfurl(`${base}/with-oembed`)).toMatchObject({
      type: 'link',
      title: 'From oEmbed',
      siteName: 'Provider',
      image: { url: `${base}/thumb.png`, width: 320, height: 180 },
    });
  });

  it('gives nothing for pages without metadata, other types and refused addresses', async () => {
    const one = unfurler();
    expect(await one.unfurl(`${base}/empty`)).toBeNull();
    expect(await one.unfurl(`${base}/json`)).toBeNull();
    expect(await one.unfurl('http://127.0.0.1:1/')).toBeNull();
    expect(await one.unfurl('http://169.254.169.254/latest/meta-data/')).toBeNull();
    expect(failures).toEqual(
      expect.arrayContaining([
        `${base}/json`,
        'http://127.0.0.1:1/',
        'http://169.254.169.254/latest/meta-data/',
      ]),
    );
  });

  it('fetches a URL once while it is cached, also when asked concurrently', async () => {
    const one = unfurler();
    const results = await Promise.all([one.unfurl(`${base}/page`), one.unfurl(`${base}/page`)]);
    expect(results[0]?.title).toBe('Cached page');
    expect(results[1]).toBe(results[0]);
    await one.unfurl(`${base}/page`);
    expect(hits.get('/page')).toBe(1);
  });
});
