import { Suspense } from 'react';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyPart, useLazyParts } from '../../../../src/shared/code/lazy-part';

/** A widget on the page, with the part in it. */
function Page({ Part }: { Part: ReturnType<typeof lazyPart<{ name: string }>> }) {
  useLazyParts();
  return (
    <div>
      <p>An update</p>
      <Suspense fallback={null}>
        <Part name="filters" />
      </Suspense>
    </div>
  );
}

const failure = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
const Filters = ({ name }: { name: string }) => <p>{name}</p>;

afterEach(() => {
  vi.useRealTimers();
});

describe('lazyPart', () => {
  it('renders the chunk’s component once it is in', async () => {
    const Part = lazyPart(() => Promise.resolve(({ name }: { name: string }) => <p>{name}</p>));
    render(<Page Part={Part} />);
    expect(await screen.findByText('filters')).toBeInTheDocument();
  });

  it('renders nothing in its place when the chunk cannot come, and keeps the rest', async () => {
    const gone = Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const Part = lazyPart<{ name: string }>(() => gone);
    await act(async () => {
      render(<Page Part={Part} />);
      await gone.catch(() => {});
    });
    expect(screen.getByText('An update')).toBeInTheDocument();
    expect(screen.queryByText('filters')).toBeNull();
  });

  it('asks for the chunk again once the browser is back online, and shows it', async () => {
    const importer = vi.fn<() => Promise<typeof Filters>>(failure);
    const Part = lazyPart(importer);
    await act(async () => {
      render(<Page Part={Part} />);
      await Promise.resolve();
    });
    expect(importer).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('filters')).toBeNull();

    importer.mockImplementation(() => Promise.resolve(Filters));
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByText('filters')).toBeInTheDocument();
    expect(importer).toHaveBeenCalledTimes(2);
  });

  it('asks again after waits that double while the link stays down', async () => {
    vi.useFakeTimers();
    const importer = vi
      .fn<() => Promise<typeof Filters>>(failure)
      .mockImplementationOnce(failure)
      .mockImplementationOnce(failure)
      .mockImplementationOnce(failure)
      .mockImplementation(() => Promise.resolve(Filters));
    const Part = lazyPart(importer);
    await act(async () => {
      render(<Page Part={Part} />);
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(importer).toHaveBeenCalledTimes(1);
    for (const [waitMs, calls] of [
      [5_000, 2],
      [10_000, 3],
      [20_000, 4],
    ] as const) {
      await act(() => vi.advanceTimersByTimeAsync(waitMs - 1));
      expect(importer).toHaveBeenCalledTimes(calls - 1);
      await act(() => vi.advanceTimersByTimeAsync(1));
      expect(importer).toHaveBeenCalledTimes(calls);
    }
    expect(screen.getByText('filters')).toBeInTheDocument();
  });

  it('asks nothing more once the last widget is gone, and again when one comes', async () => {
    vi.useFakeTimers();
    const importer = vi.fn<() => Promise<typeof Filters>>(failure);
    const Part = lazyPart(importer);
    const first = render(<Page Part={Part} />);
    const second = render(<Page Part={Part} />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(importer).toHaveBeenCalledTimes(1);
    first.unmount();
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(importer).toHaveBeenCalledTimes(2);

    second.unmount();
    await act(() => vi.advanceTimersByTimeAsync(3_600_000));
    window.dispatchEvent(new Event('online'));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(importer).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);

    importer.mockImplementation(() => Promise.resolve(Filters));
    render(<Page Part={Part} />);
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(importer).toHaveBeenCalledTimes(3);
    expect(screen.getByText('filters')).toBeInTheDocument();
  });
});
