import { useState, useSyncExternalStore } from 'react';
import type { LiveItem } from '../core/feed/feed-types';

function subscribe(listener: () => void) {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

function usePageVisible(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => document.visibilityState !== 'hidden',
    () => true,
  );
}

/**
 * Updates the reader has not seen: published after the newest one shown while they were looking
 * (page visible and the top of the timeline in view).
 */
export function useUnseenCount(sorted: readonly LiveItem[], atTop: boolean): number {
  const visible = usePageVisible();
  const newest = sorted[0]?.published;
  const [seenUpTo, setSeenUpTo] = useState<number | undefined>(undefined);
  if (newest !== undefined && (seenUpTo === undefined || (visible && atTop && newest > seenUpTo))) {
    setSeenUpTo(newest);
  }
  if (seenUpTo === undefined || (visible && atTop)) return 0;
  let count = 0;
  for (const item of sorted) {
    if (item.published <= seenUpTo) break;
    count++;
  }
  return count;
}
