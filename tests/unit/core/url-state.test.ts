// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { defaultViewState, type ViewState } from '../../../src/core/filters/filter-state';
import {
  parseViewState,
  serializeViewState,
  withKnownValues,
} from '../../../src/core/filters/url-state';

const state = (s: Partial<ViewState>): ViewState => ({ ...defaultViewState, ...s });

describe('URL state', () => {
  it('a plain view writes no query string, and an empty one reads as the default', () => {
    expect(serializeViewState(defaultViewState)).toBe('');
    expect(parseViewState('')).toEqual(defaultViewState);
  });

  it('writes short, readable parameters with commas between values', () => {
    const s = state({
      topics: ['ukraine', 'g7'],
      countries: ['UA'],
      speakers: ['zelenskyy'],
      q: 'security pacts',
      keyOnly: true,
      view: 'latest',
    });
    expect(serializeViewState(s)).toBe(
      '?topic=ukraine,g7&country=UA&speaker=zelenskyy&q=security+pacts&key=1&view=latest',
    );
  });

  it('round-trips a view', () => {
    const s = state({
      topics: ['elite race', 'a&b', 'é'],
      countries: ['UA', 'LT'],
      speakers: ['o’connor'],
      q: 'Sánchez, 50% + "quotes" #1',
      keyOnly: true,
      view: 'latest',
    });
    expect(parseViewState(serializeViewState(s))).toEqual(s);
  });

  it('keeps parameters that are not its own (feed=, locale=) and replaces its own', () => {
    const search = '?feed=https%3A%2F%2Fx.example%2Ff.json&topic=old&locale=uk&q=old';
    const out = serializeViewState(state({ topics: ['new'] }), search);
    const params = new URLSearchParams(out);
    expect(params.get('feed')).toBe('https://x.example/f.json');
    expect(params.get('locale')).toBe('uk');
    expect(params.getAll('topic')).toEqual(['new']);
    expect(params.has('q')).toBe(false);
    expect(serializeViewState(defaultViewState, '?feed=a.json&topic=x')).toBe('?feed=a.json');
  });

  it('reads repeated and comma-separated values, dropping blanks and duplicates', () => {
    const s = parseViewState('?topic=a,b&topic=b,%20c%20,,&country=ua,LT');
    expect(s.topics).toEqual(['a', 'b', 'c']);
    expect(s.countries).toEqual(['UA', 'LT']);
  });

  it('reads one country however it is cased, and a blank query as no query', () => {
    expect(parseViewState('?country=ua,UA&country=Ua').countries).toEqual(['UA']);
    expect(parseViewState('?q=%20%20').q).toBe('');
    expect(parseViewState('?q=%20pact%20').q).toBe(' pact ');
  });

  it('ignores values it cannot use and never throws', () => {
    expect(parseViewState('?view=grid&key=yes&unknown=1')).toEqual(defaultViewState);
    expect(() => parseViewState('?q=%E0%A4%A&topic=%&country=%FF')).not.toThrow();
    expect(parseViewState(`?topic=${'x'.repeat(201)}`).topics).toEqual([]);
    const many = Array.from({ length: 80 }, (_, i) => `t${i}`).join(',');
    expect(parseViewState(`?topic=${many}`).topics).toHaveLength(50);
    expect(parseViewState(`?q=${'q'.repeat(500)}`).q).toHaveLength(200);
  });

  it('withKnownValues drops ids the feed does not know, and keeps the object when all are known', () => {
    const known = {
      topics: new Set(['ukraine']),
      countries: new Set(['UA']),
      speakers: new Set<string>(),
    };
    const s = state({ topics: ['ukraine', 'typo'], countries: ['UA'], speakers: ['nobody'] });
    expect(withKnownValues(s, known)).toEqual({ ...s, topics: ['ukraine'], speakers: [] });
    const ok = state({ topics: ['ukraine'] });
    expect(withKnownValues(ok, known)).toBe(ok);
  });
});
