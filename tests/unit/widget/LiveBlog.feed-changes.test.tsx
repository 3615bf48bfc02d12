// A live feed that changes between polls in ways the contract allows: an update published in
// the same second as the newest one, a filter whose last update goes away, an update (or its
// key-event entry) that moves or goes while the reader's focus is in it.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
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
// The landing code (it keeps the focus too) comes when the page is idle, the no-matches message
// when nothing matches: both in from the start here.
beforeAll(async () => {
  await import('../../../src/capabilities/sharing/keep-in-place');
  await import('../../../src/capabilities/filters/NoMatches');
});

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

  /** Filtered on `topic`, whose only update a poll then retracts. */
  async function retractTheOnlyMatch(topic: string) {
    const items = [
      update('1', '2023-07-12T09:50:00Z', topic),
      update('2', '2023-07-12T09:40:00Z'),
      update('3', '2023-07-12T09:30:00Z'),
    ];
    const url = feedUrl({ body: feed(items), etag: '"1"' });
    render(
      <LiveBlogRoot
        feed={url}
        locale="en"
        initialView={{ ...defaultViewState, topics: [topic] }}
      />,
    );
    await settle();
    expect(articles()).toHaveLength(1);
    const retraction = { id: '1', _liveblog: { deleted: true } };
    routes.set(url, { body: feed([retraction, items[1], items[2]]), etag: '"2"' });
    await advance(PAST_ONE_POLL);
  }

  it('is the count shown when a poll retracts the last update the filter matched', async () => {
    // The feed still declares the topic: the reader's filter stays, and nothing matches it.
    await retractTheOnlyMatch('weather');
    expect(articles()).toHaveLength(0);
    // The filters did not change: no count is announced, least of all the one from before.
    expect(politeText()).not.toContain('Showing');
    await settle();
    expect(screen.getByText(/No updates match/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Remove.*Weather/ })).toBeInTheDocument();
  });

  it('drops the filter when a poll retracts the last update of a topic the feed does not declare', async () => {
    await retractTheOnlyMatch('rain');
    expect(articles()).toHaveLength(2);
    expect(politeText()).toContain('Showing 2 of 2 updates');
  });

  it('shows a preset topic the feed declares as empty until an update carries it', async () => {
    const items = [update('2', '2023-07-12T09:40:00Z'), update('3', '2023-07-12T09:30:00Z')];
    const url = feedUrl({ body: feed(items), etag: '"1"' });
    render(
      <LiveBlogRoot
        feed={url}
        locale="en"
        initialView={{ ...defaultViewState, topics: ['weather'] }}
      />,
    );
    await settle();
    expect(articles()).toHaveLength(0);
    expect(screen.getByRole('checkbox', { name: /Weather/ })).toBeChecked();
    routes.set(url, {
      body: feed([update('4', '2023-07-12T09:55:00Z', 'weather'), ...items]),
      etag: '"2"',
    });
    await advance(PAST_ONE_POLL);
    expect(articles().map((a) => a.getAttribute('aria-label') ?? a.textContent)).toHaveLength(1);
    expect(screen.getByRole('article', { name: 'Update 4' })).toBeInTheDocument();
  });
});

describe('the focus in an update or its key-event entry, which a poll moves or takes away', () => {
  const items = [
    update('1', '2023-07-12T09:50:00Z', 'weather'),
    update('2', '2023-07-12T09:40:00Z'),
    update('3', '2023-07-12T09:30:00Z'),
  ];
  const focusCopyLink = (name: string) => {
    const link = within(screen.getByRole('article', { name })).getByRole('link', {
      name: /Copy link/,
    });
    link.focus();
    expect(document.activeElement).toBe(link);
  };

  it('goes to the update in its new group when an edit changes its first topic', async () => {
    const url = feedUrl({ body: feed(items), etag: '"1"' });
    render(<LiveBlogRoot feed={url} locale="en" />);
    await settle();
    focusCopyLink('Update 1');
    const edited = { ...items[0], date_modified: '2023-07-12T09:55:00Z' };
    edited._liveblog = { topics: ['markets'] };
    routes.set(url, { body: feed([edited, items[1], items[2]]), etag: '"2"' });
    await advance(PAST_ONE_POLL);
    expect(screen.queryByRole('heading', { name: /Weather/ })).not.toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByRole('article', { name: 'Update 1' }));
  });

  it('goes to the top of the timeline when the update is retracted', async () => {
    const url = feedUrl({ body: feed(items), etag: '"1"' });
    render(<LiveBlogRoot feed={url} locale="en" />);
    await settle();
    focusCopyLink('Update 2');
    const retraction = { id: '2', _liveblog: { deleted: true } };
    routes.set(url, { body: feed([items[0], retraction, items[2]]), etag: '"2"' });
    await advance(PAST_ONE_POLL);
    expect(articles()).toHaveLength(2);
    expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Live blog' }));
  });

  it('goes to the top of the timeline when an edit takes a key event out of the rail', async () => {
    const key = { ...items[1], _liveblog: { topics: ['markets'], key_event: true } };
    const url = feedUrl({ body: feed([items[0], key, items[2]]), etag: '"1"' });
    render(<LiveBlogRoot feed={url} locale="en" />);
    await settle();
    const rail = screen.getByRole('navigation', { name: 'Key events' });
    const entry = within(rail).getByRole('link', { name: /Update 2/ });
    entry.focus();
    const edited = { ...items[1], date_modified: '2023-07-12T09:55:00Z' };
    routes.set(url, { body: feed([items[0], edited, items[2]]), etag: '"2"' });
    await advance(PAST_ONE_POLL);
    expect(entry).not.toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Live blog' }));
  });

  it('stays where the reader put it outside the timeline', async () => {
    const url = feedUrl({ body: feed(items), etag: '"1"' });
    render(<LiveBlogRoot feed={url} locale="en" />);
    await settle();
    focusCopyLink('Update 2');
    // The reader leaves the button for the page (its body), then the update goes.
    (document.activeElement as HTMLElement).blur();
    await settle();
    const retraction = { id: '2', _liveblog: { deleted: true } };
    routes.set(url, { body: feed([items[0], retraction, items[2]]), etag: '"2"' });
    await advance(PAST_ONE_POLL);
    expect(articles()).toHaveLength(2);
    expect(document.activeElement).toBe(document.body);
  });
});
