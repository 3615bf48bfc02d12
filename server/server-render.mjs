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
import { keptPages } from './kept-pages.mjs';
import { freshSeconds, remoteFeeds } from './remote-feeds.mjs';
import { reloadIfAppFails, startAppAfterPaint } from './start-after-paint.mjs';

/**
 * @typedef {{ text: string, validator: string | null, version?: string, fetchedAt: number, maxAgeSeconds?: number, expiresAt?: number }} FeedDocumentSnapshot
 *   `version`: what tells its versions apart where that is not its validator
 * @typedef {{ root: string, head: string, tail?: string, title: string, lang?: string, validator: string | null }} RenderedPage
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
 *     maxFreshMs?: number,
 *     maxLoads?: number,
 *   }) => {
 *     load: (url: string) => Promise<{
 *       url: string,
 *       text: string,
 *       etag: string | null,
 *       lastModified: string | null,
 *       fetchedAt: number,
 *       maxAgeSeconds: number,
 *     }>,
 *     close: () => void,
 *   },
 * }} Renderer
 * @typedef {{
 *   page: 'standalone' | 'frame',
 *   pageUrl: string,
 *   template: string,
 *   feedOrigins: readonly string[],
 *   acceptLanguage?: string,
 *   load: (feedUrl: string, kind?: 'head' | 'page') => Promise<FeedDocumentSnapshot | undefined>,
 * }} RenderInput
 * @typedef {{ feedUrl: string, kind: 'head' | 'page', doc: FeedDocumentSnapshot | undefined }} FeedRead
 * @typedef {{ feedUrl: string, kind: 'head' | 'page', doc: { version: string | undefined, fetchedAt: number } | undefined }} KeptRead
 *   what identifies a document a kept page was rendered from (not its text: the page holds that)
 * @typedef {{ template: string, reads: KeptRead[], rep: Representation, scripts: string }} KeptPage
 * @typedef {{ rep: Representation, maxAgeSeconds: number | undefined, scripts: string }} RenderedResponse
 *   `scripts`: HTML whose inline scripts are the page's (its template's), for the CSP's hashes
 */

/** Rendered pages kept, by page URL, language and feed version. */
const MAX_PAGES = 200;
/** And their HTML, in all. */
const MAX_KEPT_BYTES = 64 * 1024 * 1024;
/**
 * Renders under way at once. Each holds a feed document and its DOM: past this, a request for
 * another page gets the page as built and the browser renders it, so a burst of addresses (query
 * strings no two readers share) cannot take the server's memory and time.
 */
const MAX_RENDERS = 8;

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
  const lang = page.lang;
  // The template's own language ("en") was a guess made before the feed was known. A language
  // tag is letters, digits and hyphens: nothing else goes into the attribute.
  if (lang && /^[a-z0-9-]+$/i.test(lang)) {
    html = html.replace(/<html lang="[^"]*"/i, () => `<html lang="${lang}"`);
  }
  if (page.title) {
    // A function, as for every replacement here: "$&", "$`" or "$'" in a feed's title is text.
    html = html.replace(/<title>[^<]*<\/title>/i, () => `<title>${escapeText(page.title)}</title>`);
  }
  return html.replace(root, () => `<div id="root">${page.root}</div>${page.tail ?? ''}`);
}

/** @param {FeedDocumentSnapshot | undefined} doc */
const versionOf = (doc) => doc?.version ?? doc?.validator ?? undefined;

/** @param {string | undefined} header an Accept-Language */
const firstLanguage = (header) => header?.split(',')[0]?.split(';')[0]?.trim() || undefined;

/**
 * Reads a page's feed documents: the server's own, else (from an allowed origin) through the
 * SSRF-safe loader, waiting `waitMs` at most in all from the first such request (not from the
 * page's: its setting up is no fault of the feed's origin).
 * @param {RenderInput} input
 * @param {ReturnType<typeof remoteFeeds> | undefined} fetcher
 * @param {readonly string[]} feedOrigins
 * @param {number} waitMs
 */
