// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNewestFirst } from '../../../../src/core/feed/feed-store';
import { FACETS, toggleValue, type FilterState } from '../../../../src/core/filters/filter-state';
import { countFacets } from '../../../../src/core/filters/facet-options';
import {
  createMatcher,
  createSearchIndex,
  filterItems,
} from '../../../../src/core/filters/match-items';
import { parseViewState, serializeViewState } from '../../../../src/core/filters/url-state';
import { groupByTopic } from '../../../../src/core/timeline/group-by-topic';
import {
  check,
  COUNTRIES,
  filterItemArb,
  params,
  SPEAKERS,
  timeout,
  TOPICS,
  viewStateArb,
  WORDS,
} from '../../../support/arbitraries';

const people = [
  { id: 'sanchez', name: 'José Sánchez' },
  { id: 'orsted', name: 'Zoë Ørsted' },
];

const filterStateArb: fc.Arbitrary<FilterState> = fc.record({
  topics: fc.subarray([...TOPICS], { maxLength: 2 }),
  countries: fc.subarray([...COUNTRIES], { maxLength: 2 }),
  speakers: fc.subarray([...SPEAKERS], { maxLength: 2 }),
  q: fc.oneof(
    fc.constant(''),
    fc.constantFrom(...WORDS).map((w) => w.toUpperCase()),
    fc.constantFrom('sanchez', 'orsted', 'creme pact'),
  ),
  keyOnly: fc.boolean(),
});

describe('property: facet counts', () => {
  it(
    'property: a value’s count is the number of items shown after toggling it on',
    () => {
      fc.assert(
        fc.property(fc.array(filterItemArb, { maxLength: 15 }), filterStateArb, (items, state) => {
          const searchText = createSearchIndex(people);
          const counts = countFacets(items, createMatcher(state, searchText));
          for (const facet of FACETS) {
            const values = new Set([...items.flatMap((i) => i[facet]), ...state[facet]]);
            for (const value of values) {
              // Values of one facet are alternatives, so the count describes that value on its
              // own; with nothing else chosen in the facet, that is exactly "toggle it on".
              const chosen = state[facet].length === 0 ? toggleValue([], value) : [value];
              const after = { ...state, [facet]: chosen };
              const shown = filterItems(items, createMatcher(after, searchText)).length;
              const count = counts[facet].get(value) ?? 0;
              check(count === shown, `${facet}=${value}: count ${count}, shown ${shown}`);
            }
          }
        }),
        params,
      );
    },
    timeout,
  );
});

describe('property: URL state', () => {
  it(
    'property: parseViewState(serializeViewState(s)) deep-equals s for valid states',
    () => {
      fc.assert(
        fc.property(viewStateArb, (state) => {
          expect(parseViewState(serializeViewState(state))).toEqual(state);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'property: other parameters (feed=, locale=) survive untouched',
    () => {
      fc.assert(
        fc.property(viewStateArb, fc.webUrl(), fc.string(), (state, feed, locale) => {
          const current = new URLSearchParams({ feed, locale }).toString();
          const out = serializeViewState(state, `?${current}`);
          const params = new URLSearchParams(out);
          expect(params.get('feed')).toBe(feed);
          expect(params.get('locale')).toBe(locale);
          expect(parseViewState(out)).toEqual(state);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'property: any query string reads without throwing, and what is read survives a round trip',
    () => {
      const queryArb = fc.oneof(
        fc.string(),
        fc.webQueryParameters(),
        fc
          .array(
            fc.tuple(
              fc.constantFrom('topic', 'country', 'speaker', 'q', 'key', 'view', 'feed'),
              fc.oneof(
                fc.string({ unit: 'grapheme', maxLength: 12 }),
                // Values that differ only in case or blanks, and separators.
                fc.constantFrom('ua', 'UA', 'Ua', ' ', '  ', ',', 'a, b', 'ß', 'latest', '1'),
              ),
            ),
            { maxLength: 6 },
          )
          .map((pairs) => new URLSearchParams(pairs).toString()),
      );
      fc.assert(
        fc.property(queryArb, (query) => {
          const read = parseViewState(query);
          expect(parseViewState(serializeViewState(read, query))).toEqual(read);
        }),
        params,
      );
    },
    timeout,
  );
});

describe('property: grouping', () => {
  it(
    'property: every item is shown exactly once: pinned above, or in the group of its first topic',
    () => {
      const pinnable = fc
        .tuple(filterItemArb, fc.boolean())
        .map(([i, pinned]) => ({ ...i, pinned }));
      fc.assert(
        fc.property(
          fc.uniqueArray(pinnable, { selector: (i) => i.id, maxLength: 15 }),
          fc.subarray([...TOPICS]),
          (items, declared) => {
            const sorted = [...items].sort(compareNewestFirst);
            const meta = { topics: declared.map((id) => ({ id, label: id })) };
            const grouped = groupByTopic(sorted, meta, 'Other updates');
            const seen = [...grouped.pinned, ...grouped.groups.flatMap((g) => g.items)];
            expect(seen.map((i) => i.id).sort()).toEqual(items.map((i) => i.id).sort());
            for (const group of grouped.groups) {
              expect(group.items.length).toBeGreaterThan(0);
              for (const item of group.items) {
                expect(item.pinned).toBe(false);
                expect(item.topics[0] ?? null).toBe(group.id);
              }
              expect([...group.items].sort(compareNewestFirst)).toEqual(group.items);
            }
            const ids = grouped.groups.map((g) => g.id);
            const declaredIds = declared.filter((id) => ids.includes(id));
            const declaredSet = new Set<string | null>(declared);
            const rest = ids.filter((id) => id !== null && !declaredSet.has(id));
            expect(ids).toEqual([
              ...declaredIds,
              ...[...(rest as string[])].sort(),
              ...(ids.includes(null) ? [null] : []),
            ]);
          },
        ),
        params,
      );
    },
    timeout,
  );
});
