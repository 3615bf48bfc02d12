import { describe, expect, it } from 'vitest';
import { checkPageFeed, parseFeedOrigins } from '../../../../src/core/feed/feed-origins';

const PAGE = 'https://news.example/live/index.html?feed=x';

describe('parseFeedOrigins (the <meta name="live-blog-feed-origins"> list)', () => {
  it('reads space-separated origins, whatever the spacing, as URL origins', () => {
    expect(parseFeedOrigins('  https://feeds.example.com\n\thttp://127.0.0.1:8080  ')).toEqual([
      'https://feeds.example.com',
      'http://127.0.0.1:8080',
    ]);
  });

  it('normalises case, a final slash and default ports', () => {
    expect(
      parseFeedOrigins(
        'HTTPS://Feeds.Example.COM/ https://cdn.example.org:443 http://a.example:80',
      ),
    ).toEqual(['https://feeds.example.com', 'https://cdn.example.org', 'http://a.example']);
  });

  it('is empty when the meta is absent or empty', () => {
    expect(parseFeedOrigins(null)).toEqual([]);
    expect(parseFeedOrigins(undefined)).toEqual([]);
    expect(parseFeedOrigins('')).toEqual([]);
    expect(parseFeedOrigins('   ')).toEqual([]);
  });

  it('ignores an entry with a path, a query, a fragment or user info: never read as its origin', () => {
    expect(
      parseFeedOrigins(
        [
          'https://cdn.example/feeds/',
          'https://cdn.example/feeds',
          'https://cdn.example/?x',
          'https://cdn.example/#x',
          'https://user@cdn.example',
          'https://user:pw@cdn.example/',
          'https://ok.example',
        ].join(' '),
      ),
    ).toEqual(['https://ok.example']);
  });

  it('ignores malformed entries, other schemes and wildcards, keeping the rest', () => {
    const list = [
      'feeds.example.com',
      '//feeds.example.com',
      '*',
      'https://*.example.com',
      'https://*',
      "'self'",
      'null',
      'data:application/json,{}',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'blob:https://news.example/0c6b5a3e-1',
      'ftp://feeds.example.com',
      'https://',
      'http://[::1',
      'https://good.example',
    ].join(' ');
    expect(parseFeedOrigins(list)).toEqual(['https://good.example']);
  });
});

describe('checkPageFeed (?feed= on the standalone page and embed.html)', () => {
  const check = (raw: string, allowed: string[] = []) => checkPageFeed(raw, PAGE, allowed);

  it('allows a relative path on the page’s own origin, resolved against the page', () => {
    expect(check('feeds/vilnius-2023.json')).toBe(
      'https://news.example/live/feeds/vilnius-2023.json',
    );
    expect(check('/fixtures/a.json')).toBe('https://news.example/fixtures/a.json');
    expect(check('  ../feeds/b.json  ')).toBe('https://news.example/feeds/b.json');
    expect(check('https://news.example/feeds/c.json')).toBe('https://news.example/feeds/c.json');
  });

  it.each([
    ['data:', 'data:application/json,{"version":"https://jsonfeed.org/version/1.1","items":[]}'],
    ['javascript:', 'javascript:alert(1)'],
    ['blob:', 'blob:https://news.example/0c6b5a3e-0000-4000-8000-000000000000'],
    ['file:', 'file:///etc/passwd'],
    ['ftp:', 'ftp://news.example/feed.json'],
    ['about:', 'about:blank'],
    ['mixed case data:', ' DaTa:application/json,{}'],
  ])('refuses a %s feed', (_, raw) => {
    expect(check(raw)).toBeUndefined();
    // Listing origins does not open other schemes.
    expect(check(raw, ['https://news.example', 'null'])).toBeUndefined();
  });

  it('refuses another https origin by default, and allows it when listed', () => {
    const feed = 'https://feeds.example.com/live.json';
    expect(check(feed)).toBeUndefined();
    expect(check(feed, parseFeedOrigins('https://feeds.example.com'))).toBe(feed);
    expect(check(feed, parseFeedOrigins('https://other.example.com'))).toBeUndefined();
  });

  it('compares origins, so case and default ports do not matter, but scheme and port do', () => {
    const allowed = parseFeedOrigins('https://example.com');
    expect(check('https://EXAMPLE.com:443/x', allowed)).toBe('https://example.com/x');
    expect(check('HTTPS://Example.Com/x', allowed)).toBe('https://example.com/x');
    expect(check('http://example.com/x', allowed)).toBeUndefined();
    expect(check('https://example.com:8443/x', allowed)).toBeUndefined();
    expect(check('https://sub.example.com/x', allowed)).toBeUndefined();
    expect(check('https://example.com.evil.test/x', allowed)).toBeUndefined();
    // The page's own origin, with its default port spelled out.
    expect(check('https://news.example:443/feed.json')).toBe('https://news.example/feed.json');
    expect(check('http://news.example/feed.json')).toBeUndefined();
  });

  it('is not fooled by user info: the host is what follows the @', () => {
    const allowed = parseFeedOrigins('https://example.com');
    expect(check('https://example.com@evil.test/', allowed)).toBeUndefined();
    expect(check('https://news.example@evil.test/feed.json')).toBeUndefined();
    expect(check('https://news.example:443@evil.test/feed.json')).toBeUndefined();
    // On an allowed host, a feed URL with credentials is refused too (fetch would not take it).
    expect(check('https://user:pw@example.com/feed.json', allowed)).toBeUndefined();
    expect(check('https://user@news.example/feed.json')).toBeUndefined();
  });

  it('resolves a protocol-relative or backslashed address before checking it', () => {
    expect(check('//evil.test/feed')).toBeUndefined();
    expect(check('\\\\evil.test/feed')).toBeUndefined();
    expect(check('/\\evil.test/feed')).toBeUndefined();
    expect(check('https:evil.test/feed')).toBe('https://news.example/live/evil.test/feed');
    expect(check('//evil.test/feed', parseFeedOrigins('https://evil.test'))).toBe(
      'https://evil.test/feed',
    );
  });

  it('refuses an address that is not a URL', () => {
    expect(check('http://[::1')).toBeUndefined();
    expect(check('https://exa mple.com/')).toBeUndefined();
  });

  it('allows the page’s own origin even with an empty or malformed list', () => {
    expect(check('feed.json', parseFeedOrigins('not-an-origin *'))).toBe(
      'https://news.example/live/feed.json',
    );
  });

  it('on a plain http page (the local server), its own origin only', () => {
    const page = 'http://127.0.0.1:8080/embed.html?feed=x';
    expect(checkPageFeed('feeds/a.json', page, [])).toBe('http://127.0.0.1:8080/feeds/a.json');
    expect(checkPageFeed('http://localhost:8080/feeds/a.json', page, [])).toBeUndefined();
    expect(checkPageFeed('http://127.0.0.1:9090/feeds/a.json', page, [])).toBeUndefined();
    expect(
      checkPageFeed(
        'http://127.0.0.1:9090/feeds/a.json',
        page,
        parseFeedOrigins('http://127.0.0.1:9090'),
      ),
    ).toBe('http://127.0.0.1:9090/feeds/a.json');
  });
});
