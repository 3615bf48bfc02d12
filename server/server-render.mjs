// @ts-check
/**
 * Server rendering of the standalone page and embed.html: the first screen in the HTML, rendered
 * by the app's own components (dist-ssr/render-page.js, built by `npm run build`), for the feeds
 * this server serves itself and those of the origins it may fetch from. Anything else, or any
 * problem, gives the page as built: the browser renders it as it always has.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Representation } from './http-caching.mjs';

/**
 * @typedef {{ text: string, validator: string | null, fetchedAt: number, maxAgeSeconds?: number }} FeedDocumentSnapshot
 * @typedef {{ root: string, head: string, title: string, validator: string | null }} RenderedPage
 * @typedef {(input: {
 *   pageUrl: string,
 *   feedOrigins: readonly string[],
 *   acceptLanguage?: string,
 *   load: (feedUrl: string, kind?: 'head' | 'page') => Promise<FeedDocumentSnapshot | undefined>,
 * }) => Promise<RenderedPage | undefined>} RenderPage
 * @typedef {{
 *   renderStandalonePage: RenderPage,
 *   renderFramePage: RenderPage,
 *   renderedHtmlStyles: string,
 *   createFeedLoader: (options: {
 *     allowedOrigins: string[],
 *     allowPrivateAddresses?: string[],
 *   }) => {
 *     load: (url: string) => Promise<{
 *       text: string,
 *       etag: string | null,
 *       lastModified: string | null,
 *       fetchedAt: number,
 *       maxAgeSeconds: number,
 *     }>,
 *     close: () => void,
 *   },
 * }} Renderer
 */

/** Rendered pages kept, by page URL, language and feed version. */
const MAX_PAGES = 200;

