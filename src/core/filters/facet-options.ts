// Which values a facet offers, with their counts: the filter panel's (in its chunk), pure, and in
// the order Intl gives for the reader's language. What each value is called: facet-labels.ts.
import type { FeedMeta, LiveItem } from '../feed/feed-types';
import { facetValueLabel, type Labels } from './facet-labels';
import { facetValues, type ItemMatcher } from './match-items';
import { FACETS, type FacetName } from './filter-state';

export interface FacetOption {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
  readonly count: number;
}

/**
 * The toggles of one facet: the values some item uses, and the chosen ones (known to the feed,
 * url-state.ts) even while nothing matches them, so that a reader can untick them; in an order
 * readers can scan.
 */
export function facetOptions(
  facet: FacetName,
  counts: FacetCounts,
  chosen: readonly string[],
  meta: FeedMeta | undefined,
  labels: Labels,
  locale: string,
): FacetOption[] {
  const values = new Set([...counts[facet].keys(), ...chosen]);
  const options = [...values].map((value) => {
    const label = facetValueLabel(labels, facet, value);
    const hint = facet === 'speakers' ? labels.personRole(value) : undefined;
    return { value, label, hint, count: counts[facet].get(value) ?? 0 };
  });
  if (facet === 'topics') {
    const declared = new Map(meta?.topics.map((t, i) => [t.id, i]));
    return options.sort(
      (a, b) =>
        (declared.get(a.value) ?? Infinity) - (declared.get(b.value) ?? Infinity) ||
        (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    );
  }
  // Creating the first collator costs tens of milliseconds: not for a list with nothing to sort.
  if (options.length < 2) return options;
  const collator = collatorFor(locale);
  return options.sort((a, b) => collator.compare(a.label, b.label));
}

const collators = new Map<string, Intl.Collator>();

function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale)));
  return collator;
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

/** The updates the filter panel counts, and the filters it counts them under. */
export interface FacetCounting {
  readonly items: readonly LiveItem[];
  readonly matcher: ItemMatcher;
}
