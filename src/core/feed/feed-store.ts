import type { FeedMeta, LiveItem, ParsedFeed, RejectedItem } from './feed-types';
import { itemVersion } from './feed-types';
import { followChain, MAX_EMPTY_PAGES, withFetched } from './page-chain';
import { CLOCK_AHEAD_MS } from '../time/clock-ahead';

/**
 * Everything the client holds of one feed. Immutable: a merge that changes nothing returns the
 * same object, and unchanged items keep their identity, so React skips what did not change.
 */
export interface FeedStore {
  readonly meta: FeedMeta | undefined;
  readonly items: ReadonlyMap<string, LiveItem>;
  /** Retracted ids, remembered forever so no later or older document brings them back. */
  readonly tombstones: ReadonlySet<string>;
  /** The next older page to load (JSON Feed `next_url`); never one already fetched. */
  readonly olderUrl: string | undefined;
  /** The older pages stopped short of the first update: next_url looped, or pages kept
   * adding nothing. The reader is told once; nothing is retried. */
  readonly olderBroken: boolean;
  /** Older pages merged so far: from the first one on, the cursor is the page chain's. */
  readonly pagesLoaded: number;
  /** Older pages in a row that added nothing. */
  readonly emptyPages: number;
  /** Documents fetched this session (head and pages, by page key) and where each one's
   * next_url pointed: no page is requested twice. */
  readonly fetched: ReadonlyMap<string, string | undefined>;
  /** Invalid items of the latest document, dropped on their own. */
  readonly rejected: readonly RejectedItem[];
  /** When the content last changed (epoch ms); an unchanged poll leaves it alone. */
  readonly changedAt: number | undefined;
  /** False while the store holds only the first screen of the first document (first-screen.ts). */
  readonly complete: boolean;
}

export const emptyStore: FeedStore = {
  meta: undefined,
  items: new Map(),
  tombstones: new Set(),
  olderUrl: undefined,
  olderBroken: false,
  pagesLoaded: 0,
  emptyPages: 0,
  fetched: new Map(),
  rejected: [],
  changedAt: undefined,
  complete: true,
};

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

interface MergeOutcome {
  items: ReadonlyMap<string, LiveItem>;
  tombstones: ReadonlySet<string>;
  changed: boolean;
}

function mergeItems(store: FeedStore, feed: ParsedFeed): MergeOutcome {
  let items: Map<string, LiveItem> | undefined;
  let tombstones: Set<string> | undefined;
  for (const t of feed.tombstones) {
    if (!store.tombstones.has(t.id) && !tombstones?.has(t.id)) {
      tombstones ??= new Set(store.tombstones);
      tombstones.add(t.id);
    }
    if ((items ?? store.items).has(t.id)) {
      items ??= new Map(store.items);
      items.delete(t.id);
    }
  }
  const dead = tombstones ?? store.tombstones;
  for (const item of feed.items) {
    if (dead.has(item.id)) continue;
    const held = (items ?? store.items).get(item.id);
    // Newer wins; equal versions may still differ (a correction without a new date): take it.
    // The same update in another document (a page repeating the head) is not news.
    if (
      held !== undefined &&
      (itemVersion(item) < itemVersion(held) || sameJson({ ...item, base: held.base }, held))
    ) {
      continue;
    }
    items ??= new Map(store.items);
    items.set(item.id, item);
  }
  return {
    items: items ?? store.items,
    tombstones: tombstones ?? store.tombstones,
    changed: items !== undefined || tombstones !== undefined,
  };
}

/**
 * Merges the feed's head document (the newest items and the feed's metadata). `headUrl`, the
 * URL it was fetched from, joins the fetched documents: a page pointing back at it is a loop.
 */
