import { useCallback, useState } from 'react';
import type { GroupedTimeline } from '../core/timeline/group-by-topic';
import type { LiveItem } from '../core/feed/feed-types';
import type { TimelineView } from '../core/filters/filter-state';
import { useEndReached } from '../capabilities/timeline/use-end-reached';
import { useRenderWindow, windowAfter } from '../capabilities/timeline/use-render-window';

/** How far ahead of the reader (px) more updates are rendered: about two screens. */
const AHEAD_PX = 1500;

/**
 * How many updates of the list to render now (after the pinned ones, always rendered), growing
 * as the reader nears the end. `reset` starts the window afresh (new filters, another view).
 * `moreSteps`: steps the page's address asked for beyond the first screen (`more=`). `held`:
 * places of retracted updates in the lists (sharing/hold-places.ts), rendered beyond the window.
 */
export function useRenderBudget(
  timeline: { readonly grouped: GroupedTimeline; readonly stream: readonly LiveItem[] },
  view: TimelineView,
  reset: string,
  moreSteps = 0,
  held = 0,
) {
  const renderWindow = useRenderWindow(reset, windowAfter(moreSteps));
  const { stream } = timeline;
  // Updates that come in ahead of the Latest stream's first (older pages read oldest first,
  // arrivals released newest first) widen the window by as many: the updates rendered below
  // them, the reader's among them, stay rendered.
  const head = view === 'latest' ? stream[0]?.id : undefined;
  const [seen, setSeen] = useState({ reset, head });
  if (seen.reset !== reset || seen.head !== head) {
    setSeen({ reset, head });
    const before = seen.reset === reset ? stream.findIndex((item) => item.id === seen.head) : -1;
    if (before > 0) renderWindow.grow(0, before);
  }
  const listed =
    view === 'topics'
      ? timeline.grouped.groups.reduce((n, group) => n + group.items.length, 0)
      : stream.length;
  const budget = Math.max(0, renderWindow.size - timeline.grouped.pinned.length) + held;
  const allRendered = budget >= listed;
  const grow = renderWindow.grow;
  const onNearEnd = useCallback(() => grow(), [grow]);
  const endRef = useEndReached(onNearEnd, {
    active: !allRendered,
    marginPx: AHEAD_PX,
    revision: renderWindow.size,
  });
  return { renderWindow, budget, allRendered, endRef };
}
