import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderLiveBlog } from '../../../../src/entries/server/render-live-blog';

// A host's server renders <LiveBlog> from the document loadLiveBlogFeed gave. Its props may name
// the feed relative to the page, which `pageUrl` resolves (RenderLiveBlogOptions).

const TEXT = readFileSync('tests/fixtures/feeds/mars-landing.json', 'utf8');

async function rendered(feed: string) {
  const snapshot = await renderLiveBlog(
    { feed },
    {
      url: 'https://news.example/feeds/live.json',
      text: TEXT,
      etag: '"v1"',
      lastModified: null,
      fetchedAt: Date.parse('2026-05-01T12:00Z'),
      maxAgeSeconds: 10,
    },
    { stylesheet: '/live-blog.css', pageUrl: 'https://news.example/world/live' },
  );
  return snapshot?.shadowHtml ?? '';
}

describe('renderLiveBlog', () => {
  it('renders the updates for a feed named relative to the page, as for an absolute one', async () => {
    const absolute = await rendered('https://news.example/feeds/live.json');
    const relative = await rendered('/feeds/live.json');
    expect(absolute.match(/<article/g)?.length).toBeGreaterThan(0);
    // Not a skeleton: without JavaScript the reader sees the same updates.
    expect(relative.match(/<article/g)?.length).toBe(absolute.match(/<article/g)?.length);
    // The snapshot names the feed as the page does: the browser matches it to the attribute.
    expect(relative).toContain('"feed":"/feeds/live.json"');
  });
});
