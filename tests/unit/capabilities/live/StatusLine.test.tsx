import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatusLine } from '../../../../src/capabilities/live/StatusLine';

const T0 = Date.parse('2023-07-12T10:00:00Z');
const busy = { kind: 'busy', message: '503', status: 503 } as const;

function show(props: { failedAt?: number; nextAttemptAt: number }) {
  return (
    <StatusLine
      status="live"
      changedAt={undefined}
      error={busy}
      rejectedCount={0}
      locale="en-GB"
      timeZone="UTC"
      onRetry={() => {}}
      {...props}
    />
  );
}

/** The line as a reader sees it: what is announced, and what ticks beside it. */
const line = () => screen.getByRole('status').parentElement!;

describe('StatusLine countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts at the wait it counts, even when the second tick came just before the failure', () => {
    // The page's shared second tick last ran at T0; the poll failed 900 ms later, 20 s to wait.
    const view = render(show({ nextAttemptAt: T0 + 30_000 }));
    act(() => {
      vi.advanceTimersByTime(900);
    });
    const failedAt = Date.now();
    view.rerender(show({ failedAt, nextAttemptAt: failedAt + 20_000 }));
    expect(line()).toHaveTextContent('The server is busy: retrying in 20 s.');
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(line()).toHaveTextContent('retrying in 20 s.');
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(line()).toHaveTextContent('retrying in 19 s.');
  });

  it('announces the problem once: the countdown ticks outside the live region', () => {
    render(show({ failedAt: T0, nextAttemptAt: T0 + 20_000 }));
    expect(screen.getByRole('status')).toHaveTextContent(/^The server is busy$/);
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(line()).toHaveTextContent('retrying in 15 s.');
    expect(screen.getByRole('status')).toHaveTextContent(/^The server is busy$/);
  });
});

describe('StatusLine of a live blog', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const live = (changedAt: number) => (
    <StatusLine
      status="live"
      changedAt={changedAt}
      error={undefined}
      nextAttemptAt={undefined}
      rejectedCount={0}
      locale="en-GB"
      timeZone="UTC"
      onRetry={() => {}}
    />
  );

  it('says how long ago the last update came, within a day', () => {
    render(live(T0 - 5 * 60_000));
    expect(line()).toHaveTextContent('Live · updated 5 minutes ago');
  });

  it('does not announce each minute the last update grows older', () => {
    render(live(T0 - 5 * 60_000));
    act(() => {
      vi.advanceTimersByTime(3 * 60_000);
    });
    expect(line()).toHaveTextContent('Live · updated 8 minutes ago');
    expect(screen.getByRole('status')).toHaveTextContent(/^Live$/);
  });

  it('gives the date of a last update a day or more ago', () => {
    render(live(T0 - 3 * 86_400_000));
    expect(line()).toHaveTextContent(/^Live · last update .*9 Jul.*10:00/);
  });

  it('names the year of a last update in another year, live or ended', () => {
    const changedAt = Date.parse('2021-12-31T23:30:00Z');
    render(live(changedAt));
    expect(line()).toHaveTextContent(/last update 31 Dec 2021, 23:30$/);
    render(
      <StatusLine
        status="ended"
        changedAt={changedAt}
        error={undefined}
        nextAttemptAt={undefined}
        rejectedCount={0}
        locale="en-GB"
        timeZone="UTC"
        onRetry={() => {}}
      />,
    );
    expect(screen.getAllByRole('status')[1]).toHaveTextContent(
      'This live blog has ended · last update 31 Dec 2021, 23:30',
    );
  });
});

describe('StatusLine before the feed is in', () => {
  it('says nothing of the blog: not "Live" for one that may have ended', () => {
    render(
      <StatusLine
        status={undefined}
        changedAt={undefined}
        error={undefined}
        nextAttemptAt={undefined}
        rejectedCount={0}
        locale="en-GB"
        timeZone="UTC"
        onRetry={() => {}}
      />,
    );
    expect(line()).toHaveTextContent(/^$/);
    expect(screen.queryByText('Live')).not.toBeInTheDocument();
  });
});

describe('StatusLine when a deploy removed the page’s code', () => {
  it('says so in its live region, and its button reloads the page', async () => {
    const { loadChunk } = await import('../../../../src/shared/code/load-chunk');
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(null, { status: 404 })));
    render(
      <StatusLine
        status="live"
        changedAt={undefined}
        error={undefined}
        nextAttemptAt={undefined}
        rejectedCount={0}
        locale="en-GB"
        timeZone="UTC"
        onRetry={() => {}}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(/^Live$/);
    expect(screen.queryByRole('button')).toBeNull();
    await act(() =>
      loadChunk(
        () => Promise.reject(new TypeError('Failed')),
        './x.js',
        'https://a.example/',
      ).catch(() => {}),
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      /^This page has been updated\. Please reload it\.$/,
    );
    act(() => screen.getByRole('button', { name: 'Reload' }).click());
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
