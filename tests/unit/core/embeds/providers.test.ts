import { describe, expect, it } from 'vitest';
import { readProviderGrant } from '../../../../src/core/embeds/provider-grant';
import { recogniseEmbed } from '../../../../src/core/embeds/providers';

const provider = (url: string) => {
  const t = recogniseEmbed(url);
  return t && { provider: t.provider, id: t.id, owner: t.owner };
};

describe('recogniseEmbed', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42', 'dQw4w9WgXcQ'],
    ['https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/aBc_-123456', 'aBc_-123456'],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ?si=xyz', 'dQw4w9WgXcQ'],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?si=abc', 'dQw4w9WgXcQ'],
    ['http://youtu.be/dQw4w9WgXcQ/', 'dQw4w9WgXcQ'],
  ])('YouTube: %s', (url, id) => {
    expect(provider(url)).toEqual({ provider: 'youtube', id, owner: undefined });
    expect(recogniseEmbed(url)).toMatchObject({ name: 'YouTube', shape: 'video' });
  });

  it.each([
    ['https://vimeo.com/76979871', 'vimeo', '76979871', undefined],
    ['https://player.vimeo.com/video/76979871', 'vimeo', '76979871', undefined],
    [
      'https://x.com/ZelenskyyUa/status/1679011111111111111',
      'x',
      '1679011111111111111',
      'ZelenskyyUa',
    ],
    [
      'https://twitter.com/NATO/status/1678999999999999999?s=20',
      'x',
      '1678999999999999999',
      'NATO',
    ],
    ['https://mobile.twitter.com/NATO/status/123', 'x', '123', 'NATO'],
    [
      'https://bsky.app/profile/nato.int/post/3k2yihcrp6f2c',
      'bluesky',
      '3k2yihcrp6f2c',
      'nato.int',
    ],
    [
      'https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3k2yihcrp6f2c',
      'bluesky',
      '3k2yihcrp6f2c',
      'did:plc:z72i7hdynmk6r22z27h6tvur',
    ],
    ['https://t.me/V_Zelenskiy_official/6789', 'telegram', '6789', 'V_Zelenskiy_official'],
    ['https://telegram.me/nato_news/12', 'telegram', '12', 'nato_news'],
    // The address of a post in Telegram's web preview of the channel, as a browser shows it.
    ['https://t.me/s/V_Zelenskiy_official/6789', 'telegram', '6789', 'V_Zelenskiy_official'],
    ['https://www.instagram.com/p/CuQm2x1sAbC/', 'instagram', 'CuQm2x1sAbC', undefined],
    ['https://instagram.com/reel/CuQm2x1sAbC', 'instagram', 'CuQm2x1sAbC', undefined],
    [
      'https://www.tiktok.com/@nato/video/7254000000000000000',
      'tiktok',
      '7254000000000000000',
      'nato',
    ],
    ['https://mastodon.social/@NATO/110693000000000000', 'mastodon', '110693000000000000', 'NATO'],
  ])('%s', (url, key, id, owner) => {
    expect(provider(url)).toEqual({ provider: key, id, owner });
  });

  it('names a Mastodon server by its host, and takes only https for it', () => {
    expect(recogniseEmbed('https://social.example/@desk/1234')?.name).toBe('social.example');
    expect(recogniseEmbed('http://social.example/@desk/1234')).toBeUndefined();
  });

  it.each([
    'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'https://evilyoutube.com/watch?v=dQw4w9WgXcQ',
    'https://youtube.evil.example/embed/dQw4w9WgXcQ',
    'https://www.youtube.com.evil.example/embed/dQw4w9WgXcQ',
    'https://x.com.evil.example/NATO/status/123',
    'https://notx.com/NATO/status/123',
    'https://bsky.app.evil.example/profile/nato.int/post/3k2yihcrp6f2c',
    'https://evil.example/?u=https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://evil.example/www.youtube.com/embed/dQw4w9WgXcQ',
  ])('a look-alike is not the provider: %s', (url) => {
    const target = recogniseEmbed(url);
    expect(target?.provider === 'mastodon' ? undefined : target).toBeUndefined();
  });

  it.each([
    'https://www.youtube.com/watch?v=dQw4w9WgXc',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQQ',
    'https://www.youtube.com/watch?v=dQw4w9WgX%3CQ',
    'https://www.youtube.com/watch',
    'https://www.youtube.com/@nato',
    'https://www.youtube.com/embed/dQw4w9WgXcQ/../x',
    'https://youtu.be/',
    'https://vimeo.com/channels/staffpicks',
    'https://vimeo.com/12345678901234',
    'https://vimeo.com/76979871/NOT-A-KEY',
    'https://player.vimeo.com/video/76979871?h=%22%3E',
    'https://x.com/NATO',
    'https://x.com/NATO/status/12a',
    'https://x.com/this_name_is_too_long/status/123',
    'https://bsky.app/profile/nato.int/post/NOT-A-TID',
    'https://bsky.app/profile/did:plc:short/post/3k2yihcrp6f2c',
    'https://t.me/joinchat/abc',
    'https://t.me/abc/12',
    'https://www.instagram.com/nato/',
    'https://www.tiktok.com/@nato',
    'https://mastodon.social/@NATO',
    'https://mastodon.social/@NATO/abc',
    'https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ',
    'https://constructor/watch?v=dQw4w9WgXcQ',
    'https://__proto__/watch?v=dQw4w9WgXcQ',
  ])('a URL without a usable id is a link card: %s', (url) => {
    expect(recogniseEmbed(url)).toBeUndefined();
  });

  it.each([
    'javascript:alert(1)//https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'data:text/html,https://youtu.be/dQw4w9WgXcQ',
    'ftp://youtu.be/dQw4w9WgXcQ',
    '//youtu.be/dQw4w9WgXcQ',
    'not a url',
    '',
  ])('only http(s) addresses: %s', (url) => {
    expect(recogniseEmbed(url)).toBeUndefined();
  });
});

describe('readProviderGrant', () => {
  it('keeps the known providers a host names, in any case and separator', () => {
    expect(readProviderGrant('YouTube, vimeo  twitter nope mastodon')).toEqual([
      'youtube',
      'vimeo',
      'x',
    ]);
    expect(readProviderGrant(['bluesky', 7, 'tiktok'])).toEqual(['bluesky', 'tiktok']);
  });

  it('"all" agrees to every provider; anything else to none', () => {
    expect(readProviderGrant('all')).toBe('all');
    expect(readProviderGrant(['youtube', 'ALL'])).toBe('all');
    expect(readProviderGrant(undefined)).toEqual([]);
    expect(readProviderGrant({ providers: 'youtube' })).toEqual([]);
    expect(readProviderGrant('')).toEqual([]);
  });
});
