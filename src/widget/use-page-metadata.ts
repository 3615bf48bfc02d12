import { useEffect } from 'react';
import type { FeedMeta, LiveItem } from '../core/feed/feed-types';

/**
 * Standalone page only: "(3) Title" for unseen updates, and the page's language, the feed's (its
 * title's), else the UI's, as a server names it. An embed never touches the host's title.
 */
export function useDocumentTitle(
  title: string | undefined,
  unseen: number,
  enabled: boolean,
  lang: string,
) {
  useEffect(() => {
    if (!enabled || !title) return;
    document.title = unseen > 0 ? `(${unseen}) ${title}` : title;
    document.documentElement.lang = lang;
  }, [title, unseen, enabled, lang]);
}

/**
 * schema.org LiveBlogPosting built from the feed, kept current as updates arrive. For crawlers,
 * not for the first screen: its code is a chunk of its own (live-blog-json-ld.ts).
 */
export function useLiveBlogJsonLd(
  meta: FeedMeta | undefined,
  items: readonly LiveItem[],
  enabled: boolean,
) {
  useEffect(() => {
    if (!enabled || !meta) return;
    let current = true;
    void import('./live-blog-json-ld').then(
      (m) => current && m.writeLiveBlogJsonLd(meta, items),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [meta, items, enabled]);
}
