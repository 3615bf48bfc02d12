// The Latest view read oldest first (issue 16): from the start of the story down, arrivals at the
// end where they move nothing, "Jump to latest", and a paged feed's earlier updates at the top.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultViewState, type ViewState } from '../../../src/core/filters/filter-state';
import { LiveBlogRoot } from '../../../src/widget/LiveBlogRoot';
import { isoAt, wireFeed, wireItem } from '../../support/feed-builders';
import {
  advance,
  articles,
  FakeIntersectionObserver,
  feedUrl,
  installHarness,
  PAST_ONE_POLL,
  routes,
  settle,
} from '../../support/live-blog-harness';

installHarness();
// Every update in these feeds is in the past (the harness's clock starts at minute 0).
beforeEach(() => vi.setSystemTime(new Date(isoAt(300))));

const latest = (order: ViewState['order']): ViewState => ({
  ...defaultViewState,
  view: 'latest',
  order,
});
const feed = (items: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify(wireFeed(items, { _liveblog: { poll_seconds: 15 }, ...extra }));
const titles = () =>
  articles().map((a) => within(a).getByRole('heading', { level: 3 }).textContent);

async function renderOrdered(url: string, order: ViewState['order'] = 'oldest') {
  const view = render(<LiveBlogRoot feed={url} locale="en-GB" initialView={latest(order)} />);
  await settle();
  return view;
}

describe('oldest first', () => {
  it('reads from the start of the story down, with the day dividers in the same order', async () => {
    // Minute -700 is 11 July, 22:20 UTC; the rest are on 12 July.
    const items = [wireItem('c', 30), wireItem('a', -700), wireItem('b', 10)];
    const url = feedUrl({ body: feed(items), etag: '"1"' });
    await renderOrdered(url, 'newest');
    expect(titles()).toEqual(['Update c', 'Update b', 'Update a']);

    fireEvent.click(screen.getByRole('button', { name: 'Oldest first' }));
    await settle();
    expect(screen.getByRole('button', { name: 'Oldest first' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(titles()).toEqual(['Update a', 'Update b', 'Update c']);
    const days = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(days).toEqual(['Tuesday 11 July', 'Wednesday 12 July']);
  });

  it('is offered in the Latest view only', async () => {
    const url = feedUrl({ body: feed([wireItem('a', 1)]), etag: '"1"' });
    render(<LiveBlogRoot feed={url} locale="en" />);
    await settle();
    expect(screen.queryByRole('group', { name: 'Order' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Latest' }));
    await settle();
    const order = screen.getByRole('group', { name: 'Order' });
    expect(within(order).getByRole('button', { name: 'Newest first' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('keeps the order in the address bar, and Back restores the one before', async () => {
    window.history.replaceState(null, '', '/?view=latest');
    const items = [wireItem('a', 1), wireItem('b', 2)];
    const url = feedUrl({ body: feed(items), etag: '"1"' });
    render(<LiveBlogRoot feed={url} locale="en" syncUrl standalone />);
    await settle();
    expect(titles()).toEqual(['Update b', 'Update a']);
    fireEvent.click(screen.getByRole('button', { name: 'Oldest first' }));
    await settle();
    expect(window.location.search).toBe('?view=latest&order=oldest');
    expect(titles()).toEqual(['Update a', 'Update b']);

    window.history.replaceState(null, '', '/?view=latest');
    act(() => {
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await settle();
    expect(titles()).toEqual(['Update b', 'Update a']);
    expect(screen.getByRole('button', { name: 'Newest first' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('renders the oldest updates first when the story is long', async () => {
    const items = Array.from({ length: 40 }, (_, i) => wireItem(`u${i}`, i));
    const url = feedUrl({ body: feed(items), etag: '"1"' });
    await renderOrdered(url);
    expect(articles().length).toBeLessThan(40);
    expect(titles().slice(0, 3)).toEqual(['Update u0', 'Update u1', 'Update u2']);
  });

  it('puts arrivals at the end at once while the reader is further down, and nothing above', async () => {
    const url = feedUrl({ body: feed([wireItem('b', 2), wireItem('a', 1)]), etag: '"1"' });
    await renderOrdered(url);
    // The reader scrolls into the timeline.
    act(() => FakeIntersectionObserver.report('.lb-sentinel', false, -800));
    vi.setSystemTime(new Date(isoAt(305)));
    routes.set(url, {
      body: feed([wireItem('c', 301), wireItem('b', 2), wireItem('a', 1)]),
      etag: '"2"',
    });
    await advance(PAST_ONE_POLL);
    expect(titles()).toEqual(['Update a', 'Update b', 'Update c']);
    expect(screen.queryByRole('button', { name: /new update/ })).not.toBeInTheDocument();

    // A pinned arrival goes above everything: it waits behind the button, as newest first.
    vi.setSystemTime(new Date(isoAt(310)));
    const pinned = wireItem('p', 306, { _liveblog: { pinned: true } });
    routes.set(url, {
      body: feed([pinned, wireItem('c', 301), wireItem('b', 2), wireItem('a', 1)]),
      etag: '"3"',
    });
    await advance(PAST_ONE_POLL);
    expect(screen.getByRole('button', { name: /1 new update/ })).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Update p' })).not.toBeInTheDocument();
  });

  it('counts an arrival as unseen in the title until the reader reaches the end', async () => {
    const url = feedUrl({ body: feed([wireItem('b', 2), wireItem('a', 1)]), etag: '"1"' });
    render(<LiveBlogRoot feed={url} locale="en" initialView={latest('oldest')} standalone />);
    await settle();
    // Reading in the middle: the end of the list is below the screen.
    act(() => FakeIntersectionObserver.report('.lb-sentinel', false, -800));
    act(() => FakeIntersectionObserver.report('.lb-timeline__end', false, 900));
    vi.setSystemTime(new Date(isoAt(305)));
    routes.set(url, {
      body: feed([wireItem('c', 301), wireItem('b', 2), wireItem('a', 1)]),
      etag: '"2"',
    });
    await advance(PAST_ONE_POLL);
    expect(document.title).toBe('(1) Test feed');
    act(() => FakeIntersectionObserver.report('.lb-timeline__end', true, 400));
    await settle();
    expect(document.title).toBe('Test feed');
  });

  it('"Jump to latest" takes the reader, and the focus, to the newest update', async () => {
    const items = Array.from({ length: 40 }, (_, i) => wireItem(`u${i}`, i));
    const url = feedUrl({ body: feed(items), etag: '"1"' });
    await renderOrdered(url);
    expect(screen.queryByRole('article', { name: 'Update u39' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Jump to latest' }));
    // The first jump may wait for its code (keep-in-place.ts, a chunk of its own).
    await vi.waitFor(async () => {
      await settle();
      expect(screen.getByRole('article', { name: 'Update u39' })).toHaveFocus();
    });
  });

  it('has no "Jump to latest" newest first, where the newest is at the top', async () => {
    const url = feedUrl({ body: feed([wireItem('a', 1)]), etag: '"1"' });
    await renderOrdered(url, 'newest');
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).not.toBeInTheDocument();
  });

  it('offers a paged feed’s earlier updates at the top, and puts them there', async () => {
    const pageUrl = 'https://feeds.test/page-2.json';
    routes.set(pageUrl, { body: feed([wireItem('b', 2), wireItem('a', 1)]) });
    const url = feedUrl({
      body: feed([wireItem('d', 4), wireItem('c', 3)], { next_url: pageUrl }),
      etag: '"1"',
    });
    await renderOrdered(url);
    expect(titles()).toEqual(['Update c', 'Update d']);
    const button = screen.getByRole('button', { name: 'Show earlier updates' });
    // Above the updates, not at the end.
    expect(
      button.compareDocumentPosition(articles()[0]!) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    button.focus();
    fireEvent.click(button);
    await settle();
    expect(titles()).toEqual(['Update a', 'Update b', 'Update c', 'Update d']);
    expect(screen.queryByRole('button', { name: 'Show earlier updates' })).not.toBeInTheDocument();
    expect(screen.getByText('You have reached the first update.')).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Show older updates' })).not.toBeInTheDocument();
  });

  it('keeps what it rendered when earlier updates come in above it', async () => {
    const pageUrl = 'https://feeds.test/page-2-long.json';
    const older = Array.from({ length: 30 }, (_, i) => wireItem(`o${i}`, i));
    routes.set(pageUrl, { body: feed(older) });
    const head = Array.from({ length: 30 }, (_, i) => wireItem(`h${i}`, 100 + i));
    const url = feedUrl({ body: feed(head, { next_url: pageUrl }), etag: '"1"' });
    await renderOrdered(url);
    const before = titles();
    expect(before.length).toBeLessThan(30);
    fireEvent.click(screen.getByRole('button', { name: 'Show earlier updates' }));
    await settle();
    expect(titles().slice(0, 2)).toEqual(['Update o0', 'Update o1']);
    // Every update that was rendered still is (the reader's among them): the window grew by as
    // many as came in above.
    expect(titles().slice(30)).toEqual(before);
  });
});
