// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  emptyStore,
  mergeHead,
  mergePage,
  sortedItems,
  type FeedStore,
} from '../../../../src/core/feed/feed-store';
import { mergeGapPage } from '../../../../src/core/feed/merge-gap-page';
import { feedOf, item } from '../../../support/feed-builders';

const ids = (store: FeedStore) => sortedItems(store).map((i) => i.id);

describe('mergeGapPage: closing a gap leaves the reader where they were', () => {
  // The reader has loaded one older page and holds p1 as their next older page.
  const reader = mergePage(
    mergeHead(emptyStore, feedOf([item('c', 20)], { nextUrl: 'https://x/p2' }), 1),
    feedOf([item('b', 10)], { nextUrl: 'https://x/p1' }),
    2,
    ['https://x/p2'],
  );

  it('adds the page’s updates, and keeps the reader’s older-pages cursor and count', () => {
    const store = mergeGapPage(reader, feedOf([item('g', 30)], { nextUrl: 'https://x/h2' }), 5, [
      'https://x/gap',
    ]);
    expect(ids(store)).toEqual(['g', 'c', 'b']);
    expect(store.olderUrl).toBe('https://x/p1');
    expect(store.olderBroken).toBe(false);
    expect(store.pagesLoaded).toBe(reader.pagesLoaded);
    expect(store.emptyPages).toBe(reader.emptyPages);
    expect(store.changedAt).toBe(5);
  });

  it('moves the cursor past a page the gap walk has fetched already', () => {
    const store = mergeGapPage(reader, feedOf([item('a', 0)], { nextUrl: 'https://x/p0' }), 5, [
      'https://x/p1',
    ]);
    expect(store.olderUrl).toBe('https://x/p0');
    expect(ids(store)).toEqual(['c', 'b', 'a']);
  });

  it('a broken chain of older pages stays broken', () => {
    const broken = { ...reader, olderUrl: undefined, olderBroken: true };
    const store = mergeGapPage(broken, feedOf([item('g', 30)], { nextUrl: 'https://x/p0' }), 5, [
      'https://x/gap',
    ]);
    expect(store.olderUrl).toBeUndefined();
    expect(store.olderBroken).toBe(true);
  });
});
