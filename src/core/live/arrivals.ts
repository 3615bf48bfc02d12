import type { LiveItem } from '../feed/feed-types';

/**
 * New updates must not shift what the reader is reading. The view shows items published up to a
 * watermark; newer arrivals wait until the reader asks for them (or is at the top, where the
 * view follows the feed). Older items (older pages, back-dated posts) never wait.
 */
export interface ArrivalSplit {
  readonly shown: readonly LiveItem[];
  readonly waiting: readonly LiveItem[];
}

export function splitArrivals(sorted: readonly LiveItem[], watermark: number): ArrivalSplit {
  // `sorted` is newest first, so the waiting items form its head.
  let i = 0;
  while (i < sorted.length && sorted[i]!.published > watermark) i++;
  if (i === 0) return { shown: sorted, waiting: [] };
  return { shown: sorted.slice(i), waiting: sorted.slice(0, i) };
}

export function newestPublished(sorted: readonly LiveItem[]): number {
  return sorted[0]?.published ?? -Infinity;
}
