import { afterEach, describe, expect, it } from 'vitest';
import {
  allowedFeedOrigins,
  pageFeed,
  standaloneFeed,
} from '../../../../src/entries/common/page-feed-url';

function setMeta(content: string | null) {
  document.head.querySelector('meta[name="live-blog-feed-origins"]')?.remove();
  if (content === null) return;
  const meta = document.createElement('meta');
  meta.name = 'live-blog-feed-origins';
  meta.content = content;
  document.head.append(meta);
}

describe('the page’s feed (standalone page and embed.html)', () => {
  afterEach(() => setMeta(null));
  const origin = new URL(document.baseURI).origin;

  it('defaults to the demo next to the page', () => {
    setMeta(null);
    expect(standaloneFeed('', document)).toBe(
      new URL('feeds/vilnius-2023.json', document.baseURI).href,
    );
    expect(standaloneFeed('?feed=%20%20', document)).toBe(
      new URL('feeds/vilnius-2023.json', document.baseURI).href,
    );
  });

  it('without the meta, or with it empty, allows the page’s own origin only', () => {
    for (const content of [null, '']) {
      setMeta(content);
      expect(allowedFeedOrigins(document)).toEqual([]);
      expect(standaloneFeed('?feed=/fixtures/a.json', document)).toBe(`${origin}/fixtures/a.json`);
      expect(standaloneFeed('?feed=https://feeds.example.com/a.json', document)).toBeUndefined();
      expect(standaloneFeed('?feed=data:application/json,{}', document)).toBeUndefined();
    }
  });

  it('allows the origins the meta lists, and ignores its malformed entries', () => {
    setMeta('https://feeds.example.com/ https://cdn.example.org/feeds/ *');
    expect(allowedFeedOrigins(document)).toEqual(['https://feeds.example.com']);
    expect(pageFeed('https://FEEDS.example.com:443/a.json', document)).toBe(
      'https://feeds.example.com/a.json',
    );
    expect(pageFeed('https://cdn.example.org/feeds/a.json', document)).toBeUndefined();
  });
});
