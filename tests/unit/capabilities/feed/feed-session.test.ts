import { offerEarlyFeedRequest } from '../../../../src/capabilities/feed/early-feed-request';
import { readFeedEarly } from '../../../../src/capabilities/feed/read-feed-early';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sortedItems, type FeedStore } from '../../../../src/core/feed/feed-store';
import { type FeedSession } from '../../../../src/capabilities/feed/feed-session';
import { feedQueryKey, getFeedSession } from '../../../../src/capabilities/feed/feed-sessions';
import { FeedFetchError } from '../../../../src/capabilities/feed/fetch-feed-document';
import { tombstoneWire, wireFeed, wireItem } from '../../../support/feed-builders';
import { serve } from '../../../support/fake-feed-server';
import { endSession, signal, startSession } from '../../../support/feed-session-harness';

const HEAD = 'https://feeds.example/live/head.json';
const NOW = 1_000_000;

let client: QueryClient;
let session: FeedSession;
const ids = () => sortedItems(session.store).map((i) => i.id);

beforeEach(() => ({ client, session } = startSession(HEAD)));
afterEach(() => endSession(client));

describe('poll', () => {
  it('merges the head, remembers its ETag, and an unchanged head keeps the same store', async () => {
    const fetchMock = serve({ [HEAD]: { body: wireFeed([wireItem('a', 0)]), etag: '"1"' } });
    const first = await session.poll(signal(), () => NOW);
    expect(ids()).toEqual(['a']);
    expect(session.validator).toBe('"1"');
    expect(first.changedAt).toBe(NOW);
    const second = await session.poll(signal(), () => NOW + 1);
    expect(second).toBe(first);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('fails a 304 to a reader who holds nothing, and loads the next full answer', async () => {
    // The browser turns 304s to its own revalidations into the stored 200: this one is the
    // server's mistake, and nothing is there to keep.
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(null, { status: 304 })));
    const failure = session.poll(signal(), () => NOW);
    await expect(failure).rejects.toMatchObject({ kind: 'http', status: 304 });
    expect(session.failures).toBe(1);
    expect(session.getSnapshot()).toBeUndefined();
    serve({ [HEAD]: { body: wireFeed([wireItem('a', 0)]), etag: '"1"' } });
    await session.poll(signal(), () => NOW);
    expect(ids()).toEqual(['a']);
    expect(session.failures).toBe(0);
  });

  it('counts failures, says when it will retry, and keeps the last good store', async () => {
    serve({ [HEAD]: { body: wireFeed([wireItem('a', 0)]), etag: '"1"' } });
    const good = await session.poll(signal(), () => NOW);
    serve({ [HEAD]: { body: 'busy', status: 503 } });
    await expect(session.poll(signal(), () => NOW)).rejects.toBeInstanceOf(FeedFetchError);
    expect(session.failures).toBe(1);
    expect(session.lastError?.kind).toBe('busy');
    expect(session.nextAttemptAt).toBe(NOW + session.nextDelay(false)!);
    expect(session.store).toBe(good);
    await expect(session.poll(signal(), () => NOW)).rejects.toBeInstanceOf(FeedFetchError);
    expect(session.failures).toBe(2);
    // Recovery clears the streak.
    serve({ [HEAD]: { body: wireFeed([wireItem('a', 0), wireItem('b', 1)]), etag: '"2"' } });
    await session.poll(signal(), () => NOW);
    expect(session.failures).toBe(0);
    expect(session.lastError).toBeUndefined();
    expect(ids()).toEqual(['b', 'a']);
  });

  it('back online after a long tunnel, a failed poll waits the first back-off, not the longest', async () => {
    serve({ [HEAD]: { body: wireFeed([wireItem('a', 0)]), etag: '"1"' } });
    await session.poll(signal(), () => NOW);
    // Half an hour offline: every poll fails at once, and the waits between them grow.
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    for (let i = 0; i < 8; i += 1) {
      await expect(session.poll(signal(), () => NOW)).rejects.toMatchObject({ offline: true });
    }
    expect(session.nextAttemptAt! - NOW).toBeGreaterThan(250_000);
    // The connection comes back, weak: the first poll is lost as well. The server was never
    // asked during the tunnel, so nothing says it needs minutes of rest.
    onLine.mockReturnValue(true);
    await expect(session.poll(signal(), () => NOW)).rejects.toMatchObject({ offline: false });
    expect(session.failures).toBe(1);
    expect(session.nextAttemptAt! - NOW).toBeLessThanOrEqual(11_000);
    // A second failure online doubles it, as for any failure.
    await expect(session.poll(signal(), () => NOW)).rejects.toBeInstanceOf(FeedFetchError);
    expect(session.failures).toBe(2);
    onLine.mockRestore();
  });

  it('a document that is not a feed is an "invalid" failure and loses nothing', async () => {
    serve({ [HEAD]: { body: wireFeed([wireItem('a', 0)]), etag: '"1"' } });
    await session.poll(signal(), () => NOW);
    serve({ [HEAD]: { body: { hello: 'world' }, etag: '"2"' } });
    const error = await session.poll(signal(), () => NOW).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid' });
    expect((error as Error).message).toMatch(/not a JSON Feed/);
    expect(ids()).toEqual(['a']);
    // The bad document's ETag is not remembered: the next good one with any ETag is read.
    expect(session.validator).toBe('"1"');
  });

  it('after a gap (reader offline), follows next_url until it reaches held items', async () => {
    const p2 = 'https://feeds.example/live/page-2.json';
    const p1 = 'https://feeds.example/live/page-1.json';
    serve({
      [HEAD]: { body: wireFeed([wireItem('b', 1), wireItem('a', 0)], { next_url: p1 }), etag: '1' },
    });
    await session.poll(signal(), () => NOW);
    const fetchMock = serve({
      [HEAD]: {
        body: wireFeed([wireItem('f', 5), wireItem('e', 4)], { next_url: 'page-2.json' }),
        etag: '2',
      },
      [p2]: { body: wireFeed([wireItem('d', 3), wireItem('c', 2)], { next_url: 'page-1.json' }) },
      [p1]: { body: wireFeed([wireItem('b', 1), wireItem('a', 0)]) },
    });
    await session.poll(signal(), () => NOW);
    expect(ids()).toEqual(['f', 'e', 'd', 'c', 'b', 'a']);
    // Head, then page 2, then page 1 which overlaps: no further.
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([HEAD, p2, p1]);
    // The reader's "older" cursor starts from the head's next_url, moved past the pages the walk
    // fetched (none is requested twice): page 2 and page 1, the first page, are in already.
    expect(session.store.olderUrl).toBeUndefined();
    expect(session.store.olderBroken).toBe(false);
    expect(session.store.pagesLoaded).toBe(0);
  });

  it('tombstones in a later head remove held items', async () => {
    serve({ [HEAD]: { body: wireFeed([wireItem('a', 0), wireItem('b', 1)]), etag: '1' } });
    await session.poll(signal(), () => NOW);
    serve({ [HEAD]: { body: wireFeed([wireItem('b', 1), tombstoneWire('a', 2)]), etag: '2' } });
    await session.poll(signal(), () => NOW);
    expect(ids()).toEqual(['b']);
  });
});

