// What each facet value is called (a topic's label, a country's name, a person's name): the
// timeline's and the filter panel's words agree (Intl names the countries the feed does not).
import { contentLang } from '../feed/content-lang';
import type { FeedMeta } from '../feed/feed-types';
import type { FacetName } from './filter-state';

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

/** What readers call one facet value: a topic's label, a country's name, a person's name. */
export function facetValueLabel(labels: Labels, facet: FacetName, value: string): string {
  return facet === 'topics'
    ? labels.topic(value)
    : facet === 'countries'
      ? labels.country(value)
      : labels.person(value);
}

/**
 * The language a value is called in: the feed's (content-lang.ts), except a country the feed
 * does not name, which Intl names in the reader's (undefined: the widget's own language).
 */
export function facetValueLang(
  meta: FeedMeta | undefined,
  facet: FacetName,
  value: string,
): string | undefined {
  return facet !== 'countries' || meta?.countries.some((c) => c.code === value && c.name)
    ? contentLang(meta)
    : undefined;
}
