// Back from an absence on a weak link: the walk back to what the reader holds meets a page that
// does not come. The updates in between must still reach the reader, without a new head.
import type { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sortedItems } from '../../../../src/core/feed/feed-store';
import { type FeedSession } from '../../../../src/capabilities/feed/feed-session';
import { wireFeed, wireItem } from '../../../support/feed-builders';
import { serve, type Route } from '../../../support/fake-feed-server';
import { endSession, signal, startSession } from '../../../support/feed-session-harness';

const HEAD = 'https://feeds.example/live/head.json';
const P1 = 'https://feeds.example/live/page-1.json';
const P2 = 'https://feeds.example/live/page-2.json';
const NOW = 1_000_000;

let client: QueryClient;
let session: FeedSession;
const ids = () => sortedItems(session.store).map((i) => i.id);

beforeEach(() => ({ client, session } = startSession(HEAD)));
afterEach(() => endSession(client));

/** The reader holds b and a; then e and f come while d went to page 2 and c to page 1. */
async function awayWhileFourWerePublished(page2: () => Route) {
  serve({ [HEAD]: { body: wireFeed([wireItem('b', 1), wireItem('a', 0)]), etag: '"1"' } });
  await session.poll(signal(), () => NOW);
  return serve((url) =>
    url === HEAD
      ? { body: wireFeed([wireItem('f', 5), wireItem('e', 4)], { next_url: P2 }), etag: '"2"' }
      : url === P2
        ? page2()
        : url === P1
          ? { body: wireFeed([wireItem('c', 2), wireItem('b', 1), wireItem('a', 0)]) }
          : undefined,
  );
}

const failing: Route = { body: 'busy', status: 503 };
const page2: Route = { body: wireFeed([wireItem('d', 3)], { next_url: P1 }) };

describe('a walk back after an absence that meets a page that does not come', () => {
  it('shows the new head at once, and the updates in between at the next poll', async () => {
    let answer = failing;
    await awayWhileFourWerePublished(() => answer);
    await session.poll(signal(), () => NOW);
    expect(ids()).toEqual(['f', 'e', 'b', 'a']);
    expect(session.failures).toBe(0);
    // The head has not changed since: its poll costs nothing, and the walk goes on.
    answer = page2;
    await session.poll(signal(), () => NOW + 15_000);
    expect(ids()).toEqual(['f', 'e', 'd', 'c', 'b', 'a']);
  });

  it('is asked for a few times, then left for the reader to load as older updates', async () => {
    const fetchMock = await awayWhileFourWerePublished(() => failing);
    for (let i = 0; i < 10; i++) await session.poll(signal(), () => NOW + i * 15_000);
    const tries = fetchMock.mock.calls.filter(([url]) => url === P2).length;
    expect(tries).toBeGreaterThan(1);
    expect(tries).toBeLessThanOrEqual(5);
    expect(ids()).toEqual(['f', 'e', 'b', 'a']);
    // Still reachable: the reader's older cursor is the head's next_url.
    expect(session.store.olderUrl).toBe(P2);
  });
});
