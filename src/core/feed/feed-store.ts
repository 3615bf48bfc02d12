import type { FeedMeta, LiveItem, ParsedFeed, RejectedItem } from './feed-types';
import { itemVersion } from './feed-types';

/**
 * Everything the client holds of one feed. Immutable: a merge that changes nothing returns the
 * same object, and unchanged items keep their identity, so React skips what did not change.
 */
export interface FeedStore {
  readonly meta: FeedMeta | undefined;
  readonly items: ReadonlyMap<string, LiveItem>;
  /** Retracted ids, remembered forever so no later or older document brings them back. */
  readonly tombstones: ReadonlySet<string>;
  /** The next older page to load (JSON Feed `next_url`); undefined when there is none. */
  readonly olderUrl: string | undefined;
  /** True once at least one older page was merged: from then on the cursor is the page chain's. */
  readonly pagesLoaded: number;
  /** Invalid items of the latest document, dropped on their own. */
  readonly rejected: readonly RejectedItem[];
  /** When the content last changed (epoch ms); an unchanged poll leaves it alone. */
  readonly changedAt: number | undefined;
}

export const emptyStore: FeedStore = {
  meta: undefined,
  items: new Map(),
  tombstones: new Set(),
  olderUrl: undefined,
  pagesLoaded: 0,
  rejected: [],
  changedAt: undefined,
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
    if (held !== undefined && (itemVersion(item) < itemVersion(held) || sameJson(item, held))) {
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

/** Merges the feed's head document (the newest items and the feed's metadata). */
export function mergeHead(store: FeedStore, feed: ParsedFeed, now: number): FeedStore {
  const merged = mergeItems(store, feed);
  const metaChanged = !sameJson(store.meta, feed.meta);
  const olderUrl = store.pagesLoaded > 0 ? store.olderUrl : feed.meta.nextUrl;
  const rejected = sameJson(store.rejected, feed.rejected) ? store.rejected : feed.rejected;
  if (
    !merged.changed &&
    !metaChanged &&
    olderUrl === store.olderUrl &&
    rejected === store.rejected
  ) {
    return store;
  }
  return {
    meta: metaChanged ? feed.meta : store.meta,
    items: merged.items,
    tombstones: merged.tombstones,
    olderUrl,
    pagesLoaded: store.pagesLoaded,
    rejected,
    changedAt: merged.changed || metaChanged ? now : store.changedAt,
  };
}

/**
 * The whole first document in place of its preview (ADR 0007): merged into the preview's store,
 * so that unchanged updates keep their identity and are not rendered again, but without what
 * only the preview held (an update beyond the document's item limit, say).
 */
export function replacePreview(preview: FeedStore, feed: ParsedFeed, now: number): FeedStore {
  const store = mergeHead(preview, feed, now);
  const inDocument = new Set(feed.items.map((item) => item.id));
  const stale = [...store.items.keys()].filter((id) => !inDocument.has(id));
  if (stale.length === 0) return store;
  const items = new Map(store.items);
  for (const id of stale) items.delete(id);
  return { ...store, items, changedAt: now };
}

/** Merges an older page: its items, and the cursor to the page before it. */
export function mergePage(store: FeedStore, feed: ParsedFeed, now: number): FeedStore {
  const merged = mergeItems(store, feed);
  return {
    ...store,
    items: merged.items,
    tombstones: merged.tombstones,
    olderUrl: feed.meta.nextUrl,
    pagesLoaded: store.pagesLoaded + 1,
    changedAt: merged.changed ? now : store.changedAt,
  };
}

/**
 * When a head no longer overlaps what the reader holds (they were offline while more than a
 * head's worth was published), the pages between must be fetched too. Returns the page to follow,
 * or undefined when the document already reaches known items.
 */
export function gapPageUrl(held: FeedStore, doc: ParsedFeed): string | undefined {
  if (held.items.size === 0 || doc.meta.nextUrl === undefined || doc.items.length === 0) {
    return undefined;
  }
  let newestHeld = -Infinity;
  for (const item of held.items.values()) newestHeld = Math.max(newestHeld, item.published);
  for (const item of doc.items) {
    if (held.items.has(item.id) || held.tombstones.has(item.id) || item.published <= newestHeld) {
      return undefined;
    }
  }
  return doc.meta.nextUrl;
}

/** Newest first, ties by id: the order of every list the reader sees. */
export function compareNewestFirst(a: LiveItem, b: LiveItem): number {
  return b.published - a.published || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sortedItems(store: FeedStore): LiveItem[] {
  return [...store.items.values()].sort(compareNewestFirst);
}

export function oldestPublished(items: Iterable<LiveItem>): number | undefined {
  let oldest: number | undefined;
  for (const item of items)
    if (oldest === undefined || item.published < oldest) oldest = item.published;
  return oldest;
}
