// "Since your last visit" (issue 16): a returning reader in the same browser sees how many updates
// came since, and where they start; those are marked until read. Two visits are two mounts with
// the query cache cleared between them, as a new page load would have it.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { lastVisitKey } from '../../../../src/core/live/last-visit';
import { LiveBlogRoot } from '../../../../src/widget/LiveBlogRoot';
import { sharedQueryClient } from '../../../../src/widget/query-client';
import { isoAt, wireFeed, wireItem } from '../../../support/feed-builders';
import {
  advance,
  articles,
  FakeIntersectionObserver,
  feedUrl,
  installHarness,
  PAST_ONE_POLL,
  routes,
  settle,
} from '../../../support/live-blog-harness';

installHarness();
// Recording and reading come with a chunk (last-visit-tracking.ts): in before the first visit.
beforeAll(() => import('../../../../src/capabilities/live/last-visit-tracking'));
beforeEach(() => vi.setSystemTime(new Date(isoAt(60))));
afterEach(() => localStorage.clear());

const feed = (items: unknown[]) =>
  JSON.stringify(wireFeed(items, { _liveblog: { poll_seconds: 15, timezone: 'UTC' } }));
const BANNER = /since you were here/;
const marked = () =>
  articles()
    .filter((a) => within(a).queryByText('New since your last visit'))
    .map((a) => a.getAttribute('id'));

/** One visit: the page opens on the feed as it is now. */
async function visit(url: string) {
  const view = render(<LiveBlogRoot feed={url} locale="en-GB" />);
  await settle();
  return view;
}

/** The reader leaves (the page is hidden, then gone), and comes back `minutes` later. */
function leave(view: { unmount: () => void }, minutes = 0) {
  act(() => {
    window.dispatchEvent(new Event('pagehide'));
  });
  view.unmount();
  sharedQueryClient().clear();
  vi.setSystemTime(Date.now() + minutes * 60_000);
}

