import type { ParsedFeed } from './feed-types';
import { mergePage, type FeedStore } from './feed-store';
import { followChain } from './page-chain';

// Apart from feed-store.ts: only the walk back after an absence uses it, and that walk is a lazy
// chunk (capabilities/feed/gap-walk.ts), which takes this with it.

/**
 * Merges a page fetched to close a gap (the head no longer reaches what the reader holds): its
 * items, while the reader's own cursor stays where it was, moved past pages now fetched.
 */
export function mergeGapPage(
  store: FeedStore,
  feed: ParsedFeed,
  now: number,
  urls: readonly string[],
): FeedStore {
  const merged = mergePage(store, feed, now, urls);
  const cursor = store.olderBroken
    ? { url: undefined, broken: true }
    : followChain(merged.fetched, store.olderUrl);
  return {
    ...merged,
    olderUrl: cursor.url,
    olderBroken: cursor.broken,
    pagesLoaded: store.pagesLoaded,
    emptyPages: store.emptyPages,
  };
}
