// What a feed's next_url chain can cost: each reader must stay a handful of requests, whatever
// shape a looping chain takes, and page requests never outrun the page budget.
import type { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_EMPTY_PAGES } from '../../../../src/core/feed/page-chain';
import { PAGE_REQUEST_POLICY } from '../../../../src/core/live/request-budget';
import { type FeedSession } from '../../../../src/capabilities/feed/feed-session';
import { wireFeed, wireItem } from '../../../support/feed-builders';
import { serve, type Route } from '../../../support/fake-feed-server';
import { endSession, signal, startSession } from '../../../support/feed-session-harness';

const HEAD = 'https://feeds.example/live/head.json';
const page = (name: string) => `https://feeds.example/live/${name}`;

let client: QueryClient;
let session: FeedSession;

beforeEach(() => ({ client, session } = startSession(HEAD)));
afterEach(() => endSession(client));

/** A reader's widget gone wild: asks for the next older page a hundred times over. */
async function loadOlderRepeatedly(times = 100) {
  for (let i = 0; i < times && session.store.olderUrl !== undefined; i++) {
    await session.loadOlder(Date.now);
  }
}

const requested = (fetchMock: ReturnType<typeof serve>) =>
  fetchMock.mock.calls.map(([url]) => String(url));

describe('a looping next_url costs each reader a handful of requests', () => {
  const shapes: Record<string, Record<string, Route>> = {
    'a page whose next_url is itself': {
      [HEAD]: { body: wireFeed([wireItem('h', 9)], { next_url: 'a.json' }) },
      [page('a.json')]: { body: wireFeed([wireItem('a', 5)], { next_url: 'a.json' }) },
    },
    'a page that points back at the head': {
      [HEAD]: { body: wireFeed([wireItem('h', 9)], { next_url: 'a.json' }) },
      [page('a.json')]: { body: wireFeed([wireItem('a', 5)], { next_url: 'head.json' }) },
    },
    'a cycle A → B → A': {
      [HEAD]: { body: wireFeed([wireItem('h', 9)], { next_url: 'a.json' }) },
      [page('a.json')]: { body: wireFeed([wireItem('a', 5)], { next_url: 'b.json' }) },
      [page('b.json')]: { body: wireFeed([wireItem('b', 4)], { next_url: 'a.json#top' }) },
    },
    'a cycle through spellings of one URL': {
      [HEAD]: { body: wireFeed([wireItem('h', 9)], { next_url: 'a.json' }) },
      [page('a.json')]: {
        body: wireFeed([wireItem('a', 5)], {
          next_url: 'HTTPS://FEEDS.EXAMPLE:443/live/./b/../a.json',
        }),
      },
    },
    'a head whose next_url is the head': {
      [HEAD]: { body: wireFeed([wireItem('h', 9)], { next_url: '#older' }) },
    },
    'a page that redirects to the head': {
      [HEAD]: { body: wireFeed([wireItem('h', 9)], { next_url: 'a.json' }) },
      [page('a.json')]: {
        body: wireFeed([wireItem('h', 9)], { next_url: 'a.json' }),
        redirectedTo: HEAD,
      },
    },
  };

  for (const [shape, routes] of Object.entries(shapes)) {
    it(shape, async () => {
      const fetchMock = serve(routes);
      await session.poll(signal(), Date.now);
      await loadOlderRepeatedly();
      const pages = requested(fetchMock).filter((url) => url !== HEAD);
      expect(pages.length).toBeLessThanOrEqual(2);
      expect(new Set(pages).size, 'no page is requested twice').toBe(pages.length);
      expect(session.store.olderUrl).toBeUndefined();
      expect(session.store.olderBroken).toBe(true);
    });
  }

  it('endless distinct URLs that repeat the same updates', async () => {
    const fetchMock = serve((url) => {
      if (url === HEAD) return { body: wireFeed([wireItem('h', 9)], { next_url: 'p?n=1' }) };
      const n = Number(new URL(url).searchParams.get('n'));
      return { body: wireFeed([wireItem('h', 9)], { next_url: `p?n=${n + 1}` }) };
    });
    await session.poll(signal(), Date.now);
    await loadOlderRepeatedly();
    expect(requested(fetchMock).length - 1).toBe(MAX_EMPTY_PAGES);
    expect(session.store.olderBroken).toBe(true);
  });

  it('a gap walk (the reader was away) does not go round a loop either', async () => {
    serve({ [HEAD]: { body: wireFeed([wireItem('a', 0)]), etag: '1' } });
    await session.poll(signal(), Date.now);
    // A new head that no longer reaches 'a', whose pages loop back on themselves.
    const fetchMock = serve({
      [HEAD]: { body: wireFeed([wireItem('f', 9)], { next_url: 'x.json' }), etag: '2' },
      [page('x.json')]: { body: wireFeed([wireItem('e', 8)], { next_url: 'y.json' }) },
      [page('y.json')]: { body: wireFeed([wireItem('d', 7)], { next_url: 'x.json' }) },
    });
    await session.poll(signal(), Date.now);
    expect(requested(fetchMock)).toEqual([HEAD, page('x.json'), page('y.json')]);
    // The next poll finds nothing new to walk; the reader's cursor is past the loop.
    await session.poll(signal(), Date.now);
    expect(requested(fetchMock)).toEqual([HEAD, page('x.json'), page('y.json'), HEAD]);
    await loadOlderRepeatedly();
    expect(requested(fetchMock)).toHaveLength(4);
  });

  it('a gap walk stops at a page that brings nothing new', async () => {
    serve({ [HEAD]: { body: wireFeed([wireItem('a', 0)]), etag: '1' } });
    await session.poll(signal(), Date.now);
    const fetchMock = serve((url) =>
      url === HEAD
        ? { body: wireFeed([wireItem('f', 9)], { next_url: 'p?n=1' }), etag: '2' }
        : { body: wireFeed([wireItem('f', 9)], { next_url: `${url}0` }) },
    );
    await session.poll(signal(), Date.now);
    expect(requested(fetchMock)).toHaveLength(2);
  });
});

