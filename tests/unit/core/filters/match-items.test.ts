// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { LiveItem } from '../../../../src/core/feed/feed-types';
import {
  activeFilterCount,
  clearFilters,
  filterKey,
  noFilters,
  readsOldestFirst,
  toggleValue,
  type FilterState,
} from '../../../../src/core/filters/filter-state';
import { countFacets } from '../../../../src/core/filters/facet-options';
import {
  createMatcher,
  createSearchIndex,
  filterItems,
} from '../../../../src/core/filters/match-items';
import {
  htmlToSearchText,
  normaliseText,
  searchTerms,
} from '../../../../src/core/filters/normalise-text';
import { item } from '../../../support/feed-builders';

const people = [
  { id: 'sanchez', name: 'José Sánchez' },
  { id: 'orsted', name: 'Zoë Ørsted' },
];

const items: LiveItem[] = [
  item('ua-lt', 5, {
    topics: ['ukraine'],
    countries: ['UA', 'LT'],
    speakers: ['sanchez'],
    title: 'Security guarantees',
  }),
  item('g7-ua', 4, {
    topics: ['g7', 'ukraine'],
    countries: ['US', 'UA'],
    keyEvent: true,
    dateline: 'VILNIUS',
  }),
  item('cn', 3, {
    topics: ['china'],
    countries: ['CN'],
    speakers: ['orsted'],
    contentHtml: '<p>Beijing &amp; Tokyo respond to the communiqu&#233;</p>',
  }),
  item('us', 2, {
    topics: ['biden'],
    countries: ['US'],
    contentText: 'Crème brûlée at the dinner',
  }),
  item('none', 1, { contentHtml: '<script>var hidden = "needle"</script><p>Nothing tagged</p>' }),
];

function shown(state: Partial<FilterState>): string[] {
  const matcher = createMatcher({ ...noFilters, ...state }, createSearchIndex(people));
  return filterItems(items, matcher).map((i) => i.id);
}

describe('filters', () => {
  it('with no filters every item matches', () => {
    expect(shown({})).toEqual(['ua-lt', 'g7-ua', 'cn', 'us', 'none']);
  });

  it('values within one facet are alternatives (OR)', () => {
    expect(shown({ topics: ['china', 'biden'] })).toEqual(['cn', 'us']);
    expect(shown({ countries: ['LT', 'CN'] })).toEqual(['ua-lt', 'cn']);
  });

  it('facets combine with AND', () => {
    expect(shown({ topics: ['ukraine'], countries: ['US'] })).toEqual(['g7-ua']);
    expect(shown({ topics: ['ukraine'], speakers: ['orsted'] })).toEqual([]);
  });

  it('a topic filter matches any of an item’s topics, not only its group’s', () => {
    expect(shown({ topics: ['ukraine'] })).toEqual(['ua-lt', 'g7-ua']);
  });

  it('key events only', () => {
    expect(shown({ keyOnly: true })).toEqual(['g7-ua']);
    expect(shown({ keyOnly: true, topics: ['china'] })).toEqual([]);
  });

  it('search ignores case and accents, in both directions', () => {
    expect(shown({ q: 'SANCHEZ' })).toEqual(['ua-lt']);
    expect(shown({ q: 'zoë' })).toEqual(['cn']);
    expect(shown({ q: 'orsted' })).toEqual(['cn']);
    expect(shown({ q: 'creme brulee' })).toEqual(['us']);
    expect(shown({ q: 'communiqué' })).toEqual(['cn']);
  });

  it('search covers headline, body (HTML and text), speakers’ names and dateline', () => {
    expect(shown({ q: 'guarantees' })).toEqual(['ua-lt']);
    expect(shown({ q: 'tokyo' })).toEqual(['cn']);
    expect(shown({ q: 'vilnius' })).toEqual(['g7-ua']);
    expect(shown({ q: 'beijing & tokyo' })).toEqual(['cn']);
  });

  it('search also covers the summary, and an update with text content only', () => {
    const extra = [
      item('summary', 0, { summary: 'Communiqué adopted' }),
      item('text-only', 0, { contentHtml: undefined, contentText: 'Leaders arrive' }),
    ];
    const matcher = (q: string) => createMatcher({ ...noFilters, q }, createSearchIndex(people));
    expect(filterItems(extra, matcher('communique')).map((i) => i.id)).toEqual(['summary']);
    expect(filterItems(extra, matcher('leaders')).map((i) => i.id)).toEqual(['text-only']);
  });

  it('search terms all have to match, in any order', () => {
    expect(shown({ q: 'tokyo beijing' })).toEqual(['cn']);
    expect(shown({ q: 'tokyo vilnius' })).toEqual([]);
  });

  it('quotation marks around a phrase or a word are no part of what is searched', () => {
    expect(shown({ q: '"security guarantees"' })).toEqual(['ua-lt']);
    expect(shown({ q: '“Beijing” „Tokyo“ «communiqué»' })).toEqual(['cn']);
    expect(shown({ q: "'vilnius'" })).toEqual(['g7-ua']);
    expect(shown({ q: '＂crème brûlée＂' })).toEqual(['us']);
  });

  it('search does not match markup or script contents', () => {
    expect(shown({ q: 'needle' })).toEqual([]);
    expect(shown({ q: 'script' })).toEqual([]);
    expect(shown({ q: 'nothing tagged' })).toEqual(['none']);
  });

  it('a blank query filters nothing', () => {
    expect(shown({ q: '   ' })).toHaveLength(items.length);
  });
});

