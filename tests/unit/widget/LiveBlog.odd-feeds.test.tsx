// Feeds and pages that misbehave in ways readers notice: a future-dated update, a broken large
// document, ids that look alike, topics that share a label, an unknown time zone, Back pressed
// while typing a search.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LiveBlogRoot } from '../../../src/widget/LiveBlogRoot';
import {
  advance,
  articles,
  FakeIntersectionObserver,
  feedUrl,
  installHarness,
  PAST_ONE_POLL,
  renderLoaded,
  routes,
  settle,
} from '../../support/live-blog-harness';

installHarness();

// The harness's clock starts at 2023-07-12T10:00:00Z.
const feed = (items: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Odd feed',
    _liveblog: { poll_seconds: 15, timezone: 'Europe/Vilnius' },
    items,
    ...extra,
  });
const update = (id: string, at: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Update ${id}`,
  content_text: `Body of ${id}`,
  date_published: at,
  ...extra,
});

describe('a future-dated update', () => {
  it('is shown, and does not switch off the notice and the unseen count of real arrivals', async () => {
    const early = update('scheduled', '2023-07-12T10:30:00Z');
    const old = update('old', '2023-07-12T09:00:00Z');
    const url = feedUrl({ body: feed([early, old]), etag: '"1"' });
    render(<LiveBlogRoot feed={url} locale="en" standalone />);
    await settle();
    expect(articles()).toHaveLength(2);
    // The reader scrolls into the timeline.
    act(() => FakeIntersectionObserver.report('.lb-sentinel', false, -800));
    const arrival = update('arrival', '2023-07-12T10:00:10Z');
    routes.set(url, { body: feed([early, arrival, old]), etag: '"2"' });
    await advance(PAST_ONE_POLL);
    expect(screen.getByRole('button', { name: /1 new update/ })).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Update arrival' })).not.toBeInTheDocument();
    expect(document.title).toBe('(1) Odd feed');
    fireEvent.click(screen.getByRole('button', { name: /1 new update/ }));
    await settle();
    expect(screen.getByRole('article', { name: 'Update arrival' })).toBeInTheDocument();
  });
});

describe('an update dated a year ahead (a mistyped year)', () => {
  it('is not named as the last update: the status line goes on with the real ones', async () => {
    const typo = update('typo', '2024-07-12T10:30:00Z');
    const real = update('real', '2023-07-12T09:55:00Z');
    const url = feedUrl({ body: feed([typo, real]), etag: '"1"' });
    render(<LiveBlogRoot feed={url} locale="en-GB" standalone />);
    await settle();
    expect(articles()).toHaveLength(2);
    const status = document.querySelector('.lb-status');
    expect(status).toHaveTextContent('Live · updated 5 minutes ago');
    routes.set(url, {
      body: feed([typo, real], { _liveblog: { timezone: 'Europe/Vilnius', status: 'ended' } }),
      etag: '"2"',
    });
    await advance(PAST_ONE_POLL);
    expect(document.querySelector('.lb-status')).toHaveTextContent(
      'This live blog has ended · last update 12:55',
    );
  });
});

describe('an update dated six months ahead (a mistyped month)', () => {
  it('does not put the event’s zone into winter time while its updates are in summer', async () => {
    const typo = update('typo', '2024-01-12T10:30:00Z');
    const real = update('real', '2023-07-12T09:55:00Z');
    render(<LiveBlogRoot feed={feedUrl({ body: feed([typo, real]) })} locale="en-GB" />);
    await settle();
    expect(articles()).toHaveLength(2);
    expect(screen.getByText(/^Times: event/)).toHaveTextContent('Times: event (EEST)');
  });
});

describe('a first document that cannot be read', () => {
  it('is "could not be loaded", even when a preview of it was already on screen', async () => {
    // Large enough for its first screen to be shown first; broken far beyond that.
    const items = Array.from({ length: 2_000 }, (_, i) =>
      update(`u${i}`, new Date(Date.UTC(2023, 6, 12, 9, 0) - i * 60_000).toISOString(), {
        content_text: 'Reporting from the summit. '.repeat(20),
      }),
    );
    const text = feed(items);
    const cut = text.indexOf('"id":"u1000"');
    const broken = `${text.slice(0, cut)},,${text.slice(cut)}`;
    const url = feedUrl({ body: broken, etag: '"1"' });
    render(<LiveBlogRoot feed={url} locale="en" standalone />);
    // The first screen could not be shown (the text is not JSON): no update ever shows.
    await vi.waitFor(async () => {
      await advance(100);
      expect(screen.queryByRole('alert')).toBeInTheDocument();
    });
    expect(screen.getByRole('alert')).toHaveTextContent('This live blog could not be loaded.');
    expect(articles()).toHaveLength(0);
    expect(screen.queryByText(/updates$/)).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Live blog unavailable');
    // The next attempt, still broken, shows nothing in between either.
    await advance(30_000);
    expect(articles()).toHaveLength(0);
    // Repaired: it loads.
    routes.set(url, { body: text, etag: '"2"' });
    await vi.waitFor(async () => {
      await advance(5_000);
      expect(articles().length).toBeGreaterThan(0);
    }, 10_000);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Odd feed');
    expect(articles().length).toBeGreaterThan(0);
  });
});

describe('ids that look alike', () => {
  it('each update keeps its own element, name and permalink', async () => {
    const ids = ['a b', 'a_b', 'a\u00a0b', 'a-b-title'];
    const items = ids.map((id, i) =>
      update(id, `2023-07-12T09:0${i}:00Z`, { title: `Headline ${i}` }),
    );
    await renderLoaded(feedUrl({ body: feed(items), etag: '"1"' }));
    for (const [i, id] of ids.entries()) {
      const article = screen.getByRole('article', { name: `Headline ${i}` });
      const link = article.querySelector<HTMLAnchorElement>('.lb-copy-link__anchor')!;
      expect(new URL(link.href).hash).toBe(`#update-${encodeURIComponent(id)}`);
      expect(document.getElementById(article.id)).toBe(article);
    }
    expect(new Set(articles().map((a) => a.id)).size).toBe(ids.length);
  });
});

