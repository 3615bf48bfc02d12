// @vitest-environment node
import { constants, brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createFeedLoader,
  loadLiveBlogFeed,
  type FeedLoader,
  type FeedLoaderOptions,
} from '../../src/entries/server/load-live-blog-feed';
import {
  clearLog,
  failure,
  feedText,
  makeFeedFiles,
  originOf,
  requestLog,
  startFeedServer,
  startTinyServer,
  type FeedFiles,
} from './feed-loader-helpers';
import { admin, raw, type RunningServer } from './helpers';

let files: FeedFiles;
let server: RunningServer;
let origin: string;
const at = (name: string) => `${server.url}fixtures/${name}`;
/** The loader may reach the test server on 127.0.0.1, and nothing else. */
const local = () => ({ allowedOrigins: [origin], allowPrivateAddresses: [origin] });

beforeAll(async () => {
  files = makeFeedFiles();
  server = await startFeedServer(files);
  origin = originOf(server.url);
});
afterAll(async () => {
  await server.close();
  files.cleanup();
});
beforeEach(() => clearLog(server));

describe('loadLiveBlogFeed', () => {
  it('gives the document as the file holds it, with the validators the server sent', async () => {
    const snapshot = await loadLiveBlogFeed(at('live.json'), local());
    expect(snapshot.text).toBe(files.files['live.json']);
    expect(snapshot.url).toBe(at('live.json'));
    expect(snapshot.maxAgeSeconds).toBe(0); // Cache-Control: no-cache
    // It asked for compression, got it, and decompressed it.
    const [entry] = await requestLog(server);
    expect(entry).toMatchObject({ status: 200, encoding: 'br', ifNoneMatch: false });
    const direct = await raw(server.url, '/fixtures/live.json', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(snapshot.etag).toBe(direct.headers.etag);
    expect(snapshot.lastModified).toBe(direct.headers['last-modified']);
    expect(snapshot.etag).toMatch(/^".+"$/);
  });

  it('decodes each content coding it asks for, and a chain of them', async () => {
    const text = feedText('Kodavimas');
    const body = Buffer.from(text);
    const codings: Record<string, Buffer> = {
      identity: body,
      gzip: gzipSync(body),
      deflate: deflateSync(body),
      br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }),
      'gzip, br': brotliCompressSync(gzipSync(body)),
    };
    const tiny = await startTinyServer((req, res) => {
      const coding = decodeURIComponent(req.url?.slice(1) ?? '');
      res.writeHead(200, {
        'Content-Type': 'application/feed+json',
        'Content-Encoding': coding,
        'Cache-Control': 'max-age=7',
        Age: '2',
      });
      res.end(codings[coding]);
    });
    try {
      for (const coding of Object.keys(codings)) {
        const snapshot = await loadLiveBlogFeed(`${tiny.origin}/${encodeURIComponent(coding)}`, {
          allowedOrigins: [tiny.origin],
          allowPrivateAddresses: true,
        });
        expect(snapshot.text, coding).toBe(text);
        expect(snapshot.maxAgeSeconds).toBe(5); // max-age less Age
        expect(snapshot.etag).toBeNull();
      }
    } finally {
      await tiny.close();
    }
  });

  it('fails with network when nothing listens', async () => {
    const gone = await startTinyServer(() => {});
    await gone.close();
    const error = await failure(
      loadLiveBlogFeed(`${gone.origin}/feed.json`, {
        allowedOrigins: [gone.origin],
        allowPrivateAddresses: true,
      }),
    );
    expect(error.reason).toBe('network');
    expect(error.cause).toMatchObject({ code: 'ECONNREFUSED' });
  });
});

