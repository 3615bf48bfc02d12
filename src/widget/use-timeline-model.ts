import { useDeferredValue, useMemo, useState } from 'react';
import { useHydrated } from '../shared/hydration/use-hydrated';
import type { FeedStore } from '../core/feed/feed-store';
import { compareNewestFirst, sortedItems } from '../core/feed/feed-store';
import type { LiveItem } from '../core/feed/feed-types';
import type { FacetName, FilterState, ViewState } from '../core/filters/filter-state';
import { filterKey, readsOldestFirst } from '../core/filters/filter-state';
import { createMatcher, createSearchIndex, type SearchText } from '../core/filters/match-items';
import { withKnownValues } from '../core/filters/url-state';
import { groupByTopic, splitPinned, type GroupedTimeline } from '../core/timeline/group-by-topic';
import { createLabels, type Labels } from '../core/filters/facet-labels';
import type { FacetCounting } from '../core/filters/facet-options';

const noItems: readonly LiveItem[] = [];

export interface TimelineModel {
  readonly sorted: readonly LiveItem[];
  readonly labels: Labels;
  /** The view state with ids the feed does not know dropped. */
  readonly effective: ViewState;
  /** What the filter panel counts (in its chunk): a moment behind the filters, as it follows. */
  readonly counting: FacetCounting;
  /** True while the counts still describe the previous filters (they follow a moment later). */
  readonly countsPending: boolean;
  /** Items shown after filters, newest first. */
  readonly matching: readonly LiveItem[];
  /** Arrivals waiting behind the new-updates button that the filters let through. */
  readonly waitingMatching: readonly LiveItem[];
  readonly grouped: GroupedTimeline;
  /** `matching` as far as an embed's `limit` lets it show (all of it without one). */
  readonly withinLimit: readonly LiveItem[];
  /**
   * The chronological stream without pinned items (the Latest view), in the reader's order. Empty
   * in oldest-first order while only a first screen is in: that holds the end of the story.
   */
  readonly stream: readonly LiveItem[];
  /** The Latest view, read oldest first: arrivals go to the end. */
  readonly oldestFirst: boolean;
  readonly oldestLoaded: number | undefined;
  /** The search index, which the filter panel builds ahead while the reader is about to type. */
  readonly searchText: SearchText;
}

/** Derives everything the timeline shows from the store and the reader's view. */
export function useSortedItems(store: FeedStore | undefined): readonly LiveItem[] {
  return useMemo(() => (store ? sortedItems(store) : noItems), [store]);
}

export interface TimelineInput {
  readonly store: FeedStore | undefined;
  /** Newest first (useSortedItems). */
  readonly sorted: readonly LiveItem[];
  /** Items released to the view, and arrivals still waiting behind the new-updates button. */
  readonly shown: readonly LiveItem[];
  readonly waiting: readonly LiveItem[];
  readonly view: ViewState;
  readonly locale: string;
  readonly otherLabel: string;
  readonly limit: number | undefined;
  /** Places of updates retracted on the reader's screen, rendered where they were. */
  readonly held?: readonly LiveItem[] | undefined;
}

export function useTimelineModel(input: TimelineInput): TimelineModel {
  const { store, sorted, shown, waiting, view, locale, otherLabel, limit, held = noItems } = input;
  const meta = store?.meta;
  const labels = useMemo(() => createLabels(meta, locale), [meta, locale]);
  const searchText = useMemo(() => createSearchIndex(meta?.people ?? []), [meta?.people]);
  // Ids the feed declares are known before any update carries them: a preset topic on a page
  // about it shows "no updates" until the first one comes, not every other topic's updates.
  const known = useMemo(() => {
    const sets: Record<FacetName, Set<string>> = {
      topics: new Set(meta?.topics.map((t) => t.id)),
      countries: new Set(meta?.countries.map((c) => c.code)),
      speakers: new Set(meta?.people.map((p) => p.id)),
    };
    for (const item of sorted) {
      for (const t of item.topics) sets.topics.add(t);
      for (const c of item.countries) sets.countries.add(c);
      for (const s of item.speakers) sets.speakers.add(s);
    }
    return sets;
  }, [sorted, meta]);
  // Until the first document arrives nothing is known, and a shared link must not be emptied.
  const effective = store ? withKnownValues(view, known) : view;
  // The matcher follows the filter values, not the state object's identity (a poll makes a new
  // one with the same filters): the filters are kept as long as their key stays the same.
  const key = filterKey(effective);
  const [filters, setFilters] = useState<{ key: string; state: FilterState }>({
    key,
    state: effective,
  });
  if (filters.key !== key) setFilters({ key, state: effective });
  // The new filters at once: what this render passes on (the count announced) must match them.
  const state = filters.key === key ? filters.state : effective;
  const matcher = useMemo(() => createMatcher(state, searchText), [state, searchText]);
  // Counts are secondary to the updates themselves: a filter click paints the timeline first and
  // the counts a moment later (useDeferredValue), keeping the click responsive at 10,000 items.
  // The filter panel counts (use-facet-options.ts): a blog without it counts nothing.
  // Not deferred where the server renders, nor while hydrating: its HTML has the counts.
  const hydrated = useHydrated();
  const countedItems = useDeferredValue(shown, hydrated ? noItems : shown);
  const countingMatcher = useDeferredValue(matcher);
  const matching = useMemo(() => shown.filter((item) => matcher(item)), [shown, matcher]);
  const waitingMatching = useMemo(
    () => waiting.filter((item) => matcher(item)),
    [waiting, matcher],
  );
  const limited = useMemo(
    () => (limit !== undefined && limit >= 0 ? matching.slice(0, limit) : matching),
    [matching, limit],
  );
  const rendered = useMemo(
    () => (held.length ? [...limited, ...held].sort(compareNewestFirst) : limited),
    [limited, held],
  );
  const grouped = useMemo(
    () =>
      effective.view === 'topics'
        ? groupByTopic(rendered, meta, otherLabel)
        : { ...splitPinned(rendered), groups: [] },
    [rendered, effective.view, meta, otherLabel],
  );
  const oldestFirst = readsOldestFirst(effective);
  const waitForStart = oldestFirst && store?.complete === false;
  const stream = useMemo(() => {
    const items = waitForStart ? [] : rendered.filter((item) => !item.pinned);
    return oldestFirst ? items.reverse() : items;
  }, [rendered, oldestFirst, waitForStart]);
  return {
    sorted,
    labels,
    effective,
    counting: { items: countedItems, matcher: countingMatcher },
    countsPending: countedItems !== shown || countingMatcher !== matcher,
    matching,
    waitingMatching,
    grouped,
    withinLimit: limited,
    stream,
    oldestFirst,
    oldestLoaded: sorted.at(-1)?.published,
    searchText,
  };
}
