// <live-blog> rendered on a host's server (the package's `live-blog/server` entry): the widget
// in the element's declarative shadow root, rendered by the components the browser hydrates it
// with, as the element would render them for the same attributes (docs/decisions/0021).
import { liveBlogAttributes, type LiveBlogProps } from '../common/live-blog-props';
import type { LiveBlogSnapshot } from '../common/live-blog-snapshot';
import { readEmbedSettings, SETTING_NAMES } from '../../widget/embed-settings';
import { LiveBlogRoot } from '../../widget/LiveBlogRoot';
import { shadowRootHtml, type ElementAttributes } from '../../widget/server-rendered-shadow';
import type { FeedSnapshot } from './load-live-blog-feed';
import { prerenderFromDocument } from './prerender-from-document';
import { prepareServerDom } from './server-dom';

export interface RenderLiveBlogOptions {
  /**
   * The URL of the package's `live-blog.css` as the page's readers fetch it: the shadow root
   * links to it, styled from the first byte without an inline style.
   */
  readonly stylesheet: string;
  /**
   * The page's absolute URL as the reader asked for it, query included: the updates' permalinks
   * are made from it, as the browser makes them from its address, and a relative `feed` or
   * `link` resolves against it.
   */
  readonly pageUrl: string;
  /**
   * The locale when `props.locale` names none (the server does not know the browser's; e.g. the
   * first of the request's Accept-Language). Default `en`.
   */
  readonly locale?: string | undefined;
}

/**
 * The widget for `props` as HTML from `feed` (what loadLiveBlogFeed gave), for
 * `<LiveBlog {...props} snapshot={…} />`; undefined when the props name no feed or the client's
 * parser refuses the document: the element then renders in the browser, as without a snapshot.
 */
export async function renderLiveBlog(
  props: LiveBlogProps,
  feed: FeedSnapshot,
  options: RenderLiveBlogOptions,
): Promise<LiveBlogSnapshot | undefined> {
  const all = liveBlogAttributes(props);
  const attributes: ElementAttributes = {};
  for (const name of SETTING_NAMES) {
    const value = all[name];
    if (typeof value === 'string') attributes[name] = value;
  }
  // The settings the element reads from the same attributes in the browser.
  const settings = readEmbedSettings((name) => attributes[name] ?? null, options.pageUrl);
  if (!settings) return undefined;
  await prepareServerDom();
  const rendered = await prerenderFromDocument({
    feed: settings.props.feed,
    pageUrl: options.pageUrl,
    doc: {
      // Where the document was fetched from, after redirects: its relative URLs resolve there,
      // as the browser resolves them against its response's URL.
      url: feed.url,
      text: feed.text,
      validator: feed.etag ?? feed.lastModified,
      fetchedAt: feed.fetchedAt,
      maxAgeSeconds: feed.maxAgeSeconds,
    },
    requestedLocale: settings.props.locale ?? options.locale ?? 'en',
    tree: (locale, client, renderedAt) => (
      <LiveBlogRoot
        key={settings.resetKey}
        {...settings.props}
        locale={locale}
        pageUrl={options.pageUrl}
        inShadowRoot
        client={client}
        renderedAt={renderedAt}
      />
    ),
  });
  if (!rendered) return undefined;
  return {
    attributes,
    shadowHtml: shadowRootHtml({
      stylesheet: options.stylesheet,
      widget: rendered.html,
      snapshot: rendered.snapshot,
      attributes,
    }),
  };
}
