// @vitest-environment node
// The lists of an item (tags, topics, speakers, countries): trimmed, without blanks or repeats,
// read in time that grows with their length, not its square.
// And `clean`, what every shown text goes through.
import { describe, expect, it } from 'vitest';
import { FEED_LIMITS } from '../../../../src/core/feed/feed-limits';
import { clean, textList } from '../../../../src/core/feed/feed-text';
import { growthOnQuadrupling, LINEAR_GROWTH_BOUND } from '../../../support/growth';

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

  it('reads a list in time that grows with its length, up to the longest', () => {
    const list = Array.from({ length: FEED_LIMITS.maxListLength }, (_, i) => `t${i}`);
    expect(textList(list)).toEqual(list);
    // Looking each value up among those kept before grew with the square: a document of the
    // longest lists took seconds to parse.
    const growth = growthOnQuadrupling((size) => {
      const part = list.slice(0, size);
      for (let i = 0; i < 20; i++) textList(part, i % 2 === 0);
    }, FEED_LIMITS.maxListLength / 4);
    expect(growth).toBeLessThan(LINEAR_GROWTH_BOUND);
  });
});

describe('clean', () => {
  it('reads text a reader would see nothing of as absent, and keeps invisible marks inside words', () => {
    for (const blank of [
      '',
      ' \n',
      '\u200b',
      '\ufeff \u200d',
      '\u00ad\u2060',
      '\u202e\u2066\u200f',
    ])
      expect(clean(blank)).toBeUndefined();
    // A joiner inside an emoji sequence, a soft hyphen inside a word: kept as written.
    expect(clean(' \u{1F469}\u200d\u{1F692} ')).toBe('\u{1F469}\u200d\u{1F692}');
    expect(clean('Ver\u00adkehr')).toBe('Ver\u00adkehr');
  });
});
