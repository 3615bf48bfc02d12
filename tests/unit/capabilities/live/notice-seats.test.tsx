// Several widgets on one page: each trouble is shown, and said, by one notice (notice-seats.ts).
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionNotice } from '../../../../src/capabilities/live/ConnectionNotice';
import type { FeedProblem } from '../../../../src/core/feed/feed-problem';

const busy: FeedProblem = { kind: 'busy', message: '503', status: 503 };
const T0 = Date.parse('2023-07-12T10:00:00Z');

interface Widget {
  readonly id: string;
  readonly feed: string;
  readonly error?: FeedProblem;
}

/** Widgets as LiveBlog lays them out: the notice at the end of each timeline. */
function page(widgets: readonly Widget[]) {
  return (
    <>
      {widgets.map(({ id, feed, error }) => (
        <div key={id} id={id} data-testid={id}>
          <ConnectionNotice
            feed={feed}
            error={error}
            nextAttemptAt={error ? T0 + 20_000 : undefined}
            failedAt={error ? T0 : undefined}
            onRetry={() => {}}
          />
        </div>
      ))}
    </>
  );
}

/** What the reader sees of each widget's notice, and what each says (its live region). */
const shown = () =>
  [...document.querySelectorAll('.lb-notice')].map((n) =>
    n.classList.contains('lb-notice--on') ? n.textContent : '',
  );
const said = () =>
  [...document.querySelectorAll('.lb-notice [aria-live=polite]')].map((n) => n.textContent);

function goOffline() {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  act(() => void window.dispatchEvent(new Event('offline')));
}

function goOnline() {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
  act(() => void window.dispatchEvent(new Event('online')));
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const offline = 'You are offline. New updates will appear when the connection returns.';

describe('a page-wide trouble with several widgets', () => {
  it('is shown and said by one of them', () => {
    render(
      page([
        { id: 'a', feed: 'https://x.example/a.json' },
        { id: 'b', feed: 'https://x.example/b.json' },
        { id: 'c', feed: 'https://x.example/a.json' },
      ]),
    );
    goOffline();
    expect(shown()).toEqual([`${offline}Retry now`, '', '']);
    expect(said()).toEqual([offline, '', '']);
    goOnline();
    expect(shown()).toEqual(['', '', '']);
  });

  it('is shown by the next widget when the one showing it goes, and not said again', () => {
    const a = { id: 'a', feed: 'https://x.example/a.json' };
    const b = { id: 'b', feed: 'https://x.example/b.json' };
    const view = render(page([a, b]));
    goOffline();
    expect(said()).toEqual([offline, '']);
    view.rerender(page([b]));
    expect(shown()).toEqual([`${offline}Retry now`]);
    expect(said()).toEqual(['']);
    // A widget added meanwhile says nothing either.
    view.rerender(page([b, { id: 'c', feed: 'https://x.example/c.json' }]));
    expect(said()).toEqual(['', '']);
    expect(shown()).toEqual([`${offline}Retry now`, '']);
    // The next trouble is said, by the widget that shows it now.
    goOnline();
    view.rerender(
      page([
        { ...b, error: busy },
        { id: 'c', feed: 'https://x.example/c.json' },
      ]),
    );
    expect(said()).toEqual(['The server is busy', '']);
  });
});

describe('a feed’s trouble with several widgets', () => {
  it('is shown once per feed', () => {
    const feed = 'https://x.example/a.json';
    const other = 'https://x.example/b.json';
    render(
      page([
        { id: 'a', feed, error: busy },
        { id: 'b', feed, error: busy },
        { id: 'c', feed: other, error: busy },
      ]),
    );
    expect(shown()).toEqual([
      'The server is busy: retrying in 20 s.Retry now',
      '',
      'The server is busy: retrying in 20 s.Retry now',
    ]);
    expect(said()).toEqual(['The server is busy', '', 'The server is busy']);
  });
});

describe('the widget the reader looks at', () => {
  it('shows the trouble, without saying it again', () => {
    const observed: { el: Element; callback: IntersectionObserverCallback }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(private readonly callback: IntersectionObserverCallback) {}
        observe(el: Element) {
          observed.push({ el, callback: this.callback });
        }
        unobserve() {}
        disconnect() {}
      },
    );
    render(
      page([
        { id: 'a', feed: 'https://x.example/a.json' },
        { id: 'b', feed: 'https://x.example/b.json' },
      ]),
    );
    goOffline();
    expect(said()).toEqual([offline, '']);
    // The reader scrolls past the first widget to the second.
    const scrolled = (id: string, isIntersecting: boolean) => {
      const { el, callback } = observed.find((o) => o.el.id === id)!;
      act(() =>
        callback(
          [{ target: el, isIntersecting } as unknown as IntersectionObserverEntry],
          {} as IntersectionObserver,
        ),
      );
    };
    scrolled('a', false);
    scrolled('b', true);
    expect(shown()).toEqual(['', `${offline}Retry now`]);
    expect(said()).toEqual(['', '']);
    // And back: the first shows it again, still without a word.
    scrolled('a', true);
    scrolled('b', false);
    expect(shown()).toEqual([`${offline}Retry now`, '']);
    expect(said()).toEqual(['', '']);
  });
});

describe('a connection that comes and goes (a train)', () => {
  it('is said when it drops, shown but not said when it drops again soon after', () => {
    const a = { id: 'a', feed: 'https://x.example/a.json' };
    const b = { id: 'b', feed: 'https://x.example/b.json' };
    const view = render(page([a, b]));
    goOffline();
    expect(said()).toEqual([offline, '']);
    goOnline();
    act(() => void vi.advanceTimersByTime(5_000));
    goOffline();
    expect(shown()).toEqual([`${offline}Retry now`, '']);
    expect(said()).toEqual(['', '']);
    // Still not, however often it comes and goes, and whichever widget shows it.
    goOnline();
    view.rerender(page([b]));
    goOffline();
    expect(shown()).toEqual([`${offline}Retry now`]);
    expect(said()).toEqual(['']);
    // Back for a good while: the next drop is news again.
    goOnline();
    act(() => void vi.advanceTimersByTime(2 * 60_000));
    goOffline();
    expect(said()).toEqual([offline]);
  });
});
