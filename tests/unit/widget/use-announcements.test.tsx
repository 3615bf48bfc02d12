// What a screen reader hears of new updates as a live feed moves: each arrival once, wherever it
// shows (at the top, at the end, or behind "N new updates"), and nothing for a poll that brings
// nothing or for updates already announced.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { defaultViewState, type ViewState } from '../../../src/core/filters/filter-state';
import { LiveBlogRoot } from '../../../src/widget/LiveBlogRoot';
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

// The harness's clock starts at 2023-07-12T10:00:00Z; these are all before it.
const update = (id: string, minute: number, topic = 'markets') => ({
  id,
  title: `Update ${id}`,
  content_text: `Body of ${id}`,
  date_published: `2023-07-12T09:${String(minute).padStart(2, '0')}:00Z`,
  _liveblog: { topics: [topic] },
});
const feed = (items: unknown[]) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Moving feed',
    _liveblog: { poll_seconds: 15 },
    items,
  });

/** What polite live regions say of new updates: each change to one, as a screen reader hears it. */
function watchArrivals() {
  const heard: string[] = [];
  new MutationObserver((records) => {
    const changed = new Set(
      records.map((r) =>
        (r.target instanceof Element ? r.target : r.target.parentElement)?.closest('[aria-live]'),
      ),
    );
    for (const region of changed)
      if (region?.textContent && /new update/.test(region.textContent))
        heard.push(region.textContent);
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
  return heard;
}

async function renderFeed(items: unknown[], view: ViewState = defaultViewState) {
  const url = feedUrl({ body: feed(items), etag: '"1"' });
  render(<LiveBlogRoot feed={url} locale="en" initialView={view} standalone />);
  await settle();
  let version = 1;
  return async (next: unknown[], wait = PAST_ONE_POLL) => {
    routes.set(url, { body: feed(next), etag: `"${++version}"` });
    await advance(wait);
  };
}

const first = [update('b', 10), update('a', 5)];

describe('new updates, as a screen reader hears them', () => {
  it('at the top, where they show at once: each poll that brings some, once', async () => {
    const poll = await renderFeed(first);
    const heard = watchArrivals();
    await poll([update('c', 20), ...first]);
    expect(articles()).toHaveLength(3);
    await poll([update('c', 20), ...first]);
    await poll([update('d', 30), update('c', 20), ...first]);
    expect(heard).toEqual(['1 new update', '1 new update']);
  });

  it('read oldest first, where they go to the end', async () => {
    const poll = await renderFeed(first, { ...defaultViewState, view: 'latest', order: 'oldest' });
    const heard = watchArrivals();
    act(() => FakeIntersectionObserver.report('.lb-sentinel', false, -800));
    await poll([update('d', 30), update('c', 20), ...first]);
    expect(articles()).toHaveLength(4);
    expect(heard).toEqual(['2 new updates']);
  });

  it('not those the filters hide', async () => {
    const poll = await renderFeed(first, { ...defaultViewState, topics: ['markets'] });
    const heard = watchArrivals();
    await poll([update('w', 20, 'weather'), ...first]);
    expect(heard).toEqual([]);
  });

  it('behind the button: when they wait, and not again when they show', async () => {
    const poll = await renderFeed(first);
    const heard = watchArrivals();
    act(() => FakeIntersectionObserver.report('.lb-sentinel', false, -800));
    await poll([update('c', 20), ...first]);
    await poll([update('d', 30), update('c', 20), ...first]);
    fireEvent.click(screen.getByRole('button', { name: /2 new updates/ }));
    await settle();
    expect(articles()).toHaveLength(4);
    // Scrolled down again, one more waits: said, though the words are the same as before.
    act(() => FakeIntersectionObserver.report('.lb-sentinel', false, -800));
    await poll([update('e', 40), update('d', 30), update('c', 20), ...first]);
    // Back at the top, it shows: nothing more is said.
    act(() => FakeIntersectionObserver.report('.lb-sentinel', true, 0));
    await settle();
    expect(articles()).toHaveLength(5);
    expect(heard).toEqual(['1 new update', '2 new updates', '1 new update']);
  });

  it('while the tab is hidden: nothing, then all that came, marked as new, on return', async () => {
    const poll = await renderFeed(first);
    const heard = watchArrivals();
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    // A hidden tab polls once a minute (and a little).
    await poll([update('c', 20), ...first], 70_000);
    await poll([update('d', 30), update('c', 20), ...first], 70_000);
    expect(document.title).toBe('(2) Moving feed');
    expect(heard).toEqual([]);
    visibility.mockRestore();
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await settle();
    expect(heard).toEqual(['2 new updates']);
    const fresh = articles().filter((a) => a.classList.contains('lb-update--fresh'));
    expect(fresh.map((a) => a.getAttribute('aria-labelledby'))).toEqual([
      'title-update-d',
      'title-update-c',
    ]);
  });
});
