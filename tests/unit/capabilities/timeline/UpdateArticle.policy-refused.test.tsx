// Update bodies on a page whose Trusted Types policy leaves the widget's out (a host's
// `trusted-types` list without "live-blog"), in jsdom: creating the policy throws, and every HTML
// sink refuses what it is given, as in the browser. The reader gets the words, not a blank.
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  articles,
  feedUrl,
  installHarness,
  renderLoaded,
} from '../../../support/live-blog-harness';

Object.assign(window, {
  trustedTypes: {
    createPolicy(name: string) {
      throw new TypeError(`Policy "${name}" disallowed.`);
    },
    getAttributeType: () => null,
  },
});
const innerHtml = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
Object.defineProperty(Element.prototype, 'innerHTML', {
  ...innerHtml,
  set() {
    throw new TypeError("This document requires 'TrustedHTML' assignment.");
  },
});
afterAll(() => {
  Object.defineProperty(Element.prototype, 'innerHTML', innerHtml);
  Reflect.deleteProperty(window, 'trustedTypes');
});

installHarness();

const feed = (items: unknown[]) =>
  JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Refused', items });

describe('update bodies where the page does not allow the policy', () => {
  it('show as text in paragraphs, and the console says which policy to allow', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await renderLoaded(
      feedUrl({
        body: feed([
          {
            id: 'html',
            title: 'With HTML',
            date_published: '2023-07-12T09:00:00Z',
            content_html:
              '<p>First <a href="https://news.example/a">paragraph</a>.</p><p>Second &amp; last.</p><img src="https://news.example/i.png" onerror="alert(1)">',
          },
          {
            id: 'both',
            title: 'With both',
            date_published: '2023-07-12T09:30:00Z',
            content_html: '<p><b>Bold</b> words.</p>',
            content_text: 'The feed’s own text.',
          },
        ]),
      }),
    );
    const [both, html] = articles();
    const paragraphs = (article: HTMLElement | undefined) =>
      [...article!.querySelectorAll('.lb-prose p')].map((p) => p.textContent);
    expect(paragraphs(html)).toEqual(['First paragraph.', 'Second & last.']);
    expect(html!.querySelector('.lb-prose a, .lb-prose img')).toBeNull();
    expect(paragraphs(both)).toEqual(['The feed’s own text.']);
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringContaining('"live-blog"'),
    ]);
    warn.mockRestore();
  });
});
