// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readMeta } from '../../../../src/core/feed/read-meta';
import { wireFeed } from '../../../support/feed-builders';

function topicsOf(topics: unknown[]) {
  const result = readMeta(wireFeed([], { _liveblog: { topics } }), undefined);
  if (!result.ok) throw new Error(result.error.message);
  return result.meta.topics;
}

describe('readMeta: topic labels', () => {
  it('distinct labels are kept as they are', () => {
    const topics = [
      { id: 'a', label: 'Markets' },
      { id: 'b', label: 'Markets today' },
      { id: 'c', label: 'Weather' },
    ];
    expect(topicsOf(topics)).toEqual(topics);
  });

  it('a label an earlier topic has is numbered, letter case aside; ids and order stay', () => {
    expect(
      topicsOf([
        { id: 'a', label: 'Markets' },
        { id: 'b', label: 'Weather' },
        { id: 'c', label: 'Markets' },
        { id: 'd', label: 'MARKETS' },
        { id: 'e' },
        { id: 'f', label: 'e' },
      ]),
    ).toEqual([
      { id: 'a', label: 'Markets' },
      { id: 'b', label: 'Weather' },
      { id: 'c', label: 'Markets #2' },
      { id: 'd', label: 'MARKETS #3' },
      { id: 'e', label: 'e' },
      { id: 'f', label: 'e #2' },
    ]);
  });

  it('a topic declared twice is one topic, not a second label', () => {
    expect(
      topicsOf([
        { id: 'a', label: 'Markets' },
        { id: 'a', label: 'Markets' },
      ]),
    ).toEqual([{ id: 'a', label: 'Markets' }]);
  });
});
