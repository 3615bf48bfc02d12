// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  compareNewestFirst,
  emptyStore,
  gapPageUrl,
  lastUpdateAt,
  mergeHead,
  mergePage,
  replacePreview,
  sortedItems,
  type FeedStore,
} from '../../../../src/core/feed/feed-store';
import { demoFeedText, feedOf, item, msAt, parsed } from '../../../support/feed-builders';

const ids = (store: FeedStore) => sortedItems(store).map((i) => i.id);

describe('mergeHead: merge rules', () => {
  it('keys items by id: a second copy replaces, never duplicates', () => {
    let store = mergeHead(emptyStore, feedOf([item('a', 0, { title: 'v1' })]), 1);
    store = mergeHead(store, feedOf([item('a', 0, { title: 'v2', modified: msAt(1) })]), 2);
    expect(store.items.size).toBe(1);
    expect(store.items.get('a')?.title).toBe('v2');
  });

  it('a newer version (date_modified) wins', () => {
    let store = mergeHead(emptyStore, feedOf([item('a', 0, { title: 'v1' })]), 1);
    store = mergeHead(store, feedOf([item('a', 0, { title: 'v2', modified: msAt(5) })]), 2);
    expect(store.items.get('a')?.title).toBe('v2');
  });

  it('a stale response never rolls an edit back', () => {
    let store = mergeHead(
      emptyStore,
      feedOf([item('a', 0, { title: 'edited', modified: msAt(5) })]),
      1,
    );
    const before = store;
    // A lagging cache serves the original, and then an earlier edit.
    store = mergeHead(store, feedOf([item('a', 0, { title: 'original' })]), 2);
    store = mergeHead(store, feedOf([item('a', 0, { title: 'first edit', modified: msAt(3) })]), 3);
    expect(store.items.get('a')?.title).toBe('edited');
    expect(store).toBe(before);
  });

  it('date_published counts as the version when there is no date_modified', () => {
    let store = mergeHead(emptyStore, feedOf([item('a', 0, { title: 'v1' })]), 1);
    // Re-published later without date_modified: newer, so it wins.
    store = mergeHead(store, feedOf([item('a', 2, { title: 'v2' })]), 2);
    expect(store.items.get('a')?.title).toBe('v2');
    store = mergeHead(store, feedOf([item('a', 1, { title: 'stale' })]), 3);
    expect(store.items.get('a')?.title).toBe('v2');
  });

  it('an equal version with different content is taken (a correction without a new date)', () => {
    let store = mergeHead(emptyStore, feedOf([item('a', 0, { title: 'typo' })]), 1);
    store = mergeHead(store, feedOf([item('a', 0, { title: 'fixed' })]), 2);
    expect(store.items.get('a')?.title).toBe('fixed');
  });

  it('keeps items missing from a later head (the head is a sliding window)', () => {
    let store = mergeHead(emptyStore, feedOf([item('b', 1), item('a', 0)]), 1);
    store = mergeHead(store, feedOf([item('c', 2), item('b', 1)]), 2);
    store = mergeHead(store, feedOf([]), 3);
    expect(ids(store)).toEqual(['c', 'b', 'a']);
  });

  it('a tombstone removes the item and is remembered', () => {
    let store = mergeHead(emptyStore, feedOf([item('a', 0), item('b', 1)]), 1);
    store = mergeHead(store, feedOf([item('b', 1)], { tombstones: [{ id: 'a' }] }), 2);
    expect(ids(store)).toEqual(['b']);
    expect(store.tombstones.has('a')).toBe(true);
    // A later head that still carries the item (stale cache, or a newer edit) does not revive it.
    store = mergeHead(store, feedOf([item('a', 0, { modified: msAt(30) })]), 3);
    expect(ids(store)).toEqual(['b']);
  });

  it('a remembered tombstone also blocks the item arriving from an older page', () => {
    let store = mergeHead(emptyStore, feedOf([item('b', 5)], { tombstones: [{ id: 'a' }] }), 1);
    store = mergePage(store, feedOf([item('a', 0), item('z', -1)]), 2, ['https://x/p1']);
    expect(ids(store)).toEqual(['b', 'z']);
  });

  it('remembers a tombstone for an id it has never seen, and it is not an invalid item', () => {
    let store = mergeHead(emptyStore, feedOf([item('b', 1)], { tombstones: [{ id: 'x' }] }), 1);
    expect(store.tombstones.has('x')).toBe(true);
    expect(store.rejected).toEqual([]);
    store = mergeHead(store, feedOf([item('x', 2), item('b', 1)]), 2);
    expect(ids(store)).toEqual(['b']);
  });

  it('a tombstone and its item in the same document: the tombstone wins', () => {
    const store = mergeHead(emptyStore, feedOf([item('a', 0)], { tombstones: [{ id: 'a' }] }), 1);
    expect(store.items.size).toBe(0);
  });

  it('orders newest first, ties by id', () => {
    const store = mergeHead(
      emptyStore,
      feedOf([item('b', 1), item('c', 0), item('a', 1), item('d', 2)]),
      1,
    );
    expect(ids(store)).toEqual(['d', 'a', 'b', 'c']);
    expect(compareNewestFirst(item('x', 1), item('x', 1))).toBe(0);
  });

  it('orders updates published at the same time by id, whatever order they came in', () => {
    const store = mergeHead(emptyStore, feedOf([item('c', 0), item('b', 0), item('a', 0)]), 1);
    expect(ids(store)).toEqual(['a', 'b', 'c']);
    expect(compareNewestFirst(item('b', 0), item('a', 0))).toBeGreaterThan(0);
    expect(compareNewestFirst(item('a', 0), item('b', 0))).toBeLessThan(0);
  });

  it('orders by date_published, not by the edit time', () => {
    const store = mergeHead(
      emptyStore,
      feedOf([item('old-but-edited', 0, { modified: msAt(100) }), item('new', 10)]),
      1,
    );
    expect(ids(store)).toEqual(['new', 'old-but-edited']);
  });

  it('keeps the rejected list of the latest document', () => {
    let store = mergeHead(
      emptyStore,
      feedOf([item('a', 0)], { rejected: [{ index: 1, reason: 'bad' }] }),
      1,
    );
    expect(store.rejected).toEqual([{ index: 1, reason: 'bad' }]);
    store = mergeHead(store, feedOf([item('a', 0)]), 2);
    expect(store.rejected).toEqual([]);
  });
});