describe('page requests follow the page budget', () => {
  it(`at most ${PAGE_REQUEST_POLICY.burst} at once, then ${PAGE_REQUEST_POLICY.perSecond} a second`, async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const sentAt: number[] = [];
    // An endless chain in which every page brings a new update: nothing stops it but the budget.
    serve((url) => {
      if (url === HEAD) return { body: wireFeed([wireItem('h', 0)], { next_url: 'p?n=1' }) };
      sentAt.push(Date.now());
      const n = Number(new URL(url).searchParams.get('n'));
      return { body: wireFeed([wireItem(`p${n}`, -n)], { next_url: `p?n=${n + 1}` }) };
    });
    await session.poll(signal(), Date.now);
    const walk = loadOlderRepeatedly(30);
    await vi.advanceTimersByTimeAsync(60_000);
    await walk;
    expect(sentAt).toHaveLength(30);
    const start = sentAt[0]!;
    expect(sentAt.slice(0, PAGE_REQUEST_POLICY.burst).every((t) => t === start)).toBe(true);
    for (let i = PAGE_REQUEST_POLICY.burst; i < sentAt.length; i++) {
      expect(sentAt[i]! - sentAt[i - 1]!).toBeGreaterThanOrEqual(
        1000 / PAGE_REQUEST_POLICY.perSecond,
      );
    }
    // Over any window, no more than the burst plus the rate.
    for (let i = 0; i < sentAt.length; i++) {
      const inNextTenSeconds = sentAt.filter((t) => t >= sentAt[i]! && t < sentAt[i]! + 10_000);
      expect(inNextTenSeconds.length).toBeLessThanOrEqual(
        PAGE_REQUEST_POLICY.burst + 10 * PAGE_REQUEST_POLICY.perSecond,
      );
    }
  });
});
