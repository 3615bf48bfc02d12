// fast-check arbitraries and run settings shared by the *.property.test.ts files.
import fc from 'fast-check';
import type { LiveItem, ParsedFeed } from '../../src/core/feed/feed-types';
import type { ViewState } from '../../src/core/filters/filter-state';
import { feedOf, isoAt, JSON_FEED_VERSION, noItemDetails } from './feed-builders';

/** Cases per property: 200 in the ordinary run, 100,000 under `npm run fuzz`. */
export const runs = Number(process.env.FUZZ_RUNS ?? 200);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
export const params: fc.Parameters<unknown> =
  seed === undefined ? { numRuns: runs } : { numRuns: runs, seed };
/** Per-test timeout that grows with the number of runs (the default 5 s suits 200 runs). */
export const timeout = Math.max(5_000, runs * 20);

/** A plain check for hot loops: expect() is too slow to call millions of times under fuzzing. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export const TOPICS = ['ukraine', 'china', 'g7', 'elite race', 'Ukraine'] as const;
export const COUNTRIES = ['UA', 'LT', 'US', 'CN'] as const;
export const SPEAKERS = ['zelenskyy', 'sanchez', 'orsted'] as const;
export const WORDS = ['summit', 'Sánchez', 'Ørsted', 'pact', 'vilnius', 'crème'] as const;

const minute = fc.integer({ min: -10_000, max: 10_000 });
// ASCII strings are cheap to generate; a few fixed non-ASCII strings keep Unicode in play.
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  fc.constantFrom('Sánchez', 'Zoë Ørsted', 'معرض الواحة', '  padded  ', '', '😀 <b>&amp;</b>'),
);

/** A valid wire item (JSON Feed 1.1 + `_liveblog`), with the given id. */
export function wireItemArb(id: string): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record(
      {
        published: minute,
        modifiedAfter: fc.option(fc.nat(1000), { nil: undefined }),
        title: fc.option(text, { nil: undefined }),
        body: fc.oneof(
          fc.record({ content_html: text.map((t) => `<p>${t}</p>`) }),
          fc.record({ content_text: text }),
          fc.record({ content_html: text, content_text: text }),
        ),
        tags: fc.option(fc.subarray([...TOPICS]), { nil: undefined }),
        ext: fc.option(
          fc.record(
            {
              topics: fc.subarray([...TOPICS]),
              countries: fc.subarray([...COUNTRIES]),
              speakers: fc.subarray([...SPEAKERS]),
              dateline: fc.constantFrom('VILNIUS', 'KYIV'),
              key_event: fc.boolean(),
              pinned: fc.boolean(),
            },
            { requiredKeys: [] },
          ),
          { nil: undefined },
        ),
      },
      { requiredKeys: ['published', 'body'] },
    )
    .map((r) => ({
      id,
      date_published: isoAt(r.published),
      ...(r.modifiedAfter === undefined
        ? {}
        : { date_modified: isoAt(r.published + r.modifiedAfter) }),
      ...(r.title === undefined ? {} : { title: r.title }),
      ...r.body,
      ...(r.tags === undefined ? {} : { tags: r.tags }),
      ...(r.ext === undefined ? {} : { _liveblog: r.ext }),
    }));
}

/** A valid wire feed whose items have distinct ids. */
export const wireFeedArb: fc.Arbitrary<Record<string, unknown>> = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 12 })
  .chain((ids) =>
    fc.record({
      items: fc.tuple<Record<string, unknown>[]>(...ids.map(wireItemArb)),
      tombstones: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 3 }),
      status: fc.constantFrom('live', 'ended', 'upcoming', undefined),
      expired: fc.option(fc.boolean(), { nil: undefined }),
    }),
  )
  .map(({ items, tombstones, status, expired }) => ({
    version: JSON_FEED_VERSION,
    title: 'Property feed',
    ...(expired === undefined ? {} : { expired }),
    _liveblog: {
      status,
      poll_seconds: 15,
      topics: [{ id: 'ukraine', label: 'Ukraine' }],
      countries: [{ code: 'UA' }],
      people: [{ id: 'zelenskyy', name: 'Volodymyr Zelenskyy' }],
    },
    items: [
      ...items,
      ...tombstones
        .filter((t) => !items.some((i) => i.id === t))
        .map((id) => ({ id, _liveblog: { deleted: true } })),
    ],
  }));

/** One random edit somewhere in a JSON tree: replace, delete or wrap a member. */
export const mutationArb = fc.record({
  at: fc.nat(),
  action: fc.constantFrom('set', 'delete', 'wrap', 'stringify'),
  value: fc.jsonValue({ maxDepth: 3 }),
});
export type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

