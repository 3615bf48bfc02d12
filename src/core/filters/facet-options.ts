// What each facet value is called and which values a facet offers, with their counts: pure, so
// that the widget's model and the filter panel agree (Intl gives country names and the order).
import type { FeedMeta } from '../feed/feed-types';
import type { FacetCounts } from './match-items';
import type { FacetName } from './filter-state';

export interface FacetOption {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
  readonly count: number;
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

/** A country's name: the feed's, else the reader's language's via Intl.DisplayNames. */
export function countryName(code: string, meta: FeedMeta | undefined, locale: string): string {
  const declared = meta?.countries.find((c) => c.code === code)?.name;
  if (declared) return declared;
  let names = regionNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
    } catch {
      names = null;
    }
    regionNames.set(locale, names);
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

export interface Labels {
  topic(id: string): string;
  country(code: string): string;
  person(id: string): string;
  personRole(id: string): string | undefined;
}

export function createLabels(meta: FeedMeta | undefined, locale: string): Labels {
  const topics = new Map(meta?.topics.map((t) => [t.id, t.label]));
  const people = new Map(meta?.people.map((p) => [p.id, p]));
  return {
    topic: (id) => topics.get(id) ?? id,
    country: (code) => countryName(code, meta, locale),
    person: (id) => people.get(id)?.name ?? id,
    personRole: (id) => people.get(id)?.role,
  };
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

/** What readers call one facet value: a topic's label, a country's name, a person's name. */
export function facetValueLabel(labels: Labels, facet: FacetName, value: string): string {
  return facet === 'topics'
    ? labels.topic(value)
    : facet === 'countries'
      ? labels.country(value)
      : labels.person(value);
}
