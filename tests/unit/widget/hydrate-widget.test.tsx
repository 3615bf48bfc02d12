import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getFeedSession } from '../../../src/capabilities/feed/feed-sessions';
import { hydrateWidget } from '../../../src/widget/hydrate-widget';
import type { PageSnapshot } from '../../../src/widget/page-snapshot';
import { sharedQueryClient } from '../../../src/widget/query-client';
import { wireFeed, wireItem } from '../../support/feed-builders';

// A page whose server rendered the widget carries the feed document; the browser takes over
// from it, and its polls must then reach the feed wherever the feed is served from.

const TEXT = JSON.stringify(wireFeed([wireItem('a', 0)]));

afterEach(() => {
  sharedQueryClient().clear();
  vi.unstubAllGlobals();
});

/** Hydrates an empty widget from a snapshot of `feed` (as the element names it). */
function hydrate(feed: string) {
  const snapshot: PageSnapshot = {
    feed,
    text: TEXT,
    validator: '"v1"',
    fetchedAt: Date.now(),
    locale: 'en',
  };
  return act(() =>
    hydrateWidget(document.createElement('div'), feed, snapshot, () => <></>, hydrateRoot),
  );
}

/** Hydrates from a snapshot of `feed`, then returns the first poll's headers. */
async function firstPollHeaders(feed: string): Promise<Headers> {
  const root = await hydrate(feed);
  const seen: Headers[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers));
      return Promise.resolve(
        new Response(TEXT, { headers: { 'content-type': 'application/feed+json', etag: '"v1"' } }),
      );
    }),
  );
  const session = getFeedSession(sharedQueryClient(), feed);
  const store = session.store;
  await session.poll(new AbortController().signal);
  // The same document (its ETag says so): nothing new, and no problem to show.
  expect(session.store).toBe(store);
  expect(session.lastError).toBeUndefined();
  act(() => root?.unmount());
  return seen[0]!;
}

describe('hydrateWidget', () => {
  it('seeds the session the widget reads, also for a feed attribute relative to the page', async () => {
    // The widget (useLiveBlog) names its feed by absolute URL: seeded under the attribute's
    // relative one, it would start empty and download the feed a second time.
    const root = await hydrate('/feeds/relative.json');
    const session = getFeedSession(sharedQueryClient(), `${location.origin}/feeds/relative.json`);
    expect(session.store.items.size).toBe(1);
    act(() => root?.unmount());
  });

  it('asks a feed on the page’s own origin whether the page’s copy is still current', async () => {
    const headers = await firstPollHeaders(`${location.origin}/feeds/live.json`);
    expect(headers.get('if-none-match')).toBe('"v1"');
  });

  it('polls a feed on another origin as a simple CORS request, with no header but Accept', async () => {
    // If-None-Match would need a preflight the feed's host need not answer: every poll of a
    // server-rendered widget would fail ("Connection lost"), and it would never update.
    const headers = await firstPollHeaders('https://feeds.example/live.json');
    expect([...headers.keys()]).toEqual(['accept']);
  });
});