describe('mergeHead: identity', () => {
  it('merging an identical (re-parsed) document returns the same store object', () => {
    const text = demoFeedText();
    const first = mergeHead(emptyStore, parsed(text), 1000);
    const second = mergeHead(first, parsed(text), 2000);
    expect(second).toBe(first);
    expect(second.changedAt).toBe(1000);
  });

  it('unchanged items keep their identity when another item changes', () => {
    const first = mergeHead(emptyStore, feedOf([item('a', 0), item('b', 1)]), 1);
    const a = first.items.get('a');
    const second = mergeHead(
      first,
      feedOf([item('a', 0), item('b', 1, { title: 'edited', modified: msAt(2) })]),
      2,
    );
    expect(second).not.toBe(first);
    expect(second.items.get('a')).toBe(a);
    expect(second.items.get('b')?.title).toBe('edited');
    expect(second.meta).toBe(first.meta);
    expect(second.changedAt).toBe(2);
  });

  it('a metadata change alone produces a new store with the new meta', () => {
    const feed = feedOf([item('a', 0)]);
    const first = mergeHead(emptyStore, feed, 1);
    const ended = { ...feed, meta: { ...feed.meta, status: 'ended' as const } };
    const second = mergeHead(first, ended, 2);
    expect(second.meta?.status).toBe('ended');
    expect(second.items).toBe(first.items);
  });

  it('does not touch the store it was given', () => {
    const first = mergeHead(emptyStore, feedOf([item('a', 0)]), 1);
    mergeHead(first, feedOf([item('b', 1)], { tombstones: [{ id: 'a' }] }), 2);
    expect([...first.items.keys()]).toEqual(['a']);
    expect(first.tombstones.size).toBe(0);
    expect(emptyStore.items.size).toBe(0);
  });
});

