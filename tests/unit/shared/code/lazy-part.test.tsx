import { Suspense } from 'react';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { lazyPart } from '../../../../src/shared/code/lazy-part';

function Page({ Part }: { Part: ReturnType<typeof lazyPart<{ name: string }>> }) {
  return (
    <div>
      <p>An update</p>
      <Suspense fallback={null}>
        <Part name="filters" />
      </Suspense>
    </div>
  );
}

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
});
