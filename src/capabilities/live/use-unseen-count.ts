import { useMemo, useState, useSyncExternalStore } from 'react';
import type { LiveItem } from '../../core/feed/feed-types';
import { arrivalMarks, splitArrivals, type ArrivalMarks } from '../../core/live/arrivals';

function subscribe(listener: () => void) {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

/** False while the page is hidden (another tab, a minimised window): the reader is not looking. */
export function usePageVisible(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => document.visibilityState !== 'hidden',
    () => true,
  );
}

/**
 * Updates the reader has not seen: arrived after what was shown while they were looking (page
 * visible and the top of the timeline in view). A future-dated update does not count as seen
 * ground: the arrivals after it still count (arrivals.ts).
 */
export function useUnseenCount(
  sorted: readonly LiveItem[],
  atTop: boolean,
  receivedAt: number | undefined,
): number {
  const visible = usePageVisible();
  const [seen, setSeen] = useState<ArrivalMarks | undefined>(undefined);
  const unseen = useMemo(
    () => (seen === undefined ? [] : splitArrivals(sorted, seen.watermark, seen.early).waiting),
    [sorted, seen],
  );
  const looking = visible && atTop;
  if (sorted.length > 0 && (seen === undefined || (looking && unseen.length > 0))) {
    setSeen(arrivalMarks(sorted, receivedAt ?? Infinity));
  }
  return seen === undefined || looking ? 0 : unseen.length;
}
