// The privacy gate: nothing from a third party until the reader, or the host page, agrees.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberProvider } from '../../../../src/capabilities/embeds/consent-store';
import { EmbedCard } from '../../../../src/capabilities/embeds/EmbedCard';
import {
  EmbedPolicyContext,
  type EmbedPolicy,
} from '../../../../src/capabilities/embeds/embed-policy';
import { LOADABLE } from '../../../../src/core/embeds/provider-grant';
import type { Embed } from '../../../../src/core/feed/feed-types';

const VIDEO: Embed = {
  url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  text: 'Press conference after the summit',
  author: 'NATO',
  published: Date.parse('2023-07-12T14:05:00Z'),
};
const OTHER_VIDEO: Embed = { url: 'https://youtu.be/aBc_-123456', text: 'Second video' };
const KEY = 'live-blog:embeds-always';

function show(embeds: readonly Embed[], policy: EmbedPolicy = {}) {
  return render(
    <EmbedPolicyContext.Provider value={policy}>
      {embeds.map((embed, i) => (
        <EmbedCard key={i} embed={embed} locale="en-GB" timeZone="Europe/Vilnius" />
      ))}
    </EmbedPolicyContext.Provider>,
  );
}

const cards = () => screen.getAllByRole('figure');
const frames = () => document.querySelectorAll('iframe');

afterEach(() => {
  for (const provider of LOADABLE) rememberProvider(provider, false);
  localStorage.clear();
});

describe('before the reader agrees', () => {
  it('shows the fallback, names the provider and what loading means, and loads nothing', () => {
    show([VIDEO]);
    const card = cards()[0]!;
    expect(within(card).getByRole('blockquote')).toHaveTextContent(VIDEO.text!);
    expect(card).toHaveTextContent('NATO');
    expect(within(card).getByText('12 Jul, 17:05')).toHaveAttribute(
      'datetime',
      '2023-07-12T14:05:00.000Z',
    );
    expect(within(card).getByRole('link', { name: 'View on YouTube' })).toHaveAttribute(
      'href',
      VIDEO.url,
    );
    expect(card).toHaveTextContent(
      'Loading it connects to YouTube, which may set cookies and collect data about you.',
    );
    expect(within(card).getByRole('button', { name: 'Load content from YouTube' })).toBeVisible();
    expect(
      within(card).getByRole('button', { name: 'Always load content from YouTube' }),
    ).toBeVisible();
    expect(frames()).toHaveLength(0);
  });

  it('an unknown provider, a URL without a usable id, or a Mastodon post is a link card', () => {
    show([
      { url: 'https://blog.example/2023/summit', text: 'A blog post' },
      { url: 'https://www.youtube.com/watch?v=short', text: 'Bad id' },
      { url: 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ', text: 'Look-alike' },
      { url: 'https://mastodon.social/@NATO/110693000000000000', text: 'A toot' },
    ]);
    expect(screen.queryAllByRole('button')).toEqual([]);
    const links = screen.getAllByRole('link').map((a) => a.textContent);
    expect(links).toEqual([
      'View on blog.example',
      'View on www.youtube.com',
      'View on youtube.com.evil.example',
      'View on mastodon.social',
    ]);
  });
});

describe('agreeing', () => {
  it('once loads that embed alone, from the address built from its id, and remembers nothing', async () => {
    show([VIDEO, OTHER_VIDEO]);
    const user = userEvent.setup();
    await user.click(
      within(cards()[0]!).getByRole('button', { name: 'Load content from YouTube' }),
    );
    const frame = await within(cards()[0]!).findByTitle(`YouTube video: ${VIDEO.text!}`);
    expect(frame.tagName).toBe('IFRAME');
    expect(frame).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(frame).toHaveAttribute(
      'sandbox',
      'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation',
    );
    expect(frame).toHaveAttribute('allow', 'fullscreen; picture-in-picture; encrypted-media');
    expect(frame).toHaveAttribute('loading', 'lazy');
    expect(frame).toHaveAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    expect(document.activeElement).toBe(frame);
    expect(frames()).toHaveLength(1);
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(screen.queryByRole('button', { name: /Stop loading/ })).toBeNull();
  });

  it('"always" loads every embed of that provider, remembered, until the reader withdraws', async () => {
    const view = show([VIDEO, OTHER_VIDEO, { url: 'https://vimeo.com/76979871' }]);
    const user = userEvent.setup();
    await user.click(
      within(cards()[1]!).getByRole('button', { name: 'Always load content from YouTube' }),
    );
    await vi.waitFor(() => expect(frames()).toHaveLength(2));
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual(['youtube']);
    // Vimeo still asks.
    expect(screen.getByRole('button', { name: 'Load content from Vimeo' })).toBeVisible();

    // Remembered: a widget rendered later loads YouTube at once.
    view.unmount();
    show([VIDEO]);
    expect(await screen.findByTitle(`YouTube video: ${VIDEO.text!}`)).toBeInTheDocument();

    await user.click(
      screen.getByRole('button', { name: 'Stop loading YouTube content automatically' }),
    );
    expect(frames()).toHaveLength(0);
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual([]);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Load content from YouTube' }),
    );
  });

  it('works for the page even where storage is refused', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    show([VIDEO, OTHER_VIDEO]);
    await userEvent
      .setup()
      .click(within(cards()[0]!).getByRole('button', { name: 'Always load content from YouTube' }));
    await vi.waitFor(() => expect(frames()).toHaveLength(2));
  });
});

