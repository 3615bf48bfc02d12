import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionNotice } from '../../../../src/capabilities/live/ConnectionNotice';

const T0 = Date.parse('2023-07-12T10:00:00Z');
const busy = { kind: 'busy', message: '503', status: 503 } as const;

function show(props: { failedAt?: number; nextAttemptAt: number }) {
  return <ConnectionNotice error={busy} onRetry={() => {}} {...props} />;
}

/** What is announced, and the notice as a reader sees it, with what ticks beside it. */
const announced = () => document.querySelector('[aria-live=polite]')!;
const notice = () => announced().parentElement!;

describe('ConnectionNotice countdown', () => {
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
    expect(notice()).toHaveTextContent('The server is busy: retrying in 20 s.');
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(notice()).toHaveTextContent('retrying in 20 s.');
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(notice()).toHaveTextContent('retrying in 19 s.');
  });

  it('announces the problem once: the countdown ticks outside the live region', () => {
    render(show({ failedAt: T0, nextAttemptAt: T0 + 20_000 }));
    expect(announced()).toHaveTextContent(/^The server is busy$/);
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(notice()).toHaveTextContent('retrying in 15 s.');
    expect(announced()).toHaveTextContent(/^The server is busy$/);
  });
});

describe('ConnectionNotice without trouble', () => {
  it('keeps its live region, empty, for the words to be announced when they come', () => {
    render(<ConnectionNotice error={undefined} nextAttemptAt={undefined} onRetry={() => {}} />);
    expect(announced()).toHaveTextContent(/^$/);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('ConnectionNotice with no next try', () => {
  it('promises no retry that will not come (a widget that does not poll)', () => {
    render(<ConnectionNotice error={busy} nextAttemptAt={undefined} onRetry={() => {}} />);
    expect(notice()).toHaveTextContent(/^The server is busy\.$/);
    expect(screen.getByRole('button', { name: 'Retry now' })).toBeInTheDocument();
  });
});

describe('ConnectionNotice after a tunnel', () => {
  // A poll that failed while the browser was offline.
  const lost = { kind: 'network', message: '', offline: true } as const;
  const T = Date.parse('2023-07-12T10:00:00Z');

  it('says nothing of the offline spell’s failure once online, while the poll it set off is out', () => {
    const offline = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const view = render(
      <ConnectionNotice error={lost} failedAt={T} nextAttemptAt={T + 300_000} onRetry={() => {}} />,
    );
    expect(notice()).toHaveTextContent('You are offline.');
    offline.mockReturnValue(true);
    act(() => void window.dispatchEvent(new Event('online')));
    // Not "Connection lost: retrying in 5 min": it is asking now.
    expect(notice()).toHaveTextContent(/^$/);
    expect(announced()).toHaveTextContent(/^$/);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    // The poll after the return fails too: that is news, and said.
    view.rerender(
      <ConnectionNotice
        error={{ ...lost, offline: false }}
        failedAt={T}
        nextAttemptAt={T + 10_000}
        onRetry={() => {}}
      />,
    );
    expect(announced()).toHaveTextContent(/^Connection lost$/);
    offline.mockRestore();
  });

  it('still names it where nothing will try again by itself', () => {
    render(<ConnectionNotice error={lost} nextAttemptAt={undefined} onRetry={() => {}} />);
    expect(notice()).toHaveTextContent('Connection lost.');
  });
});

describe('ConnectionNotice when a deploy removed the page’s code', () => {
  it('says so in its live region, and its button reloads the page', async () => {
    const { loadChunk } = await import('../../../../src/shared/code/load-chunk');
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(null, { status: 404 })));
    render(<ConnectionNotice error={undefined} nextAttemptAt={undefined} onRetry={() => {}} />);
    expect(announced()).toHaveTextContent(/^$/);
    expect(screen.queryByRole('button')).toBeNull();
    await act(() =>
      loadChunk(
        () => Promise.reject(new TypeError('Failed')),
        './x.js',
        'https://a.example/',
      ).catch(() => {}),
    );
    expect(announced()).toHaveTextContent(/^This page has been updated\. Please reload it\.$/);
    act(() => screen.getByRole('button', { name: 'Reload' }).click());
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