function feedLoader(input, fetcher, feedOrigins, waitMs) {
  /** @type {number | undefined} */
  let deadline;
  return async (/** @type {string} */ feedUrl, /** @type {'head' | 'page'} */ kind = 'head') => {
    const own = await input.load(feedUrl, kind);
    if (own || !fetcher || !feedOrigins.includes(new URL(feedUrl).origin)) return own;
    deadline ??= Date.now() + waitMs;
    return fetcher.load(feedUrl, deadline);
  };
}

/**
 * The head's freshness when every document a page was rendered from is as it was then (same
 * version, same time first read); null when any changed or failed.
 * @param {KeptRead[]} reads
 * @param {ReturnType<typeof feedLoader>} load
 */
async function unchanged(reads, load) {
  const now = await Promise.all(reads.map((read) => load(read.feedUrl, read.kind)));
  const same = reads.every(
    (read, i) =>
      versionOf(now[i]) === read.doc?.version && now[i]?.fetchedAt === read.doc?.fetchedAt,
  );
  return same
    ? { maxAgeSeconds: freshSeconds(now[reads.findIndex((read) => read.kind === 'head')]) }
    : null;
}

/**
 * How long a reader's page waits for a feed from another origin. Past it, the page as built (its
 * skeleton at once, then the browser's own request and its messages) serves the reader better
 * than a blank tab; the load goes on, for the readers after.
 */
const FEED_WAIT_MS = 2000;

/**
 * Loads of other origins' feeds under way at once (the loader's `maxLoads`), each counted until
 * it ends (up to the loader's own timeout), not only while a page waits for it: past this, a
 * page whose feed the server holds no fresh copy of goes out as built at once, so a slow origin
 * and a burst of addresses cannot pile up loads nobody waits for (docs/server.md).
 */
const MAX_FEED_LOADS = 8;

/**
 * The longest the loader reuses a feed from another origin without asking again, and so the
 * longest a page rendered from it may be kept by a CDN: a feed's year-long max-age (a CDN's
 * default for JSON) would otherwise keep a live blog's page, and the app it loads, for a year.
 */
const MAX_FRESH_MS = 60_000;

/**
 * @param {{
 *   module?: string,
 *   feedOrigins?: string[],
 *   privateOrigins?: string[],
 *   feedWaitMs?: number,
 *   maxKeptBytes?: number,
 *   maxRenders?: number,
 *   maxFeedLoads?: number,
 * }} options
 *   `module`: the built renderer (default dist-ssr/render-page.js); `feedOrigins`: other origins
 *   whose feeds the server may fetch to render (the SSRF-safe loader, docs/server.md), of which
 *   `privateOrigins` may resolve to private or loopback addresses; `feedWaitMs`: how long a
 *   render waits for them, in all (FEED_WAIT_MS); `maxKeptBytes`: the HTML of the pages kept, in
 *   all (MAX_KEPT_BYTES); `maxRenders`: renders under way at once (MAX_RENDERS); `maxFeedLoads`:
 *   loads of other origins' feeds under way at once, until each ends (MAX_FEED_LOADS).
 */
