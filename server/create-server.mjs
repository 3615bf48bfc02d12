// @ts-check
/**
 * The replay/static server: serves the built app, the live replay of a feed
 * (or feed files as-is), and the loopback-only admin and fault API.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import path from 'node:path';
import { handleAdmin } from './admin.mjs';
import { createFaultState, sendFault } from './faults.mjs';
import { FEED_CORS_HEADERS, htmlSecurityHeaders, preflightHeaders } from './headers.mjs';
import {
  FEED_CONTENT_TYPE,
  IMMUTABLE,
  NO_CACHE,
  headCacheControl,
  sendRepresentation,
} from './http-caching.mjs';
import { pageDirPath } from './pagination.mjs';
import { appRecoveryRewriter } from './start-after-paint.mjs';
import { createReplay } from './replay.mjs';
import { feedOriginsRewriter, parseFeedOriginsOption } from './feed-origins.mjs';
import { namesLocale, pageUrlOf, parsePublicOrigin } from './page-url.mjs';
import { createPageRenderer } from './server-render.mjs';
import { contentTypeFor, createFileCache, resolveFile } from './static-files.mjs';

export { CONTENT_SECURITY_POLICY, TRUSTED_TYPES_CSP } from './headers.mjs';

/**
 * @typedef {{
 *   host?: string,
 *   port?: number,
 *   distDir?: string,
 *   mode?: 'live' | 'static',
 *   feedFile?: string,
 *   feedPath?: string,
 *   intervalMs?: number,
 *   initialItems?: number,
 *   headSize?: number,
 *   pageSize?: number,
 *   headMaxAge?: number,
 *   admin?: boolean,
 *   shiftDates?: boolean,
 *   staticDir?: string,
 *   csp?: boolean | 'trusted-types',
 *   feedOrigins?: string | string[],
 *   ssr?: boolean,
 *   ssrModule?: string,
 *   ssrFeedOrigins?: string | string[],
 *   ssrPrivateOrigins?: string | string[],
 *   publicOrigin?: string,
 * }} ServerOptions
 * @typedef {{
 *   url: string,
 *   port: number,
 *   close: () => Promise<void>,
 *   replay: import('./replay.mjs').Replay | null,
 * }} RunningServer
 * @typedef {{
 *   time: string,
 *   method: string,
 *   path: string,
 *   status: number | null,
 *   bytes: number,
 *   ifNoneMatch: boolean,
 *   ifModifiedSince: boolean,
 *   encoding: string | null,
 *   fault: string | null,
 *   completed: boolean,
 * }} RequestLogEntry
 */

const MAX_LOG = 2000;

/**
 * The document a representation holds, for a fault that rewrites it.
 * @param {import('./http-caching.mjs').Representation} rep
 */
function documentOf(rep) {
  /** @type {unknown} */
  const doc = JSON.parse(rep.body.toString('utf8'));
  return /** @type {import('./faults.mjs').FaultDocument} */ (doc);
}
const PAGE_FILE = /\/page-\d+\.json$/;

/**
 * @param {ServerOptions} [options]
 * @returns {Promise<RunningServer>}
 */
