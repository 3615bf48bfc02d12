// With the landing code (keep-in-place.ts), loaded when the page is idle: a retraction before
// that takes the update away at once, as the first screen's code knows nothing of this.
import { createElement, type Dispatch, type SetStateAction } from 'react';
import type { FeedStore } from '../../core/feed/feed-store';
import type { LiveItem } from '../../core/feed/feed-types';
import type { HeldPlace } from '../../core/timeline/held-place';
import type { ViewState } from '../../core/filters/filter-state';
import { onScreen } from './on-screen';
import { WithdrawnPlace } from './WithdrawnPlace';

/** A reader who stays put all day does not collect them: the oldest goes first. */
const MAX_HELD = 3;

export interface HeldState {
  readonly sorted: readonly LiveItem[];
  readonly view: ViewState;
  readonly held: readonly HeldPlace[];
}

/**
 * The places of updates a tombstone took away while they were on the reader's screen
 * (docs/decisions/0043), for the timeline to render where they were. Found as the render that
 * removes them runs, while their elements are still in the page as the last commit left them
 * (read, not written): so their places come in the same commit, as tall as they were, and
 * nothing below moves. Each goes once out of view (WithdrawnPlace.tsx), all of them when the
 * reader changes the view (filters, order, topics or Latest: a new `view`). `seen` is the
 * widget's own state (the "previous render" pattern: set while rendering, React renders again at
 * once); undefined until this code is in.
 */
export function holdPlaces(
  [seen, setSeen]: [HeldState | undefined, Dispatch<SetStateAction<HeldState | undefined>>],
  sorted: readonly LiveItem[],
  store: FeedStore | undefined,
  view: ViewState,
  find: (id: string) => Element | null,
): readonly HeldPlace[] {
  if (seen?.sorted === sorted && seen.view === view) return seen.held;
  let held = seen?.view === view ? seen.held : [];
  if (seen && held === seen.held && store?.tombstones.size) {
    const drop = (id: string) => () =>
      setSeen((s) => s && { ...s, held: s.held.filter((p) => p.id !== id) });
    for (const item of seen.sorted) {
      const box = store.tombstones.has(item.id) && find(item.id)?.getBoundingClientRect();
      if (!box || !onScreen(box)) continue;
      const place: HeldPlace = {
        ...item,
        height: box.height,
        drop: drop(item.id),
        render: () => createElement(WithdrawnPlace, { key: item.id, place }),
      };
      held = [...held, place];
    }
  }
  if (held.length > MAX_HELD) held = held.slice(-MAX_HELD);
  setSeen({ sorted, view, held });
  return held;
}
