import type { LiveItem } from '../../core/feed/feed-types';
import type { SearchText } from '../../core/filters/match-items';

/** How long one step of the work may hold the main thread. */
const SLICE_MS = 8;
const started = new WeakSet<SearchText>();

/**
 * Builds the search index of every update ahead, a few milliseconds at a time, once the reader
 * is about to search. Built by the first search instead, all at once on a large feed, it held up
 * the keystrokes that followed. Once per index: a later arrival is indexed when searched.
 */
export function warmSearchIndex(items: readonly LiveItem[], searchText: SearchText): void {
  if (started.has(searchText)) return;
  started.add(searchText);
  let next = 0;
  const step = () => {
    const end = performance.now() + SLICE_MS;
    while (next < items.length && performance.now() < end) searchText(items[next++]!);
    // A task of its own each time, so that a keystroke waiting is handled in between.
    if (next < items.length) setTimeout(step);
  };
  setTimeout(step);
}
