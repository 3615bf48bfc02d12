// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromIdPart,
  groupElementId,
  groupTitleId,
  updateElementId,
  updateIdFromHash,
  updateTitleId,
} from '../../../../src/core/timeline/element-ids';
import { permalinkFor } from '../../../../src/capabilities/sharing/permalink';
import { params, timeout } from '../../../support/arbitraries';

// Ids as hostile feeds write them: white space of every kind, the separators the old scheme
// folded together, prefixes of other elements' ids, and any Unicode.
const idArb = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc
    .array(fc.constantFrom('a', 'b', ' ', '_', '\u00a0', '\t', '-', 'title-', 'other', '%', '#'), {
      minLength: 1,
      maxLength: 6,
    })
    .map((parts) => parts.join('')),
);

/** Every DOM id the timeline makes from one item id and one topic id. */
const idsOf = (item: string, topic: string | null) => [
  updateElementId(item),
  updateTitleId(item),
  groupElementId(topic),
  groupTitleId(topic),
];

describe('element ids from feed ids', () => {
  it('the examples that collided: each id its own element', () => {
    const items = ['a b', 'a_b', 'a\u00a0b'];
    expect(new Set(items.map(updateElementId)).size).toBe(3);
    expect(new Set(['x y', 'x_y'].map(groupTitleId)).size).toBe(2);
    expect(groupElementId('-other')).not.toBe(groupElementId(null));
    expect(groupTitleId('other-updates')).not.toBe(groupTitleId(null));
  });

  it(
    'property: two different ids never share a DOM id, of any kind, and none has white space',
    () => {
      fc.assert(
        fc.property(idArb, idArb, fc.option(idArb), fc.option(idArb), (a, b, ta, tb) => {
          const first = idsOf(a, ta);
          const second = idsOf(b, tb);
          for (const id of [...first, ...second]) expect(id).not.toMatch(/\s/);
          // Within one id's elements, every kind is distinct.
          expect(new Set(first).size).toBe(first.length);
          const groupsOfB = [groupElementId(tb), groupTitleId(tb)];
          expect(groupsOfB).not.toContain(updateElementId(a));
          expect(groupsOfB).not.toContain(updateTitleId(a));
          if (a !== b) {
            expect(second).not.toContain(updateElementId(a));
            expect(second).not.toContain(updateTitleId(a));
          }
          if (ta !== tb) {
            expect(second).not.toContain(groupElementId(ta));
            expect(second).not.toContain(groupTitleId(ta));
          }
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'property: a permalink leads back to its id, through the element id and the hash',
    () => {
      fc.assert(
        fc.property(idArb, (id) => {
          const link = permalinkFor(id, 'https://news.example/live?x=1#old');
          const hash = new URL(link).hash;
          expect(hash).toBe(`#${updateElementId(id)}`);
          expect(updateIdFromHash(hash)).toBe(id);
          expect(fromIdPart(updateElementId(id).slice('update-'.length))).toBe(id);
        }),
        params,
      );
    },
    timeout,
  );
});
