// @vitest-environment node
// After an absence: the pages between the new head and what the reader holds.
import { describe, expect, it, vi } from 'vitest';
import { walkGap } from '../../../../src/capabilities/feed/gap-walk';
import {
  emptyStore,
  gapPageUrl,
  mergeHead,
  sortedItems,
  type FeedStore,
} from '../../../../src/core/feed/feed-store';
import type { ParsedFeed } from '../../../../src/core/feed/feed-types';
import { feedOf, item } from '../../../support/feed-builders';

const held = mergeHead(emptyStore, feedOf([item('a', 0), item('b', 1)]), 1);
const head = feedOf([item('z', 11), item('y', 10)], { nextUrl: 'https://x/p1' });
const pages: Record<string, ParsedFeed> = {
  'https://x/p1': feedOf([item('x', 9), item('w', 8)], { nextUrl: 'https://x/p2' }),
  'https://x/p2': feedOf([item('v', 7), item('b', 1)], { nextUrl: 'https://x/p3' }),
  'https://x/p3': feedOf([item('a', 0)]),
};
const ids = (store: FeedStore) => sortedItems(store).map((i) => i.id);
const replay = (store: FeedStore, steps: readonly ((s: FeedStore) => FeedStore)[]) =>
  steps.reduce((s, step) => step(s), store);

function walk(fetchPage = vi.fn((url: string) => Promise.resolve(page(url)))) {
  const store = mergeHead(held, head, 2);
  return {
    fetchPage,
    result: walkGap(
      store,
      { url: gapPageUrl(held, head)!, held, tries: 0 },
      fetchPage,
      new AbortController().signal,
      () => 3,
    ),
  };
}
const page = (url: string) => {
  const feed = pages[url];
  return feed && { feed, urls: [url] };
};

describe('walkGap', () => {
  it('follows next_url until a page reaches what the reader holds, and no further', async () => {
    const { fetchPage, result } = walk();
    const { steps, arrived } = await result;
    expect(fetchPage.mock.calls.map(([url]) => url)).toEqual(['https://x/p1', 'https://x/p2']);
    expect(arrived.map((i) => i.id)).toEqual(['x', 'w', 'v', 'b']);
    expect(ids(replay(mergeHead(held, head, 2), steps))).toEqual([
      'z',
      'y',
      'x',
      'w',
      'v',
      'b',
      'a',
    ]);
  });

  it('ends at a page that does not come, keeping the pages before it', async () => {
    const fetchPage = vi.fn((url: string) =>
      Promise.resolve(url === 'https://x/p2' ? undefined : page(url)),
    );
    const { steps } = await walk(fetchPage).result;
    expect(fetchPage).toHaveBeenCalledTimes(2);
    expect(ids(replay(mergeHead(held, head, 2), steps))).toEqual(['z', 'y', 'x', 'w', 'b', 'a']);
  });

  it('ends at a page that brings nothing new, or one fetched already', async () => {
    const again = vi.fn(() => Promise.resolve({ feed: head, urls: ['https://x/p1'] }));
    const { steps } = await walk(again).result;
    expect(again).toHaveBeenCalledTimes(1);
    expect(steps).toHaveLength(1);
    // The store now records https://x/p1 as fetched: a walk from it asks for nothing.
    const known = replay(mergeHead(held, head, 2), steps);
    const none = vi.fn(() => Promise.resolve(undefined));
    expect(
      (
        await walkGap(
          known,
          { url: gapPageUrl(held, head)!, held, tries: 0 },
          none,
          new AbortController().signal,
          () => 3,
        )
      ).steps,
    ).toEqual([]);
    expect(none).not.toHaveBeenCalled();
  });
});
