// @vitest-environment node
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../server/create-server.mjs';
import { isNotModified, negotiateEncoding } from '../../server/http-caching.mjs';
import { HTML_POLICY } from '../../src/capabilities/timeline/sanitize-html';
import { JSON_LD_POLICY } from '../../src/widget/live-blog-json-ld';
import {
  makeWorkspace,
  raw,
  start,
  type Feed,
  type RunningServer,
  type Workspace,
} from './helpers';

const FEED = '/feeds/vilnius-2023.json';

describe('serving the built app', () => {
  let ws: Workspace;
  let server: RunningServer;
  beforeAll(async () => {
    ws = makeWorkspace();
    server = await start(ws);
  });
  afterAll(async () => {
    await server.close();
    ws.cleanup();
  });

  it('serves index.html at / with the strict CSP and security headers', async () => {
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain('frame-ancestors *');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<div id="root">');
  });

  it('enforces Trusted Types on the pages, allowing only the policies the app creates', () => {
    const directives = CONTENT_SECURITY_POLICY.split('; ');
    expect(directives).toContain("require-trusted-types-for 'script'");
    // No 'allow-duplicates', no 'dompurify', no default policy: the sanitiser's and the JSON-LD's.
    expect(directives.filter((d) => d.startsWith('trusted-types'))).toEqual([
      `trusted-types ${HTML_POLICY} ${JSON_LD_POLICY}`,
    ]);
  });

  it('serves client-side routes with the app shell, but not missing files', async () => {
    const route = await fetch(new URL('/some-view', server.url), {
      headers: { Accept: 'text/html' },
    });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="root">');
    const missing = await fetch(new URL('/missing.js', server.url));
    expect(missing.status).toBe(404);
    // Readable from any origin: embed.js on a news page tells a chunk a deploy removed (ADR 0032).
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('serves no shell below the top level, where its ./assets/ would not load', async () => {
    for (const nested of ['/some/view', '/some-view/']) {
      const page = await fetch(new URL(nested, server.url), { headers: { Accept: 'text/html' } });
      expect(page.status, nested).toBe(404);
    }
  });

  it('serves the files beside the feeds (media), while a missing feed is still "no such feed"', async () => {
    const clip = await fetch(new URL('/feeds/media/clip.webm', server.url));
    expect(clip.status).toBe(200);
    expect(clip.headers.get('content-type')).toBe('video/webm');
    const missing = await fetch(new URL('/feeds/nope.json', server.url));
    expect([missing.status, await missing.text()]).toEqual([404, 'No such feed\n']);
  });

  it('gives hashed assets a year of immutable caching and other files no-cache', async () => {
    const asset = await fetch(new URL('/assets/app-3f9a1c.js', server.url));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const embed = await fetch(new URL('/embed.js', server.url));
    expect(embed.headers.get('cache-control')).toBe('no-cache');
    expect(await embed.text()).toContain('liveBlogEmbed');
  });

  it.each([
    ['/assets/style-9c2e.css', 'text/css; charset=utf-8'],
    ['/embed.html', 'text/html; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml'],
    ['/logo.png', 'image/png'],
    ['/photo.webp', 'image/webp'],
    ['/font.woff2', 'font/woff2'],
    [FEED, 'application/feed+json; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const res = await fetch(new URL(path, server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    await res.arrayBuffer();
  });

  it("allows the page's own inline script by its hash, and no other inline script", async () => {
    const early = 'window.early = fetch("feeds/vilnius-2023.json");';
    const index = path.join(ws.dist, 'index.html');
    const before = readFileSync(index, 'utf8');
    writeFileSync(
      index,
      `<!DOCTYPE html><html><head><script>${early}</script></head><body><div id="root"></div></body></html>`,
    );
    const res = await fetch(server.url).finally(() => writeFileSync(index, before));
    const csp = res.headers.get('content-security-policy') ?? '';
    const hash = createHash('sha256').update(early).digest('base64');
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toContain('unsafe-inline');
    // The rest of the policy is the plain one.
    expect(csp.replace(` 'sha256-${hash}'`, '')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('only HTML carries the CSP', async () => {
    const js = await fetch(new URL('/embed.js', server.url));
    expect(js.headers.get('content-security-policy')).toBeNull();
    const html = await fetch(new URL('/embed.html', server.url));
    expect(html.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%5csecret.txt',
    '/feeds/..%2f..%2fsecret.txt',
    '/fixtures/..%2fsecret.txt',
    '/fixtures/%2e%2e/secret.txt',
    '/.env',
    '/%2eenv',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses traversal and dotfiles: %s', async (path) => {
    const res = await raw(server.url, path);
    expect([400, 404]).toContain(res.status);
    expect(res.body.toString()).not.toContain('SECRET');
  });

  it('answers HEAD like GET without a body', async () => {
    const res = await raw(server.url, '/embed.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    expect(res.body.length).toBe(0);
  });

  it('refuses other methods', async () => {
    const res = await fetch(server.url, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
  });

  it('hides the admin API unless it is enabled', async () => {
    const res = await fetch(new URL('/__admin/state', server.url));
    expect(res.status).toBe(404);
  });
});

describe('without a build', () => {
  it('answers / with a 503 that says to build first', async () => {
    const ws = makeWorkspace(undefined, { withIndex: false });
    const server = await start(ws);
    try {
      const res = await fetch(server.url);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('Run npm run build first');
    } finally {
      await server.close();
      ws.cleanup();
    }
  });
});

// In order: the tests follow one replay, which publishes as they go.
describe('feed HTTP caching, compression and CORS', { shuffle: false }, () => {
  let ws: Workspace;
  let server: RunningServer;
  let feedUrl: string;
  beforeAll(async () => {
    ws = makeWorkspace();
    server = await start(ws, { mode: 'live' });
    feedUrl = new URL(FEED, server.url).href;
  });
  afterAll(async () => {
    await server.close();
    ws.cleanup();
  });

  it('sends validators, no-cache and the feed content type', async () => {
    const res = await raw(server.url, FEED);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    expect(res.headers.etag).toMatch(/^(W\/)?"[^"]+"$/);
    expect(Date.parse(res.headers['last-modified'] ?? '')).not.toBeNaN();
    expect(res.headers['cache-control']).toBe('no-cache');
    expect((JSON.parse(res.body.toString()) as Feed).items.length).toBe(3);
  });

  it('answers If-None-Match with 304 and no body', async () => {
    const first = await raw(server.url, FEED);
    const etag = first.headers.etag as string;
    const again = await raw(server.url, FEED, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    const listed = await raw(server.url, FEED, {
      headers: { 'If-None-Match': `"other", W/${etag}` },
    });
    expect(listed.status).toBe(304);
    const other = await raw(server.url, FEED, { headers: { 'If-None-Match': '"something-else"' } });
    expect(other.status).toBe(200);
  });

  it('answers If-Modified-Since with 304, but If-None-Match wins when both are sent', async () => {
    const first = await raw(server.url, FEED);
    const lastModified = first.headers['last-modified'] as string;
    const ims = await raw(server.url, FEED, { headers: { 'If-Modified-Since': lastModified } });
    expect(ims.status).toBe(304);
    expect(ims.body.length).toBe(0);
    const older = new Date(Date.parse(lastModified) - 5000).toUTCString();
    expect((await raw(server.url, FEED, { headers: { 'If-Modified-Since': older } })).status).toBe(
      200,
    );
    const both = await raw(server.url, FEED, {
      headers: { 'If-Modified-Since': lastModified, 'If-None-Match': '"stale-tag"' },
    });
    expect(both.status).toBe(200);
  });

  it('changes validators when a new version is published, even within the same second', async () => {
    const before = await raw(server.url, FEED);
    server.replay!.publishNext();
    const after = await raw(server.url, FEED, {
      headers: {
        'If-None-Match': before.headers.etag as string,
        'If-Modified-Since': before.headers['last-modified'] as string,
      },
    });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const imsOnly = await raw(server.url, FEED, {
      headers: { 'If-Modified-Since': before.headers['last-modified'] as string },
    });
    expect(imsOnly.status).toBe(200);
  });

  it('negotiates gzip and brotli, with Vary, compressing each version once', async () => {
    const plain = await raw(server.url, FEED);
    const gz = await raw(server.url, FEED, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
    const br = await raw(server.url, FEED, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    // The cached variant is reused: same bytes on a second request.
    const gz2 = await raw(server.url, FEED, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz2.body.equals(gz.body)).toBe(true);
    // A revalidation with the gzip variant's tag still matches.
    const cond = await raw(server.url, FEED, {
      headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': gz.headers.etag as string },
    });
    expect(cond.status).toBe(304);
  });

  it('parses Accept-Encoding q-values', () => {
    expect(negotiateEncoding(undefined)).toBe('identity');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.5, gzip')).toBe('gzip');
    expect(negotiateEncoding('br, gzip')).toBe('br');
    expect(negotiateEncoding('gzip;q=0, br;q=0')).toBe('identity');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('identity')).toBe('identity');
  });

  it('compares validators weakly', () => {
    const rep = { tag: 'abc', lastModifiedMs: Date.parse('Tue, 11 Jul 2023 10:00:00 GMT') };
    expect(isNotModified({ 'if-none-match': '"abc"' }, rep)).toBe(true);
    expect(isNotModified({ 'if-none-match': 'W/"abc-gzip"' }, rep)).toBe(true);
    expect(isNotModified({ 'if-none-match': '*' }, rep)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"abd"' }, rep)).toBe(false);
    expect(isNotModified({ 'if-modified-since': 'Tue, 11 Jul 2023 10:00:00 GMT' }, rep)).toBe(true);
    expect(isNotModified({ 'if-modified-since': 'Tue, 11 Jul 2023 09:59:59 GMT' }, rep)).toBe(
      false,
    );
    expect(isNotModified({ 'if-modified-since': 'garbage' }, rep)).toBe(false);
  });

  it('takes If-Modified-Since only as an HTTP-date, in any of its three forms', () => {
    const rep = { tag: 'abc', lastModifiedMs: Date.parse('Tue, 11 Jul 2023 10:00:00 GMT') };
    const since = (value: string) => isNotModified({ 'if-modified-since': value }, rep);
    expect(since('Tuesday, 11-Jul-23 10:00:00 GMT')).toBe(true);
    expect(since('Tue Jul 11 10:00:00 2023')).toBe(true);
    expect(since('Tue Jul  1 10:00:00 2023')).toBe(false);
    // Strings Date.parse reads as a later date, which are no HTTP-date.
    for (const value of [
      '99999',
      '2099',
      '2099-01-01T00:00:00Z',
      'Dec 31 2099',
      'Fri, 1 Jan 2100',
    ]) {
      expect(since(value), value).toBe(false);
    }
  });

  it('sends CORS headers on feeds and answers preflights', async () => {
    const res = await fetch(feedUrl, { headers: { Origin: 'https://news.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBe(
      'ETag, Last-Modified, Retry-After, Cache-Control, Date',
    );
    await res.arrayBuffer();
    const pre = await fetch(feedUrl, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://news.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toContain('GET');
    expect(pre.headers.get('access-control-allow-headers')).toContain('if-none-match');
  });

  it('answers HEAD on a feed with headers only', async () => {
    const res = await raw(server.url, FEED, {
      method: 'HEAD',
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBeTruthy();
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.length).toBe(0);
  });

  it('honours headMaxAge', async () => {
    const other = await start(ws, { headMaxAge: 15 });
    try {
      const res = await raw(other.url, FEED);
      expect(res.headers['cache-control']).toBe('public, max-age=15');
    } finally {
      await other.close();
    }
  });
});

describe('static mode', () => {
  let ws: Workspace;
  let server: RunningServer;
  beforeAll(async () => {
    ws = makeWorkspace();
    server = await start(ws, { mode: 'static' });
  });
  afterAll(async () => {
    await server.close();
    ws.cleanup();
  });

  it('serves feeds from dist as-is with feed headers', async () => {
    const res = await raw(server.url, FEED, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-encoding']).toBe('gzip');
    const doc = JSON.parse(gunzipSync(res.body).toString()) as Feed;
    expect(doc.items.length).toBe(8);
    expect(server.replay).toBeNull();
    const cond = await raw(server.url, FEED, {
      headers: { 'If-None-Match': res.headers.etag as string },
    });
    expect(cond.status).toBe(304);
  });

  it('serves pages on disk as immutable and fixtures under /fixtures/, even broken ones', async () => {
    const page = await raw(server.url, '/feeds/other/page-1.json');
    expect(page.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const fixture = await raw(server.url, '/fixtures/bad.json');
    expect(fixture.status).toBe(200);
    expect(fixture.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    expect(fixture.body.toString()).toContain('"items": [');
    const nested = await raw(server.url, '/fixtures/nested/page-2.json');
    expect(nested.status).toBe(200);
    expect(nested.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await raw(server.url, '/fixtures/missing.json')).status).toBe(404);
  });
});