describe('the host page', () => {
  it('can switch embeds off: link cards only, even for a remembered provider', () => {
    rememberProvider('youtube', true);
    show([VIDEO], { off: true });
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.getByRole('link', { name: 'View on YouTube' })).toBeVisible();
    expect(frames()).toHaveLength(0);
  });

  it('can agree for the reader, per provider or for all; only the reader’s choice is withdrawn here', async () => {
    show([VIDEO, { url: 'https://x.com/NATO/status/1678999999999999999', text: 'Tweet' }], {
      granted: ['youtube'],
    });
    expect(await screen.findByTitle(`YouTube video: ${VIDEO.text!}`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Load content from X' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /Stop loading/ })).toBeNull();
  });

  it('names a loaded post by its text cut between characters, never inside an emoji', async () => {
    // 78 letters, then emoji: UTF-16 puts each in two units, the cut falls after the 79th unit.
    const text = `${'a'.repeat(78)}🇺🇦🇺🇦 Stand with Ukraine`;
    show([{ url: 'https://x.com/NATO/status/1678999999999999999', text }], { granted: 'all' });
    await vi.waitFor(() => expect(frames()).toHaveLength(1));
    const title = frames()[0]!.title;
    expect(title).toBe(`X post: ${'a'.repeat(78)}🇺…`);
    expect(title).not.toMatch(/\p{Cs}/u);
  });

  it('cuts the name the same on a page whose old framework replaced Array.from', async () => {
    const text = `${'b'.repeat(100)} and more`;
    // MooTools' Array.from makes a string [string]; only for this text, which jsdom never reads.
    const original = Array.from.bind(Array) as (...args: unknown[]) => unknown[];
    const from = vi
      .spyOn(Array, 'from')
      .mockImplementation(((item: unknown, ...rest: unknown[]) =>
        item === text ? [item] : original(item, ...rest)) as typeof Array.from);
    try {
      show([{ url: 'https://x.com/NATO/status/1678999999999999999', text }], { granted: 'all' });
      await vi.waitFor(() => expect(frames()).toHaveLength(1));
      expect(frames()[0]!.title).toBe(`X post: ${'b'.repeat(79)}…`);
    } finally {
      from.mockRestore();
    }
  });

  it('"all" loads every provider it can', async () => {
    show([VIDEO, { url: 'https://t.me/nato_news/12', text: 'Channel post' }], { granted: 'all' });
    await vi.waitFor(() => expect(frames()).toHaveLength(2));
    expect(screen.getByTitle('Telegram post: Channel post')).toHaveAttribute(
      'src',
      'https://t.me/nato_news/12?embed=1',
    );
  });
});
