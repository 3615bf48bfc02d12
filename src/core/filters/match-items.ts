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

/** The values an item has for one facet: its topics, countries or speakers. */
export function facetValues(item: LiveItem, facet: FacetName): readonly string[] {
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
