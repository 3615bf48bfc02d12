import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useViewState } from '../../../../src/capabilities/filters/use-view-state';
import { defaultViewState, type ViewState } from '../../../../src/core/filters/filter-state';

/** An embed's preset: <live-blog topic="rover" sync-url>. */
const preset: ViewState = { ...defaultViewState, topics: ['rover'] };

function goTo(search: string) {
  window.history.replaceState(null, '', `/article${search}`);
}

afterEach(() => goTo(''));

describe('useViewState with the address in sync', () => {
  it('keeps the preset while the address names no view (a host page, its own query kept)', () => {
    goTo('?utm_source=x');
    const { result } = renderHook(() => useViewState(preset, true));
    expect(result.current[0].topics).toEqual(['rover']);
    act(() => result.current[1]({ ...preset, topics: ['rover', 'science'] }));
    expect(window.location.search).toBe('?utm_source=x&topic=rover,science');
  });

  it('takes the view the address names over the preset', () => {
    goTo('?topic=science');
    const { result } = renderHook(() => useViewState(preset, true));
    expect(result.current[0].topics).toEqual(['science']);
  });

  it('Back to an address without a view brings the preset back', () => {
    goTo('');
    const { result } = renderHook(() => useViewState(preset, true));
    act(() => result.current[1]({ ...preset, topics: ['science'] }));
    expect(result.current[0].topics).toEqual(['science']);
    act(() => {
      goTo('');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current[0].topics).toEqual(['rover']);
  });
});
