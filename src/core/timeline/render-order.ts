import type { LiveItem } from '../feed/feed-types';
import type { TimelineView } from '../filters/filter-state';
import type { GroupedTimeline } from './group-by-topic';

/** The timeline as rendered: pinned updates first, then the groups or the Latest stream. */
export interface RenderedTimeline {
  readonly grouped: GroupedTimeline;
  readonly stream: readonly LiveItem[];
  readonly effective: { readonly view: TimelineView };
}

/**
 * Where an update sits in render order, counted as the render window counts (pinned updates are
 * always rendered: -1; not rendered at all: -1 too, as it is not in the list).
 */
export function renderIndex(timeline: RenderedTimeline, id: string): number {
  if (timeline.grouped.pinned.some((item) => item.id === id)) return -1;
  if (timeline.effective.view === 'latest') {
    return timeline.stream.findIndex((item) => item.id === id);
  }
  let offset = 0;
  for (const group of timeline.grouped.groups) {
    const i = group.items.findIndex((item) => item.id === id);
    if (i >= 0) return offset + i;
    offset += group.items.length;
  }
  return -1;
}