export function createPageRenderer(options = {}) {
  const file = path.resolve(options.module ?? 'dist-ssr/render-page.js');
  const feedOrigins = options.feedOrigins ?? [];
  const feedWaitMs = options.feedWaitMs ?? FEED_WAIT_MS;
  /** @type {ReturnType<Renderer['createFeedLoader']> | undefined} */
  let loader;
  /** @type {ReturnType<typeof remoteFeeds> | undefined} */
  let remote;
  /** @type {Promise<Renderer | null> | undefined} */
  let loading;
  /** Rendered pages by page, address and language, with the feed documents each was rendered from. */
  /** @type {ReturnType<typeof keptPages<KeptPage>>} */
  const pages = keptPages({
    maxPages: MAX_PAGES,
    maxBytes: options.maxKeptBytes ?? MAX_KEPT_BYTES,
  });
  /** @type {Map<string, Promise<RenderedResponse | null>>} */
  const rendering = new Map();
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
   * @param {RenderInput} asked
   * @returns {Promise<RenderedResponse | null>}
   */
  async function render(asked) {
    // A page is in the first language its reader lists (render-widget.tsx), whatever follows:
    // readers who list the same first one are given one page, rendered once.
    const input = { ...asked, acceptLanguage: firstLanguage(asked.acceptLanguage) };
    const r = await renderer();
    if (!r) return null;
    if (feedOrigins.length > 0) {
      loader ??= r.createFeedLoader({
        allowedOrigins: feedOrigins,
        allowPrivateAddresses: options.privateOrigins ?? [],
        maxFreshMs: MAX_FRESH_MS,
        maxLoads: options.maxFeedLoads ?? MAX_FEED_LOADS,
      });
      remote ??= remoteFeeds(loader, MAX_FRESH_MS);
    }
    const load = feedLoader(input, remote, feedOrigins, feedWaitMs);
    const key = `${input.page}\n${input.pageUrl}\n${input.acceptLanguage ?? ''}`;
    const kept = pages.get(key);
    if (kept && kept.template === input.template) {
      const fresh = await unchanged(kept.reads, load);
      if (fresh) {
        return { rep: kept.rep, maxAgeSeconds: fresh.maxAgeSeconds, scripts: kept.scripts };
      }
    }
    // Readers arriving together for a page not yet rendered share one render.
    let pending = rendering.get(key);
    if (!pending && rendering.size >= (options.maxRenders ?? MAX_RENDERS)) return null;
    if (!pending) {
      pending = renderAnew(r, input, load, key, kept).finally(() => rendering.delete(key));
      rendering.set(key, pending);
    }
    return pending;
  }

  /**
   * @param {Renderer} r
   * @param {RenderInput} input
   * @param {ReturnType<typeof feedLoader>} load
   * @param {string} key
   * @param {KeptPage | undefined} kept
   */
  async function renderAnew(r, input, load, key, kept) {
    /** @type {FeedRead[]} */
    const reads = [];
    const recording = async (
      /** @type {string} */ feedUrl,
      /** @type {'head' | 'page'} */ kind = 'head',
    ) => {
      const doc = await load(feedUrl, kind);
      reads.push({ feedUrl, kind, doc });
      return doc;
    };
    let page;
    try {
      const renderPage = input.page === 'frame' ? r.renderFramePage : r.renderStandalonePage;
      page = await renderPage({ ...input, load: recording });
    } catch (err) {
      console.error('server rendering failed; the browser renders the page:', err);
      return null;
    }
    if (!page) return null;
    // Relative, as the built pages' own assets are (the pages sit beside assets/).
    const href = styles && `${STYLES_PREFIX.slice(1)}${styles.tag}.css`;
    // The page's scripts as they run over this HTML: the CSP allows their inline ones by hash.
    // embed.html's script starts at once: the host greets the frame on its load event.
    const template =
      input.page === 'standalone'
        ? startAppAfterPaint(input.template).html
        : reloadIfAppFails(input.template);
    const html = fillTemplate(template, page, href);
    if (html === undefined) return null;
    const maxAgeSeconds = freshSeconds(reads.find((read) => read.kind === 'head')?.doc);
    // The same HTML keeps its representation, and with it the compressed bodies.
    const rep =
      kept && kept.rep.body.toString('utf8') === html
        ? kept.rep
        : new Representation(html, {
            contentType: 'text/html; charset=utf-8',
            lastModified: Date.now(),
          });
    // A page is kept only while every document it was rendered from has a version to compare.
    const versions = reads.map(({ feedUrl, kind, doc }) => ({
      feedUrl,
      kind,
      doc: doc && { version: versionOf(doc), fetchedAt: doc.fetchedAt },
    }));
    pages.set(
      key,
      reads.every((read) => versionOf(read.doc))
        ? { template: input.template, reads: versions, rep, scripts: template }
        : undefined,
    );
    return { rep, maxAgeSeconds, scripts: template };
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

  return { render, stylesheet, close: () => loader?.close() };
}
