// The list's depth in the address of a page of the widget's own (decision 0033).
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useListDepth } from '../../../../src/capabilities/filters/use-list-depth';

const asked = { more: 0, older: 0 };

describe('useListDepth', () => {
  afterEach(() => {
    history.replaceState(null, '', '/');
  });

  it('follows the list down in the address, without a new history entry', () => {
    history.replaceState(null, '', '/?topic=ukraine#update-a');
    const entries = history.length;
    const { rerender } = renderHook(({ steps }) => useListDepth(location.href, asked, steps, 1), {
      initialProps: { steps: 1 },
    });
    expect(location.search).toBe('?topic=ukraine&more=1&older=1');
    expect(location.hash).toBe('#update-a');
    rerender({ steps: 2 });
    expect(location.search).toBe('?topic=ukraine&more=2&older=1');
    expect(history.length).toBe(entries);
  });

  it('leaves a host’s address alone', () => {
    history.replaceState(null, '', '/article?id=7');
    expect(renderHook(() => useListDepth(undefined, asked, 3, 2)).result.current).toBeUndefined();
    expect(location.search).toBe('?id=7');
  });

  it('keeps the widget when the browser refuses more history writes', () => {
    const refused = vi.spyOn(history, 'replaceState').mockImplementation(() => {
      throw new DOMException('Attempt to use history.replaceState() too often', 'SecurityError');
    });
    const { result } = renderHook(() => useListDepth('https://news.example/live', asked, 1, 0));
    expect(result.current?.more).toBe('https://news.example/live?more=2');
    expect(refused).toHaveBeenCalled();
    refused.mockRestore();
  });
});
