// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { FeedMeta } from '../../../../src/core/feed/feed-types';
import {
  countryName,
  createLabels,
  facetValueLabel,
} from '../../../../src/core/filters/facet-labels';
import { facetOptions, type FacetCounts } from '../../../../src/core/filters/facet-options';

const meta: FeedMeta = {
  title: 'Test feed',
  status: 'live',
  topics: [
    { id: 'vote', label: 'The vote' },
    { id: 'protest', label: 'Outside the hall' },
  ],
  countries: [{ code: 'XA', name: 'Ärland' }, { code: 'XZ', name: 'Zedland' }, { code: 'DE' }],
  people: [
    { id: 'ana', name: 'Ana Alves', role: 'Minister' },
    { id: 'bo', name: 'Bo Berg' },
  ],
};

function counts(values: Partial<Record<keyof FacetCounts, [string, number][]>>): FacetCounts {
  return {
    topics: new Map(values.topics),
    countries: new Map(values.countries),
    speakers: new Map(values.speakers),
  };
}

const options = (
  facet: keyof FacetCounts,
  facetCounts: FacetCounts,
  locale = 'en',
  chosen: string[] = [],
) => facetOptions(facet, facetCounts, chosen, meta, createLabels(meta, locale), locale);

describe('facet options: the toggles of the filter panel', () => {
  it('lists topics in the feed’s declared order, then undeclared ids alphabetically', () => {
    const topics = options(
      'topics',
      counts({
        topics: [
          ['zeta', 1],
          ['protest', 2],
          ['alpha', 3],
          ['vote', 4],
        ],
      }),
    );
    expect(topics.map((o) => [o.value, o.label, o.count])).toEqual([
      ['vote', 'The vote', 4],
      ['protest', 'Outside the hall', 2],
      ['alpha', 'alpha', 3],
      ['zeta', 'zeta', 1],
    ]);
  });

  it('offers only values some item uses, with their counts (zero included)', () => {
    const topics = options('topics', counts({ topics: [['vote', 0]] }), 'en');
    expect(topics).toEqual([{ value: 'vote', label: 'The vote', hint: undefined, count: 0 }]);
  });

  it('offers a chosen value no item uses yet, at zero, so that the reader can untick it', () => {
    const topics = options('topics', counts({ topics: [['vote', 2]] }), 'en', ['protest']);
    expect(topics).toEqual([
      { value: 'vote', label: 'The vote', hint: undefined, count: 2 },
      { value: 'protest', label: 'Outside the hall', hint: undefined, count: 0 },
    ]);
  });

  it('sorts countries and people by name, as the reader’s language sorts them', () => {
    const countries = counts({
      countries: [
        ['XZ', 1],
        ['XA', 1],
      ],
    });
    // Swedish puts Ä after Z; English puts it with A.
    expect(options('countries', countries, 'en').map((o) => o.label)).toEqual([
      'Ärland',
      'Zedland',
    ]);
    expect(options('countries', countries, 'sv').map((o) => o.label)).toEqual([
      'Zedland',
      'Ärland',
    ]);
    const people = options(
      'speakers',
      counts({
        speakers: [
          ['bo', 1],
          ['ana', 2],
        ],
      }),
    );
    expect(people.map((o) => [o.label, o.hint, o.count])).toEqual([
      ['Ana Alves', 'Minister', 2],
      ['Bo Berg', undefined, 1],
    ]);
  });
});

describe('facet labels', () => {
  it('names a country by the feed’s name, else in the reader’s language, else by its code', () => {
    expect(countryName('XA', meta, 'fr')).toBe('Ärland');
    expect(countryName('DE', meta, 'fr')).toBe('Allemagne');
    expect(countryName('DE', undefined, 'de')).toBe('Deutschland');
    // An unusable locale or code never throws: the code is shown.
    expect(countryName('DE', meta, 'not a locale')).toBe('DE');
    expect(countryName('1', meta, 'en')).toBe('1');
  });

  it('falls back to the id for a topic or person the feed does not declare', () => {
    const labels = createLabels(meta, 'en');
    expect(facetValueLabel(labels, 'topics', 'vote')).toBe('The vote');
    expect(facetValueLabel(labels, 'topics', 'other')).toBe('other');
    expect(facetValueLabel(labels, 'countries', 'XZ')).toBe('Zedland');
    expect(facetValueLabel(labels, 'speakers', 'ana')).toBe('Ana Alves');
    expect(facetValueLabel(labels, 'speakers', 'nobody')).toBe('nobody');
    expect(labels.personRole('nobody')).toBeUndefined();
    const none = createLabels(undefined, 'en');
    expect([none.topic('vote'), none.person('ana')]).toEqual(['vote', 'ana']);
  });
});
