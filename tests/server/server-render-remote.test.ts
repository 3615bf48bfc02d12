// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageRenderer } from '../../server/server-render.mjs';
import type { FeedSnapshot } from '../../src/entries/server/load-live-blog-feed';

// A stand-in for dist-ssr/render-page.js whose feed loader is the test's: it renders the feed
// text and its time, and counts renders.
const FAKE_RENDERER = `
globalThis.__renders = 0;
async function renderPage(input) {
  globalThis.__renders++;
  const feedUrl = new URL(input.pageUrl).searchParams.get('feed');
  const doc = await input.load(feedUrl, 'head');
  if (!doc) return undefined;
  return { root: '<p>' + doc.text + ' at ' + doc.fetchedAt + '</p>', head: '', title: 'Live', validator: doc.validator };
}
export const renderStandalonePage = renderPage;
export const renderFramePage = renderPage;
export const renderedHtmlStyles = 'p{}';
export function createFeedLoader() {
  return { load: (url) => globalThis.__remoteLoad(url), close() {} };
}
`;

const TEMPLATE =
  '<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body><div id="root"></div></body></html>';
const ORIGIN = 'https://feeds.example';
const PAGE = `http://127.0.0.1/?feed=${encodeURIComponent(`${ORIGIN}/live.json`)}`;
const WAIT_MS = 2000;

declare global {
  var __renders: number;
  var __remoteLoad: (url: string) => Promise<FeedSnapshot>;
}

describe('server rendering of a feed from another origin', () => {
  let dir: string;
  let renderer: ReturnType<typeof createPageRenderer>;

  beforeEach(async () => {
    vi.useFakeTimers({ now: Date.parse('2026-05-01T12:00:00Z') });
    dir = mkdtempSync(path.join(os.tmpdir(), 'render-remote-'));
    const module = path.join(dir, 'render-page.mjs');
    writeFileSync(module, FAKE_RENDERER);
    renderer = createPageRenderer({ module, feedOrigins: [ORIGIN], feedWaitMs: WAIT_MS });
    // The renderer's module loaded (real I/O) before the fake clock is moved.
    await renderer.stylesheet('/assets/rendered-any.css');
  });
  afterEach(() => {
    renderer.close();
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  const request = (pageUrl = PAGE) =>
    renderer.render({
      page: 'standalone',
      pageUrl,
      template: TEMPLATE,
      feedOrigins: [ORIGIN],
      acceptLanguage: 'en',
      load: () => Promise.resolve(undefined),
    });

  /** The loader's answer as it is at this moment: received now, fresh for `maxAgeSeconds`. */
  const received = (
    text: string,
    etag: string | null,
    maxAgeSeconds = 30,
    url = `${ORIGIN}/live.json`,
  ): FeedSnapshot => ({
    url,
    text,
    etag,
    lastModified: null,
    fetchedAt: Date.now(),
    maxAgeSeconds,
  });

  it("sends the page as built when the feed's origin is slow, and rendered once it answered", async () => {
    let answer!: (s: FeedSnapshot) => void;
    const slow = new Promise<FeedSnapshot>((resolve) => (answer = resolve));
    globalThis.__remoteLoad = () => slow;
    let sent: Awaited<ReturnType<typeof request>> | 'waiting' = 'waiting';
    void request().then((page) => (sent = page));
    await vi.advanceTimersByTimeAsync(WAIT_MS);
    // The reader has the page as built, for the browser to load the feed itself.
    expect(sent).toBeNull();

    answer(received('slow feed', '"v1"'));
    const next = await request();
    expect(next?.rep.body.toString()).toContain('<p>slow feed');
  });

  it("gives the page what is left of its feed copy's freshness, not the whole max-age", async () => {
    const copy = received('feed', '"v1"', 30);
    globalThis.__remoteLoad = () => Promise.resolve(copy);
    expect((await request())?.maxAgeSeconds).toBe(30);
    // The loader hands out the same copy while it is fresh.
    await vi.advanceTimersByTimeAsync(20_000);
    expect((await request())?.maxAgeSeconds).toBe(10);
  });

  it("keeps a page no longer than the server keeps the feed, whatever the feed's max-age", async () => {
    // A CDN's year-long default for JSON: the server asks again within a minute, and a CDN in
    // front must not keep the live page, and the app it loads, for a year.
    globalThis.__remoteLoad = () => Promise.resolve(received('feed', '"v1"', 31_536_000));
    expect((await request())?.maxAgeSeconds).toBe(60);
  });

  it('keeps the page and its ETag when the feed, without Last-Modified, is confirmed unchanged', async () => {
    globalThis.__remoteLoad = () => Promise.resolve(received('feed', '"v1"', 5));
    const first = await request();
    // Past its max-age the loader revalidates: a 304 confirms the same version, later.
    await vi.advanceTimersByTimeAsync(6_000);
    const again = await request();
    expect(globalThis.__renders).toBe(1);
    expect(again?.rep).toBe(first?.rep);
    expect(again?.maxAgeSeconds).toBe(5);

    // A new version is a new page, dated when it was read.
    globalThis.__remoteLoad = () => Promise.resolve(received('newer', '"v2"', 5));
    const newer = await request();
    expect(newer?.rep.body.toString()).toContain(`<p>newer at ${Date.now()}</p>`);
  });

  it('leaves a feed that was redirected to the browser, which resolves its links where it ends up', async () => {
    globalThis.__remoteLoad = () =>
      Promise.resolve(received('moved', '"v1"', 30, `${ORIGIN}/2026/live.json`));
    expect(await request()).toBeNull();
  });

  it('keeps the page of a feed sent without validators while its text is the same', async () => {
    globalThis.__remoteLoad = () => Promise.resolve(received('no validator', null, 1));
    const first = await request();
    await vi.advanceTimersByTimeAsync(2_000);
    const again = await request();
    expect(globalThis.__renders).toBe(1);
    expect(again?.rep).toBe(first?.rep);

    globalThis.__remoteLoad = () => Promise.resolve(received('changed', null, 1));
    expect((await request())?.rep.body.toString()).toContain('<p>changed');
    expect(globalThis.__renders).toBe(2);
  });
});
