import { gapPageUrl, type FeedStore } from '../../core/feed/feed-store';
import { mergeGapPage } from '../../core/feed/merge-gap-page';
import type { LiveItem, ParsedFeed } from '../../core/feed/feed-types';
import { pageKey } from '../../core/feed/page-chain';

/** Pages followed at most to close a gap after the reader was away (50 pages ≈ 2,500 updates). */
const MAX_GAP_PAGES = 50;
/** Tries of a page that stops the walk, the first included: then the page is left to the
 * reader's older updates, like any page (a failing server is not asked at every poll). */
const GAP_TRIES = 4;

/** A change to the store, replayed onto whatever the store is when the walk ends. */
export type StoreStep = (store: FeedStore) => FeedStore;

type GapPage = { readonly feed: ParsedFeed; readonly urls: readonly string[] };

/** Where a walk back goes on from: a page, what the reader held before the absence, and how
 * many times that page did not come. */
export interface GapResume {
  readonly url: string;
  readonly held: FeedStore;
  readonly tries?: number;
}

/**
 * After an absence the new head may no longer reach what the reader held (`from.held`): walks
 * back along `next_url` from `from.url` (the head's, gapPageUrl) until it does, never to a page
 * already fetched, and not past a page that brings nothing new. `store` is the store with the
 * head merged. A page that fails ends the walk: the gap stays unshown, not the head, and
 * `resume` says where the next poll goes on from (GAP_TRIES times a page). Returns the merges as
 * steps, for the caller to replay onto its store then (an older page the reader loaded
 * meanwhile stays), and the items that came.
 */
export async function walkGap(
  store: FeedStore,
  from: GapResume,
  fetchPage: (url: string) => Promise<GapPage | undefined>,
  signal: AbortSignal,
  now: () => number,
): Promise<{
  readonly steps: readonly StoreStep[];
  readonly arrived: readonly LiveItem[];
  readonly resume?: GapResume | undefined;
}> {
  const steps: StoreStep[] = [];
  const arrived: LiveItem[] = [];
  const held = from.held;
  let gapUrl: string | undefined = from.url;
  for (let i = 0; gapUrl !== undefined && i < MAX_GAP_PAGES; i++) {
    if (store.fetched.has(pageKey(gapUrl))) break;
    const page = await fetchPage(gapUrl).catch(() => signal.throwIfAborted());
    if (!page) {
      const tries = gapUrl === from.url ? (from.tries ?? 0) + 1 : 1;
      return {
        steps,
        arrived,
        resume: tries < GAP_TRIES ? { url: gapUrl, held, tries } : undefined,
      };
    }
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
