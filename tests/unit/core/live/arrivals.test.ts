// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { arrivalMarks, newestPublished, splitArrivals } from '../../../../src/core/live/arrivals';
import { item, msAt } from '../../../support/feed-builders';

const sorted = [item('d', 4), item('c', 3), item('b', 2), item('a', 1)];
const ids = (list: readonly { id: string }[]) => list.map((i) => i.id);
/** Splits `list` by the marks of what the reader was shown before (all of it received). */
const splitAfter = (list: typeof sorted, before: typeof sorted) => {
  const marks = arrivalMarks(before, Infinity);
  return splitArrivals(list, marks.watermark, marks.early);
};

describe('arrivals', () => {
  it('holds back items published after the watermark, shows the rest', () => {
    const split = splitAfter(sorted, sorted.slice(2));
    expect(ids(split.waiting)).toEqual(['d', 'c']);
    expect(ids(split.shown)).toEqual(['b', 'a']);
  });

  it('shows everything (same array) when nothing is newer', () => {
    const split = splitAfter(sorted, sorted);
    expect(split.shown).toBe(sorted);
    expect(split.waiting).toEqual([]);
    expect(splitArrivals([], msAt(0)).shown).toEqual([]);
  });

  it('an item shown at exactly the watermark is shown, not held', () => {
    expect(ids(splitAfter(sorted, sorted.slice(1)).waiting)).toEqual(['d']);
  });

  it('an arrival published at the same time as the newest shown update waits', () => {
    // Ties are ordered by id: 'c2' sorts after 'c', 'b2' before 'c'.
    const before = [item('c', 3), item('b', 2)];
    const after = [item('b2', 3), item('c', 3), item('c2', 3), item('b', 2)];
    const split = splitAfter(after, before);
    expect(ids(split.waiting)).toEqual(['b2', 'c2']);
    expect(ids(split.shown)).toEqual(['c', 'b']);
  });

  it('older items (an older page, a back-dated post) never wait', () => {
    const withOlder = [...sorted, item('old', -100)];
    expect(ids(splitArrivals(withOlder, msAt(4)).shown)).toContain('old');
  });

  it('an Infinity watermark shows everything, -Infinity holds everything', () => {
    expect(ids(splitArrivals(sorted, Infinity).shown)).toEqual(['d', 'c', 'b', 'a']);
    expect(ids(splitArrivals(sorted, -Infinity).waiting)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('newestPublished', () => {
    expect(newestPublished(sorted)).toBe(msAt(4));
    expect(newestPublished([])).toBe(-Infinity);
  });

  it('a future-dated item is shown without raising the watermark over later arrivals', () => {
    const received = msAt(4) + 30_000;
    const withFuture = [item('future', 34), ...sorted];
    const marks = arrivalMarks(withFuture, received);
    expect(marks.watermark).toBe(msAt(4));
    // The future one, and the newest one received, whose time a later arrival may share.
    expect([...marks.early]).toEqual(['future', 'd']);
    expect(ids(splitArrivals(withFuture, marks.watermark, marks.early).waiting)).toEqual([]);
    // A real arrival after it waits, and keeps its place below the future one.
    const next = [item('future', 34), item('e', 5), ...sorted];
    const split = splitArrivals(next, marks.watermark, marks.early);
    expect(ids(split.waiting)).toEqual(['e']);
    expect(ids(split.shown)).toEqual(['future', 'd', 'c', 'b', 'a']);
  });

  it('arrivalMarks of nothing, or of items all in the future, hold back nothing received', () => {
    expect(arrivalMarks([], msAt(0))).toEqual({ watermark: msAt(0), early: new Set() });
    const allFuture = arrivalMarks(sorted, msAt(0));
    expect(splitArrivals(sorted, allFuture.watermark, allFuture.early).waiting).toEqual([]);
  });
});