describe('nextDelay', () => {
  it('stops polling when polling is off or the feed has ended', async () => {
    serve({ [HEAD]: { body: wireFeed([wireItem('a', 0)], { expired: true }), etag: '1' } });
    expect(session.nextDelay(false)).not.toBeNull();
    const stopWatching = session.watch(false);
    expect(session.nextDelay(false)).toBeNull();
    stopWatching();
    await session.poll(signal(), () => NOW);
    expect(session.nextDelay(false)).toBeNull();
  });

  it('polls while any widget showing the feed wants live updates, whatever order they mount in', () => {
    const still = session.watch(false);
    const live = session.watch(true);
    const stillToo = session.watch(false);
    expect(session.nextDelay(false)).not.toBeNull();
    live();
    expect(session.nextDelay(false)).toBeNull();
    still();
    stillToo();
    // Nobody has said: a request started before any widget rendered keeps its rhythm.
    expect(session.nextDelay(false)).not.toBeNull();
  });

  it('follows the feed’s poll_seconds', async () => {
    serve({
      [HEAD]: { body: wireFeed([wireItem('a', 0)], { _liveblog: { poll_seconds: 60 } }) },
    });
    await session.poll(signal(), () => NOW);
    const delay = session.nextDelay(false)!;
    expect(delay).toBeGreaterThanOrEqual(54_000);
    expect(delay).toBeLessThanOrEqual(66_000);
  });
});

