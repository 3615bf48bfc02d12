import { useMemo, useState } from 'react';
import type { LiveItem } from '../core/feed/feed-types';
import { newestPublished, splitArrivals, type ArrivalSplit } from '../core/live/arrivals';

export interface Arrivals extends ArrivalSplit {
  /** Items newer than this were released after the first render: they get a brief highlight. */
  readonly freshAfter: number;
  readonly release: () => void;
}

interface Marks {
  readonly watermark: number;
  readonly freshAfter: number;
}

/**
 * Holds back arrivals while the reader is scrolled into the timeline; at the top they show at
 * once. `followLive` is true while the top of the timeline is in view.
 */
export function useArrivals(
  sorted: readonly LiveItem[],
  followLive: boolean,
  /** Only a preview of the first document is in: the rest of it is not news. */
  previewing = false,
): Arrivals {
  const newest = newestPublished(sorted);
  const [marks, setMarks] = useState<Marks | undefined>(undefined);
  // Adjusting state while rendering (not in an effect) avoids painting the held-back items once.
  let current = marks;
  if (current === undefined && sorted.length > 0 && !previewing) {
    // The first data to arrive is shown whole and not highlighted.
    current = { watermark: newest, freshAfter: newest };
    setMarks(current);
  } else if (current !== undefined && followLive && newest > current.watermark) {
    current = { watermark: newest, freshAfter: current.watermark };
    setMarks(current);
  }
  const watermark = current?.watermark ?? Infinity;
  const split = useMemo(() => splitArrivals(sorted, watermark), [sorted, watermark]);
  const release = () => {
    setMarks((m) =>
      m && newest > m.watermark ? { watermark: newest, freshAfter: m.watermark } : m,
    );
  };
  return { ...split, freshAfter: current?.freshAfter ?? Infinity, release };
}