describe('facet counts', () => {
  const searchText = createSearchIndex(people);
  const counts = (state: Partial<FilterState>) =>
    countFacets(items, createMatcher({ ...noFilters, ...state }, searchText));

  it('without filters: how many items carry each value', () => {
    const c = counts({});
    expect(Object.fromEntries(c.topics)).toEqual({ ukraine: 2, g7: 1, china: 1, biden: 1 });
    expect(Object.fromEntries(c.countries)).toEqual({ UA: 2, LT: 1, US: 2, CN: 1 });
    expect(Object.fromEntries(c.speakers)).toEqual({ sanchez: 1, orsted: 1 });
  });

  it('a facet’s own choice does not narrow its counts (alternatives), other facets do', () => {
    const c = counts({ topics: ['china'], countries: ['US'] });
    // Topics are counted under the country filter only.
    expect(Object.fromEntries(c.topics)).toEqual({ ukraine: 1, g7: 1, china: 0, biden: 1 });
    // Countries are counted under the topic filter only.
    expect(Object.fromEntries(c.countries)).toEqual({ UA: 0, LT: 0, US: 0, CN: 1 });
  });

  it('search and key events narrow every count', () => {
    const c = counts({ keyOnly: true });
    expect(Object.fromEntries(c.topics)).toEqual({ ukraine: 1, g7: 1, china: 0, biden: 0 });
    const s = counts({ q: 'vilnius' });
    expect(Object.fromEntries(s.countries)).toEqual({ UA: 1, LT: 0, US: 1, CN: 0 });
  });

  it('a count equals the items shown when that value alone is chosen in its facet', () => {
    const state = { countries: ['UA'], keyOnly: false };
    const c = counts(state);
    for (const [topic, n] of c.topics) {
      expect(shown({ ...state, topics: [topic] }), topic).toHaveLength(n);
    }
  });
});