describe('since your last visit', () => {
  it('shows nothing on a first visit, and the count and the time on the next', async () => {
    const url = feedUrl({ body: feed([wireItem('b', 20), wireItem('a', 10)]), etag: '"1"' });
    const first = await visit(url);
    expect(articles()).toHaveLength(2);
    expect(screen.queryByText(BANNER)).not.toBeInTheDocument();
    expect(marked()).toEqual([]);
    leave(first, 30); // left at 11:00, back at 11:30

    routes.set(url, {
      body: feed([wireItem('d', 85), wireItem('c', 70), wireItem('b', 20), wireItem('a', 10)]),
      etag: '"2"',
    });
    await visit(url);
    expect(screen.getByText(BANNER)).toHaveTextContent('2 updates since you were here at 11:00');
    expect(marked()).toEqual(['update-d', 'update-c']);

    // Where they start: the first of them in time, which takes the focus.
    fireEvent.click(screen.getByRole('button', { name: 'Go to the first of them' }));
    await vi.waitFor(async () => {
      await settle();
      expect(screen.getByRole('article', { name: 'Update c' })).toHaveFocus();
    });
  });

  it('claims nothing new on a reload with nothing published since', async () => {
    const url = feedUrl({ body: feed([wireItem('a', 10)]), etag: '"1"' });
    leave(await visit(url), 1);
    await visit(url);
    expect(screen.queryByText(BANNER)).not.toBeInTheDocument();
    expect(marked()).toEqual([]);
  });

  it('claims nothing new when the reader’s clock is a minute behind the newsroom’s', async () => {
    // Published a minute "after" the reader's now: on screen all the same, and read. A year
    // ahead is a mistyped date, not a clock: what comes after it still counts as new.
    const typo = wireItem('typo', 365 * 24 * 60);
    const url = feedUrl({ body: feed([typo, wireItem('b', 61), wireItem('a', 10)]), etag: '"1"' });
    const first = await visit(url);
    expect(articles()).toHaveLength(3);
    leave(first, 30);
    const second = await visit(url);
    expect(screen.queryByText(BANNER)).not.toBeInTheDocument();
    expect(marked()).toEqual([]);
    leave(second, 30);
    routes.set(url, {
      body: feed([typo, wireItem('c', 110), wireItem('b', 61), wireItem('a', 10)]),
      etag: '"2"',
    });
    await visit(url);
    expect(screen.getByText(BANNER)).toHaveTextContent(/^1 update since/);
    expect(marked()).toEqual(['update-c']);
  });

  it('does not count, then or next time, what arrived while the page was open', async () => {
    const url = feedUrl({ body: feed([wireItem('a', 10)]), etag: '"1"' });
    leave(await visit(url), 10);

    // Second visit: one update since; another arrives while the reader is here.
    routes.set(url, { body: feed([wireItem('b', 65), wireItem('a', 10)]), etag: '"2"' });
    const second = await visit(url);
    expect(screen.getByText(BANNER)).toHaveTextContent(/^1 update since/);
    vi.setSystemTime(new Date(isoAt(75)));
    routes.set(url, {
      body: feed([wireItem('c', 74), wireItem('b', 65), wireItem('a', 10)]),
      etag: '"3"',
    });
    await advance(PAST_ONE_POLL);
    expect(articles()).toHaveLength(3);
    expect(screen.getByText(BANNER)).toHaveTextContent(/^1 update since/);
    expect(marked()).toEqual(['update-b']);
    leave(second, 5);

    await visit(url);
    expect(screen.queryByText(BANNER)).not.toBeInTheDocument();
  });

  it('is recorded while the page stays open, in case it never gets to say goodbye', async () => {
    const url = feedUrl({ body: feed([wireItem('a', 10)]), etag: '"1"' });
    await visit(url);
    expect(localStorage.getItem(lastVisitKey(url))).toBeNull();
    await advance(30_000);
    expect(JSON.parse(localStorage.getItem(lastVisitKey(url))!)).toMatchObject({
      seen: Date.parse(isoAt(10)),
    });
  });

  it('counts what a tab left open behind others received, on the next visit in another tab', async () => {
    const url = feedUrl({ body: feed([wireItem('a', 10)]), etag: '"1"' });
    const first = await visit(url);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    // Hidden, the tab still polls and keeps what comes (it waits for the reader's return);
    // nobody reads it.
    vi.setSystemTime(new Date(isoAt(75)));
    routes.set(url, { body: feed([wireItem('b', 74), wireItem('a', 10)]), etag: '"2"' });
    await advance(5 * 60_000);
    expect(screen.getByRole('button', { name: /1 new update/ })).toBeInTheDocument();
    first.unmount();
    sharedQueryClient().clear();
    visibility.mockRestore();

    // The reader opens the blog again in a new tab: b came since they looked.
    await visit(url);
    expect(screen.getByText(BANNER)).toHaveTextContent(/^1 update since/);
    expect(marked()).toEqual(['update-b']);
  });

  it('marks an update until it has been on screen and left it', async () => {
    const url = feedUrl({ body: feed([wireItem('a', 10)]), etag: '"1"' });
    leave(await visit(url), 10);
    routes.set(url, { body: feed([wireItem('b', 65), wireItem('a', 10)]), etag: '"2"' });
    await visit(url);
    expect(marked()).toEqual(['update-b']);
    act(() => FakeIntersectionObserver.report('#update-b', true, 100));
    await settle();
    // On screen: still marked, nothing changes under the reader's eyes.
    expect(marked()).toEqual(['update-b']);
    act(() => FakeIntersectionObserver.report('#update-b', false, -900));
    await settle();
    expect(marked()).toEqual([]);
    // The count of what came is still there to read.
    expect(screen.getByText(BANNER)).toBeInTheDocument();
  });

  it('reads garbage in storage as a first visit, and replaces it', async () => {
    const url = feedUrl({ body: feed([wireItem('a', 10)]), etag: '"1"' });
    localStorage.setItem(lastVisitKey(url), '{"seen":"yesterday"');
    const view = await visit(url);
    expect(articles()).toHaveLength(1);
    expect(screen.queryByText(BANNER)).not.toBeInTheDocument();
    leave(view);
    expect(JSON.parse(localStorage.getItem(lastVisitKey(url))!)).toMatchObject({
      seen: Date.parse(isoAt(10)),
    });
  });

  it('works without storage: blocked, or throwing on every call', async () => {
    const url = feedUrl({ body: feed([wireItem('a', 10)]), etag: '"1"' });
    const getItem = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const view = await visit(url);
    expect(articles()).toHaveLength(1);
    await advance(30_000);
    leave(view);
    getItem.mockRestore();
    setItem.mockRestore();

    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const again = await visit(url);
    expect(articles()).toHaveLength(1);
    expect(screen.queryByText(BANNER)).not.toBeInTheDocument();
    leave(again);
    vi.restoreAllMocks();
  });
});
