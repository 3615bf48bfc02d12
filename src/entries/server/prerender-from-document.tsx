// The one way the server renders the widget, for our own pages (render-widget.tsx) and for a
// host's <live-blog> (render-live-blog.tsx): a per-request session seeded with the feed document,
// as a first poll would seed it, then React's prerender, which waits for every lazy part.
import { QueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { getFeedSession } from '../../capabilities/feed/feed-sessions';
import type { FeedStore } from '../../core/feed/feed-store';
import { localeSettingsFor } from '../../shared/i18n/pick-messages';
import type { FeedSession } from '../../capabilities/feed/feed-session';
import type { ReceivedDocument } from '../../capabilities/feed/fetch-feed-document';
import type { PageSnapshot, SnapshotPage } from '../../widget/page-snapshot';
import { prepareItems } from '../../widget/prepare-items';

/** A feed document as the server received it. */
export type FeedDocumentSnapshot = ReceivedDocument;

export interface Prerendered {
  readonly html: string;
  /** What the browser seeds its session from before it hydrates `html`. */
  readonly snapshot: PageSnapshot;
  readonly store: FeedStore;
}

/**
 * `tree` rendered to HTML from `doc`, in the locale `requestedLocale` resolves to; undefined when
 * the client's parser refuses the document (the browser then renders and explains).
 */
export async function prerenderFromDocument(input: {
  /** The feed as the page names it (the snapshot's `feed`): absolute, or relative to `pageUrl`. */
  readonly feed: string;
  readonly pageUrl: string;
  readonly doc: FeedDocumentSnapshot;
  readonly requestedLocale: string;
  /** Older pages to add to the seeded session, as a reader's clicks would; in the snapshot too. */
  readonly olderPages?: (session: FeedSession) => Promise<readonly SnapshotPage[]>;
  /**
   * `renderedAt`: the time relative times are rendered from (render-time.ts), the snapshot's
   * `fetchedAt`: the feed version's time, not the clock's, so one version gives one page (and
   * one ETag), and the browser hydrates from the same time.
   */
  readonly tree: (locale: string, client: QueryClient, renderedAt: number) => ReactElement;
}): Promise<Prerendered | undefined> {
  const { feed, doc } = input;
  const client = new QueryClient();
  // The session the widget reads: by absolute URL, as useLiveBlog names it.
  const url = new URL(feed, input.pageUrl).href;
  const session = getFeedSession(client, url, prepareItems);
  try {
    await session.seed(doc);
  } catch {
    return undefined; // not a feed the client can read: it says so itself
  }
  const pages = (await input.olderPages?.(session)) ?? [];
  const settings = await localeSettingsFor(input.requestedLocale);
  const snapshot: PageSnapshot = {
    feed,
    text: doc.text,
    validator: doc.validator,
    fetchedAt: doc.fetchedAt,
    maxAgeSeconds: doc.maxAgeSeconds,
    // Only when it moved: the browser then seeds against where the server found the document.
    ...(doc.url !== undefined && doc.url !== url ? { url: doc.url } : {}),
    locale: settings.locale,
    ...(pages.length > 0 ? { pages } : {}),
  };
  try {
    // The Node stream API: React 19.0's react-dom/static has no web-stream prerender for Node.
    const { prelude } = await prerenderToNodeStream(
      input.tree(settings.locale, client, doc.fetchedAt),
      {
        // Every part inline, in order: an outlined part would need an inline script to show it,
        // which a strict CSP refuses.
        progressiveChunkSize: Number.MAX_SAFE_INTEGER,
        // A part that fails here is rendered by the browser instead (React marks it so).
        onError(error) {
          console.error('[live-blog] server rendering of a part failed:', error);
        },
      },
    );
    // Decoded once at the end: a character may be split between two chunks.
    const chunks: Buffer[] = [];
    for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
    return { html: Buffer.concat(chunks).toString('utf8'), snapshot, store: session.store };
  } finally {
    client.clear();
  }
}
