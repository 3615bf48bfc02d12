// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { groupByTopic } from '../../../../src/core/timeline/group-by-topic';
import { renderIndex } from '../../../../src/core/timeline/render-order';
import { item } from '../../../support/feed-builders';

const items = [
  item('p', 9, { pinned: true, topics: ['a'] }),
  item('b1', 8, { topics: ['b'] }),
  item('a1', 7, { topics: ['a'] }),
  item('a2', 6, { topics: ['a'] }),
  item('none', 5),
];
const meta = {
  topics: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
  ],
};
const grouped = groupByTopic(items, meta, 'Other');
const stream = items.filter((i) => !i.pinned);

describe('renderIndex: where an update sits as the list is rendered', () => {
  it('in the topic view, counts through the groups in their order', () => {
    const timeline = { grouped, stream, effective: { view: 'topics' as const } };
    expect(['a1', 'a2', 'b1', 'none'].map((id) => renderIndex(timeline, id))).toEqual([0, 1, 2, 3]);
  });

  it('in the Latest view, counts down the stream', () => {
    const timeline = { grouped, stream, effective: { view: 'latest' as const } };
    expect(['b1', 'a1', 'a2', 'none'].map((id) => renderIndex(timeline, id))).toEqual([0, 1, 2, 3]);
  });

  it('a pinned update, or one not in the list, has no place (-1)', () => {
    for (const view of ['topics', 'latest'] as const) {
      const timeline = { grouped, stream, effective: { view } };
      expect(renderIndex(timeline, 'p')).toBe(-1);
      expect(renderIndex(timeline, 'missing')).toBe(-1);
    }
  });
});
