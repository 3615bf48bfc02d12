// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { defaultViewState } from '../../../../src/core/filters/filter-state';
import {
  listDepthSearch,
  MAX_MORE_STEPS,
  MAX_OLDER_PAGES,
  parseListDepth,
  parseViewState,
  serializeViewState,
} from '../../../../src/core/filters/url-state';
import { formCarriedParams } from '../../../../src/core/filters/form-params';

describe('the list depth in the address (more=, older=)', () => {
  it('round-trips, keeping the filters, the view and the feed as written', () => {
    const search = '?feed=%2Ffixtures%2Fa.json&topic=economy%2Cfinance,nato&q=a+b&view=latest';
    const deeper = listDepthSearch(search, { more: 2, older: 1 });
    expect(deeper).toBe(`${search}&more=2&older=1`);
    expect(parseListDepth(deeper)).toEqual({ more: 2, older: 1 });
    expect(parseViewState(deeper)).toEqual(parseViewState(search));
    // Asked again, the parameters are replaced, not repeated.
    expect(listDepthSearch(deeper, { more: 3, older: 1 })).toBe(`${search}&more=3&older=1`);
  });

  it('leaves out a depth of 0, and reads anything it cannot use as 0', () => {
    expect(listDepthSearch('?more=4&older=2', { more: 0, older: 0 })).toBe('');
    expect(listDepthSearch('', { more: 1, older: 0 })).toBe('?more=1');
    for (const value of ['', '-1', 'x', '1.5', '1e3', '9999999'])
      expect(parseListDepth(`?more=${value}&older=${value}`)).toEqual({ more: 0, older: 0 });
  });

  it('caps what one page may ask of the server', () => {
    expect(parseListDepth('?more=500&older=500')).toEqual({
      more: MAX_MORE_STEPS,
      older: MAX_OLDER_PAGES,
    });
    expect(listDepthSearch('', { more: 500, older: 500 })).toBe(
      `?more=${MAX_MORE_STEPS}&older=${MAX_OLDER_PAGES}`,
    );
  });

  it('a new view, or a filter form sent without JavaScript, starts at the top again', () => {
    const search = '?feed=a.json&topic=x&more=2&older=1';
    expect(serializeViewState({ ...defaultViewState, topics: ['y'] }, search)).toBe(
      '?feed=a.json&topic=y',
    );
    expect(formCarriedParams(search, parseViewState(search))).toEqual([['feed', 'a.json']]);
  });
});
