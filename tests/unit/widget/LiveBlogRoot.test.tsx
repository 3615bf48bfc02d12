import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { LiveBlogRoot } from '../../../src/widget/LiveBlogRoot';
import type * as UpdateArticleModule from '../../../src/capabilities/timeline/UpdateArticle';
import { demoFeedText, fixtureText } from '../../support/feed-builders';
import {
  advance,
  articles,
  FakeIntersectionObserver,
  feedUrl,
  fetchMock,
  installHarness,
  PAST_ONE_POLL,
  renderLoaded,
  routes,
  settle,
} from '../../support/live-blog-harness';

// Counts renders of each update. The wrapper is memoised exactly like the real component (default
// shallow props comparison), so a render here means the real article would re-render too.
const renders = vi.hoisted(() => ({ byId: new Map<string, number>() }));
vi.mock('../../../src/capabilities/timeline/UpdateArticle', async (importOriginal) => {
  const mod = await importOriginal<typeof UpdateArticleModule>();
  const { memo } = await import('react');
  type Props = Parameters<typeof mod.UpdateArticle>[0];
  const inner = (mod.UpdateArticle as unknown as { type: (props: Props) => ReactNode }).type;
  return {
    ...mod,
    UpdateArticle: memo(function CountedUpdateArticle(props: Props) {
      renders.byId.set(props.item.id, (renders.byId.get(props.item.id) ?? 0) + 1);
      return inner(props);
    }),
  };
});
// Workers run other files after this one: they get the real article.
afterAll(() => {
  vi.doUnmock('../../../src/capabilities/timeline/UpdateArticle');
});

const demo = JSON.parse(demoFeedText()) as { items: Record<string, unknown>[] };
const NEW_ITEM = {
  id: 'vilnius-2023-07-12-1255-stoltenberg-presser',
  title: 'Stoltenberg: allies agree on a path for Ukraine',
  content_html: '<p>The NATO Secretary General spoke to reporters.</p>',
  date_published: '2023-07-12T12:55:00+03:00',
  _liveblog: { topics: ['ukraine'], countries: ['UA', 'NO'], speakers: ['stoltenberg'] },
};
const withItems = (items: unknown[]) => JSON.stringify({ ...demo, items });

installHarness();
beforeEach(() => renders.byId.clear());