describe('loadOlder', () => {
  it('merges the older page, moves the cursor, and shares one request between callers', async () => {
    const p1 = 'https://feeds.example/live/page-1.json';
    serve({ [HEAD]: { body: wireFeed([wireItem('b', 1)], { next_url: p1 }), etag: '1' } });
    await session.poll(signal(), () => NOW);
    const fetchMock = serve({ [p1]: { body: wireFeed([wireItem('a', 0)]) } });
    await Promise.all([session.loadOlder(() => NOW), session.loadOlder(() => NOW)]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(ids()).toEqual(['b', 'a']);
    expect(session.store.olderUrl).toBeUndefined();
    expect(client.getQueryData(feedQueryKey(HEAD))).toBe(session.store);
    // Nothing older: no request.
    await session.loadOlder(() => NOW);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('a subscriber that asks for the next page on each change walks the whole chain', async () => {
    const p2 = 'https://feeds.example/live/page-2.json';
    const p1 = 'https://feeds.example/live/page-1.json';
    const fetchMock = serve({
      [HEAD]: { body: wireFeed([wireItem('c', 2)], { next_url: p2 }) },
      [p2]: { body: wireFeed([wireItem('b', 1)], { next_url: p1 }) },
      [p1]: { body: wireFeed([wireItem('a', 0)]) },
    });
    await session.poll(signal(), () => NOW);
    const walking: Promise<void>[] = [];
    session.subscribe(() => {
      if (session.store.olderUrl !== undefined) walking.push(session.loadOlder(() => NOW));
    });
    await session.loadOlder(() => NOW);
    while (walking.length > 0) await walking.shift();
    expect(ids()).toEqual(['c', 'b', 'a']);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('one session per feed URL and client', () => {
    expect(getFeedSession(client, HEAD)).toBe(session);
    expect(getFeedSession(client, `${HEAD}?other`)).not.toBe(session);
    expect(getFeedSession(new QueryClient(), HEAD)).not.toBe(session);
  });
});

describe('a large first document', () => {
  // Past the number of updates from which the first screen is shown first (first-screen.ts).
  const body = 'Reporting from the summit. '.repeat(20);
  const big = (n: number) =>
    wireFeed(
      Array.from({ length: n }, (_, i) =>
        // Newest first; the oldest is pinned, so it sits at the very end of the document.
        wireItem(`u${i}`, n - i, {
          content_text: body,
          ...(i === n - 1 ? { _liveblog: { pinned: true } } : {}),
        }),
      ),
    );
  /** Calls `show` with each store published before the whole document is in. */
  const onFirstScreen = (show: (store: FeedStore) => void) =>
    session.subscribe(() => {
      if (session.store.complete === false) show(session.store);
    });

  it('is shown from a preview first, then whole, keeping the preview items as they were', async () => {
    serve({ [HEAD]: { body: big(2_000), etag: '"v1"' } });
    const previews: { size: number; previewing: boolean; pinned: boolean }[] = [];
    let shown: ReturnType<typeof sortedItems> = [];
    onFirstScreen((preview) => {
      shown = sortedItems(preview);
      previews.push({
        size: preview.items.size,
        previewing: session.store.complete === false,
        pinned: preview.items.get('u1999')?.pinned === true,
      });
    });
    const store = await session.poll(signal(), () => NOW);
    expect(previews).toEqual([{ size: 61, previewing: true, pinned: true }]);
    expect(session.store.complete).toBe(true);
    expect(store.items.size).toBe(2_000);
    expect(session.validator).toBe('"v1"');
    // The same objects: React does not re-render what the reader already sees.
    for (const item of shown) expect(store.items.get(item.id)).toBe(item);
  });

  it('a small document, or a later poll, goes straight to the whole document', async () => {
    serve({ [HEAD]: { body: big(100) } });
    const show = vi.fn();
    onFirstScreen(show);
    await session.poll(signal(), () => NOW);
    expect(show).not.toHaveBeenCalled();
    serve({ [HEAD]: { body: big(2_000) } });
    await session.poll(signal(), () => NOW);
    expect(show).not.toHaveBeenCalled();
    expect(session.store.items.size).toBe(2_000);
  });

  it("from the page's early script: its document too shows its first screen first", async () => {
    const fetchMock = serve({ [HEAD]: { body: big(2_000), etag: '"v1"' } });
    const controller = new AbortController();
    offerEarlyFeedRequest({
      url: HEAD,
      reply: readFeedEarly(HEAD, controller.signal),
      abort: () => controller.abort(),
    });
    const sizes: number[] = [];
    onFirstScreen((preview) => {
      sizes.push(preview.items.size);
      expect(preview.items.get('u1999')?.pinned).toBe(true);
    });
    const store = await session.poll(signal(), () => NOW);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(sizes).toEqual([61]);
    expect(store.items.size).toBe(2_000);
    expect(session.validator).toBe('"v1"');
  });
});

describe('prepare: the code items need before they are shown', () => {
  it('holds a document back until its code is in, and older pages too', async () => {
    const older = 'https://feeds.example/live/page-1.json';
    serve({
      [HEAD]: { body: wireFeed([wireItem('b', 1)], { next_url: 'page-1.json' }), etag: '"1"' },
      [older]: { body: wireFeed([wireItem('a', 0)]) },
    });
    const asked: string[][] = [];
    let release = () => {};
    const prepare = vi.fn((items: readonly { id: string }[]) => {
      asked.push(items.map((i) => i.id));
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    const prepared = getFeedSession(new QueryClient(), HEAD, prepare);
    const shown = vi.fn();
    prepared.subscribe(shown);

    const polled = prepared.poll(signal(), () => NOW);
    await vi.waitFor(() => expect(asked).toEqual([['b']]));
    expect(shown).not.toHaveBeenCalled();
    expect(prepared.getSnapshot()).toBeUndefined();
    release();
    await polled;
    expect(sortedItems(prepared.store).map((i) => i.id)).toEqual(['b']);

    const loading = prepared.loadOlder(() => NOW);
    await vi.waitFor(() => expect(asked).toEqual([['b'], ['a']]));
    expect(sortedItems(prepared.store).map((i) => i.id)).toEqual(['b']);
    release();
    await loading;
    expect(sortedItems(prepared.store).map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('shows at once what needs nothing (prepare answers undefined)', async () => {
    serve({ [HEAD]: { body: wireFeed([wireItem('a', 0)]), etag: '"1"' } });
    const prepared = getFeedSession(new QueryClient(), HEAD, () => undefined);
    await prepared.poll(signal(), () => NOW);
    expect(sortedItems(prepared.store).map((i) => i.id)).toEqual(['a']);
  });
});