export async function startServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const mode = options.mode ?? 'live';
  if (mode !== 'live' && mode !== 'static')
    throw new TypeError(`mode must be "live" or "static", not ${String(mode)}`);
  const distDir = path.resolve(options.distDir ?? 'dist');
  const staticDir = options.staticDir ? path.resolve(options.staticDir) : null;
  const feedPath = options.feedPath ?? '/feeds/vilnius-2023.json';
  const feedPageDir = pageDirPath(feedPath) + '/';
  const intervalMs = options.intervalMs ?? 10_000;
  const headSize = options.headSize ?? 50;
  const pageSize = options.pageSize ?? 50;
  const csp = options.csp ?? true;
  const headCache = headCacheControl(options.headMaxAge ?? 0);
  const withFeedOrigins = feedOriginsRewriter(options.feedOrigins);
  const withRecovery = appRecoveryRewriter();
  const publicOrigin =
    options.publicOrigin === undefined ? undefined : parsePublicOrigin(options.publicOrigin);
  const pageUrl = (/** @type {http.IncomingMessage} */ req) => pageUrlOf(req, publicOrigin);
  // On unless turned off (--no-ssr); without dist-ssr/ the pages go out as built (docs/server.md).
  const pageRenderer =
    (options.ssr ?? true)
      ? createPageRenderer({
          module: options.ssrModule,
          feedOrigins: parseFeedOriginsOption(options.ssrFeedOrigins ?? []),
          privateOrigins: parseFeedOriginsOption(options.ssrPrivateOrigins ?? []),
        })
      : null;

  /** @type {import('./replay.mjs').Replay | null} */
  let replay = null;
  if (mode === 'live') {
    const feedFile = path.resolve(options.feedFile ?? 'public/feeds/vilnius-2023.json');
    /** @type {unknown} */
    let feed;
    try {
      feed = JSON.parse(readFileSync(feedFile, 'utf8'));
    } catch (err) {
      throw new Error(
        `cannot read the replay feed ${feedFile}: ${/** @type {Error} */ (err).message}`,
        { cause: err },
      );
    }
    replay = createReplay({
      // createReplay checks that it is a feed.
      feed: /** @type {import('./pagination.mjs').FeedDocument} */ (feed),
      feedPath,
      initialItems: options.initialItems ?? 3,
      headSize,
      pageSize,
      shiftDates: options.shiftDates ?? true,
      pollSeconds: intervalMs > 0 ? Math.max(1, Math.round(intervalMs / 1000)) : undefined,
    });
  }

  const faults = createFaultState();
  const files = createFileCache();
  /** @type {RequestLogEntry[]} */
  const requests = [];
  /** @type {{ time: string, method: string, path: string, referer: string | null, userAgent: string | null }[]} */
  const canary = [];
  /** @type {Set<http.ServerResponse>} */
  const hanging = new Set();
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();

  /**
   * What a feed URL refers to, or null when it is not a feed.
   * @param {string} pathname
   * @returns {Promise<null | { kind: 'live-head' } | { kind: 'live-page', k: number } | { kind: 'file', file: string, stat: import('node:fs').Stats, isHead: boolean }>}
   */
  async function classifyFeed(pathname) {
    if (replay && pathname === feedPath) return { kind: 'live-head' };
    if (replay && pathname.startsWith(feedPageDir)) {
      const m = /^page-(\d+)\.json$/.exec(pathname.slice(feedPageDir.length));
      return m ? { kind: 'live-page', k: Number(m[1]) } : null;
    }
    let found = null;
    if (staticDir && pathname.startsWith('/fixtures/')) {
      found = await resolveFile(staticDir, pathname.slice('/fixtures'.length));
      if (!found) return null;
    } else if (pathname.startsWith('/feeds/') && pathname.endsWith('.json')) {
      found = await resolveFile(distDir, pathname);
      if (!found) return null;
    }
    if (!found) return null;
    if (!found.file.endsWith('.json')) return null;
    return { ...found, kind: 'file', isHead: !PAGE_FILE.test(pathname) };
  }

  /**
   * Answers a feed request and logs it for GET /__admin/requests.
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {NonNullable<Awaited<ReturnType<typeof classifyFeed>>>} target
   * @param {string} pathname
   */
  async function serveFeed(req, res, target, pathname) {
    /** @type {RequestLogEntry} */
    const entry = {
      time: new Date().toISOString(),
      method: req.method ?? 'GET',
      path: req.url ?? pathname,
      status: null,
      bytes: 0,
      ifNoneMatch: req.headers['if-none-match'] !== undefined,
      ifModifiedSince: req.headers['if-modified-since'] !== undefined,
      encoding: null,
      fault: null,
      completed: false,
    };
    requests.push(entry);
    if (requests.length > MAX_LOG) requests.splice(0, requests.length - MAX_LOG);
    const update = () => {
      entry.status = res.headersSent ? res.statusCode : null;
      entry.encoding =
        /** @type {string | undefined} */ (res.getHeader('content-encoding')) ?? null;
      entry.completed = res.writableFinished;
    };
    res.on('close', update);

    // In static mode the file at feedPath stands in for the live head.
    const isHead = target.kind === 'live-head' || (target.kind === 'file' && pathname === feedPath);
    const fault = faults.take(!isHead);
    if (fault) entry.fault = fault.kind;
    try {
      entry.bytes = await respondFeed(req, res, target, fault);
    } finally {
      // Logged as soon as it is sent, so that the client's next request already sees it.
      update();
    }
  }

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {NonNullable<Awaited<ReturnType<typeof classifyFeed>>>} target
   * @param {import('./faults.mjs').Fault | null} fault
   * @returns {Promise<number>} body bytes sent
   */
  async function respondFeed(req, res, target, fault) {
    const cors = { headers: { ...FEED_CORS_HEADERS } };
    if (target.kind === 'file') {
      const rep = await files.get(target.file, target.stat, FEED_CONTENT_TYPE);
      const cacheControl = target.isHead ? headCache : IMMUTABLE;
      if (!rep) {
        return streamFile(
          req,
          res,
          target.file,
          target.stat.size,
          FEED_CONTENT_TYPE,
          cacheControl,
          cors.headers,
        );
      }
      if (fault) {
        return sendFault(req, res, fault, {
          current: rep,
          stale: rep,
          document: () => documentOf(rep),
          cacheControl,
          hanging,
        });
      }
      return sendRepresentation(req, res, rep, { cacheControl, ...cors });
    }

    const live = /** @type {import('./replay.mjs').Replay} */ (replay);
    if (target.kind === 'live-page') {
      const rep = live.page(target.k);
      if (!rep)
        return sendText(res, 404, `No page ${target.k} of ${feedPath} (yet)\n`, FEED_CORS_HEADERS);
      if (fault) {
        return sendFault(req, res, fault, {
          current: rep,
          stale: rep,
          document: () => documentOf(rep),
          cacheControl: IMMUTABLE,
          hanging,
        });
      }
      return sendRepresentation(req, res, rep, { cacheControl: IMMUTABLE, ...cors });
    }
    const version = live.current();
    if (fault) {
      return sendFault(req, res, fault, {
        current: version.head,
        stale: live.stale().head,
        document: () => version.headDoc,
        cacheControl: headCache,
        hanging,
      });
    }
    return sendRepresentation(req, res, version.head, { cacheControl: headCache, ...cors });
  }

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {string} pathname
   */
  async function serveApp(req, res, pathname) {
    let decoded;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return sendText(res, 400, 'Bad request: malformed URL\n');
    }
    let found = await resolveFile(distDir, pathname);
    // Client-side routes (no file extension) get the app shell too; hidden
    // or odd names do not, so that probing them reads as "not found". Nor do
    // nested ones: the shell's ./assets/ would then name files that are not there.
    const wantsShell =
      pathname === '/' ||
      (!path.posix.extname(decoded) &&
        !decoded.slice(1).includes('/') &&
        !/(^|\/)\.|[\\\0]/.test(decoded) &&
        /text\/html|\*\/\*/.test(req.headers.accept ?? '*/*'));
    if (!found && wantsShell) {
      found = await resolveFile(distDir, '/index.html');
      if (!found) {
        const body =
          '<!DOCTYPE html><meta charset="utf-8"><title>Build missing</title>\n<p>Run npm run build first: there is no index.html in the dist directory.</p>\n';
        return sendText(res, 503, body, {
          ...htmlSecurityHeaders(csp),
          'Content-Type': 'text/html; charset=utf-8',
          'Retry-After': '10',
        });
      }
    }
    const renderedStyles = !found && (await pageRenderer?.stylesheet(pathname));
    if (renderedStyles) {
      const headers = { 'X-Content-Type-Options': 'nosniff', 'Access-Control-Allow-Origin': '*' };
      return sendRepresentation(req, res, renderedStyles, { cacheControl: IMMUTABLE, headers });
    }
    // Readable by any origin, as the files are: embed.js on a news page tells a chunk that is gone.
    if (!found) {
      const headers = { 'X-Content-Type-Options': 'nosniff', 'Access-Control-Allow-Origin': '*' };
      return sendText(res, 404, 'Not found\n', headers);
    }

    const contentType = contentTypeFor(found.file);
    const cacheControl = pathname.startsWith('/assets/') ? IMMUTABLE : NO_CACHE;
    const file = await files.get(found.file, found.stat, contentType);
    // The pages' list of other feed origins, as the deployer would edit it (feedOrigins).
    const rep = file && contentType.startsWith('text/html') ? withFeedOrigins(file) : file;
    const page = { 'index.html': 'standalone', 'embed.html': 'frame' }[path.basename(found.file)];
    if (rep && pageRenderer && (page === 'standalone' || page === 'frame')) {
      const template = rep.body.toString('utf8');
      const rendered = await pageRenderer.render({
        page,
        pageUrl: pageUrl(req),
        template,
        feedOrigins: feedOriginsOf(template),
        acceptLanguage: req.headers['accept-language'],
        load: (feedUrl, kind) => ownFeed(feedUrl, req, kind),
      });
      if (rendered) {
        // The template's inline scripts are the only ones that run: the CSP lists their hashes.
        /** @type {Record<string, string>} */
        const headers = htmlSecurityHeaders(csp, rendered.scripts);
        // The reader's language picks the page's unless the address names one.
        if (!namesLocale(pageUrl(req))) headers.Vary = 'Accept-Language';
        // Fresh as long as the feed it shows: a CDN in front serves it for as long.
        const cacheControl = headCacheControl(rendered.maxAgeSeconds ?? 0);
        return sendRepresentation(req, res, rendered.rep, { cacheControl, headers });
      }
    }
    // As built, the page's app loads at once: if it cannot, the page is loaded again once online.
    const built = rep && contentType.startsWith('text/html') ? withRecovery(rep) : rep;
    // Module scripts load in CORS mode: a news page on another origin can run dist/embed.js
    // only if the response allows it. The app's files are public, so any origin may read them.
    /** @type {Record<string, string>} */
    const headers = contentType.startsWith('text/html')
      ? htmlSecurityHeaders(csp, built?.body.toString('utf8'))
      : { 'X-Content-Type-Options': 'nosniff', 'Access-Control-Allow-Origin': '*' };
    if (!built)
      return streamFile(req, res, found.file, found.stat.size, contentType, cacheControl, headers);
    return sendRepresentation(req, res, built, { cacheControl, headers });
  }

  /** When each version of a feed the server renders from was first read. */
  /** @type {WeakMap<object, number>} */
  const firstRead = new WeakMap();

  /**
   * A feed this server serves itself, read where it lies (no request, so nothing to forge), for
   * server rendering: a head, or (`kind` 'page', for a page's `older=`) an older page of one;
   * undefined for any other URL.
   * @param {string} feedUrl
   * @param {http.IncomingMessage} req
   * @param {'head' | 'page'} [kind]
   * @returns {Promise<import('./server-render.mjs').FeedDocumentSnapshot | undefined>}
   */
  async function ownFeed(feedUrl, req, kind = 'head') {
    const url = new URL(feedUrl);
    if (url.origin !== new URL(pageUrl(req)).origin || url.search) return undefined;
    const target = await classifyFeed(url.pathname.replace(/\/{2,}/g, '/'));
    const page = kind === 'page';
    const rep =
      target?.kind === 'live-head' && replay && !page
        ? replay.current().head
        : target?.kind === 'live-page' && replay && page
          ? replay.page(target.k)
          : target?.kind === 'file' && target.isHead !== page
            ? await files.get(target.file, target.stat, FEED_CONTENT_TYPE)
            : null;
    // Null too for a file too large to hold: the browser reads it.
    if (!rep) return undefined;
    // When this version was first read, not each request's time: one version gives one page. Not
    // its Last-Modified either, which is whole seconds: updates published within its second would
    // count as dated in the future.
    let fetchedAt = firstRead.get(rep);
    if (fetchedAt === undefined) firstRead.set(rep, (fetchedAt = Date.now()));
    /** @type {string | undefined} */
    let text;
    return {
      // Decoded only for a render: a kept page asks no more than whether the feed changed.
      get text() {
        return (text ??= rep.body.toString('utf8'));
      },
      validator: rep.etag,
      fetchedAt,
      maxAgeSeconds: maxAgeOf(headCache),
    };
  }

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   */
  async function handle(req, res) {
    let pathname;
    try {
      pathname = new URL(req.url ?? '/', 'http://server.invalid').pathname;
    } catch {
      return sendText(res, 400, 'Bad request\n');
    }
    // Collapse "//" so that "//__admin" cannot slip past the prefix checks.
    pathname = pathname.replace(/\/{2,}/g, '/');

    if (pathname.startsWith('/__canary/')) {
      canary.push({
        time: new Date().toISOString(),
        method: req.method ?? 'GET',
        path: req.url ?? pathname,
        referer: req.headers.referer ?? null,
        userAgent: req.headers['user-agent'] ?? null,
      });
      if (canary.length > MAX_LOG) canary.splice(0, canary.length - MAX_LOG);
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      return res.end();
    }
    if (pathname === '/__admin' || pathname.startsWith('/__admin/')) {
      if (!options.admin) return sendText(res, 404, 'Not found\n');
      return handleAdmin(req, res, pathname, { mode, replay, faults, requests, canary });
    }

    const feed = await classifyFeed(pathname);
    if (req.method === 'OPTIONS') {
      if (feed) {
        res.writeHead(204, preflightHeaders(req));
      } else {
        res.writeHead(204, { Allow: 'GET, HEAD, OPTIONS' });
      }
      return res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD, OPTIONS' });
    }
    if (feed) return serveFeed(req, res, feed, pathname);
    // Beside the feeds live the files their updates show (images, video, audio): only a missing
    // feed document is "no such feed".
    if (pathname.startsWith('/fixtures/') || /^\/feeds\/.*\.json$/i.test(pathname)) {
      return sendText(res, 404, 'No such feed\n', FEED_CORS_HEADERS);
    }
    return serveApp(req, res, pathname);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error('server error:', err);
      if (!res.headersSent) sendText(res, 500, 'Internal server error\n');
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(options.port ?? 0, host);
  await once(server, 'listening');
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());

  /** @type {NodeJS.Timeout | null} */
  let timer = null;
  if (replay && intervalMs > 0) {
    const r = replay;
    timer = setInterval(() => {
      if (r.state().next !== null) r.publishNext();
    }, intervalMs);
  }

  /** @type {Promise<void> | null} */
  let closing = null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`,
    port: address.port,
    replay,
    close() {
      closing ??= (async () => {
        if (timer) clearInterval(timer);
        pageRenderer?.close();
        const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
        await closed;
      })();
      return closing;
    },
  };
}

/**
 * The origins a page's <meta name="live-blog-feed-origins"> lists.
 * @param {string} html
 */
function feedOriginsOf(html) {
  const content = /<meta\s+name="live-blog-feed-origins"\s+content="([^"]*)"/i.exec(html)?.[1];
  try {
    return content ? parseFeedOriginsOption(content) : [];
  } catch {
    return [];
  }
}

/** @param {string} cacheControl */
function maxAgeOf(cacheControl) {
  const m = /max-age=(\d+)/.exec(cacheControl);
  return m ? Number(m[1]) : undefined;
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} body
 * @param {Record<string, string>} [headers]
 * @returns {number} bytes written
 */
function sendText(res, status, body, headers = {}) {
  const length = Buffer.byteLength(body);
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
    'Content-Length': length,
  });
  res.end(res.req?.method === 'HEAD' ? undefined : body);
  return res.req?.method === 'HEAD' ? 0 : length;
}

/**
 * Files too big to cache go out as they are, without compression.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {string} file
 * @param {number} size
 * @param {string} contentType
 * @param {string} cacheControl
 * @param {Record<string, string>} headers
 * @returns {Promise<number>}
 */
async function streamFile(req, res, file, size, contentType, cacheControl, headers) {
  res.writeHead(200, {
    ...headers,
    'Content-Type': contentType,
    'Content-Length': size,
    'Cache-Control': cacheControl,
  });
  if (req.method === 'HEAD') {
    res.end();
    return 0;
  }
  const stream = createReadStream(file);
  stream.pipe(res);
  await once(res, 'close');
  stream.destroy();
  return size;
}
