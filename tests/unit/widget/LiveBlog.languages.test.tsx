// A Ukrainian interface over an English feed: screen readers pick their voice by `lang`, so the
// widget's own words must be marked as Ukrainian and the feed's words as English.
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { localeSettingsFor } from '../../../src/shared/i18n/pick-messages';
import { LiveBlogRoot } from '../../../src/widget/LiveBlogRoot';
import { advance, feedUrl, installHarness, settle } from '../../support/live-blog-harness';

installHarness();
// The Ukrainian catalogue, loaded once (a chunk of its own), as a page has it once cached.
beforeAll(async () => {
  await localeSettingsFor('uk');
});

const feed = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Summit live',
  description: 'Live updates from the summit',
  language: 'en',
  _liveblog: {
    poll_seconds: 15,
    topics: [{ id: 'talks', label: 'Talks' }],
    people: [{ id: 'ana', name: 'Ana Lee', role: 'Spokesperson' }],
  },
  items: [
    {
      id: 'a',
      title: 'Leaders arrive',
      content_text: 'The first leaders arrived this morning.',
      date_published: '2023-07-12T09:00:00Z',
      authors: [{ name: 'Desk' }],
      _liveblog: { topics: ['talks'], key_event: true, speakers: ['ana'] },
    },
    {
      id: 'b',
      content_text: 'An update without a title or a topic.',
      date_published: '2023-07-12T09:30:00Z',
    },
  ],
});

/** The language a screen reader reads the element's text in. */
const langOf = (el: Element) => el.closest('[lang]')?.getAttribute('lang');

describe('a Ukrainian interface over an English feed', () => {
  it('marks the feed’s words as English and its own as Ukrainian', async () => {
    render(<LiveBlogRoot feed={feedUrl({ body: feed })} locale="uk" standalone />);
    await settle();
    const article = screen.getByRole('article', { name: 'Leaders arrive' });
    const english = [
      screen.getByRole('heading', { level: 1, name: 'Summit live' }),
      screen.getByText('Live updates from the summit'),
      screen.getByRole('heading', { level: 3, name: 'Leaders arrive' }),
      screen.getByText('The first leaders arrived this morning.'),
      screen.getByText('Desk'),
      ...screen.getAllByText('Talks'),
      screen.getByRole('navigation', { name: 'Ключові події' }).querySelector('bdi')!,
      screen.getByText('Ana Lee'),
    ];
    for (const el of english) expect(langOf(el), el.textContent ?? '').toBe('en');
    const ukrainian = [
      screen.getByText('Онлайн-трансляція', { selector: '.lb-kicker' }),
      screen.getByRole('status'),
      ...screen.getAllByRole('link', { name: 'Копіювати посилання' }),
      screen.getAllByText('Ключова подія')[0]!,
      screen.getByRole('search', { name: 'Фільтри' }),
      screen.getByText('Інші оновлення'),
      // An update without a title is named by the widget: "Оновлення о 12:30".
      screen.getByRole('heading', { level: 3, name: /^Оновлення о/ }),
    ];
    for (const el of ukrainian) expect(langOf(el), el.textContent ?? '').toBe('uk');
    expect(langOf(article.querySelector('time')!)).toBe('uk');
    // The page's title is the feed's: so is the page's language, as the server names it.
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('a Ukrainian interface over a long feed', () => {
  it('writes large counts with their digits grouped, in the filters too', async () => {
    const items = Array.from({ length: 1234 }, (_, i) => ({
      id: `u${i}`,
      title: `Update ${i}`,
      content_text: 'Text.',
      date_published: new Date(Date.parse('2023-07-12T09:00:00Z') - i * 60_000).toISOString(),
      _liveblog: { topics: ['talks'] },
    }));
    const long = JSON.stringify({ ...JSON.parse(feed), items });
    render(<LiveBlogRoot feed={feedUrl({ body: long })} locale="uk" standalone />);
    await settle();
    // A document this long shows its first screen, then the rest.
    for (let i = 0; i < 20 && screen.queryByText('Завантаження всіх оновлень…'); i++)
      await advance(100);
    expect(screen.getByRole('checkbox', { name: 'Talks (1\u00a0234)' })).toBeInTheDocument();
    // The toolbar's count and the group's, with a no-break space between the digits.
    const counts = [...document.querySelectorAll('.lb-toolbar bdi, .lb-group__count')];
    expect(counts.map((el) => el.textContent)).toEqual([
      '1\u00a0234 оновлення',
      '(1\u00a0234 оновлення)',
    ]);
  });
});

describe('a feed that does not say its language, under a Ukrainian interface', () => {
  it('marks the feed’s words as of an unknown language, not as Ukrainian', async () => {
    const { language: _, ...undeclared } = JSON.parse(feed) as Record<string, unknown>;
    render(
      <LiveBlogRoot feed={feedUrl({ body: JSON.stringify(undeclared) })} locale="uk" standalone />,
    );
    await settle();
    const unknown = [
      screen.getByRole('heading', { level: 1, name: 'Summit live' }),
      screen.getByText('Live updates from the summit'),
      screen.getByRole('heading', { level: 3, name: 'Leaders arrive' }),
      screen.getByText('The first leaders arrived this morning.'),
      screen.getByText('Desk'),
      ...screen.getAllByText('Talks'),
      screen.getByRole('navigation', { name: 'Ключові події' }).querySelector('bdi')!,
      screen.getByText('Ana Lee'),
    ];
    for (const el of unknown) expect(langOf(el), el.textContent ?? '').toBe('');
    expect(langOf(screen.getByText('Інші оновлення'))).toBe('uk');
    // A page must name a language: the UI's, as the server does.
    expect(document.documentElement.lang).toBe('uk');
    expect(langOf(screen.getByRole('heading', { level: 3, name: /^Оновлення о/ }))).toBe('uk');
  });
});

describe('a locale written as server frameworks write it', () => {
  it('"uk_UA" gets the Ukrainian interface, as it does from the server', async () => {
    render(<LiveBlogRoot feed={feedUrl({ body: feed })} locale="uk_UA" standalone />);
    await settle();
    const kicker = screen.getByText('Онлайн-трансляція', { selector: '.lb-kicker' });
    expect(langOf(kicker)).toBe('uk-UA');
  });
});
