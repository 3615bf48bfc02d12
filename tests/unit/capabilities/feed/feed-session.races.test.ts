// A poll and an older page can be out at the same time: a reader presses "Show older updates"
// while a poll walks back through pages after the reader was away. Neither may undo the other.
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { sortedItems } from '../../../../src/core/feed/feed-store';
import { type FeedSession } from '../../../../src/capabilities/feed/feed-session';
import { getFeedSession } from '../../../../src/capabilities/feed/feed-sessions';
import { wireFeed, wireItem } from '../../../support/feed-builders';

const HEAD = 'https://feeds.example/live/head.json';
const page = (name: string) => `https://feeds.example/live/${name}`;

let client: QueryClient;
let session: FeedSession;
const signal = () => new AbortController().signal;
const ids = () => sortedItems(session.store).map((i) => i.id);

beforeEach(() => {
  client = new QueryClient();
  session = getFeedSession(client, HEAD);
});

afterEach(() => {
  client.clear();
  vi.unstubAllGlobals();
});

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
