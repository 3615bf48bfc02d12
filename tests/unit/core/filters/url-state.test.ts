// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { defaultViewState, type ViewState } from '../../../../src/core/filters/filter-state';
import {
  parseViewState,
  serializeViewState,
  withKnownValues,
} from '../../../../src/core/filters/url-state';
import { formCarriedParams } from '../../../../src/core/filters/form-params';

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
      order: 'oldest',
    });
    expect(parseViewState(serializeViewState(s))).toEqual(s);
  });

  it('writes the reading order only when it is oldest first', () => {
    expect(serializeViewState(state({ view: 'latest', order: 'oldest' }))).toBe(
      '?view=latest&order=oldest',
    );
    expect(serializeViewState(state({ view: 'latest', order: 'newest' }))).toBe('?view=latest');
    expect(serializeViewState(state({ order: 'newest' }), '?order=oldest&feed=a')).toBe('?feed=a');
  });

  it('reads any other order value as newest first', () => {
    for (const value of ['', 'OLDEST', 'newest', 'asc', '1', '%00', 'oldest%20'])
      expect(parseViewState(`?view=latest&order=${value}`).order).toBe('newest');
    expect(parseViewState('?order=oldest&order=newest').order).toBe('oldest');
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
    expect(parseViewState('?view=grid&key=yes&order=up&unknown=1')).toEqual(defaultViewState);
    expect(() => parseViewState('?q=%E0%A4%A&topic=%&country=%FF')).not.toThrow();
    expect(parseViewState(`?topic=${'x'.repeat(201)}`).topics).toEqual([]);
    const many = Array.from({ length: 80 }, (_, i) => `t${i}`).join(',');
    expect(parseViewState(`?topic=${many}`).topics).toHaveLength(50);
    expect(parseViewState(`?q=${'q'.repeat(500)}`).q).toHaveLength(200);
  });

  it('cuts a long search between characters, so that its link keeps it', () => {
    // The cut at 200 falls between the halves of a surrogate pair: the half left goes too.
    const long = `?q=a${encodeURIComponent('🇺🇦'.repeat(60))}`;
    const { q } = parseViewState(long);
    expect(q).toBe(`a${'🇺🇦'.repeat(49)}🇺`);
    expect(parseViewState(serializeViewState(parseViewState(long))).q).toBe(q);
  });

  it('round-trips ids with commas, and writes their commas encoded between literal separators', () => {
    const s = state({ topics: ['economy,finance', 'nato'], speakers: ['smith, j'] });
    const search = serializeViewState(s);
    expect(search).toBe('?topic=economy%2Cfinance,nato&speaker=smith%2C+j');
    expect(parseViewState(search)).toEqual(s);
  });

  it('reads a literal comma as a separator and %2C as a comma inside an id', () => {
    expect(parseViewState('?topic=economy%2Cfinance,nato').topics).toEqual([
      'economy,finance',
      'nato',
    ]);
    expect(parseViewState('?topic=a,b').topics).toEqual(['a', 'b']);
    expect(parseViewState('?topic=a%2c,b&topic=c%2C%2Cd').topics).toEqual(['a,', 'b', 'c,,d']);
    expect(parseViewState('?speaker=%2C').speakers).toEqual([',']);
  });

  it('reads + as a space and %2B as a plus, and writes them back that way', () => {
    expect(parseViewState('?topic=elite+race,c%2B%2B').topics).toEqual(['elite race', 'c++']);
    const s = state({ topics: ['a+b', 'a b', 'a=b&c#d%e'] });
    expect(serializeViewState(s)).toBe('?topic=a%2Bb,a+b,a%3Db%26c%23d%25e');
    expect(parseViewState(serializeViewState(s))).toEqual(s);
  });

  it('keeps a value whose percent-encoding is malformed, as it is written', () => {
    expect(parseViewState('?topic=%E0%A4%A').topics).toEqual(['%E0%A4%A']);
    expect(parseViewState('?topic=%,50%,%FF,%C3%A9%FF%41,%ZZ').topics).toEqual([
      '%',
      '50%',
      '%FF',
      '%C3%A9%FF%41',
      '%ZZ',
    ]);
    const s = state({ topics: ['%E0%A4%A', '%2C', '100%'] });
    expect(parseViewState(serializeViewState(s))).toEqual(s);
  });

  it('an old link whose separators were encoded (%2C) keeps its filters once ids are known', () => {
    const read = parseViewState('?topic=ukraine%2Cnato&speaker=smith%2C%20j');
    expect(read.topics).toEqual(['ukraine,nato']);
    const known = {
      topics: new Set(['ukraine', 'nato']),
      countries: new Set<string>(),
      speakers: new Set(['smith, j']),
    };
    expect(withKnownValues(read, known)).toMatchObject({
      topics: ['ukraine', 'nato'],
      speakers: ['smith, j'],
    });
    // A real id with a comma wins over its parts.
    const withComma = { ...known, topics: new Set(['ukraine,nato', 'ukraine', 'nato']) };
    expect(withKnownValues(read, withComma).topics).toEqual(['ukraine,nato']);
  });

  it('keeps other parameters exactly as they are written', () => {
    const search = '?feed=https://x.example/f.json?a=1,2&topic=old&locale=uk&utm=a%2Cb+c';
    expect(serializeViewState(state({ topics: ['a,b'] }), search)).toBe(
      '?feed=https://x.example/f.json?a=1,2&locale=uk&utm=a%2Cb+c&topic=a%2Cb',
    );
  });

  it('drops a value with a lone surrogate rather than throwing', () => {
    const s = state({ topics: ['ok', 'bad\uD800', '\uDC00x'], speakers: ['\uD83D'] });
    expect(() => serializeViewState(s)).not.toThrow();
    expect(serializeViewState(s)).toBe('?topic=ok');
    expect(serializeViewState(state({ topics: ['😀'] }))).toBe('?topic=%F0%9F%98%80');
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

describe('formCarriedParams: what a filter form sent without JavaScript keeps', () => {
  it('keeps every parameter that is not a filter, and the view and order it has no field for', () => {
    const state = parseViewState('?feed=%2Ffeeds%2Fa.json&topic=x&q=nato&view=latest&order=oldest');
    expect(
      formCarriedParams('?feed=%2Ffeeds%2Fa.json&locale=uk&topic=x&q=nato&key=1', state),
    ).toEqual([
      ['feed', '/feeds/a.json'],
      ['locale', 'uk'],
      ['view', 'latest'],
      ['order', 'oldest'],
    ]);
  });

  it('carries nothing for a plain page in the default view', () => {
    expect(formCarriedParams('', defaultViewState)).toEqual([]);
    expect(formCarriedParams('?topic=a&country=UA&speaker=b&q=x&key=1', defaultViewState)).toEqual(
      [],
    );
  });
});