describe('text helpers', () => {
  it('normaliseText folds case and strips combining marks', () => {
    expect(normaliseText('Ångström ÉCOLE ﬁ')).toBe(normaliseText('angstrom ecole fi'));
    // Letters without a decomposition are folded by hand.
    expect(normaliseText('Ørsted Łódź Straße Æsir O’Connor')).toBe(
      normaliseText("orsted lodz strasse aesir o'connor"),
    );
  });

  it('htmlToSearchText decodes entities and drops tags', () => {
    expect(htmlToSearchText('<p>A&nbsp;&lt;b&gt; &#233;&#x41;&unknown;</p>')).toBe(
      ' A <b> éA&unknown; ',
    );
    expect(htmlToSearchText('&#0;&#x110000;')).toBe('  ');
  });

  it('htmlToSearchText reads the named references a CMS writes, and no other', () => {
    expect(
      htmlToSearchText(
        '<p>Caf&eacute; in &Aring;land, &Scaron;efčovi&ccedil;, &aelig;r&oslash;; Stoltenberg&rsquo;s &ldquo;yes&rdquo; &mdash; &euro;2bn&hellip;</p>',
      ),
    ).toBe(' Café in Åland, Šefčoviç, ærø; Stoltenberg’s “yes” — €2bn… ');
    // HTML's own names are case-sensitive; HTML 4's basic ones are read in capitals too.
    expect(htmlToSearchText('&EACUTE; &AMP; &constructor; &toString; &bacutes;')).toBe(
      '&EACUTE; & &constructor; &toString; &bacutes;',
    );
  });

  it('search finds words written with named references', () => {
    const written = [
      item('named', 0, {
        contentHtml: '<p>Stoltenberg&rsquo;s caf&eacute; &ndash; Z&uuml;rich</p>',
      }),
    ];
    const matcher = (q: string) => createMatcher({ ...noFilters, q }, createSearchIndex(people));
    for (const q of ["stoltenberg's", 'cafe', 'café', 'zurich']) {
      expect(
        filterItems(written, matcher(q)).map((i) => i.id),
        q,
      ).toEqual(['named']);
    }
  });

  it('inline elements do not split a word; blocks, line breaks and images do', () => {
    const words = (html: string) => htmlToSearchText(html).split(/\s+/).filter(Boolean);
    expect(words('<p>H<sub>2</sub>O and CO<SUB>2</SUB></p>')).toEqual(['H2O', 'and', 'CO2']);
    expect(words('<b>Nato</b>’s <a href="x">sum</a><em>mit</em> E=mc<sup>2</sup>')).toEqual([
      'Nato’s',
      'summit',
      'E=mc2',
    ]);
    expect(words('<p>one</p><p>two</p>three<br>four<img src="x" alt="">five<li>six')).toEqual([
      'one',
      'two',
      'three',
      'four',
      'five',
      'six',
    ]);
    const index = createSearchIndex([]);
    const water = { ...items[0]!, contentHtml: '<p>H<sub>2</sub>O and CO<sub>2</sub></p>' };
    for (const q of ['h2o', 'co2', 'H2O co2']) {
      expect(createMatcher({ ...noFilters, q }, index)(water), q).toBe(true);
    }
  });

  it('searchTerms splits on whitespace and normalises', () => {
    expect(searchTerms('  Sánchez\tORSTED  ')).toEqual(searchTerms('sanchez orsted'));
    expect(searchTerms('  Sánchez\tORSTED  ')).toHaveLength(2);
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms("'Nato’s' «Biden» ‹G7›")).toEqual(searchTerms("nato's biden g7"));
    expect(searchTerms("nato's biden g7")).toHaveLength(3);
  });

  it('toggleValue and activeFilterCount', () => {
    expect(toggleValue(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggleValue(['a'], 'b')).toEqual(['a', 'b']);
    expect(
      activeFilterCount({
        topics: ['a'],
        countries: ['UA', 'LT'],
        speakers: [],
        q: ' x ',
        keyOnly: true,
      }),
    ).toBe(5);
    expect(activeFilterCount({ ...noFilters, q: '  ' })).toBe(0);
    expect(activeFilterCount({ ...noFilters, speakers: ['a', 'b'] })).toBe(2);
  });

  it('clearing the filters keeps the view and the order', () => {
    const view = { ...noFilters, topics: ['a'], q: 'x', keyOnly: true };
    const state = { ...view, view: 'latest' as const, order: 'oldest' as const };
    expect(clearFilters(state)).toEqual({ ...noFilters, view: 'latest', order: 'oldest' });
    expect(activeFilterCount(clearFilters(state))).toBe(0);
  });

  it('only the Latest view, oldest first, reads oldest first', () => {
    expect(readsOldestFirst({ view: 'latest', order: 'oldest' })).toBe(true);
    expect(readsOldestFirst({ view: 'latest', order: 'newest' })).toBe(false);
    expect(readsOldestFirst({ view: 'topics', order: 'oldest' })).toBe(false);
  });

  it('the filter key changes with every filter, and only with the filters', () => {
    const key = filterKey(noFilters);
    expect(filterKey({ ...noFilters })).toBe(key);
    const changed = [
      { topics: ['a'] },
      { countries: ['a'] },
      { speakers: ['a'] },
      { q: 'a' },
      { keyOnly: true },
    ].map((change) => filterKey({ ...noFilters, ...change }));
    expect(new Set([key, ...changed]).size).toBe(6);
    expect(filterKey({ ...noFilters, topics: ['a'] })).not.toBe(
      filterKey({ ...noFilters, speakers: ['a'] }),
    );
  });

  it('the search index is cached per item object', () => {
    const index = createSearchIndex(people);
    const a = items[0]!;
    expect(index(a)).toBe(index(a));
    expect(index(a)).toContain(normaliseText('jose sanchez'));
  });
});
