import { gapPageUrl, type FeedStore } from '../../core/feed/feed-store';
import { mergeGapPage } from '../../core/feed/merge-gap-page';
import type { LiveItem, ParsedFeed } from '../../core/feed/feed-types';
import { pageKey } from '../../core/feed/page-chain';

/** Pages followed at most to close a gap after the reader was away (50 pages ≈ 2,500 updates). */
const MAX_GAP_PAGES = 50;

/** A change to the store, replayed onto whatever the store is when the walk ends. */
export type StoreStep = (store: FeedStore) => FeedStore;

type GapPage = { readonly feed: ParsedFeed; readonly urls: readonly string[] };

/**
 * After an absence the new head may no longer reach what the reader holds (`held`): walks back
 * along `next_url` from `head` until it does, never to a page already fetched, and not past a page
 * that brings nothing new. `store` is the store with the head merged. A page that fails ends the
 * walk: the gap stays unshown, not the head. Returns the merges as steps, for the caller to replay
 * onto its store then (an older page the reader loaded meanwhile stays), and the items that came.
 */
export async function walkGap(
  store: FeedStore,
  held: FeedStore,
  head: ParsedFeed,
  fetchPage: (url: string) => Promise<GapPage | undefined>,
  now: () => number,
): Promise<{ readonly steps: readonly StoreStep[]; readonly arrived: readonly LiveItem[] }> {
  const steps: StoreStep[] = [];
  const arrived: LiveItem[] = [];
  let gapUrl = gapPageUrl(held, head);
  for (let i = 0; gapUrl !== undefined && i < MAX_GAP_PAGES; i++) {
    if (store.fetched.has(pageKey(gapUrl))) break;
    const page = await fetchPage(gapUrl);
    if (!page) break;
    arrived.push(...page.feed.items);
    const before = store;
    const step: StoreStep = (s) => mergeGapPage(s, page.feed, now(), page.urls);
    steps.push(step);
    store = step(store);
    if (store.items === before.items && store.tombstones === before.tombstones) break;
    gapUrl = gapPageUrl(held, page.feed);
  }
  return { steps, arrived };
}
