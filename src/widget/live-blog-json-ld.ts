import type { FeedMeta, LiveItem } from '../core/feed/feed-types';
import { htmlToSearchText } from '../core/filters/normalise-text';
import { permalinkFor } from '../capabilities/sharing/permalink';

const MAX_UPDATES_IN_JSON_LD = 50;

/** Writes (or rewrites) the page's schema.org LiveBlogPosting for the feed and its updates. */
export function writeLiveBlogJsonLd(meta: FeedMeta, items: readonly LiveItem[]) {
  const page = window.location.href.split('#')[0]!;
  const data = {
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
  let script = document.getElementById('live-blog-json-ld');
  if (!script) {
    script = document.createElement('script');
    script.id = 'live-blog-json-ld';
    script.setAttribute('type', 'application/ld+json');
    document.head.appendChild(script);
  }
  // Data, not code: it never runs, and "<" is escaped so feed text cannot close the element.
  script.textContent = JSON.stringify(data).replace(/</g, '\\u003c');
}
