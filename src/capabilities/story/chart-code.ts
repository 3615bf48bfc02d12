import type { LiveItem } from '../../core/feed/feed-types';
import { lazyCode } from '../../shared/code/lazy-code';

// The activity chart is a chunk of its own: its code is fetched beside the feed and is in before
// the first updates show (widget/prepare-items.ts), so the chart is in their first frame (on a
// phone it sits above them). A server-rendered page keeps the server's chart until it is in.
const code = lazyCode(() => import('./ActivityChart'));

/** The chart's code once it is in. */
export const chartChunk = code.current;

/** Starts loading the chart's code (once), beside the feed's first request. */
export const preloadChart = code.load;

/** Loads the chart's code if these items can draw a chart; undefined when there is nothing to wait for. */
export function loadChartFor(items: readonly LiveItem[]): Promise<void> | undefined {
  return code.current() || items.length === 0 ? undefined : code.load();
}