export function applyMutations(doc: unknown, mutations: readonly Mutation[]): unknown {
  const root = { doc: structuredClone<unknown>(doc) };
  for (const m of mutations) {
    const slots: [Record<string, unknown> | unknown[], string | number][] = [];
    const walk = (parent: Record<string, unknown> | unknown[], key: string | number) => {
      slots.push([parent, key]);
      const value = (parent as Record<string | number, unknown>)[key];
      if (Array.isArray(value)) value.forEach((_, i) => walk(value, i));
      else if (typeof value === 'object' && value !== null) {
        for (const k of Object.keys(value)) walk(value as Record<string, unknown>, k);
      }
    };
    walk(root, 'doc');
    const [parent, key] = slots[m.at % slots.length]!;
    const holder = parent as Record<string | number, unknown>;
    if (m.action === 'set') holder[key] = m.value;
    else if (m.action === 'wrap') holder[key] = [holder[key]];
    else if (m.action === 'stringify') holder[key] = JSON.stringify(holder[key]) ?? null;
    else if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete holder[key];
  }
  return root.doc;
}

// ---- Parsed items for the store ----

const ID_POOL = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

/**
 * A parsed item whose content is a function of (id, version): two responses that carry the same
 * version of an item carry the same item, as the contract asks of a well-behaved feed.
 */
export function versionedItem(id: string, version: number): LiveItem {
  const published = Date.UTC(2023, 6, 12) + ID_POOL.indexOf(id as never) * 60_000;
  return {
    id,
    title: `${id} v${version}`,
    contentHtml: `<p>${id} version ${version}</p>`,
    published,
    ...(version === 0 ? {} : { modified: published + version * 1000 }),
    ...noItemDetails,
  };
}

/** A response: some items (distinct ids) at some versions, and some tombstones. */
export const responseArb: fc.Arbitrary<ParsedFeed> = fc
  .record({
    items: fc.uniqueArray(fc.record({ id: fc.constantFrom(...ID_POOL), version: fc.nat(5) }), {
      selector: (x) => x.id,
      maxLength: ID_POOL.length,
    }),
    tombstones: fc.uniqueArray(fc.constantFrom(...ID_POOL, 'never-seen'), { maxLength: 2 }),
    withTombstones: fc.boolean(),
  })
  .map(({ items, tombstones, withTombstones }) =>
    feedOf(
      items.map((i) => versionedItem(i.id, i.version)),
      { tombstones: withTombstones ? tombstones.map((id) => ({ id })) : [] },
    ),
  );

// ---- Items and filters for facet counts ----

export const filterItemArb: fc.Arbitrary<LiveItem> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    topics: fc.subarray([...TOPICS]),
    countries: fc.subarray([...COUNTRIES]),
    speakers: fc.subarray([...SPEAKERS]),
    words: fc.subarray([...WORDS]),
    keyEvent: fc.boolean(),
    published: fc.nat(1000),
  })
  .map((r) => ({
    id: r.id,
    title: r.words.join(' '),
    contentHtml: '<p>update</p>',
    published: r.published,
    authors: [],
    tags: [],
    topics: r.topics,
    countries: r.countries,
    speakers: r.speakers,
    keyEvent: r.keyEvent,
    pinned: false,
    embeds: [],
  }));

/** Text that is hard on a URL: separators, escapes, form encoding, white space, bidi, emoji. */
export const HOSTILE = [
  ',',
  ', ',
  ',,',
  '%',
  '%2C',
  '%2c',
  '%25',
  '%20',
  '%E0%A4%A',
  '%FF',
  '&',
  '&amp;',
  '#',
  '+',
  '=',
  '?',
  'topic=',
  '"',
  "'",
  ' ',
  '\u00a0',
  '\n',
  '\t',
  '\u200f',
  '😀',
  '👩‍👩‍👧',
  'معرض الواحة',
  'Sánchez',
  'smith, j',
  'economy,finance',
] as const;

/**
 * An id the contract allows (topic, speaker): a non-empty string of at most 200 UTF-16 units,
 * no white space at either end, no lone surrogate; anything else is allowed inside.
 */
export const contractIdArb: fc.Arbitrary<string> = fc
  .oneof(
    {
      weight: 4,
      arbitrary: fc
        .array(
          fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom(...HOSTILE)),
          { minLength: 1, maxLength: 6 },
        )
        .map((parts) => parts.join('')),
    },
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    fc.constantFrom(...TOPICS, ...SPEAKERS),
    // At the length limit: 200 units, commas and a surrogate pair included.
    fc
      .nat(30)
      .map((n) =>
        `${'x'.repeat(n)}${'é,😀%'.repeat(50)}`.slice(0, 200).replace(/[\uD800-\uDBFF]$/, 'y'),
      ),
  )
  .map((id) => id.trim())
  .filter((id) => id !== '' && id.length <= 200);

/** A view state that the URL can carry: what a reader can produce by clicking and typing. */
export const viewStateArb: fc.Arbitrary<ViewState> = fc.record({
  topics: fc.uniqueArray(contractIdArb, { maxLength: 6 }),
  countries: fc.uniqueArray(fc.stringMatching(/^[A-Z]{2}$/), { maxLength: 4 }),
  speakers: fc.uniqueArray(contractIdArb, { maxLength: 4 }),
  q: fc.oneof(
    fc.constant(''),
    fc
      .string({ unit: 'grapheme', maxLength: 40 })
      .filter((q) => q.trim() !== '' && q.length <= 200),
  ),
  keyOnly: fc.boolean(),
  view: fc.constantFrom('topics' as const, 'latest' as const),
  order: fc.constantFrom('newest' as const, 'oldest' as const),
});
