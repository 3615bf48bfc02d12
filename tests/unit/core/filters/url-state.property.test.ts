// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACETS, type ViewState } from '../../../../src/core/filters/filter-state';
import { parseViewState, serializeViewState } from '../../../../src/core/filters/url-state';
import { check, contractIdArb, HOSTILE, params, timeout } from '../../../support/arbitraries';

/** Up to `max` distinct values: mostly a few, sometimes at the limit of 50 values per facet. */
function valuesArb(value: fc.Arbitrary<string>): fc.Arbitrary<string[]> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.uniqueArray(value, { maxLength: 8 }) },
    fc.uniqueArray(value, { minLength: 45, maxLength: 50 }),
  );
}

/** Any view state whose ids the contract allows, hostile characters well represented. */
const stateArb: fc.Arbitrary<ViewState> = fc.record({
  topics: valuesArb(contractIdArb),
  countries: valuesArb(fc.stringMatching(/^[A-Z]{2}$/)),
  speakers: valuesArb(contractIdArb),
  q: fc.oneof(
    fc.constant(''),
    fc
      .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constantFrom(...HOSTILE)))
      .map((parts) => parts.join('').slice(0, 200))
      .filter((q) => q.trim() !== '' && !/[\uD800-\uDBFF]$/.test(q)),
  ),
  keyOnly: fc.boolean(),
  view: fc.constantFrom('topics' as const, 'latest' as const),
  order: fc.constantFrom('newest' as const, 'oldest' as const),
});

/** Raw query text, as a hand-edited or hostile link could carry it (not only what we write). */
const rawQueryArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.array(fc.integer({ min: 0, max: 0xffff })).map((units) => String.fromCharCode(...units)),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          ...HOSTILE,
          ...['?', '&', '=', ',', '%', '%2', '%C3', '%A9', '%ED%A0%80', '%F4%90%80%80', '%C0%AF'],
          ...[
            'topic=',
            'country=',
            'speaker=',
            'q=',
            'key=1',
            'view=latest',
            'order=oldest',
            '%74opic=',
          ],
          ...['\uD800', '\uDC00', 'ß', 'ua', 'UA'],
        ),
        fc.string({ unit: 'grapheme', maxLength: 4 }),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join('')),
);

describe('property: URL state round trip', () => {
  it(
    'property: any view state of contract ids → URL → the same view state',
    () => {
      fc.assert(
        fc.property(stateArb, (state) => {
          expect(parseViewState(serializeViewState(state))).toEqual(state);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'property: writing the view keeps unrelated parameters (feed=, locale=) as they are',
    () => {
      const otherArb = fc.oneof(
        fc
          .tuple(fc.webUrl({ withQueryParameters: true }), fc.string())
          .map(([feed, locale]) => new URLSearchParams({ feed, locale }).toString()),
        // Written by hand: unencoded commas and slashes, a %2C of its own.
        fc.webUrl().map((feed) => `feed=${feed.replace(/&/g, '%26')}&locale=uk,en&tag=a%2Cb`),
      );
      fc.assert(
        fc.property(stateArb, otherArb, rawQueryArb, (state, other, ours) => {
          // Our own parameters from an earlier state, mixed in before and after.
          const current = `?${serializeViewState(parseViewState(ours)).slice(1)}&${other}`;
          const out = serializeViewState(state, current);
          const before = new URLSearchParams(other);
          const after = new URLSearchParams(out);
          for (const name of ['feed', 'locale', 'tag']) {
            expect(after.getAll(name)).toEqual(before.getAll(name));
          }
          // Byte for byte, in order (empty `&&` segments aside).
          expect(out).toContain(other.split('&').filter(Boolean).join('&'));
          expect(parseViewState(out)).toEqual(state);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'property: any query string reads without throwing, within the limits, and reads back the same',
    () => {
      fc.assert(
        fc.property(rawQueryArb, (query) => {
          const read = parseViewState(query);
          for (const facet of FACETS) {
            check(read[facet].length <= 50, `${facet}: ${read[facet].length} values`);
            check(new Set(read[facet]).size === read[facet].length, `${facet}: duplicates`);
            for (const value of read[facet]) {
              check(value !== '' && value === value.trim(), `${facet}: ${JSON.stringify(value)}`);
              check(value.length <= 200, `${facet}: ${value.length} units`);
            }
          }
          check(read.q.length <= 200, `q: ${read.q.length} units`);
          expect(parseViewState(serializeViewState(read, query))).toEqual(read);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'property: writing never throws, even for values no contract allows (lone surrogates)',
    () => {
      const anyText = fc.oneof(
        fc.string({ unit: 'binary' }),
        fc.array(fc.integer({ min: 0xd7f0, max: 0xe010 })).map((u) => String.fromCharCode(...u)),
      );
      const anyStateArb = fc.record({
        topics: fc.array(anyText, { maxLength: 5 }),
        countries: fc.array(anyText, { maxLength: 3 }),
        speakers: fc.array(anyText, { maxLength: 3 }),
        q: anyText,
        keyOnly: fc.boolean(),
        view: fc.constantFrom('topics' as const, 'latest' as const),
        order: fc.constantFrom('newest' as const, 'oldest' as const),
      });
      fc.assert(
        fc.property(anyStateArb, (state) => {
          const read = parseViewState(serializeViewState(state));
          // Whatever survives is one of the values written (trimmed, countries upper-cased).
          for (const facet of FACETS) {
            const written = state[facet].map((v) =>
              facet === 'countries' ? v.trim().toUpperCase() : v.trim(),
            );
            for (const value of read[facet]) check(written.includes(value), `${facet}: ${value}`);
          }
        }),
        params,
      );
    },
    timeout,
  );
});
