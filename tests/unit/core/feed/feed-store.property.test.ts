// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyStore,
  mergeHead,
  mergePage,
  type FeedStore,
} from '../../../../src/core/feed/feed-store';
import { itemVersion, type ParsedFeed } from '../../../../src/core/feed/feed-types';
import { check, params, responseArb, timeout, versionedItem } from '../../../support/arbitraries';
import { feedOf } from '../../../support/feed-builders';

function mergeAll(responses: readonly ParsedFeed[], store: FeedStore = emptyStore): FeedStore {
  return responses.reduce((s, r, n) => mergeHead(s, r, n), store);
}

/** What the contract says the store must hold after these responses, in any order. */
function expected(responses: readonly ParsedFeed[]) {
  const dead = new Set(responses.flatMap((r) => r.tombstones.map((t) => t.id)));
  const newest = new Map<string, ReturnType<typeof versionedItem>>();
  for (const r of responses) {
    for (const item of r.items) {
      const held = newest.get(item.id);
      if (!dead.has(item.id) && (!held || itemVersion(item) > itemVersion(held))) {
        newest.set(item.id, item);
      }
    }
  }
  return { items: newest, tombstones: dead };
}

const responsesAndPermutation = fc
  .array(responseArb, { maxLength: 6 })
  .chain((rs) =>
    fc.tuple(
      fc.constant(rs),
      fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }),
    ),
  );

describe('property: merging', () => {
  it(
    'property: order-insensitive for responses whose versions are distinct, and equal to the contract’s model',
    () => {
      fc.assert(
        fc.property(responsesAndPermutation, ([inOrder, shuffled]) => {
          const a = mergeAll(inOrder);
          const b = mergeAll(shuffled);
          const model = expected(inOrder);
          expect(a.items).toEqual(model.items);
          expect(b.items).toEqual(model.items);
          expect(a.tombstones).toEqual(model.tombstones);
          expect(b.tombstones).toEqual(model.tombstones);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'property: idempotent: merging any response already merged returns the same store object',
    () => {
      fc.assert(
        fc.property(fc.array(responseArb, { minLength: 1, maxLength: 6 }), fc.nat(), (rs, pick) => {
          const store = mergeAll(rs);
          const again = rs[pick % rs.length]!;
          expect(mergeHead(store, again, 999)).toBe(store);
          // As an older page too: a new cursor, but the same items.
          expect(mergePage(store, again, 999, ['https://x/page']).items).toBe(store.items);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'property: a tombstone is never undone, by later heads or older pages',
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(responseArb, fc.boolean()), { minLength: 1, maxLength: 8 }),
          (steps) => {
            let store = emptyStore;
            const dead = new Set<string>();
            steps.forEach(([response, asPage], n) => {
              store = asPage
                ? mergePage(store, response, n, [`https://x/page-${n}`])
                : mergeHead(store, response, n);
              for (const t of response.tombstones) dead.add(t.id);
              for (const id of dead) {
                check(store.tombstones.has(id), `tombstone ${id} forgotten after step ${n}`);
                check(!store.items.has(id), `${id} came back at step ${n}`);
              }
            });
          },
        ),
        params,
      );
    },
    timeout,
  );

  it(
    'property: no item disappears unless a tombstone says so, and none rolls back to an older version',
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(responseArb, fc.boolean()), { minLength: 1, maxLength: 8 }),
          (steps) => {
            let store = emptyStore;
            steps.forEach(([response, asPage], n) => {
              const before = store;
              store = asPage
                ? mergePage(store, response, n, [`https://x/page-${n}`])
                : mergeHead(store, response, n);
              const retracted = new Set(response.tombstones.map((t) => t.id));
              for (const [id, held] of before.items) {
                if (retracted.has(id)) continue;
                const now = store.items.get(id);
                check(now !== undefined, `${id} disappeared at step ${n}`);
                check(itemVersion(now) >= itemVersion(held), `${id} rolled back at step ${n}`);
              }
            });
          },
        ),
        params,
      );
    },
    timeout,
  );
});

describe('merging: the documented exception to order-insensitivity', () => {
  // "Newer wins" uses >=: two different bodies with the same date_modified (an edit published
  // without advancing the date, which the feed format forbids) resolve to whichever came last.
  it('equal versions with different content: the last merged wins', () => {
    const first = { ...versionedItem('a', 1), title: 'first body' };
    const second = { ...versionedItem('a', 1), title: 'second body' };
    const r1 = feedOf([first]);
    const r2 = feedOf([second]);
    expect(mergeAll([r1, r2]).items.get('a')?.title).toBe('second body');
    expect(mergeAll([r2, r1]).items.get('a')?.title).toBe('first body');
  });
});
