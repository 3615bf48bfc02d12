// "Show times in my time zone": one choice for every widget of the page and every tab.
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTimeZoneChoice } from '../../../../src/shared/time/use-time-zone-choice';

const KEY = 'live-blog:time-zone';

afterEach(() => {
  vi.restoreAllMocks();
  const { result, unmount } = renderHook(() => useTimeZoneChoice());
  act(() => result.current[1]('event'));
  unmount();
  localStorage.clear();
});

describe('the time-zone choice', () => {
  it('is the event’s zone until the reader chooses theirs, then remembered', () => {
    const first = renderHook(() => useTimeZoneChoice());
    expect(first.result.current[0]).toBe('event');
    act(() => first.result.current[1]('reader'));
    expect(first.result.current[0]).toBe('reader');
    expect(localStorage.getItem(KEY)).toBe('reader');
  });

  it('changes in every widget of the page at once', () => {
    const one = renderHook(() => useTimeZoneChoice());
    const other = renderHook(() => useTimeZoneChoice());
    act(() => one.result.current[1]('reader'));
    expect(other.result.current[0]).toBe('reader');
    act(() => other.result.current[1]('event'));
    expect(one.result.current[0]).toBe('event');
  });

  it('follows a choice made in another tab', () => {
    const widget = renderHook(() => useTimeZoneChoice());
    act(() => {
      localStorage.setItem(KEY, 'reader');
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: 'reader' }));
    });
    expect(widget.result.current[0]).toBe('reader');
    // Another tab clearing the site's storage.
    act(() => {
      localStorage.clear();
      window.dispatchEvent(new StorageEvent('storage', { key: null }));
    });
    expect(widget.result.current[0]).toBe('event');
  });

  it('lasts as long as the page where storage is refused', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const one = renderHook(() => useTimeZoneChoice());
    const other = renderHook(() => useTimeZoneChoice());
    act(() => one.result.current[1]('reader'));
    expect(other.result.current[0]).toBe('reader');
  });
});