describe('topics that share a label', () => {
  it('name their groups and filters apart; the first keeps its label', async () => {
    const topics = [
      { id: 'a', label: 'Markets' },
      { id: 'b', label: 'Markets' },
      { id: 'c', label: 'markets' },
    ];
    const items = topics.map(({ id }, i) =>
      update(id, `2023-07-12T09:0${i}:00Z`, { _liveblog: { topics: [id] } }),
    );
    const body = feed(items, { _liveblog: { timezone: 'Europe/Vilnius', topics } });
    await renderLoaded(feedUrl({ body, etag: '"1"' }));
    const names = ['Markets', 'Markets #2', 'markets #3'];
    for (const name of names) {
      expect(screen.getByRole('region', { name: `${name} (1 update)` })).toBeInTheDocument();
      expect(screen.getByRole('checkbox', { name: `${name} (1)` })).toBeInTheDocument();
    }
    const regions = screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby'));
    const regionNames = regions.map((id) => document.getElementById(id!)!.textContent);
    expect(new Set(regionNames).size).toBe(regionNames.length);
  });
});

describe('a time zone the browser does not know', () => {
  it('falls back to the feed’s zone, in the page’s language', async () => {
    const url = feedUrl({ body: feed([update('a', '2023-07-12T09:30:00Z')]), etag: '"1"' });
    render(<LiveBlogRoot feed={url} locale="en-GB" timezone="Mars/Olympus" />);
    await settle();
    const time = screen.getByRole('article').querySelector('time')!;
    // 09:30 UTC is 12:30 in Vilnius, on a 24-hour clock in British English.
    expect(time.textContent).toMatch(/^12:30 /);
    expect(time.textContent).not.toMatch(/AM|PM/);
    expect(document.body).toHaveTextContent('Times: event (EEST)');
  });
});

