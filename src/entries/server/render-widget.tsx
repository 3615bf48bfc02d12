import { StrictMode } from 'react';
import { jsonLdText, liveBlogJsonLd } from '../../widget/live-blog-json-ld';
import { LiveBlogRoot, type LiveBlogRootProps } from '../../widget/LiveBlogRoot';
import { renderedMarker, snapshotScript } from '../../widget/page-snapshot';
import { prerenderFromDocument, type FeedDocumentSnapshot } from './prerender-from-document';
import { loadOlderPages, type FeedDocumentKind } from './load-older-pages';
import { pageLang } from '../../core/feed/content-lang';

export type { FeedDocumentKind } from './load-older-pages';

export type { FeedDocumentSnapshot } from './prerender-from-document';

export interface RenderedPage {
  /** What goes inside <div id="root">. */
  readonly root: string;
  /** What goes into <head>: the title, description, cards, JSON-LD and the marker of a snapshot. */
  readonly head: string;
  /** What follows the root element: the snapshot, after the updates it rendered. */
  readonly tail: string;
  readonly title: string;
  /**
   * The document's language: the feed's, whose title and description the page's head carries,
   * else the UI's (a page must name one).
   */
  readonly lang: string;
  /** The feed document's validator, for the page's own ETag. */
  readonly validator: string | null;
}

type WidgetProps = Omit<LiveBlogRootProps, 'feed' | 'locale' | 'client' | 'pageUrl'>;

function firstLanguage(header: string | undefined): string | undefined {
  return header?.split(',')[0]?.split(';')[0]?.trim().replace(/^\*$/, '') || undefined;
}

/**
 * `tag` if it is a language tag: a blank or malformed one is passed over, as the browser's own
 * render passes it over for the reader's language (LiveBlogRoot's pickLocale).
 */
function languageTag(tag: string | undefined): string | undefined {
  try {
    return tag?.trim() ? Intl.getCanonicalLocales(tag.trim())[0] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The page's address for search engines and link cards: its feed and its language, without a
 * reader's filters, depth in the list or tracking parameters, so that one live blog is one page
 * to a crawler however many addresses lead to it.
 */
function canonicalUrl(pageUrl: string): string {
  const url = new URL(pageUrl);
  const kept = new URLSearchParams();
  for (const name of ['feed', 'locale']) {
    const value = url.searchParams.get(name);
    if (value !== null) kept.set(name, value);
  }
  url.search = kept.toString();
  url.hash = '';
  return url.href;
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
  const rendered = await prerenderFromDocument({
    feed,
    pageUrl,
    doc,
    requestedLocale:
      languageTag(input.locale) ?? languageTag(firstLanguage(input.acceptLanguage)) ?? 'en',
    olderPages: (session) => loadOlderPages(session, input.older ?? 0, doc.fetchedAt, input.load),
    tree: (locale, client, renderedAt) => (
      <StrictMode>
        <LiveBlogRoot
          {...input.props}
          feed={feed}
          locale={locale}
          pageUrl={pageUrl}
          client={client}
          renderedAt={renderedAt}
        />
      </StrictMode>
    ),
  });
  if (!rendered) return undefined;
  const { html: root, snapshot, store } = rendered;
  const meta = store.meta;

  const title = meta?.title ?? '';
  const description = meta?.description ?? '';
  const items = [...store.items.values()].sort((a, b) => b.published - a.published);
  const canonical = canonicalUrl(pageUrl);
  const head = [
    renderedMarker,
    !input.noIndex && `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    description && `<meta name="description" content="${escapeHtml(description)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:url" content="${escapeHtml(canonical)}">`,
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
  const lang = pageLang(meta, snapshot.locale);
  return { root, head, tail: snapshotScript(snapshot), title, lang, validator: doc.validator };
}
