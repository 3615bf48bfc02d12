import { describe, expect, it } from 'vitest';
import {
  readPageSnapshot,
  snapshotScript,
  type PageSnapshot,
} from '../../../src/widget/page-snapshot';

const snapshot: PageSnapshot = {
  feed: 'https://news.example/feed.json',
  text: '{"title":"</script><script>alert(1)</script> <!-- x"}',
  validator: '"abc"',
  fetchedAt: 1,
  locale: 'en-GB',
};

describe('page snapshot', () => {
  it('travels through the HTML intact, and feed text cannot close its element', () => {
    const html = snapshotScript(snapshot);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain('<!--');
    document.head.innerHTML = html;
    expect(readPageSnapshot(document, snapshot.feed)).toEqual({
      ...snapshot,
      maxAgeSeconds: undefined,
    });
  });

  it('is ignored for another feed, or when malformed', () => {
    document.head.innerHTML = snapshotScript(snapshot);
    expect(readPageSnapshot(document, 'https://news.example/other.json')).toBeUndefined();
    document.head.innerHTML = '<script type="application/json" id="live-blog-snapshot">{</script>';
    expect(readPageSnapshot(document, snapshot.feed)).toBeUndefined();
  });
});
