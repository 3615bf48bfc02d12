// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emptyStore, mergeHead, sortedItems } from '../../../../src/core/feed/feed-store';
import { groupByTopic } from '../../../../src/core/timeline/group-by-topic';
import { demoFeedText, item, parsed } from '../../../support/feed-builders';

const OTHER = 'Other updates';
const meta = {
  topics: [
    { id: 'vote', label: 'The vote' },
    { id: 'protest', label: 'Outside the hall' },
    { id: 'weather', label: 'Weather' },
  ],
};

function shape(grouped: ReturnType<typeof groupByTopic>) {
  return {
    pinned: grouped.pinned.map((i) => i.id),
    groups: grouped.groups.map((g) => [g.id, g.label, g.items.map((i) => i.id)]),
  };
}

describe('groupByTopic', () => {
  it('puts declared topics first in declared order, then undeclared ids alphabetically, then no-topic items', () => {
    const items = [
      item('n6', 6, { topics: ['zeta'] }),
      item('n5', 5, { topics: [] }),
      item('n4', 4, { topics: ['protest'] }),
      item('n3', 3, { topics: ['alpha', 'vote'] }),
      item('n2', 2, { topics: ['vote'] }),
      item('n1', 1, { topics: ['vote', 'protest'] }),
    ];
    expect(shape(groupByTopic(items, meta, OTHER))).toEqual({
      pinned: [],
      groups: [
        ['vote', 'The vote', ['n2', 'n1']],
        ['protest', 'Outside the hall', ['n4']],
        ['alpha', 'alpha', ['n3']],
        ['zeta', 'zeta', ['n6']],
        [null, OTHER, ['n5']],
      ],
    });
  });

  it('an item belongs only to the group of its first topic', () => {
    const grouped = groupByTopic([item('a', 0, { topics: ['protest', 'vote'] })], meta, OTHER);
    expect(shape(grouped).groups).toEqual([['protest', 'Outside the hall', ['a']]]);
  });

  it('shows a pinned item once, above the groups, and not inside its group', () => {
    const items = [
      item('b', 1, { topics: ['vote'] }),
      item('p', 0, { topics: ['vote'], pinned: true }),
    ];
    expect(shape(groupByTopic(items, meta, OTHER))).toEqual({
      pinned: ['p'],
      groups: [['vote', 'The vote', ['b']]],
    });
  });

  it('leaves out empty groups, including one whose only item is pinned', () => {
    const items = [item('p', 0, { topics: ['protest'], pinned: true })];
    expect(shape(groupByTopic(items, meta, OTHER))).toEqual({ pinned: ['p'], groups: [] });
    expect(groupByTopic([], meta, OTHER).groups).toEqual([]);
  });

  it('keeps the given order inside a group', () => {
    const items = [item('c', 3, { topics: ['vote'] }), item('a', 1, { topics: ['vote'] })];
    expect(shape(groupByTopic(items, meta, OTHER)).groups[0]?.[2]).toEqual(['c', 'a']);
  });

  it('works without metadata (undeclared topics only)', () => {
    const items = [item('b', 1, { topics: ['results'] }), item('a', 0, { topics: ['elite race'] })];
    expect(shape(groupByTopic(items, undefined, OTHER)).groups).toEqual([
      ['elite race', 'elite race', ['a']],
      ['results', 'results', ['b']],
    ]);
  });

  it('groups the demo feed as the contract says', () => {
    const feed = parsed(demoFeedText());
    const store = mergeHead(emptyStore, feed, 0);
    const grouped = groupByTopic(sortedItems(store), feed.meta, OTHER);
    expect(shape(grouped)).toEqual({
      pinned: ['vilnius-2023-07-12-0935-zelenskyy-day-2-priorities'],
      groups: [
        [
          'ukraine',
          'Ukraine',
          [
            'vilnius-2023-07-12-1240-yermak-foundation',
            'vilnius-2023-07-12-1205-zelenskyy-trudeau',
          ],
        ],
        ['china', 'China', ['vilnius-2023-07-12-1120-china-hits-back']],
        ['g7', 'G7 security pacts', ['vilnius-2023-07-12-1045-g7-security-pacts']],
        [
          'biden-schedule',
          'Biden’s schedule',
          [
            'vilnius-2023-07-12-1010-biden-speech-focus',
            'vilnius-2023-07-12-0905-biden-to-meet-zelenskyy',
          ],
        ],
      ],
    });
  });
});