const escapeText = (/** @type {string} */ text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Where the rendered pages' chunk styles are served, under the app's immutable assets. */
const STYLES_PREFIX = '/assets/rendered-';

/**
 * @param {string} template the built index.html
 * @param {RenderedPage} page
 * @param {string} [stylesheet] a stylesheet the page's HTML needs besides the template's
 */
export function fillTemplate(template, page, stylesheet) {
  const charset = /<meta charset="utf-8"\s*\/?>/i;
  const root = /<div id="root"><\/div>/;
  if (!charset.test(template) || !root.test(template)) return undefined;
  let html = template.replace(charset, (meta) => `${meta}\n    ${page.head}`);
  if (stylesheet) {
    html = html.replace(
      /<\/head>/i,
      () => `  <link rel="stylesheet" href="${stylesheet}">\n  </head>`,
    );
  }
  if (page.title) {
    html = html.replace(/<title>[^<]*<\/title>/i, `<title>${escapeText(page.title)}</title>`);
  }
  return html.replace(root, () => `<div id="root">${page.root}</div>`);
}

/**
 * @param {{ module?: string, feedOrigins?: string[], privateOrigins?: string[] }} options
 *   `module`: the built renderer (default dist-ssr/render-page.js); `feedOrigins`: other origins
 *   whose feeds the server may fetch to render (the SSRF-safe loader, docs/server.md), of which
 *   `privateOrigins` may resolve to private or loopback addresses.
 */
export function createPageRenderer(options = {}) {
  const file = path.resolve(options.module ?? 'dist-ssr/render-page.js');
  const feedOrigins = options.feedOrigins ?? [];
  /** @type {ReturnType<Renderer['createFeedLoader']> | undefined} */
  let remote;
  /** @type {Promise<Renderer | null> | undefined} */
  let loading;
  /** @type {Map<string, Representation>} */
  const pages = new Map();
  /** @type {Representation | undefined} */
  let styles;

  function renderer() {
    loading ??= existsSync(file)
      ? import(pathToFileURL(file).href).then(
          (/** @type {Renderer} */ m) => {
            // Ready before any page is asked for: a page a CDN kept may outlive this process.
            styles = new Representation(m.renderedHtmlStyles, {
              contentType: 'text/css; charset=utf-8',
              lastModified: Date.now(),
            });
            return m;
          },
          (err) => {
            console.error(`server rendering is off: ${file} did not load:`, err);
            return null;
          },
        )
      : Promise.resolve(null);
    return loading;
  }

  /**
   * The page's HTML with its first screen, or null when the browser is to render it.
   * @param {{
   *   page: 'standalone' | 'frame',
   *   pageUrl: string,
   *   template: string,
   *   feedOrigins: readonly string[],
   *   acceptLanguage?: string,
   *   load: (feedUrl: string, kind?: 'head' | 'page') => Promise<FeedDocumentSnapshot | undefined>,
   * }} input
   * @returns {Promise<{ rep: Representation, maxAgeSeconds: number | undefined } | null>}
   */
  async function render(input) {
    const r = await renderer();
    if (!r) return null;
    if (feedOrigins.length > 0) {
      remote ??= r.createFeedLoader({
        allowedOrigins: feedOrigins,
        allowPrivateAddresses: options.privateOrigins ?? [],
      });
    }
    const fetcher = remote;
    /** @type {string | null} */
    let version = null;
    /** @type {number | undefined} */
    let maxAgeSeconds;
    const load = async (
      /** @type {string} */ feedUrl,
      /** @type {'head' | 'page'} */ kind = 'head',
    ) => {
      const own = await input.load(feedUrl, kind);
      const doc =
        own ??
        (fetcher && feedOrigins.includes(new URL(feedUrl).origin)
          ? await fetcher.load(feedUrl).then(
              (s) => ({
                text: s.text,
                validator: s.etag ?? s.lastModified,
                // The document's own date where it has one: one version gives one page. Its
                // second's end: an update published within that second is not in the future.
                fetchedAt: Math.min(
                  s.fetchedAt,
                  ((s.lastModified && Date.parse(s.lastModified)) || Infinity) + 999,
                ),
                maxAgeSeconds: s.maxAgeSeconds,
              }),
              () => undefined, // any failure: the browser loads the feed and says what is wrong
            )
          : undefined);
      // The page is as fresh as its feed's head; older pages never change.
      if (kind === 'head') {
        version = doc?.validator ?? null;
        maxAgeSeconds = doc?.maxAgeSeconds;
      }
      return doc;
    };
    let page;
    try {
      const renderPage = input.page === 'frame' ? r.renderFramePage : r.renderStandalonePage;
      page = await renderPage({ ...input, load });
    } catch (err) {
      console.error('server rendering failed; the browser renders the page:', err);
      return null;
    }
    if (!page) return null;
    // Relative, as the built pages' own assets are (the pages sit beside assets/).
    const href = styles && `${STYLES_PREFIX.slice(1)}${styles.tag}.css`;
    const html = fillTemplate(input.template, page, href);
    if (html === undefined) return null;
    const key = `${input.pageUrl}\n${input.acceptLanguage ?? ''}\n${version ?? ''}`;
    const known = pages.get(key);
    // The same HTML keeps its representation, and with it the compressed bodies.
    if (known && known.body.toString('utf8') === html) return { rep: known, maxAgeSeconds };
    const rep = new Representation(html, {
      contentType: 'text/html; charset=utf-8',
      lastModified: Date.now(),
    });
    pages.set(key, rep);
    if (pages.size > MAX_PAGES) pages.delete(/** @type {string} */ (pages.keys().next().value));
    return { rep, maxAgeSeconds };
  }

  /**
   * The stylesheet a rendered page links to, by its path; undefined for any other path.
   * @param {string} pathname
   */
  async function stylesheet(pathname) {
    if (!pathname.startsWith(STYLES_PREFIX)) return undefined;
    await renderer();
    return styles && pathname === `${STYLES_PREFIX}${styles.tag}.css` ? styles : undefined;
  }

  return { render, stylesheet, close: () => remote?.close() };
}