describe('createFeedLoader', () => {
  let clock = 1_700_000_000_000;
  let loader: FeedLoader;
  // Those this test made: not every test makes one.
  const made: FeedLoader[] = [];
  const make = (options: Partial<FeedLoaderOptions> = {}) => {
    loader = createFeedLoader({ ...local(), now: () => clock, ...options });
    made.push(loader);
    return loader;
  };
  afterEach(() => {
    for (const each of made.splice(0)) each.close();
  });

  it('shares one request among concurrent loads and revalidates once it is stale', async () => {
    make({ minFreshMs: 1000 });
    const first = await Promise.all(Array.from({ length: 20 }, () => loader.load(at('live.json'))));
    expect(await requestLog(server)).toHaveLength(1);
    expect(new Set(first.map((s) => s.text))).toEqual(new Set([files.files['live.json']]));

    clock += 999; // still fresh: no-cache means the floor, 1000 ms
    const second = await Promise.all(
      Array.from({ length: 20 }, () => loader.load(at('live.json'))),
    );
    expect(await requestLog(server)).toHaveLength(1);
    expect(second[0]).toBe(first[0]);

    clock += 1;
    const third = await Promise.all(Array.from({ length: 20 }, () => loader.load(at('live.json'))));
    const log = await requestLog(server);
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({ status: 304, ifNoneMatch: true, ifModifiedSince: true });
    expect(third[0]).toEqual({ ...first[0], fetchedAt: clock });
    expect(third[0]!.fetchedAt).toBeGreaterThan(first[0]!.fetchedAt);
  });

  it('keeps a result for its max-age, clamped to [minFreshMs, maxFreshMs]', async () => {
    const tiny = await startTinyServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'max-age=5' });
      res.end(feedText('Max age'));
    });
    try {
      make({ allowedOrigins: [origin, tiny.origin], allowPrivateAddresses: true });
      const start = clock;
      await loader.load(`${tiny.origin}/feed.json`);
      clock = start + 4999;
      await loader.load(`${tiny.origin}/feed.json`);
      expect(tiny.hits).toHaveLength(1);
      clock = start + 5000;
      await loader.load(`${tiny.origin}/feed.json`);
      expect(tiny.hits).toHaveLength(2);
    } finally {
      await tiny.close();
    }

    // A page is cached for a year (max-age=31536000); the loader looks again after maxFreshMs.
    make({ maxFreshMs: 10_000 });
    const start = clock;
    await loader.load(at('paged/page-1.json'));
    clock = start + 9999;
    await loader.load(at('paged/page-1.json'));
    expect(await requestLog(server)).toHaveLength(1);
    clock = start + 10_000;
    await loader.load(at('paged/page-1.json'));
    expect(await requestLog(server)).toHaveLength(2);
  });

  it('keeps a failure for the floor interval, then revalidates the last good document', async () => {
    make({ minFreshMs: 1000 });
    const good = await loader.load(at('live.json'));
    clock += 1000;
    await admin(server, 'POST', 'fault', { kind: '503', times: 1, retryAfter: 7 });
    const failed = await Promise.all(
      Array.from({ length: 10 }, () => failure(loader.load(at('live.json')))),
    );
    for (const error of failed) {
      expect(error).toMatchObject({ reason: 'http', status: 503, retryAfterSeconds: 7 });
    }
    clock += 999;
    expect(await failure(loader.load(at('live.json')))).toBe(failed[0]);
    expect(await requestLog(server)).toHaveLength(2); // the good one and the 503

    clock += 1;
    const again = await loader.load(at('live.json'));
    expect(again.text).toBe(good.text);
    const log = await requestLog(server);
    expect(log).toHaveLength(3);
    expect(log[2]).toMatchObject({ status: 304, ifNoneMatch: true });
  });

  it('forgets the least recently used feed beyond maxEntries', async () => {
    make({ maxEntries: 2 });
    await loader.load(at('live.json'));
    await loader.load(at('other.json'));
    await loader.load(at('live.json')); // live.json is now the most recent
    await loader.load(at('third.json')); // other.json goes
    expect(await requestLog(server)).toHaveLength(3);
    await loader.load(at('live.json'));
    await loader.load(at('third.json'));
    expect(await requestLog(server)).toHaveLength(3);
    await loader.load(at('other.json'));
    const log = await requestLog(server);
    expect(log.map((e) => e.path)).toEqual([
      '/fixtures/live.json',
      '/fixtures/other.json',
      '/fixtures/third.json',
      '/fixtures/other.json',
    ]);
    // Forgotten, so asked for afresh: no validator to send.
    expect(log[3]).toMatchObject({ status: 200, ifNoneMatch: false });
  });

  it('forgets the least recently used feeds beyond maxCacheBytes of documents', async () => {
    // An origin that answers any query string with its feed: each URL a copy, unless bounded.
    const size = (name: string) => Buffer.byteLength(files.files[name]!);
    const sizes = ['live.json', 'other.json', 'third.json'].map(size);
    make({ maxBytes: Math.max(...sizes), maxCacheBytes: size('live.json') + size('other.json') });
    await loader.load(at('live.json'));
    await loader.load(at('other.json'));
    await loader.load(at('third.json')); // live.json goes: the three do not fit
    await loader.load(at('other.json'));
    await loader.load(at('third.json'));
    expect(await requestLog(server)).toHaveLength(3);
    await loader.load(at('live.json'));
    const log = await requestLog(server);
    expect(log.map((e) => e.path)).toEqual([
      '/fixtures/live.json',
      '/fixtures/other.json',
      '/fixtures/third.json',
      '/fixtures/live.json',
    ]);
    // Forgotten, so asked for afresh: no validator to send.
    expect(log[3]).toMatchObject({ status: 200, ifNoneMatch: false });
  });

  it('checks its options', () => {
    expect(() => createFeedLoader({ allowedOrigins: ['feeds.example.com'] })).toThrow(TypeError);
    expect(() =>
      createFeedLoader({ allowedOrigins: [], minFreshMs: 5000, maxFreshMs: 1000 }),
    ).toThrow(TypeError);
    expect(() => createFeedLoader({ allowedOrigins: [], timeoutMs: 0 })).toThrow(TypeError);
    // No room for one document: the largest would be asked for on every load.
    expect(() =>
      createFeedLoader({ allowedOrigins: [], maxBytes: 1000, maxCacheBytes: 999 }),
    ).toThrow(TypeError);
    // A path would look like a restriction to that path, and not be one.
    expect(() => createFeedLoader({ allowedOrigins: ['https://example.com/feeds/'] })).toThrow(
      /not an http\(s\) origin/,
    );
    // From plain JavaScript, without the list.
    const untyped = createFeedLoader as (options: object) => FeedLoader;
    expect(() => untyped({})).toThrow(/allowedOrigins is required/);
  });

  it('hands every page the same snapshot, frozen, whatever the fragment', async () => {
    make();
    const [a, b] = await Promise.all([
      loader.load(at('live.json#top')),
      loader.load(at('live.json#item-3')),
    ]);
    expect(await requestLog(server)).toHaveLength(1);
    expect(a).toBe(b);
    expect(a.url).toBe(at('live.json'));
    expect(Object.isFrozen(a)).toBe(true);
  });
});
