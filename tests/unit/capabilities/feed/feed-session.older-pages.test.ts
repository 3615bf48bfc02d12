// Older pages on a flaky connection and a feed that moves on: a press of "Show older updates"
// while a poll walks back through pages after the reader was away, pages that bring nothing
// new, pages that do not load.
import type { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { sortedItems } from '../../../../src/core/feed/feed-store';
import { type FeedSession } from '../../../../src/capabilities/feed/feed-session';
import { wireFeed, wireItem } from '../../../support/feed-builders';
import { serve } from '../../../support/fake-feed-server';
import { endSession, signal, startSession } from '../../../support/feed-session-harness';

const HEAD = 'https://feeds.example/live/head.json';
const page = (name: string) => `https://feeds.example/live/${name}`;

let client: QueryClient;
let session: FeedSession;
const ids = () => sortedItems(session.store).map((i) => i.id);

beforeEach(() => ({ client, session } = startSession(HEAD)));
afterEach(() => endSession(client));

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/feed+json' } });

it('an older page that arrives while a poll walks back through pages stays', async () => {
  let head = wireFeed([wireItem('x', 20)], { next_url: 'p1.json' });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const requested: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    requested.push(url);
    if (url === HEAD) return json(head);
    if (url === page('p1.json')) return json(wireFeed([wireItem('w', 10)]));
    // A slow page of the walk: the reader goes on meanwhile.
    await held;
    return json(wireFeed([wireItem('z', 30), wireItem('x', 20)], { next_url: 'p1.json' }));
  });
  await session.poll(signal());
  // The reader was away: the new head no longer reaches 'x'.
  head = wireFeed([wireItem('y', 40)], { next_url: 'p2.json' });
  const polling = session.poll(signal());
  await vi.waitFor(() => expect(requested).toContain(page('p2.json')));
  await session.loadOlder();
  expect(ids()).toEqual(['x', 'w']);
  release();
  await polling;
  expect(ids()).toEqual(['y', 'z', 'x', 'w']);
  // Everything is loaded: nothing is offered, and no page is asked for again.
  expect(session.store.olderUrl).toBeUndefined();
  await session.loadOlder();
  expect(requested.filter((url) => url === page('p1.json'))).toHaveLength(1);
});

it('one press passes a page of updates the reader holds (cut from the head since)', async () => {
  const p3 = 'https://feeds.example/live/page-3.json';
  const p2 = 'https://feeds.example/live/page-2.json';
  const p1 = 'https://feeds.example/live/page-1.json';
  serve({ [HEAD]: { body: wireFeed([wireItem('d', 3), wireItem('c', 2)], { next_url: p2 }) } });
  await session.poll(signal(), Date.now);
  const fetchMock = serve({
    [HEAD]: { body: wireFeed([wireItem('e', 4), wireItem('d', 3)], { next_url: p3 }) },
    [p3]: { body: wireFeed([wireItem('c', 2)], { next_url: p2 }) },
    [p2]: { body: wireFeed([wireItem('b', 1)], { next_url: p1 }) },
  });
  await session.poll(signal(), Date.now);
  await session.loadOlder(Date.now);
  expect(ids()).toEqual(['e', 'd', 'c', 'b']);
  expect(session.store.olderUrl).toBe(p1);
  expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([HEAD, p3, p2]);
});

it('a page of the gap that does not load holds back neither the head nor the polls', async () => {
  serve({ [HEAD]: { body: wireFeed([wireItem('a', 0)], { next_url: 'page-1.json' }) } });
  await session.poll(signal(), Date.now);
  // The reader was away; the page between the new head and what they hold is missing.
  serve({ [HEAD]: { body: wireFeed([wireItem('f', 5)], { next_url: 'page-2.json' }) } });
  await session.poll(signal(), Date.now);
  expect(ids()).toEqual(['f', 'a']);
  expect(session.failures).toBe(0);
  // It is still there to ask for: the way to older updates starts with it.
  expect(session.store.olderUrl).toBe('https://feeds.example/live/page-2.json');
});

it('a page that answers 304 after a page of held updates is not asked for over and over', async () => {
  let p1 = 0;
  vi.stubGlobal('fetch', (url: string) => {
    if (url === HEAD)
      return Promise.resolve(json(wireFeed([wireItem('c', 2)], { next_url: 'p2.json' })));
    if (url === page('p2.json')) {
      return Promise.resolve(json(wireFeed([wireItem('c', 2)], { next_url: 'p1.json' })));
    }
    // A server that answers an unconditional request with 304: first the connection drops.
    if (p1++ === 0) return Promise.reject(new TypeError('network'));
    return Promise.resolve(new Response(null, { status: 304 }));
  });
  await session.poll(signal());
  await expect(session.loadOlder()).rejects.toThrow();
  await session.loadOlder();
  expect(p1).toBe(2);
});
