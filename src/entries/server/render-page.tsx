import { checkPageFeed } from '../../core/feed/feed-origins';
import { parseListDepth, parseViewState } from '../../core/filters/url-state';
import { queryGetter, readEmbedSettings } from '../../widget/embed-settings';
import { pageProps } from '../common/page-props';
import {
  renderWidget,
  type FeedDocumentKind,
  type FeedDocumentSnapshot,
  type RenderedPage,
} from './render-widget';
import { prepareServerDom } from './server-dom';

export type { FeedDocumentKind, FeedDocumentSnapshot, RenderedPage } from './render-widget';

export interface RenderPageInput {
  /** The page's absolute URL, as the reader asked for it. */
  readonly pageUrl: string;
  /** Other origins whose feeds ?feed= may name (the page's <meta name="live-blog-feed-origins">). */
  readonly feedOrigins: readonly string[];
  /** The reader's Accept-Language, when ?locale= does not say. */
  readonly acceptLanguage?: string;
  /**
   * Loads the feed the page names, or (`'page'`) an older page its `next_url` chain leads to;
   * undefined when the server may not or cannot.
   */
  readonly load: (
    feedUrl: string,
    kind?: FeedDocumentKind,
  ) => Promise<FeedDocumentSnapshot | undefined>;
}

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
  await prepareServerDom();
  return renderWidget({
    ...input,
    feed,
    locale: params.get('locale') ?? undefined,
    props: { ...pageProps(params), initialView: parseViewState(page.search) },
    older: parseListDepth(page.search).older,
  });
}

/**
 * embed.html's first screen, for a host's iframe: the settings come from the query string under
 * the attribute names, as the page reads them itself (entries/frame/frame.tsx).
 */
export async function renderFramePage(input: RenderPageInput): Promise<RenderedPage | undefined> {
  const page = new URL(input.pageUrl);
  const settings = readEmbedSettings(queryGetter(page.search), page.href);
  const allowed = [...input.feedOrigins];
  const feed = settings && checkPageFeed(settings.props.feed, page.href, allowed);
  if (!settings || !feed) return undefined;
  // The feed's rule for `link` too, as the frame holds it (frame.tsx).
  const link = settings.props.link && checkPageFeed(settings.props.link, page.href, allowed);
  await prepareServerDom();
  return renderWidget({
    ...input,
    feed,
    locale: settings.props.locale,
    older: parseListDepth(page.search).older,
    // The frame is a document of its own, and never writes the host's history (frame.tsx).
    props: { ...settings.props, link, standalone: true, syncUrl: false },
    noIndex: true,
  });
}

export { createFeedLoader, FeedLoadError } from './load-live-blog-feed';
export { renderedHtmlStyles } from './rendered-html-styles';
