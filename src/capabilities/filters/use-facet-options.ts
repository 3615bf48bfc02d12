import { useMemo } from 'react';
import type { FeedMeta } from '../../core/feed/feed-types';
import type { Labels } from '../../core/filters/facet-labels';
import {
  countFacets,
  facetOptions,
  type FacetCounting,
  type FacetOption,
} from '../../core/filters/facet-options';
import { FACETS, type FacetName, type FilterState } from '../../core/filters/filter-state';

export interface FacetListing {
  readonly options: Record<FacetName, readonly FacetOption[]>;
  readonly keyEventCount: number;
  /** Whether any update is a key event: a blog that marks none has no use for the toggle. */
  readonly anyKeyEvent: boolean;
}

/**
 * The filter panel's toggles and their counts, from what the timeline model hands it
 * (`counting`, a moment behind the filters: use-timeline-model.ts). Counted here, in the panel's
 * chunk, so that a first screen does not carry the code and a blog without the panel counts
 * nothing.
 */
export function useFacetOptions(
  counting: FacetCounting,
  state: FilterState,
  meta: FeedMeta | undefined,
  labels: Labels,
  locale: string,
): FacetListing {
  const { items, matcher } = counting;
  const counts = useMemo(() => countFacets(items, matcher), [items, matcher]);
  const options = useMemo(() => {
    const result = {} as Record<FacetName, FacetOption[]>;
    for (const facet of FACETS)
      result[facet] = facetOptions(facet, counts, state[facet], meta, labels, locale);
    return result;
  }, [counts, state, meta, labels, locale]);
  const keyEventCount = useMemo(
    () => items.filter((item) => item.keyEvent && matcher(item)).length,
    [items, matcher],
  );
  const anyKeyEvent = useMemo(() => items.some((item) => item.keyEvent), [items]);
  return { options, keyEventCount, anyKeyEvent };
}