describe('Back pressed while a search is being typed', () => {
  it('goes back, and the half-typed search is not applied afterwards as a new entry', async () => {
    window.history.replaceState(null, '', '/');
    const items = [update('a', '2023-07-12T09:30:00Z', { _liveblog: { topics: ['nato'] } })];
    const url = feedUrl({ body: feed(items), etag: '"1"' });
    render(<LiveBlogRoot feed={url} locale="en" syncUrl standalone />);
    await settle();
    // A filter change makes an entry to go back from; the search box stays empty meanwhile.
    fireEvent.click(screen.getByRole('checkbox', { name: /^nato/ }));
    await settle();
    expect(window.location.search).toBe('?topic=nato');
    const entries = window.history.length;

    const search = screen.getByRole('searchbox', { name: 'Search updates' });
    fireEvent.change(search, { target: { value: 'summit' } });
    await advance(100);
    window.history.back();
    await vi.waitFor(async () => {
      await advance(10);
      expect(window.location.search).toBe('');
    });
    await advance(1_000);
    expect(window.location.search).toBe('');
    expect(window.history.length).toBe(entries);
    expect(search).toHaveValue('');
  });
});

describe('a blog without updates', () => {
  it('names no "last update": none has been published, ended or live', async () => {
    const ended = feedUrl({ body: feed([], { expired: true }), etag: '"1"' });
    const view = render(<LiveBlogRoot feed={ended} locale="en" standalone />);
    await settle();
    expect(screen.getByRole('status')).toHaveTextContent(/^This live blog has ended$/);
    view.unmount();
    // A retraction is not an update either.
    const gone = {
      id: 'gone',
      date_modified: '2023-07-12T09:59:00Z',
      _liveblog: { deleted: true },
    };
    render(
      <LiveBlogRoot feed={feedUrl({ body: feed([gone]), etag: '"1"' })} locale="en" standalone />,
    );
    await settle();
    expect(screen.getByRole('status')).toHaveTextContent(/^Live$/);
  });
});

describe('a blog that marks no key events', () => {
  const keyToggle = () => screen.queryByRole('checkbox', { name: /^Key events only/ });

  it('offers no "Key events only", until its first key event arrives', async () => {
    const plain = [update('a', '2023-07-12T09:00:00Z'), update('b', '2023-07-12T09:30:00Z')];
    const route = { body: feed(plain), etag: '"1"' };
    render(<LiveBlogRoot feed={feedUrl(route)} locale="en" standalone />);
    await settle();
    expect(articles()).toHaveLength(2);
    expect(screen.getByRole('searchbox', { name: 'Search updates' })).toBeInTheDocument();
    expect(keyToggle()).not.toBeInTheDocument();

    const key = update('c', '2023-07-12T09:45:00Z', { _liveblog: { key_event: true } });
    Object.assign(route, { body: feed([key, ...plain]), etag: '"2"' });
    await advance(PAST_ONE_POLL);
    expect(articles()).toHaveLength(3);
    expect(keyToggle()).not.toBeChecked();
  });

  it('keeps the toggle an address checked, so that the reader can take it off', async () => {
    window.history.replaceState(null, '', '/?key=1');
    const plain = [update('a', '2023-07-12T09:00:00Z')];
    render(<LiveBlogRoot feed={feedUrl({ body: feed(plain) })} locale="en" syncUrl standalone />);
    await settle();
    expect(articles()).toHaveLength(0);
    expect(keyToggle()).toBeChecked();
    keyToggle()!.focus();
    fireEvent.click(keyToggle()!);
    await settle();
    expect(articles()).toHaveLength(1);
    // Still there, unchecked and focused: a keyboard reader is not thrown back to the page's top.
    expect(keyToggle()).not.toBeChecked();
    expect(keyToggle()).toHaveFocus();
    window.history.replaceState(null, '', '/');
  });
});

describe('text made only of invisible characters (zero-width spaces, a byte order mark)', () => {
  it('is no headline, label or body: the update is named by its time, the topic by its id', async () => {
    const zw = '\u200b\u200d\ufeff';
    const items = [
      update('a', '2023-07-12T09:30:00Z', {
        title: ` ${zw} `,
        content_text: zw,
        summary: 'The summary, to read',
        _liveblog: { topics: ['markets'] },
      }),
    ];
    const topics = [{ id: 'markets', label: `\u200b ${zw}` }];
    const body = feed(items, { _liveblog: { timezone: 'Europe/Vilnius', topics } });
    await renderLoaded(feedUrl({ body, etag: '"1"' }));
    const article = screen.getByRole('article', { name: /^Update at 12:30/ });
    expect(article).toHaveTextContent('The summary, to read');
    expect(screen.getByRole('region', { name: 'markets (1 update)' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'markets (1)' })).toBeInTheDocument();
  });
});
