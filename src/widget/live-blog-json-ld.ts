import type { WindowLike } from 'dompurify';
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

/** The standalone page's second Trusted Types policy (server/headers.mjs): for this data only. */
export const JSON_LD_POLICY = 'live-blog-json-ld';

type TrustedScript = NonNullable<WindowLike['trustedTypes']>['emptyScript'];
// Undefined until first needed; null without Trusted Types; false where the page refuses it.
let policy: { createScript(input: string, data: object): TrustedScript } | null | false | undefined;

/**
 * The element's text: a page that enforces Trusted Types takes a script's text, even a data
 * block's, only as a TrustedScript. The policy's one rule serialises the data itself, whatever
 * it is handed: all it can make is JSON. Undefined where the page does not allow the policy.
 */
function scriptText(data: object): TrustedScript | string | undefined {
  if (policy === undefined) {
    try {
      policy =
        (window as WindowLike).trustedTypes?.createPolicy(JSON_LD_POLICY, {
          createScript: (_input: string, value: object) => jsonLdText(value),
        }) ?? null;
    } catch {
      policy = false;
    }
  }
  if (policy === false) return undefined;
  return policy ? policy.createScript('', data) : jsonLdText(data);
}

/** Writes (or rewrites) the page's LiveBlogPosting, in the element the server may have sent. */
export function writeLiveBlogJsonLd(meta: FeedMeta, items: readonly LiveItem[]) {
  const text = scriptText(liveBlogJsonLd(meta, items, window.location.href));
  if (text === undefined) return;
  let script = document.getElementById('live-blog-json-ld');
  if (!script) {
    script = document.createElement('script');
    script.id = 'live-blog-json-ld';
    script.setAttribute('type', 'application/ld+json');
    document.head.appendChild(script);
  }
  // TypeScript's DOM types know no TrustedScript, which the browser takes here.
  script.textContent = text as string;
}
