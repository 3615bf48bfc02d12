import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderLiveBlog } from '../../../../src/entries/server/render-live-blog';
import { readPageSnapshot } from '../../../../src/widget/page-snapshot';

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

  it('resolves a redirected feed’s relative URLs where the document was, and says so to the browser', async () => {
    // loadLiveBlogFeed followed a redirect: `url` is where the document came from. The browser
    // resolves against its response's URL; the server's HTML, and the seed it hydrates from,
    // must agree with it.
    const feed = 'https://news.example/live';
    const moved = 'https://news.example/coverage/2026/feed.json';
    const text = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Moved',
      items: [
        {
          id: 'a',
          title: 'An update',
          url: 'story.html',
          image: 'photo.png',
          content_html: '<p>Body. <a href="more.html">More</a></p>',
          date_published: '2026-05-01T11:00:00Z',
        },
      ],
    });
    const snapshot = await renderLiveBlog(
      { feed },
      {
        url: moved,
        text,
        etag: '"v1"',
        lastModified: null,
        fetchedAt: Date.parse('2026-05-01T12:00Z'),
        maxAgeSeconds: 10,
      },
      { stylesheet: '/live-blog.css', pageUrl: 'https://news.example/world/live' },
    );
    const html = snapshot?.shadowHtml ?? '';
    expect(html).toContain('href="https://news.example/coverage/2026/story.html"');
    expect(html).toContain('src="https://news.example/coverage/2026/photo.png"');
    expect(html).toContain('href="https://news.example/coverage/2026/more.html"');
    expect(html).not.toContain('https://news.example/story.html');
    expect(html).not.toContain('https://news.example/more.html');
    const shadow = document.body.appendChild(document.createElement('div'));
    shadow.innerHTML = html;
    // What the browser seeds its session from before it hydrates the same HTML.
    expect(readPageSnapshot(document, feed)?.url).toBe(moved);
    shadow.remove();
  });
});