describe('older pages and the cursor', () => {
  it('the head sets the cursor until a page is loaded; then the page chain owns it', () => {
    let store = mergeHead(emptyStore, feedOf([item('c', 2)], { nextUrl: 'https://x/p2' }), 1);
    expect(store.olderUrl).toBe('https://x/p2');
    store = mergePage(store, feedOf([item('b', 1)], { nextUrl: 'https://x/p1' }), 2, [
      'https://x/p2',
    ]);
    expect(store.olderUrl).toBe('https://x/p1');
    expect(store.pagesLoaded).toBe(1);
    // The head moves its own next_url along as it slides; that must not reset the reader's cursor.
    store = mergeHead(store, feedOf([item('d', 3)], { nextUrl: 'https://x/p3' }), 3);
    expect(store.olderUrl).toBe('https://x/p1');
    store = mergePage(store, feedOf([item('a', 0)]), 4, ['https://x/p1']);
    expect(store.olderUrl).toBeUndefined();
    expect(ids(store)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('a page never rolls back an edit the head brought', () => {
    let store = mergeHead(
      emptyStore,
      feedOf([item('a', 0, { title: 'edited', modified: msAt(9) })]),
      1,
    );
    store = mergePage(store, feedOf([item('a', 0, { title: 'original' })]), 2, ['https://x/p']);
    expect(store.items.get('a')?.title).toBe('edited');
  });
});

describe('gapPageUrl', () => {
  const held = mergeHead(emptyStore, feedOf([item('a', 0), item('b', 1)]), 1);

  it('follows next_url when the new head shares nothing with what is held and is all newer', () => {
    const head = feedOf([item('y', 10), item('z', 11)], { nextUrl: 'https://x/p' });
    expect(gapPageUrl(held, head)).toBe('https://x/p');
  });

  it('stops once the document reaches a held item', () => {
    const head = feedOf([item('z', 11), item('b', 1)], { nextUrl: 'https://x/p' });
    expect(gapPageUrl(held, head)).toBeUndefined();
  });

  it('follows next_url although the head carries held updates again (edits, tombstones)', () => {
    // The window has moved past what is held; the newsroom put an edit of a held update back
    // into the head, and a tombstone of another: neither says the window reaches them.
    const head = feedOf([item('z', 11), item('y', 10), item('b', 1, { modified: msAt(9) })], {
      nextUrl: 'https://x/p',
      tombstones: [{ id: 'a' }],
    });
    expect(gapPageUrl(held, head)).toBe('https://x/p');
    // An edit the reader already has is carried in the head as long: no proof either.
    const edited = mergeHead(held, feedOf([item('b', 1, { modified: msAt(2) })]), 2);
    const later = feedOf([item('z', 11), item('b', 1, { modified: msAt(2) })], {
      nextUrl: 'https://x/p',
    });
    expect(gapPageUrl(edited, later)).toBe('https://x/p');
  });

  it('has nothing to follow on first load, without next_url, or for an empty document', () => {
    expect(gapPageUrl(emptyStore, feedOf([item('z', 11)], { nextUrl: 'https://x/p' }))).toBe(
      undefined,
    );
    expect(gapPageUrl(held, feedOf([item('z', 11)]))).toBeUndefined();
    expect(gapPageUrl(held, feedOf([], { nextUrl: 'https://x/p' }))).toBeUndefined();
  });
});

describe('when the content last changed', () => {
  it('a poll or page that adds nothing leaves the time alone; a new update sets it', () => {
    let store = mergeHead(emptyStore, feedOf([item('a', 0)]), 1);
    expect(store.changedAt).toBe(1);
    store = mergeHead(store, feedOf([item('a', 0)]), 2);
    expect(store.changedAt).toBe(1);
    store = mergePage(store, feedOf([item('a', 0)]), 3, ['https://x/p']);
    expect(store.changedAt).toBe(1);
    store = mergePage(store, feedOf([item('z', -5)]), 4, ['https://x/q']);
    expect(store.changedAt).toBe(4);
  });

  it('a document that differs only in its invalid items is no new content', () => {
    const store = mergeHead(emptyStore, feedOf([item('a', 0)]), 1);
    const next = mergeHead(
      store,
      feedOf([item('a', 0)], { rejected: [{ index: 1, reason: 'bad' }] }),
      2,
    );
    expect(next.rejected).toHaveLength(1);
    expect(next.changedAt).toBe(1);
  });

  it('replacing a preview by the same document leaves the time alone', () => {
    const whole = feedOf([item('a', 1), item('b', 0)]);
    const preview = { ...mergeHead(emptyStore, whole, 1), complete: false };
    const store = replacePreview(preview, whole, 2);
    expect(store.complete).toBe(true);
    expect(store.changedAt).toBe(1);
  });

  it('"last updated" is the newest publication or edit', () => {
    expect(lastUpdateAt([])).toBeUndefined();
    expect(lastUpdateAt([item('a', 5), item('b', 1, { modified: msAt(9) }), item('c', 7)])).toBe(
      msAt(9),
    );
    expect(lastUpdateAt([item('a', 5), item('c', 7), item('b', 1)])).toBe(msAt(7));
  });
});

describe('replacePreview: the whole first document in place of its preview', () => {
  it('keeps what is unchanged as it was, takes edits, and drops what only the preview held', () => {
    const a = item('a', 3);
    const preview = mergeHead(
      emptyStore,
      feedOf([a, item('b', 2, { title: 'v1' }), item('beyond-the-limit', 0)]),
      1,
    );
    const whole = feedOf([
      item('a', 3),
      item('b', 2, { title: 'v2', modified: msAt(4) }),
      item('c', 1),
    ]);
    const store = replacePreview(preview, whole, 2);
    expect(ids(store)).toEqual(['a', 'b', 'c']);
    expect(store.items.get('a')).toBe(preview.items.get('a'));
    expect(store.items.get('b')?.title).toBe('v2');
    // The same document without the preview's extra: the same items.
    expect(ids(replacePreview(preview, whole, 2))).toEqual(ids(mergeHead(emptyStore, whole, 2)));
  });
});
