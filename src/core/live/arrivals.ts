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

/** What the reader has been shown: everything up to `watermark`, and the `early` ones. */
export interface ArrivalMarks {
  readonly watermark: number;
  /**
   * Shown although not published before the watermark: those dated in the future when they
   * arrived (a wrong clock, a scheduled post), kept apart so that they do not raise the
   * watermark, which would let every real arrival after them in unannounced; and those published
   * at the watermark itself, since a later arrival may share their time (ties go by id).
   */
  readonly early: ReadonlySet<string>;
}

const none: ReadonlySet<string> = new Set();

/**
 * The marks that show all of `sorted` (newest first) as it was received at `receivedAt`: the
 * watermark is the newest publication not in the future.
 */
export function arrivalMarks(sorted: readonly LiveItem[], receivedAt: number): ArrivalMarks {
  let i = 0;
  while (i < sorted.length && sorted[i]!.published > receivedAt) i++;
  const watermark = sorted[i]?.published ?? receivedAt;
  while (sorted[i]?.published === watermark) i++;
  return { watermark, early: new Set(sorted.slice(0, i).map((item) => item.id)) };
}

export function splitArrivals(
  sorted: readonly LiveItem[],
  watermark: number,
  early: ReadonlySet<string> = none,
): ArrivalSplit {
  // `sorted` is newest first, so the waiting items are among its head.
  let i = 0;
  let held = 0;
  while (i < sorted.length && sorted[i]!.published >= watermark) {
    if (!early.has(sorted[i]!.id)) held++;
    i++;
  }
  if (held === 0) return { shown: sorted, waiting: [] };
  const head = sorted.slice(0, i);
  return {
    shown: [...head.filter((item) => early.has(item.id)), ...sorted.slice(i)],
    waiting: head.filter((item) => !early.has(item.id)),
  };
}

export function newestPublished(sorted: readonly LiveItem[]): number {
  return sorted[0]?.published ?? -Infinity;
}
