// A live feed that changes between polls in ways the contract allows: an update published in
// the same second as the newest one, a filter whose last update goes away.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultViewState } from '../../../src/core/filters/filter-state';
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

// The harness's clock starts at 2023-07-12T10:00:00Z.
const topics = [
  { id: 'markets', label: 'Markets' },
  { id: 'weather', label: 'Weather' },
];
const feed = (items: unknown[]) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Changing feed',
    _liveblog: { poll_seconds: 15, timezone: 'Europe/Vilnius', topics },
    items,
  });
const update = (id: string, at: string, topic = 'markets') => ({
  id,
  title: `Update ${id}`,
  content_text: `Body of ${id}`,
  date_published: at,
  _liveblog: { topics: [topic] },
});
const politeText = () =>
  [...document.querySelectorAll('[aria-live="polite"]')].map((el) => el.textContent).join('|');

describe('an update published in the same second as the newest one shown', () => {
  it('waits behind "N new updates" and counts as unseen, wherever its id sorts', async () => {
    const shown = update('m', '2023-07-12T09:59:00Z');
    const old = update('old', '2023-07-12T09:00:00Z');
    const url = feedUrl({ body: feed([shown, old]), etag: '"1"' });
    render(<LiveBlogRoot feed={url} locale="en" standalone />);
    await settle();
    // The reader scrolls into the timeline.
    act(() => FakeIntersectionObserver.report('.lb-sentinel', false, -800));
    // Same time; ties go by id, so 'a' sorts above the update the reader has seen, 'z' below.
    const above = update('a', '2023-07-12T09:59:00Z');
    const below = update('z', '2023-07-12T09:59:00Z');
    routes.set(url, { body: feed([above, shown, below, old]), etag: '"2"' });
    await advance(PAST_ONE_POLL);
    expect(screen.getByRole('button', { name: /2 new updates/ })).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Update a' })).not.toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Update z' })).not.toBeInTheDocument();
    expect(document.title).toBe('(2) Changing feed');
    fireEvent.click(screen.getByRole('button', { name: /2 new updates/ }));
    await settle();
    expect(articles()).toHaveLength(4);
    expect(screen.getByRole('article', { name: 'Update a' })).toBeInTheDocument();
  });
});

describe('the count of results screen readers hear', () => {
  it('is the count shown after the reader picks a filter', async () => {
    const items = [
      update('1', '2023-07-12T09:50:00Z', 'weather'),
      update('2', '2023-07-12T09:40:00Z'),
      update('3', '2023-07-12T09:30:00Z'),
    ];
    render(<LiveBlogRoot feed={feedUrl({ body: feed(items), etag: '"1"' })} locale="en" />);
    await settle();
    fireEvent.click(screen.getByRole('checkbox', { name: /Markets/ }));
    await settle();
    expect(articles()).toHaveLength(2);
    expect(politeText()).toContain('Showing 2 of 3 updates');
  });

  it('is the count shown when a poll retracts the last update the filter matched', async () => {
    const items = [
      update('1', '2023-07-12T09:50:00Z', 'weather'),
      update('2', '2023-07-12T09:40:00Z'),
      update('3', '2023-07-12T09:30:00Z'),
    ];
    const url = feedUrl({ body: feed(items), etag: '"1"' });
    render(
      <LiveBlogRoot
        feed={url}
        locale="en"
        initialView={{ ...defaultViewState, topics: ['weather'] }}
      />,
    );
    await settle();
    expect(articles()).toHaveLength(1);
    const retraction = { id: '1', _liveblog: { deleted: true } };
    routes.set(url, { body: feed([retraction, items[1], items[2]]), etag: '"2"' });
    await advance(PAST_ONE_POLL);
    expect(articles()).toHaveLength(2);
    expect(politeText()).toContain('Showing 2 of 2 updates');
  });
});
