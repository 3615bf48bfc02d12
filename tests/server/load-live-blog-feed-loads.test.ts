// @vitest-environment node
// createFeedLoader's loads under way (maxLoads) against an origin that never answers: a burst of
// new feed URLs gets at most that many requests, each counted until it ends, and a typed
// refusal for the rest, at once.
import { once } from 'node:events';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFeedLoader,
  type FeedLoader,
  type FeedLoaderOptions,
} from '../../src/entries/server/load-live-blog-feed';
import { failure, startTinyServer, type TinyServer } from './feed-loader-helpers';

const TIMEOUT_MS = 10_000;
let silent: TinyServer;
/** Says when a request arrives: the test waits for that, not for time to pass. */
let arrived: EventTarget;

beforeAll(async () => {
  arrived = new EventTarget();
  // Reads each request and never answers it.
  silent = await startTinyServer(() => arrived.dispatchEvent(new Event('request')));
});
afterAll(() => silent.close());

/** Resolves once the origin has received `count` requests in all. */
async function requests(count: number): Promise<string[]> {
  while (silent.hits.length < count) await once(arrived, 'request');
  return [...silent.hits];
}

describe('createFeedLoader: loads under way', () => {
  let loader: FeedLoader;
  const feed = (name: string) => `${silent.origin}/${name}.json`;
  const make = (options: Partial<FeedLoaderOptions> = {}) => {
    loader = createFeedLoader({
      allowedOrigins: [silent.origin],
      allowPrivateAddresses: true,
      timeoutMs: TIMEOUT_MS,
      ...options,
    });
    return loader;
  };
  /** A load whose caller does not wait for it (a page that went out without the feed). */
  const abandon = (url: string) => void loader.load(url).catch(() => {});

  beforeEach(() => {
    // Only the loader's deadline is faked: sockets and the test's waits run as they do.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    silent.hits.length = 0;
  });
  afterEach(() => {
    loader.close();
    vi.useRealTimers();
  });

  it("refuses a new feed past maxLoads at once, with 'busy', and asks its origin nothing", async () => {
    make({ maxLoads: 2 });
    abandon(feed('a'));
    abandon(feed('b'));
    expect(await requests(2)).toEqual(['/a.json', '/b.json']);

    const refused = await failure(loader.load(feed('c')));
    expect(refused).toMatchObject({ reason: 'busy', url: feed('c') });
    // Loads of a URL under way share its request: they are not refused, and count once.
    const shared = failure(loader.load(feed('a')));

    // Both end at their deadline: then there is room, and the next feeds are asked for; the
    // refused one was not asked before.
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(await shared).toMatchObject({ reason: 'timeout' });
    abandon(feed('d'));
    expect(await requests(3)).toEqual(['/a.json', '/b.json', '/d.json']);
    // Nothing was kept for it either: asked for now, not failed again from memory.
    abandon(feed('c'));
    expect(await requests(4)).toEqual(['/a.json', '/b.json', '/d.json', '/c.json']);
  });

  it('counts a load nobody waits for until its timeout ends it', async () => {
    make({ maxLoads: 1 });
    abandon(feed('a'));
    await requests(1);
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 1);
    expect(await failure(loader.load(feed('b')))).toMatchObject({ reason: 'busy' });
    await vi.advanceTimersByTimeAsync(1);
    abandon(feed('b'));
    expect(await requests(2)).toEqual(['/a.json', '/b.json']);
  });

  it('allows 8 loads under way by default', async () => {
    make();
    for (let n = 0; n < 8; n++) abandon(feed(`f${n}`));
    await requests(8);
    expect(await failure(loader.load(feed('f8')))).toMatchObject({ reason: 'busy' });
  });

  it('checks maxLoads', () => {
    make();
    for (const maxLoads of [0, 1.5, Infinity, Number.NaN]) {
      expect(() => createFeedLoader({ allowedOrigins: [], maxLoads })).toThrow(
        /maxLoads must be a whole number/,
      );
    }
  });
});
