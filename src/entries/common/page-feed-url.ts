import { checkPageFeed, parseFeedOrigins } from '../../core/feed/feed-origins';

/**
 * The page's list of other origins that ?feed= may name, in index.html and embed.html:
 * `<meta name="live-blog-feed-origins" content="https://feeds.example.com …">`. A deployer edits
 * it in dist/ without rebuilding; absent or empty, only the page's own origin is allowed.
 */
export function allowedFeedOrigins(doc: Document): string[] {
  const meta = doc.querySelector('meta[name="live-blog-feed-origins"]');
  return parseFeedOrigins(meta?.getAttribute('content'));
}

/**
 * The absolute URL of the feed a page's ?feed= names, if the page may show it
 * (core/feed/feed-origins.ts); undefined if it may not, and then nothing may request it.
 */
export function pageFeed(feed: string, doc: Document): string | undefined {
  return checkPageFeed(feed, doc.baseURI, allowedFeedOrigins(doc));
}

/** The standalone page's feed: ?feed= (relative to the page), else the demo next to it. */
export function standaloneFeed(search: string, doc: Document): string | undefined {
  return pageFeed(
    new URLSearchParams(search).get('feed')?.trim() || 'feeds/vilnius-2023.json',
    doc,
  );
}
