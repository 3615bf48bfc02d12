// What an update shows besides its text: the lead image as the feed describes it, and the
// authors' avatars.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  articles,
  feedUrl,
  installHarness,
  renderLoaded,
} from '../../../support/live-blog-harness';

installHarness();

const feed = (items: unknown[]) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Media feed',
    _liveblog: { timezone: 'Europe/Vilnius' },
    items,
  });
const update = (id: string, minute: number, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Update ${id}`,
  content_text: `Body of ${id}`,
  date_published: `2023-07-12T09:${String(minute).padStart(2, '0')}:00Z`,
  ...extra,
});
const article = (id: string) =>
  articles().find((a) => within(a).queryByRole('heading', { name: `Update ${id}` }))!;

describe('the lead image', () => {
  it('is described by the feed’s text alternative, with its caption and credit', async () => {
    await renderLoaded(
      feedUrl({
        body: feed([
          update('photo', 30, {
            image: 'https://img.example/stage.jpg',
            _liveblog: {
              image_alt: 'Leaders on the summit stage',
              image_caption: 'The family photo.',
              image_credit: 'Photo: Example Agency',
            },
          }),
        ]),
      }),
    );
    const figure = within(article('photo')).getByRole('figure');
    const image = within(figure).getByRole('img', { name: 'Leaders on the summit stage' });
    expect(image).toHaveAttribute('src', 'https://img.example/stage.jpg');
    expect(figure).toHaveTextContent('The family photo. Photo: Example Agency');
    // Sized before it loads, so nothing below it moves.
    expect(image).toHaveAttribute('width');
    expect(image).toHaveAttribute('height');
  });

  it('without a text alternative is decorative: never named after the headline', async () => {
    await renderLoaded(
      feedUrl({ body: feed([update('plain', 20, { image: 'https://img.example/b.jpg' })]) }),
    );
    const own = article('plain');
    expect(within(own).queryByRole('figure')).toBeNull();
    expect(within(own).queryByRole('img')).toBeNull();
    expect(own.querySelector('img')).toHaveAttribute('alt', '');
  });
});

describe('bylines', () => {
  it('show each author’s avatar beside the name, in the feed’s order', async () => {
    await renderLoaded(
      feedUrl({
        body: feed([
          update('two', 10, {
            authors: [
              { name: 'Ada Reporter', avatar: 'https://img.example/ada.png' },
              { name: 'Ben Editor' },
              { name: 'Cy Hacker', avatar: 'javascript:alert(1)' },
            ],
          }),
        ]),
      }),
    );
    const footer = article('two').querySelector('footer')!;
    expect(footer).toHaveTextContent('By Ada Reporter, Ben Editor, Cy Hacker');
    const avatars = [...footer.querySelectorAll('img')];
    expect(avatars.map((img) => img.getAttribute('src'))).toEqual(['https://img.example/ada.png']);
    // The name is the text: the picture is not read out a second time.
    expect(avatars[0]).toHaveAttribute('alt', '');
    expect(screen.queryByRole('img', { name: /Ada/ })).toBeNull();
  });
});
