import { useDeferredValue, useMemo } from 'react';
import type { FeedMeta, LiveItem } from '../core/feed/feed-types';
import { activityBins } from '../core/timeline/activity-bins';
import { useHydrated } from '../shared/hydration/use-hydrated';

const noItems: readonly LiveItem[] = [];

/**
 * The activity chart's bins for the updates that match. The chart follows the timeline a moment
 * later (it is secondary), except for the first updates: above them (a phone, a narrow column) it
 * would push them down, and beside them its column would narrow them (a feed without key events
 * has a rail for its chart only).
 */
export function useActivityBins(
  matching: readonly LiveItem[],
  options: {
    readonly meta: FeedMeta | undefined;
    readonly timeZone: string | undefined;
    /** When the feed last changed: updates dated well after it are not charted. */
    readonly receivedAt: number | undefined;
  },
) {
  const { meta, timeZone, receivedAt } = options;
  // Server HTML already has its chart: hydrating from nothing would take it away for a moment.
  const deferred = useDeferredValue(matching, useHydrated() ? noItems : undefined);
  const items = deferred.length > 0 ? deferred : matching;
  const topics = meta?.topics;
  return useMemo(
    () =>
      activityBins(items, {
        timeZone,
        topicOrder: topics?.map((x) => x.id) ?? [],
        receivedAt,
      }),
    [items, timeZone, topics, receivedAt],
  );
}
