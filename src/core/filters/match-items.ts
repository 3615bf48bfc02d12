import type { FeedMeta, LiveItem } from '../feed/feed-types';
import type { FacetName, FilterState } from './filter-state';
import { FACETS } from './filter-state';
import { htmlToSearchText, normaliseText, searchTerms } from './normalise-text';

/**
 * Builds (once per item, cached by item identity) the normalised text that search runs over:
 * headline, body, speakers' names and dateline. A new people list gets a new index.
 */
export function createSearchIndex(people: FeedMeta['people']) {
  const names = new Map(people.map((p) => [p.id, p.name]));
  const cache = new WeakMap<LiveItem, string>();
  return function searchText(item: LiveItem): string {
    let text = cache.get(item);
    if (text === undefined) {
      // join() writes a missing field as nothing.
      text = normaliseText(
        [
          item.title,
          item.summary,
          htmlToSearchText(item.contentHtml ?? ''),
          item.contentText,
          item.speakers.map((id) => names.get(id) ?? id).join(' '),
          item.dateline,
        ].join('\n'),
      );
      cache.set(item, text);
    }
    return text;
  };
}

export type SearchText = (item: LiveItem) => string;

function facetValues(item: LiveItem, facet: FacetName): readonly string[] {
  return facet === 'topics' ? item.topics : facet === 'countries' ? item.countries : item.speakers;
}

function matchesFacet(item: LiveItem, facet: FacetName, chosen: readonly string[]): boolean {
  if (chosen.length === 0) return true;
  const values = facetValues(item, facet);
  return chosen.some((c) => values.includes(c));
}

/** A compiled filter: terms normalised once per query, not once per item. */
export interface ItemMatcher {
  (item: LiveItem, ignoreFacet?: FacetName): boolean;
}

export function createMatcher(state: FilterState, searchText: SearchText): ItemMatcher {
  const terms = searchTerms(state.q);
  return (item, ignoreFacet) => {
    if (state.keyOnly && !item.keyEvent) return false;
    for (const facet of FACETS) {
      if (facet !== ignoreFacet && !matchesFacet(item, facet, state[facet])) return false;
    }
    if (terms.length > 0) {
      const text = searchText(item);
      for (const term of terms) if (!text.includes(term)) return false;
    }
    return true;
  };
}

export function filterItems(items: readonly LiveItem[], matcher: ItemMatcher): LiveItem[] {
  return items.filter((item) => matcher(item));
}

export type FacetCounts = Record<FacetName, ReadonlyMap<string, number>>;

/**
 * For each facet value, how many items the reader would see if they toggled it on, given every
 * other active filter (values of the same facet are alternatives, so that facet is ignored).
 * Only values some item uses appear.
 */
export function countFacets(items: readonly LiveItem[], matcher: ItemMatcher): FacetCounts {
  const counts = {
    topics: new Map<string, number>(),
    countries: new Map<string, number>(),
    speakers: new Map<string, number>(),
  };
  for (const item of items) {
    for (const facet of FACETS) {
      const map = counts[facet];
      const values = facetValues(item, facet);
      if (values.length === 0) continue;
      const matches = matcher(item, facet);
      for (const value of values) map.set(value, (map.get(value) ?? 0) + (matches ? 1 : 0));
    }
  }
  return counts;
}
