// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIRST_SCREEN_ITEMS,
  FIRST_SCREEN_MIN_ITEMS,
  firstScreenOf,
  KEY_EVENTS_AT_FIRST,
} from '../../../../src/core/feed/first-screen';
import { emptyStore, mergeHead } from '../../../../src/core/feed/feed-store';
import { parseFeedObject } from '../../../../src/core/feed/parse-feed';
import { params, timeout } from '../../../support/arbitraries';
import { tombstoneWire, wireFeed, wireItem } from '../../../support/feed-builders';

const N = 6_000;
const isKeyEvent = (i: number) => i % 400 === 100;
/** Update i is i minutes old: u0 is the newest. */
const items = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    wireItem(`u${i}`, n - i, { _liveblog: { key_event: isKeyEvent(i) } }),
  );
const ids = (doc: Record<string, unknown> | undefined) =>
  ((doc?.items ?? []) as { id: string }[]).map((x) => x.id).sort();

/** The first screen as the reader needs it, from the numbers alone. */
const expected = (n: number) => {
  const keyEvents = Array.from({ length: n }, (_, i) => i).filter(isKeyEvent);
  return [
    ...new Set([
      ...Array.from({ length: FIRST_SCREEN_ITEMS }, (_, i) => i),
      ...keyEvents.slice(0, KEY_EVENTS_AT_FIRST + 1),
      n - 1,
    ]),
  ]
    .map((i) => `u${i}`)
    .sort();
};

describe('firstScreenOf', () => {
  it('the newest updates, the rail’s first key events and one more, and the oldest', () => {
    expect(ids(firstScreenOf(wireFeed(items(N))))).toEqual(expected(N));
  });

  it('chooses by date, whatever order the producer listed the items in', () => {
    const reversed = items(N).reverse();
    expect(ids(firstScreenOf(wireFeed(reversed)))).toEqual(expected(N));
  });

  it(
    'property: any order of the same items gives the same first screen',
    () => {
      const list = items(FIRST_SCREEN_MIN_ITEMS + 200);
      fc.assert(
        fc.property(fc.shuffledSubarray(list, { minLength: list.length }), (shuffled) => {
          expect(ids(firstScreenOf(wireFeed(shuffled)))).toEqual(
            expected(FIRST_SCREEN_MIN_ITEMS + 200),
          );
        }),
        { ...params, numRuns: Math.min(params.numRuns ?? 200, 50) },
      );
    },
    timeout,
  );

  it('takes every pinned update and every tombstone, wherever they are', () => {
    const list: unknown[] = items(N);
    list[4_000] = wireItem('pinned-deep', 1, { _liveblog: { pinned: true } });
    list[5_000] = tombstoneWire('u3');
    const first = firstScreenOf(wireFeed(list, { next_url: 'page-2.json' }))!;
    expect(ids(first)).toContain('pinned-deep');
    expect(ids(first)).toContain('u3');
    // The rest of the document is as it was, so it reads and checks like the whole.
    expect(first.next_url).toBe('page-2.json');
    const parsed = parseFeedObject(first);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.feed.tombstones.map((t) => t.id)).toEqual(['u3']);
    expect(mergeHead(emptyStore, parsed.feed, 0).items.has('u3')).toBe(false);
  });

  it('leaves a small document, or one that is not a feed, to be read whole', () => {
    expect(firstScreenOf(wireFeed(items(FIRST_SCREEN_MIN_ITEMS - 1)))).toBeUndefined();
    expect(firstScreenOf({ items: 'nope' })).toBeUndefined();
    expect(firstScreenOf(null)).toBeUndefined();
    expect(firstScreenOf([1, 2])).toBeUndefined();
  });

  it('items without a valid date or not objects are left to the whole document to report', () => {
    const list: unknown[] = items(N);
    list[10] = 'not an item';
    list[11] = { id: 'no-date', content_text: 'x' };
    const first = ids(firstScreenOf(wireFeed(list)));
    expect(first).not.toContain('no-date');
    // The newest dated updates fill the screen instead.
    expect(first).toHaveLength(expected(N).length);
    expect(first).toEqual(expect.arrayContaining(['u60', 'u61']));
  });
});
