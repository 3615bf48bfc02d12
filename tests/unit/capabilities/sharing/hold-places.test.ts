import { describe, expect, it } from 'vitest';
import { holdPlaces, type HeldState } from '../../../../src/capabilities/sharing/hold-places';
import { emptyStore, type FeedStore } from '../../../../src/core/feed/feed-store';
import type { LiveItem } from '../../../../src/core/feed/feed-types';
import { defaultViewState, type ViewState } from '../../../../src/core/filters/filter-state';

const item = (id: string, published: number) =>
  ({ id, published, topics: [], pinned: false }) as unknown as LiveItem;

/** The widget's state, as React keeps it across renders. */
function widgetState() {
  let state: HeldState | undefined;
  const set = (
    next: HeldState | undefined | ((s: HeldState | undefined) => HeldState | undefined),
  ) => {
    state = typeof next === 'function' ? next(state) : next;
  };
  return () => [state, set] as [HeldState | undefined, typeof set];
}

/** Elements where the updates are: `top` px from the viewport's top, 200 px tall. */
const page = (tops: Record<string, number>) => (id: string) =>
  id in tops
    ? ({
        getBoundingClientRect: () => ({ top: tops[id]!, bottom: tops[id]! + 200, height: 200 }),
      } as Element)
    : null;

const storeWith = (tombstones: string[]): FeedStore => ({
  ...emptyStore,
  tombstones: new Set(tombstones),
});

describe('holdPlaces', () => {
  const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((id, i) => item(id, 100 - i));
  const all = [a!, b!, c!, d!, e!];
  const view: ViewState = defaultViewState;

  it('holds the place of an update retracted on the screen, not of one off it', () => {
    const state = widgetState();
    const find = page({ b: 100, d: 2_000 });
    expect(holdPlaces(state(), all, emptyStore, view, find)).toEqual([]);
    const held = holdPlaces(state(), [a!, c!, e!], storeWith(['b', 'd']), view, find);
    expect(held.map((p) => [p.id, p.height])).toEqual([['b', 200]]);
    // The next render of the same lists gives the same places.
    expect(holdPlaces(state(), [a!, c!, e!], storeWith(['b', 'd']), view, find)).toBe(held);
  });

  it('keeps three at most, the newest, and lets each go when told', () => {
    const state = widgetState();
    const find = page({ a: 0, b: 100, c: 200, d: 300 });
    holdPlaces(state(), all, emptyStore, view, find);
    holdPlaces(state(), [c!, d!, e!], storeWith(['a', 'b']), view, find);
    const held = holdPlaces(state(), [e!], storeWith(['a', 'b', 'c', 'd']), view, find);
    expect(held.map((p) => p.id)).toEqual(['b', 'c', 'd']);
    held[1]!.drop();
    expect(state()[0]!.held.map((p) => p.id)).toEqual(['b', 'd']);
  });

  it('lets them all go when the reader changes the view', () => {
    const state = widgetState();
    const find = page({ b: 100 });
    holdPlaces(state(), all, emptyStore, view, find);
    expect(holdPlaces(state(), [a!, c!], storeWith(['b']), view, find)).toHaveLength(1);
    expect(holdPlaces(state(), [a!, c!], storeWith(['b']), { ...view }, find)).toEqual([]);
  });
});
