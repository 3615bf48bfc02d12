import { useMemo, useState } from 'react';
import type { LiveItem } from '../../core/feed/feed-types';
import type { FeedStore } from '../../core/feed/feed-store';
import {
  arrivalMarks,
  splitArrivals,
  type ArrivalMarks,
  type ArrivalSplit,
} from '../../core/live/arrivals';

export interface Arrivals extends ArrivalSplit {
  /** Released after the first render: they get a brief highlight. */
  readonly fresh: ReadonlySet<string>;
  readonly release: () => void;
}

interface Marks extends ArrivalMarks {
  readonly fresh: ReadonlySet<string>;
}

const none: ReadonlySet<string> = new Set();

/**
 * Holds back arrivals while the reader is scrolled into the timeline; at the top they show at
 * once. `followLive` is true while the top of the timeline is in view; the store's `changedAt`
 * is when the items last changed (what "in the future" is measured against). `atEnd`: the list
 * reads oldest first, so arrivals go below the reader and show at once, unless one is pinned
 * (pinned updates go above everything).
 */
export function useArrivals(
  sorted: readonly LiveItem[],
  followLive: boolean,
  store: Pick<FeedStore, 'changedAt' | 'complete'> | undefined,
  atEnd = false,
): Arrivals {
  const [marks, setMarks] = useState<Marks | undefined>(undefined);
  const split = useMemo(
    () =>
      marks === undefined
        ? { shown: sorted, waiting: [] }
        : splitArrivals(sorted, marks.watermark, marks.early),
    [sorted, marks],
  );
  // Nothing received yet leaves nothing to hold back: every publication counts as past.
  const now = store?.changedAt ?? Infinity;
  // Adjusting state while rendering (not in an effect) avoids painting the held-back items once.
  // While only a first screen is in, the rest of the document is not news.
  if (marks === undefined && sorted.length > 0 && store?.complete !== false) {
    // The first data to arrive is shown whole and not highlighted.
    setMarks({ ...arrivalMarks(sorted, now), fresh: none });
  } else if (
    marks !== undefined &&
    split.waiting.length > 0 &&
    (followLive || (atEnd && !split.waiting.some((item) => item.pinned)))
  ) {
    setMarks({ ...arrivalMarks(sorted, now), fresh: idsOf(split.waiting) });
  }
  const release = () => {
    if (split.waiting.length === 0) return;
    setMarks({ ...arrivalMarks(sorted, now), fresh: idsOf(split.waiting) });
  };
  return { ...split, fresh: marks?.fresh ?? none, release };
}

function idsOf(items: readonly LiveItem[]): ReadonlySet<string> {
  return new Set(items.map((item) => item.id));
}
