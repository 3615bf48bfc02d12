// @vitest-environment node
// The replay server's renders of feeds from another origin, through the real feed loader, whose
// maxLoads bounds the loads under way: a slow origin and a burst of feed addresses get no pile of
// loads, and the pages past the limit go out as built at once.
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageRenderer } from '../../server/server-render.mjs';
import {
  createFeedLoader,
  type FeedLoaderOptions,
} from '../../src/entries/server/load-live-blog-feed';
import { startTinyServer, type TinyServer } from './feed-loader-helpers';

// A stand-in for dist-ssr/render-page.js: it renders the feed text, with the real loader.
const FAKE_RENDERER = `
async function renderPage(input) {
  const feedUrl = new URL(input.pageUrl).searchParams.get('feed');
  const doc = await input.load(feedUrl, 'head');
  if (!doc) return undefined;
  return { root: '<p>' + doc.text + '</p>', head: '', title: 'Live', validator: doc.validator };
}
export const renderStandalonePage = renderPage;
export const renderFramePage = renderPage;
export const renderedHtmlStyles = 'p{}';
export const createFeedLoader = (options) => globalThis.__createFeedLoader(options);
`;

const TEMPLATE =
  '<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body><div id="root"></div></body></html>';
const WAIT_MS = 2000;

declare global {
  var __createFeedLoader: (options: FeedLoaderOptions) => ReturnType<typeof createFeedLoader>;
}

describe('server rendering under a slow origin and many feed addresses', () => {
  let dir: string;
  let origin: TinyServer;
  /** The requests the origin holds, unanswered, by path and query. */
  const held = new Map<string, ServerResponse>();
  const arrived = new EventTarget();
  let renderer: ReturnType<typeof createPageRenderer>;

  beforeEach(async () => {
    held.clear();
    origin = await startTinyServer((req, res) => {
      held.set(req.url ?? '', res);
      arrived.dispatchEvent(new Event('request'));
    });
    globalThis.__createFeedLoader = createFeedLoader;
    dir = mkdtempSync(path.join(os.tmpdir(), 'render-loads-'));
  });
  afterEach(async () => {
    renderer.close();
    vi.useRealTimers();
    await origin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(options: { maxFeedLoads?: number } = {}) {
    const module = path.join(dir, 'render-page.mjs');
    writeFileSync(module, FAKE_RENDERER);
    renderer = createPageRenderer({
      module,
      feedOrigins: [origin.origin],
      privateOrigins: [origin.origin],
      feedWaitMs: WAIT_MS,
      // Room for every render: the loads are what is limited here.
      maxRenders: 100,
      ...options,
    });
    // The renderer's module loaded (real I/O) before the clock is faked.
    await renderer.stylesheet('/assets/rendered-any.css');
    // Only timers: the loader's sockets run as they do.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  }

  /** Resolves once the origin has received `count` requests in all. */
  async function requests(count: number): Promise<string[]> {
    while (origin.hits.length < count) await once(arrived, 'request');
    return [...origin.hits];
  }

  const feed = (n: number) => `/live.json?n=${n}`;
  const request = (n: number) =>
    renderer.render({
      page: 'standalone',
      pageUrl: `http://127.0.0.1/?feed=${encodeURIComponent(origin.origin + feed(n))}`,
      template: TEMPLATE,
      feedOrigins: [origin.origin],
      acceptLanguage: 'en',
      load: () => Promise.resolve(undefined),
    });

  it('counts a load it gave up on until the load ends: a slow origin gets no pile of them', async () => {
    await start();
    // Every page names another feed (a query string of its own), and the origin answers none.
    const waiting = Array.from({ length: 8 }, (_, n) => request(n));
    expect(await requests(8)).toEqual(Array.from({ length: 8 }, (_, n) => feed(n)));
    // Past MAX_FEED_LOADS, a page goes out as built at once: no time passes here.
    for (let n = 8; n < 12; n++) expect(await request(n)).toBeNull();
    // The readers of the first eight have theirs as built after the wait; the loads go on.
    await vi.advanceTimersByTimeAsync(WAIT_MS);
    expect(await Promise.all(waiting)).toEqual(Array(8).fill(null));

    // One ends: its readers after have their page, and there is room for another feed.
    held.get(feed(0))!.writeHead(200, {
      'Content-Type': 'application/feed+json',
      'Cache-Control': 'max-age=30',
      ETag: '"v1"',
    });
    held.get(feed(0))!.end('first');
    expect((await request(0))?.rep.body.toString()).toContain('<p>first');
    void request(12);
    // The next request the origin sees is that feed's: none of the pages refused asked it.
    expect((await requests(9))[8]).toBe(feed(12));
    // A page whose feed is held fresh is rendered even while the loads are at their limit.
    expect((await request(0))?.rep.body.toString()).toContain('<p>first');
    expect(await request(13)).toBeNull();
  });

  it("passes the server's maxFeedLoads on to the loader", async () => {
    await start({ maxFeedLoads: 2 });
    const first = [request(0), request(1)];
    await requests(2);
    expect(await request(2)).toBeNull();
    // A failure ends a load too: its page goes out as built, and the next feed is asked for.
    held.get(feed(1))!.writeHead(404).end();
    expect(await first[1]).toBeNull();
    void request(3);
    expect(await requests(3)).toEqual([feed(0), feed(1), feed(3)]);
  });
});
