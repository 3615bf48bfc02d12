import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import type { FeedSession } from '../../capabilities/feed/feed-session';
import { getFeedSession } from '../../capabilities/feed/feed-sessions';
import { MAX_OLDER_PAGES } from '../../core/filters/url-state';
import { localeSettingsFor } from '../../shared/i18n/pick-messages';
import { jsonLdText, liveBlogJsonLd } from '../../widget/live-blog-json-ld';
import { LiveBlogRoot, type LiveBlogRootProps } from '../../widget/LiveBlogRoot';
import { prepareItems } from '../../widget/prepare-items';
import { snapshotScript, type PageSnapshot, type SnapshotPage } from '../common/page-snapshot';

/** What the server may load: the page's feed (its head), or an older page of it. */
export type FeedDocumentKind = 'head' | 'page';

/** A feed document as the server received it. */
export interface FeedDocumentSnapshot {
  readonly text: string;
  readonly validator: string | null;
  readonly fetchedAt: number;
  readonly maxAgeSeconds?: number;
}

export interface RenderedPage {
  /** What goes inside <div id="root">. */
  readonly root: string;
  /** What goes into <head>: the snapshot, the title, description, cards and JSON-LD. */
  readonly head: string;
  readonly title: string;
  /** The feed document's validator, for the page's own ETag. */
  readonly validator: string | null;
}

type WidgetProps = Omit<LiveBlogRootProps, 'feed' | 'locale' | 'client' | 'pageUrl'>;

function firstLanguage(header: string | undefined): string | undefined {
  return header?.split(',')[0]?.split(';')[0]?.trim().replace(/^\*$/, '') || undefined;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The widget for `feed` as HTML, from the document `load` gives, with what the page's head needs
 * and the snapshot the browser hydrates from; undefined when there is no document to render or
 * the client's parser refuses it (the browser then renders and explains).
 */
export async function renderWidget(input: {
  readonly pageUrl: string;
  readonly feed: string;
  readonly locale: string | undefined;
  readonly acceptLanguage?: string;
  readonly props: WidgetProps;
  readonly load: (
    feedUrl: string,
    kind?: FeedDocumentKind,
  ) => Promise<FeedDocumentSnapshot | undefined>;
  /** Older pages to load after the document (`older=`, at most MAX_OLDER_PAGES). */
  readonly older?: number;
  /** A page search engines should leave alone (embed.html): no LiveBlogPosting. */
  readonly noIndex?: boolean;
}): Promise<RenderedPage | undefined> {
  const { feed, pageUrl } = input;
  const doc = await input.load(feed);
  if (!doc) return undefined;
  const client = new QueryClient();
  const session = getFeedSession(client, feed, prepareItems);
  try {
    await session.seed(
      {
        kind: 'document',
        text: doc.text,
        url: feed,
        validator: doc.validator ?? undefined,
        maxAgeSeconds: doc.maxAgeSeconds,
      },
      doc.fetchedAt,
    );
  } catch {
    return undefined; // not a feed the client can read: it says so itself
  }
  const pages = await loadOlderPages(session, input.older ?? 0, doc.fetchedAt, input.load);
  const store = session.store;
  const meta = store.meta;
  const requested = input.locale ?? firstLanguage(input.acceptLanguage) ?? 'en';
  const settings = await localeSettingsFor(requested);
  const snapshot: PageSnapshot = {
    feed,
    text: doc.text,
    validator: doc.validator,
    fetchedAt: doc.fetchedAt,
    maxAgeSeconds: doc.maxAgeSeconds,
    locale: settings.locale,
    ...(pages.length > 0 ? { pages } : {}),
  };
  const { prelude } = await prerender(
    <StrictMode>
      <LiveBlogRoot
        {...input.props}
        feed={feed}
        locale={settings.locale}
        pageUrl={pageUrl}
        client={client}
      />
    </StrictMode>,
    {
      // Every part inline, in order: an outlined part would need an inline script to show it,
      // which the page's CSP refuses.
      progressiveChunkSize: Number.MAX_SAFE_INTEGER,
      // A part that fails here is rendered by the browser instead (React marks it so).
      onError(error) {
        console.error('[live-blog] server rendering of a part failed:', error);
      },
    },
  );
  const root = await new Response(prelude).text();
  client.clear();

  const title = meta?.title ?? '';
  const description = meta?.description ?? '';
  const items = [...store.items.values()].sort((a, b) => b.published - a.published);
  const head = [
    snapshotScript(snapshot),
    description && `<meta name="description" content="${escapeHtml(description)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:url" content="${escapeHtml(pageUrl)}">`,
    title && `<meta property="og:title" content="${escapeHtml(title)}">`,
    description && `<meta property="og:description" content="${escapeHtml(description)}">`,
    `<meta name="twitter:card" content="summary">`,
    title && `<meta name="twitter:title" content="${escapeHtml(title)}">`,
    meta &&
      !input.noIndex &&
      `<script type="application/ld+json" id="live-blog-json-ld">${jsonLdText(liveBlogJsonLd(meta, items, pageUrl))}</script>`,
  ]
    .filter(Boolean)
    .join('\n    ');
  return { root, head, title, validator: doc.validator };
}

/**
 * Follows the feed's older pages as a reader's clicks would, `count` of them at most, by the same
 * chain (never a page twice: decision 0011); stops at the first that cannot be loaded or read.
 */
async function loadOlderPages(
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