describe('<LiveBlogRoot>', () => {
  it('shows a skeleton while loading, then the updates as articles', async () => {
    const url = feedUrl({ body: demoFeedText(), etag: '"1"' });
    render(<LiveBlogRoot feed={url} locale="en" />);
    const skeleton = { name: 'Loading live updates…' };
    expect(screen.getByRole('region', skeleton)).toBeInTheDocument();
    expect(articles()).toHaveLength(0);
    await settle();
    expect(screen.queryByRole('region', skeleton)).not.toBeInTheDocument();
    expect(articles()).toHaveLength(7);
    expect(
      screen.getByRole('article', { name: /China hits back at NATO criticism/ }),
    ).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('shows the groups as sections labelled by their h2, in the feed’s topic order', async () => {
    await renderLoaded(feedUrl({ body: demoFeedText(), etag: '"1"' }));
    const sections = screen
      .getAllByRole('region')
      .map((section) => section.getAttribute('aria-labelledby'))
      .filter((id): id is string => id !== null)
      .map((id) => document.getElementById(id)!);
    expect(sections.every((heading) => heading.tagName === 'H2')).toBe(true);
    expect(sections.map((h) => h.textContent)).toEqual([
      'Ukraine (2 updates)',
      'China (1 update)',
      'G7 security pacts (1 update)',
      'Biden’s schedule (2 updates)',
    ]);
    const ukraine = screen.getByRole('region', { name: 'Ukraine (2 updates)' });
    expect(within(ukraine).getAllByRole('article')).toHaveLength(2);
    // The pinned update is shown once, above the groups, and not again in its group.
    const pinned = screen.getByRole('region', { name: 'Pinned' });
    expect(within(pinned).getByRole('article').textContent).toMatch(/priorities for Day 2/);
    expect(screen.getAllByText(/priorities for Day 2/, { selector: 'h3 *, h3' })).toHaveLength(1);
  });

  it('a poll that adds an update shows it (the reader is at the top)', async () => {
    const url = feedUrl({ body: demoFeedText(), etag: '"1"' });
    await renderLoaded(url);
    routes.set(url, { body: withItems([NEW_ITEM, ...demo.items]), etag: '"2"' });
    await advance(PAST_ONE_POLL);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(articles()).toHaveLength(8);
    const added = screen.getByRole('article', { name: /Stoltenberg: allies agree/ });
    expect(added).toHaveClass('lb-update--fresh');
    expect(
      within(screen.getByRole('region', { name: 'Ukraine (3 updates)' })).getAllByRole(
        'article',
      )[0],
    ).toBe(added);
    expect(screen.queryByRole('button', { name: /new update/ })).not.toBeInTheDocument();
  });

  it('holds new updates behind "N new updates" while the reader is scrolled down; clicking shows them', async () => {
    const url = feedUrl({ body: demoFeedText(), etag: '"1"' });
    await renderLoaded(url);
    // The sentinel at the top of the timeline has scrolled out above the viewport.
    act(() => FakeIntersectionObserver.report('.lb-sentinel', false, -800));
    const second = {
      ...NEW_ITEM,
      id: 'second',
      title: 'A second arrival',
      date_published: '2023-07-12T12:58:00+03:00',
    };
    routes.set(url, { body: withItems([second, NEW_ITEM, ...demo.items]), etag: '"2"' });
    await advance(PAST_ONE_POLL);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    const button = screen.getByRole('button', { name: /2 new updates/ });
    // Nothing moved under the reader.
    expect(articles()).toHaveLength(7);
    expect(screen.queryByRole('article', { name: /Stoltenberg/ })).not.toBeInTheDocument();
    fireEvent.click(button);
    await settle();
    expect(articles()).toHaveLength(9);
    expect(screen.getByRole('article', { name: /Stoltenberg/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /new update/ })).not.toBeInTheDocument();
  });

  it('an unchanged poll (same ETag) re-renders no article; an edit re-renders only that one', async () => {
    const url = feedUrl({ body: demoFeedText(), etag: '"1"' });
    await renderLoaded(url);
    const before = articles();
    const rendersAfterLoad = new Map(renders.byId);
    expect(rendersAfterLoad.size).toBe(7);

    await advance(PAST_ONE_POLL);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(renders.byId).toEqual(rendersAfterLoad);
    expect(articles()).toEqual(before);
    articles().forEach((article, i) => expect(article).toBe(before[i]));

    // A new ETag over identical content (a re-deploy, another CDN node): parsed, merged, and
    // still nothing to re-render, because the merge keeps every item's identity.
    routes.set(url, { body: demoFeedText(), etag: '"1b"' });
    await advance(PAST_ONE_POLL);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(renders.byId).toEqual(rendersAfterLoad);

    const edited = demo.items.map((item) =>
      item.id === 'vilnius-2023-07-12-1120-china-hits-back'
        ? {
            ...item,
            title: 'China hits back (corrected)',
            date_modified: '2023-07-12T11:40:00+03:00',
          }
        : item,
    );
    routes.set(url, { body: withItems(edited), etag: '"2"' });
    await advance(PAST_ONE_POLL);
    expect(fetchMock).toHaveBeenCalledTimes(4);
    expect(
      screen.getByRole('article', { name: 'China hits back (corrected)' }),
    ).toBeInTheDocument();
    const rerendered = [...renders.byId].filter(([id, n]) => n !== rendersAfterLoad.get(id));
    expect(rerendered.map(([id]) => id)).toEqual(['vilnius-2023-07-12-1120-china-hits-back']);
  });

  it('a failed poll keeps the updates, says when it will retry, and "Retry now" recovers', async () => {
    const url = feedUrl({ body: demoFeedText(), etag: '"1"' });
    await renderLoaded(url);
    expect(screen.queryByRole('button', { name: 'Retry now' })).not.toBeInTheDocument();
    routes.set(url, { body: 'busy', status: 503 });
    await advance(PAST_ONE_POLL);
    expect(articles()).toHaveLength(7);
    const notice = document.querySelector('.lb-notice')!;
    expect(notice.querySelector('[aria-live=polite]')).toHaveTextContent(/^The server is busy$/);
    expect(notice).toHaveTextContent(/The server is busy: retrying in \d+ s\./);
    const retry = screen.getByRole('button', { name: 'Retry now' });

    routes.set(url, { body: withItems([NEW_ITEM, ...demo.items]), etag: '"2"' });
    fireEvent.click(retry);
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(articles()).toHaveLength(8);
    expect(notice).toHaveTextContent(/^$/);
    expect(screen.queryByRole('button', { name: 'Retry now' })).not.toBeInTheDocument();
  });

  it('a first response that is not a feed shows an error message instead of a timeline', async () => {
    await renderLoaded(feedUrl({ body: fixtureText('not-a-feed.json'), etag: '"1"' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('This live blog could not be loaded.');
    expect(alert).toHaveTextContent(/not a JSON Feed/);
    expect(articles()).toHaveLength(0);
    expect(screen.queryByText('Loading live updates…')).not.toBeInTheDocument();
  });

  it('a first load that fails offers "Retry now" too: a reader back on line need not wait', async () => {
    // A captive portal's sign-in page: once the reader has signed in, the feed is there.
    const url = feedUrl({ body: '<p>Sign in</p>', status: 200, contentType: 'text/html' });
    await renderLoaded(url);
    expect(screen.getByRole('alert')).toHaveTextContent('This live blog could not be loaded.');
    routes.set(url, { body: demoFeedText(), etag: '"1"' });
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    await settle();
    expect(articles()).toHaveLength(7);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('a first load that failed stays said while it is tried again, not flipped back to loading', async () => {
    const url = feedUrl({ body: '<p>Sign in</p>', status: 200, contentType: 'text/html' });
    await renderLoaded(url);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('This live blog could not be loaded.');
    // The next try does not answer yet.
    fetchMock.mockImplementationOnce(() => new Promise<Response>(() => {}));
    const asked = fetchMock.mock.calls.length;
    await advance(60_000);
    expect(fetchMock.mock.calls.length).toBe(asked + 1);
    // The same alert, not a new one a screen reader would read out again; no skeleton between.
    expect(screen.getByRole('alert')).toBe(alert);
    expect(screen.queryByText('Loading live updates…')).not.toBeInTheDocument();
  });

  it('an HTML error page on first load is an error too', async () => {
    await renderLoaded(
      feedUrl({ body: fixtureText('not-json.txt'), status: 200, contentType: 'text/html' }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(/web page instead of the feed/);
  });

  it('invalid items are dropped on their own, and counted', async () => {
    await renderLoaded(feedUrl({ body: fixtureText('invalid-items.json'), etag: '"1"' }));
    expect(articles()).toHaveLength(4);
    expect(screen.getByRole('status').parentElement).toHaveTextContent(
      '5 updates could not be shown',
    );
  });

  it('filters: a facet checkbox filters the articles, and the labels carry counts', async () => {
    await renderLoaded(feedUrl({ body: demoFeedText(), etag: '"1"' }));
    const topics = screen.getByRole('group', { name: 'Topic' });
    const countries = screen.getByRole('group', { name: 'Country' });
    const labels = (group: HTMLElement) =>
      within(group)
        .getAllByRole('checkbox')
        .map((box) => (box as HTMLInputElement).labels?.[0]?.textContent);
    expect(labels(topics)).toEqual([
      'Ukraine (5)',
      'China (1)',
      'G7 security pacts (1)',
      'Biden’s schedule (2)',
    ]);

    fireEvent.click(within(topics).getByRole('checkbox', { name: 'China (1)' }));
    await settle();
    expect(articles().map((a) => a.querySelector('h3')?.textContent)).toEqual([
      'China hits back at NATO criticism and vows to defend its rights',
    ]);
    expect(screen.getByText('1 of 7 updates')).toBeInTheDocument();
    // Other topics are alternatives: their counts do not shrink. Countries are narrowed.
    expect(labels(topics)).toContain('Ukraine (5)');
    expect(within(countries).getByRole('checkbox', { name: 'Japan (1)' })).toBeInTheDocument();
    expect(within(countries).getByRole('checkbox', { name: 'Lithuania (0)' })).toBeInTheDocument();

    // OR within the facet.
    fireEvent.click(within(topics).getByRole('checkbox', { name: 'G7 security pacts (1)' }));
    await settle();
    expect(articles()).toHaveLength(2);
    // AND across facets.
    fireEvent.click(within(countries).getByRole('checkbox', { name: /^Japan/ }));
    await settle();
    expect(articles()).toHaveLength(1);

    fireEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    await settle();
    expect(articles()).toHaveLength(7);
  });
});
