import { QueryClient } from '@tanstack/react-query';
import { JSDOM } from 'jsdom';
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { getFeedSession } from '../../capabilities/feed/feed-sessions';
import { checkPageFeed } from '../../core/feed/feed-origins';
import { parseViewState } from '../../core/filters/url-state';
import { parseFeedHtmlIn } from '../../shared/dom/dom-window';
import { localeSettingsFor } from '../../shared/i18n/pick-messages';
import { jsonLdText, liveBlogJsonLd } from '../../widget/live-blog-json-ld';
import { LiveBlogRoot } from '../../widget/LiveBlogRoot';
import { prepareItems } from '../../widget/prepare-items';
import { snapshotScript, type PageSnapshot } from '../common/page-snapshot';
import { pageProps } from '../common/page-props';

/** A feed document as the server received it. */
export interface FeedDocumentSnapshot {
  readonly text: string;
  readonly validator: string | null;
  readonly fetchedAt: number;
  readonly maxAgeSeconds?: number;
}

export interface RenderPageInput {
  /** The page's absolute URL, as the reader asked for it. */
  readonly pageUrl: string;
  /** Other origins whose feeds ?feed= may name (the page's <meta name="live-blog-feed-origins">). */
  readonly feedOrigins: readonly string[];
  /** The reader's Accept-Language, when ?locale= does not say. */
  readonly acceptLanguage?: string;
  /** Loads the feed the page names; undefined when the server may not or cannot. */
  readonly load: (feedUrl: string) => Promise<FeedDocumentSnapshot | undefined>;
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

let domReady = false;

/** Feed HTML is sanitised on the server in a DOM of its own, with the browser's allow-list. */
function prepareServerDom() {
  if (domReady) return;
  parseFeedHtmlIn(new JSDOM('<!doctype html>').window as unknown as Window & typeof globalThis);
  domReady = true;
}

function firstLanguage(header: string | undefined): string | undefined {
  return header?.split(',')[0]?.split(';')[0]?.trim().replace(/^\*$/, '');
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The standalone page's first screen as HTML, rendered by the components the browser hydrates,
 * or undefined when this page is the browser's to render (a feed the server may not load, or one
 * that cannot be read): the page then works as it always has.
 */
export async function renderStandalonePage(
  input: RenderPageInput,
): Promise<RenderedPage | undefined> {
  const page = new URL(input.pageUrl);
  const params = page.searchParams;
  const feed = checkPageFeed(params.get('feed')?.trim() || 'feeds/vilnius-2023.json', page.href, [
    ...input.feedOrigins,
  ]);
  if (!feed) return undefined;
  const doc = await input.load(feed);
  if (!doc) return undefined;

  prepareServerDom();
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
  const store = session.store;
  const meta = store.meta;
  const requested = params.get('locale') ?? firstLanguage(input.acceptLanguage) ?? 'en';
  const settings = await localeSettingsFor(requested);
  const snapshot: PageSnapshot = {
    feed,
    text: doc.text,
    validator: doc.validator,
    fetchedAt: doc.fetchedAt,
    maxAgeSeconds: doc.maxAgeSeconds,
    locale: settings.locale,
  };
  const props = pageProps(params);
  const { prelude } = await prerender(
    <StrictMode>
      <LiveBlogRoot
        {...props}
        feed={feed}
        locale={settings.locale}
        pageUrl={page.href}
        initialView={parseViewState(page.search)}
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
    `<meta property="og:url" content="${escapeHtml(page.href)}">`,
    title && `<meta property="og:title" content="${escapeHtml(title)}">`,
    description && `<meta property="og:description" content="${escapeHtml(description)}">`,
    `<meta name="twitter:card" content="summary">`,
    title && `<meta name="twitter:title" content="${escapeHtml(title)}">`,
    meta &&
      `<script type="application/ld+json" id="live-blog-json-ld">${jsonLdText(liveBlogJsonLd(meta, items, page.href))}</script>`,
  ]
    .filter(Boolean)
    .join('\n    ');
  return { root, head, title, validator: doc.validator };
}
export { createFeedLoader, FeedLoadError } from './load-live-blog-feed';
