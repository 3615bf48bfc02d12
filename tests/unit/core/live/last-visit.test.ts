// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { lastVisitKey, parseLastVisit, sinceLastVisit } from '../../../../src/core/live/last-visit';
import { item, msAt } from '../../../support/feed-builders';

const sorted = [item('d', 40), item('c', 30), item('b', 20), item('a', 10)];
const ids = (list: readonly { id: string }[]) => list.map((i) => i.id);

describe('last visit record', () => {
  it('reads back what was written', () => {
    const visit = { seen: msAt(20), at: msAt(25) };
    expect(parseLastVisit(JSON.stringify(visit))).toEqual(visit);
  });

  it('reads anything else as no visit at all', () => {
    for (const text of [
      null,
      '',
      'garbage',
      '{',
      'null',
      '42',
      '[]',
      '{}',
      '{"seen":"10","at":1}',
      '{"seen":1}',
      '{"seen":1,"at":null}',
      '{"seen":1e400,"at":1}',
    ])
      expect(parseLastVisit(text), String(text)).toBeUndefined();
  });

  it('is kept per feed URL', () => {
    expect(lastVisitKey('https://a.example/f.json')).not.toBe(
      lastVisitKey('https://a.example/g.json'),
    );
    expect(lastVisitKey('https://a.example/f.json')).toContain('https://a.example/f.json');
  });
});

describe('updates since the last visit', () => {
  it('a first visit has none', () => {
    expect(sinceLastVisit(sorted, undefined, msAt(40))).toEqual([]);
  });

  it('are those published after what the reader had, newest first', () => {
    const last = { seen: msAt(20), at: msAt(21) };
    expect(ids(sinceLastVisit(sorted, last, msAt(40)))).toEqual(['d', 'c']);
  });

  it('leave out what arrives while the reader is here (after `upTo`)', () => {
    const last = { seen: msAt(10), at: msAt(11) };
    expect(ids(sinceLastVisit(sorted, last, msAt(30)))).toEqual(['c', 'b']);
  });

  it('are none when nothing came since (a reload a minute later)', () => {
    const last = { seen: msAt(40), at: msAt(41) };
    expect(sinceLastVisit(sorted, last, msAt(40))).toEqual([]);
  });
});
