import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderFramePage, renderStandalonePage } from '../../../../src/entries/server/render-page';

const TEXT = readFileSync('tests/fixtures/feeds/mars-landing.json', 'utf8');

/** The locale the standalone page is rendered in (its snapshot's, which the browser keeps). */
async function renderedLocale(query: string, acceptLanguage: string) {
  const page = await renderStandalonePage({
    pageUrl: `https://news.example/?feed=/live.json${query}`,
    feedOrigins: [],
    acceptLanguage,
    load: () =>
      Promise.resolve({
        text: TEXT,
        validator: '"v1"',
        fetchedAt: Date.parse('2026-05-01T12:00Z'),
      }),
  });
  return /"locale":"([^"]*)"/.exec(page?.tail ?? '')?.[1];
}

describe('the language of a server-rendered page', () => {
  it('is the one its address names', async () => {
    expect(await renderedLocale('&locale=en-GB', 'uk-UA,uk;q=0.9')).toBe('en-GB');
  });

  it("is the reader's when the address names none, or a blank or malformed one", async () => {
    expect(await renderedLocale('', 'uk-UA,uk;q=0.9')).toBe('uk-UA');
    expect(await renderedLocale('&locale=', 'uk-UA,uk;q=0.9')).toBe('uk-UA');
    expect(await renderedLocale('&locale=%20', 'uk-UA')).toBe('uk-UA');
    expect(await renderedLocale('&locale=not%20a%20tag', 'uk-UA')).toBe('uk-UA');
  });
});

/** embed.html rendered for `link`, limited to one update so that "See all updates" shows. */
async function frameWithLink(link: string) {
  const page = await renderFramePage({
    pageUrl: `https://cdn.example/embed.html?feed=${encodeURIComponent('https://news.example/live.json')}&limit=1&link=${encodeURIComponent(link)}`,
    feedOrigins: ['https://news.example'],
    acceptLanguage: 'en',
    load: () =>
      Promise.resolve({
        text: TEXT,
        validator: '"v1"',
        fetchedAt: Date.parse('2026-05-01T12:00Z'),
      }),
  });
  return `${page?.root ?? ''}${page?.tail ?? ''}`;
}

describe('the link of a server-rendered embed.html', () => {
  it('leads to the origins its feed may come from', async () => {
    const html = await frameWithLink('https://news.example/world/live');
    expect(html).toContain('href="https://news.example/world/live"');
  });

  it('is left out when it leads anywhere else: anyone can send a link to embed.html', async () => {
    const html = await frameWithLink('https://evil.example/login');
    expect(html).not.toContain('href="https://evil.example');
    expect(html).toContain('lb-title');
  });
});

describe('the address a crawler is given', () => {
  const load = () =>
    Promise.resolve({ text: TEXT, validator: '"v1"', fetchedAt: Date.parse('2026-05-01T12:00Z') });

  it("is the page's feed and language, without a reader's filters, depth or tracking", async () => {
    const page = await renderStandalonePage({
      pageUrl:
        'https://news.example/live?feed=%2Flive.json&topic=eta&q=a%22b&more=3&older=1&locale=uk&utm_source=x#update-1',
      feedOrigins: [],
      load,
    });
    const canonical = 'https://news.example/live?feed=%2Flive.json&amp;locale=uk';
    expect(page?.head).toContain(`<link rel="canonical" href="${canonical}">`);
    expect(page?.head).toContain(`<meta property="og:url" content="${canonical}">`);
  });

  it('is not given by embed.html, which search engines are asked to leave alone', async () => {
    const page = await renderFramePage({
      pageUrl: `https://cdn.example/embed.html?feed=${encodeURIComponent('https://news.example/live.json')}`,
      feedOrigins: ['https://news.example'],
      load,
    });
    expect(page?.root).toContain('<article');
    expect(page?.head).not.toContain('rel="canonical"');
  });
});