export function mergeHead(
  store: FeedStore,
  feed: ParsedFeed,
  now: number,
  headUrl?: string,
): FeedStore {
  const merged = mergeItems(store, feed);
  const metaChanged = !sameJson(store.meta, feed.meta);
  const fetched =
    headUrl === undefined
      ? store.fetched
      : withFetched(store.fetched, [headUrl], feed.meta.nextUrl);
  const cursor =
    store.pagesLoaded > 0
      ? { url: store.olderUrl, broken: store.olderBroken }
      : followChain(fetched, feed.meta.nextUrl);
  const rejected = sameJson(store.rejected, feed.rejected) ? store.rejected : feed.rejected;
  if (
    !merged.changed &&
    !metaChanged &&
    cursor.url === store.olderUrl &&
    cursor.broken === store.olderBroken &&
    fetched === store.fetched &&
    rejected === store.rejected
  ) {
    return store;
  }
  return {
    ...store,
    meta: metaChanged ? feed.meta : store.meta,
    items: merged.items,
    tombstones: merged.tombstones,
    olderUrl: cursor.url,
    olderBroken: cursor.broken,
    fetched,
    rejected,
    changedAt: merged.changed || metaChanged ? now : store.changedAt,
  };
}

/**
 * The whole first document in place of its first screen (first-screen.ts): merged into the preview's store,
 * so that unchanged updates keep their identity and are not rendered again, but without what
 * only the preview held (an update beyond the document's item limit, say).
 */
export function replacePreview(
  preview: FeedStore,
  feed: ParsedFeed,
  now: number,
  headUrl?: string,
): FeedStore {
  const store = { ...mergeHead(preview, feed, now, headUrl), complete: true };
  const inDocument = new Set(feed.items.map((item) => item.id));
  const stale = [...store.items.keys()].filter((id) => !inDocument.has(id));
  if (stale.length === 0) return store;
  const items = new Map(store.items);
  for (const id of stale) items.delete(id);
  return { ...store, items, changedAt: now };
}

/**
 * Merges an older page: its items, and the cursor to the page before it. `urls`: where the
 * page was fetched from (as requested, and as answered after redirects).
 */
export function mergePage(
  store: FeedStore,
  feed: ParsedFeed,
  now: number,
  urls: readonly string[],
): FeedStore {
  const merged = mergeItems(store, feed);
  const fetched = withFetched(store.fetched, urls, feed.meta.nextUrl);
  const emptyPages = merged.changed ? 0 : store.emptyPages + 1;
  const cursor =
    emptyPages >= MAX_EMPTY_PAGES
      ? { url: undefined, broken: feed.meta.nextUrl !== undefined }
      : followChain(fetched, feed.meta.nextUrl);
  return {
    ...store,
    items: merged.items,
    tombstones: merged.tombstones,
    olderUrl: cursor.url,
    olderBroken: cursor.broken,
    pagesLoaded: store.pagesLoaded + 1,
    emptyPages,
    fetched,
    changedAt: merged.changed ? now : store.changedAt,
  };
}

/**
 * When a head no longer overlaps what the reader holds (they were offline while more than a
 * head's worth was published), the pages between must be fetched too. Returns the page to follow,
 * or undefined when the document already reaches known items.
 *
 * A head is a window of the newest updates, plus older ones put back into it because they were
 * edited (docs/feed-format.md, "Pagination"): only a held update that was never edited shows
 * that the window reaches what is held. In doubt, one page more is asked for; the walk stops at
 * a page that brings nothing new.
 */
export function gapPageUrl(held: FeedStore, doc: ParsedFeed): string | undefined {
  if (held.items.size === 0 || doc.meta.nextUrl === undefined || doc.items.length === 0) {
    return undefined;
  }
  for (const item of doc.items) {
    const mine = held.items.get(item.id);
    if (mine && neverEdited(mine) && neverEdited(item)) return undefined;
  }
  return doc.meta.nextUrl;
}

function neverEdited(item: LiveItem): boolean {
  return item.modified === undefined || item.modified === item.published;
}

/** Newest first, ties by id: the order of every list the reader sees. */
export function compareNewestFirst(a: LiveItem, b: LiveItem): number {
  return b.published - a.published || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sortedItems(store: FeedStore): LiveItem[] {
  return [...store.items.values()].sort(compareNewestFirst);
}

/**
 * The newest publication or edit: what "updated 5 min ago" is about. Not one dated further ahead
 * of `receivedAt` than a fast clock would be (a mistyped year): it would be named as the last
 * update while real ones come.
 */
export function lastUpdateAt(items: Iterable<LiveItem>, receivedAt = Infinity): number | undefined {
  let newest: number | undefined;
  for (const item of items) {
    const at = item.modified ?? item.published;
    if (at > receivedAt + CLOCK_AHEAD_MS) continue;
    if (newest === undefined || at > newest) newest = at;
  }
  return newest;
}
