// @vitest-environment node
// The lists of an item (tags, topics, speakers, countries): trimmed, without blanks or repeats,
// read in time that grows with their length, not its square.
import { describe, expect, it } from 'vitest';
import { FEED_LIMITS } from '../../../../src/core/feed/feed-limits';
import { textList } from '../../../../src/core/feed/feed-text';

describe('textList', () => {
  it('keeps the first of each value, in order, trimmed, and drops blanks and what is too long', () => {
    const long = 'x'.repeat(FEED_LIMITS.maxIdChars + 1);
    expect(textList([' b ', 'a', 'b', '', '  ', 3, long, 'a', '\uD800', 'c'], true)).toEqual([
      'b',
      'a',
      'c',
    ]);
    expect(textList([long, '\uD800'])).toEqual([long, '\uD800']);
    expect(textList('a')).toEqual([]);
  });

  it('reads the longest lists of a whole document of them in linear time', () => {
    const list = Array.from({ length: FEED_LIMITS.maxListLength }, (_, i) => `t${i}`);
    // As many such lists as the largest document holds.
    const lists = Math.floor(FEED_LIMITS.maxDocumentBytes / JSON.stringify(list).length);
    const started = performance.now();
    for (let i = 0; i < lists; i++) expect(textList(list, i % 2 === 0)).toHaveLength(list.length);
    // Linear work takes well under a second; looking each value up in those before took seconds.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
