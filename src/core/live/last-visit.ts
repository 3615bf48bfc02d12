import type { LiveItem } from '../feed/feed-types';

/**
 * What a reader had of a feed when they were last here: `seen`, the publication time of the
 * newest update they had received (not one dated in the future), and `at`, when that was
 * recorded. docs/decisions/0016-oldest-first-and-last-visit.md says why it is these two.
 */
export interface LastVisit {
  readonly seen: number;
  readonly at: number;
}

const KEY_PREFIX = 'live-blog:last-visit:';

/** One record per feed URL, so two blogs on one site keep theirs apart. */
export const lastVisitKey = (feedUrl: string) => KEY_PREFIX + feedUrl;

/** Reads a stored record; anything else (absent, garbage, another shape) is no visit. */
export function parseLastVisit(text: string | null): LastVisit | undefined {
  try {
    const value = JSON.parse(text ?? '') as Partial<LastVisit> | null;
    const { seen, at } = value ?? {};
    if (Number.isFinite(seen) && Number.isFinite(at)) return { seen: seen!, at: at! };
  } catch {
    // not JSON: as if there were no record
  }
  return undefined;
}

/**
 * The updates that came since the last visit, newest first: published after what the reader had
 * then, and no later than `upTo`, the newest this visit found when it opened (what comes after
 * that arrives while the reader is here, and is announced as it arrives).
 */
export function sinceLastVisit(
  sorted: readonly LiveItem[],
  last: LastVisit | undefined,
  upTo: number,
): readonly LiveItem[] {
  if (!last) return [];
  return sorted.filter((item) => item.published > last.seen && item.published <= upTo);
}
