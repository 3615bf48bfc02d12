import { describe, expect, it } from 'vitest';
import { FEED_LIMITS } from '../../../../src/core/feed/feed-limits';
import { parsed, wireFeed, wireItem } from '../../../support/feed-builders';

const BASE = 'https://news.example/feeds/live.json';
const embedsOf = (embeds: unknown) =>
  parsed(wireFeed([wireItem('a', 0, { _liveblog: { embeds } })]), BASE).items[0]!.embeds;

describe('_liveblog.embeds', () => {
  it('reads url, fallback text, author and time', () => {
    expect(
      embedsOf([
        {
          url: 'https://x.com/NATO/status/1678999999999999999',
          text: '  Allies agree a new package.  ',
          author: 'NATO',
          published: '2023-07-12T09:35:00+03:00',
        },
      ]),
    ).toEqual([
      {
        url: 'https://x.com/NATO/status/1678999999999999999',
        text: 'Allies agree a new package.',
        author: 'NATO',
        published: Date.parse('2023-07-12T06:35:00Z'),
      },
    ]);
  });

  it('drops an entry without an http(s) url on its own, and bad optional fields alone', () => {
    expect(
      embedsOf([
        { url: 'javascript:alert(1)', text: 'no' },
        { url: 'data:text/html,<script>alert(1)</script>' },
        { text: 'no url' },
        'https://youtu.be/dQw4w9WgXcQ',
        null,
        { url: '/posts/7', text: 42, author: ['x'], published: '12/07/2023' },
      ]),
    ).toEqual([
      {
        url: 'https://news.example/posts/7',
        text: undefined,
        author: undefined,
        published: undefined,
      },
    ]);
  });

  it('keeps an unknown provider (a link card) and caps the list', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ url: `https://blog.example/${i}` }));
    const embeds = embedsOf(many);
    expect(embeds).toHaveLength(FEED_LIMITS.maxEmbedsPerItem);
    expect(embeds[0]!.url).toBe('https://blog.example/0');
  });

  it('is empty when absent or not a list', () => {
    expect(embedsOf(undefined)).toEqual([]);
    expect(embedsOf({ url: 'https://youtu.be/dQw4w9WgXcQ' })).toEqual([]);
  });
});
