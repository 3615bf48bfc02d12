// An update's embedded posts: the ones pasted into its body stay where they were written, the
// ones in `_liveblog.embeds` follow the body; each is a gate, not a third-party request.
import { act, fireEvent, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  advance,
  articles,
  feedUrl,
  installHarness,
  PAST_ONE_POLL,
  renderLoaded,
  routes,
} from '../../../support/live-blog-harness';

installHarness();

const feed = (items: unknown[]) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Embeds',
    _liveblog: { poll_seconds: 15 },
    items,
  });

describe('embedded posts in an update', () => {
  it('keep the body’s order, then the feed’s embeds, each behind its gate', async () => {
    await renderLoaded(
      feedUrl({
        body: feed([
          {
            id: 'e',
            title: 'Reactions',
            date_published: '2023-07-12T09:30:00Z',
            content_html:
              '<p>First paragraph.</p><blockquote class="twitter-tweet"><p>Allies agree.</p>&mdash; NATO <a href="https://twitter.com/NATO/status/1678999999999999999">July 12</a></blockquote><script src="https://platform.twitter.com/widgets.js"></script><p>Last paragraph.</p>',
            _liveblog: {
              embeds: [
                { url: 'https://t.me/V_Zelenskiy_official/6789', text: 'The president’s post' },
                { url: 'javascript:alert(1)', text: 'dropped' },
              ],
            },
          },
        ]),
      }),
    );
    const article = articles()[0]!;
    const body = article.querySelector('.lb-update__body')!;
    const parts = [...body.children].map((el) =>
      el.matches('.lb-prose')
        ? `html: ${el.textContent}`
        : `embed: ${el.querySelector('a')?.textContent}`,
    );
    expect(parts).toEqual([
      'html: First paragraph.',
      'embed: View on X',
      'html: Last paragraph.',
      'embed: View on Telegram',
    ]);
    expect(within(article).getByRole('button', { name: 'Load content from X' })).toBeVisible();
    expect(
      within(article).getByRole('button', { name: 'Load content from Telegram' }),
    ).toBeVisible();
    expect(article.querySelector('script, iframe')).toBeNull();
    expect(article).not.toHaveTextContent('dropped');
  });
});

describe('an update edited while the reader has loaded one of its posts', () => {
  const VIDEO = { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', text: 'The video' };
  const POST = { url: 'https://x.com/NATO/status/1678999999999999999', text: 'The post' };
  const item = (embeds: unknown[], modified: string) => ({
    id: 'e',
    title: 'Reactions',
    content_text: 'Reactions to the summit.',
    date_published: '2023-07-12T09:30:00Z',
    date_modified: modified,
    _liveblog: { embeds },
  });

  it('loads nothing from a provider the reader did not agree to when a post is put first', async () => {
    const url = feedUrl({ body: feed([item([VIDEO], '2023-07-12T09:30:00Z')]) });
    await renderLoaded(url);
    const loadVideo = within(articles()[0]!).getByRole('button', {
      name: 'Load content from YouTube',
    });
    act(() => {
      fireEvent.click(loadVideo);
    });
    expect(articles()[0]!.querySelector('iframe')?.src).toMatch(/^https:\/\/www\.youtube/);

    routes.set(url, { body: feed([item([POST, VIDEO], '2023-07-12T09:45:00Z')]) });
    await advance(PAST_ONE_POLL);

    const article = articles()[0]!;
    expect(within(article).getByRole('button', { name: 'Load content from X' })).toBeVisible();
    const sources = [...article.querySelectorAll('iframe')].map((f) => f.src);
    expect(sources.filter((src) => !src.startsWith('https://www.youtube'))).toEqual([]);
  });
});
