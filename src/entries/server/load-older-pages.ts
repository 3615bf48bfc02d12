import type { FeedSession } from '../../capabilities/feed/feed-session';
import { MAX_OLDER_PAGES } from '../../core/filters/url-state';
import type { SnapshotPage } from '../../widget/page-snapshot';
import type { FeedDocumentSnapshot } from './prerender-from-document';

/** What the server may load: the page's feed (its head), or an older page of it. */
export type FeedDocumentKind = 'head' | 'page';

/**
 * Follows the feed's older pages as a reader's clicks would, `count` of them at most, by the same
 * chain (never a page twice: decision 0011); stops at the first that cannot be loaded or read.
 */
export async function loadOlderPages(
  session: FeedSession,
  count: number,
  at: number,
  load: (url: string, kind: FeedDocumentKind) => Promise<FeedDocumentSnapshot | undefined>,
): Promise<SnapshotPage[]> {
  const pages: SnapshotPage[] = [];
  for (let i = 0; i < Math.min(count, MAX_OLDER_PAGES); i++) {
    const url = session.store.olderUrl;
    if (url === undefined) break;
    const page = await load(url, 'page');
    if (!page) break;
    try {
      await session.seedPage({ kind: 'document', text: page.text, url, validator: undefined }, at);
    } catch {
      break;
    }
    pages.push({ url, text: page.text });
  }
  return pages;
}
