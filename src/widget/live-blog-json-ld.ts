import type { FeedMeta, LiveItem } from '../core/feed/feed-types';
import { htmlToSearchText } from '../core/filters/normalise-text';
import { permalinkFor } from '../capabilities/sharing/permalink';

const MAX_UPDATES_IN_JSON_LD = 50;

/** The schema.org LiveBlogPosting of the page at `pageUrl` for the feed and its newest updates. */
export function liveBlogJsonLd(meta: FeedMeta, items: readonly LiveItem[], pageUrl: string) {
  const page = pageUrl.split('#')[0]!;
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    headline: meta.title,
    description: meta.description,
    url: page,
    coverageStartTime: meta.coverageStart,
    coverageEndTime: meta.coverageEnd,
    liveBlogUpdate: items.slice(0, MAX_UPDATES_IN_JSON_LD).map((item) => ({
      '@type': 'BlogPosting',
      headline: item.title,
      datePublished: new Date(item.published).toISOString(),
      dateModified: item.modified !== undefined ? new Date(item.modified).toISOString() : undefined,
      articleBody: (item.contentText ?? htmlToSearchText(item.contentHtml ?? ''))
        .replace(/\s+/g, ' ')
        .trim(),
      url: permalinkFor(item.id, page),
    })),
  };
}

/** Data, not code: it never runs, and "<" is escaped so feed text cannot close the element. */
export function jsonLdText(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** Writes (or rewrites) the page's LiveBlogPosting, in the element the server may have sent. */
export function writeLiveBlogJsonLd(meta: FeedMeta, items: readonly LiveItem[]) {
  const data = liveBlogJsonLd(meta, items, window.location.href);
  let script = document.getElementById('live-blog-json-ld');
  if (!script) {
    script = document.createElement('script');
    script.id = 'live-blog-json-ld';
    script.setAttribute('type', 'application/ld+json');
    document.head.appendChild(script);
  }
  script.textContent = jsonLdText(data);
}
