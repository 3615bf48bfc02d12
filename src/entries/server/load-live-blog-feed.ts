// Loading a live blog's feed on a Node server, for server-side rendering: safely (an allow-list
// of origins, public addresses only, limits on time and size) and, through createFeedLoader,
// once per freshness interval however many pages render it (docs/server.md).
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { createCoalescingCache } from './feed-loader-cache';
import { FeedLoadError } from './feed-load-error';
import { requestFeed, type Agents, type FeedReply } from './feed-request';
import { checkFeedUrl, feedPolicy, type FeedPolicy, type LoadFeedOptions } from './feed-url-policy';

export { FeedLoadError, type FeedLoadFailure } from './feed-load-error';
export type { LoadFeedOptions } from './feed-url-policy';

/**
 * A feed document as the server received it: the renderer parses `text` with the client's own
 * parser, and embeds text and validator in the page so the browser's first poll is conditional.
 */
export type FeedSnapshot = {
  /** Where the document came from, after redirects: next_url resolves against it. */
  url: string;
  /** The body, decompressed and decoded from UTF-8, exactly as the client would decode it. */
  text: string;
  etag: string | null;
  lastModified: string | null;
  /** When it was received, or last confirmed unchanged by a 304 (ms since the epoch). */
  fetchedAt: number;
  /** Cache-Control max-age less Age, as sent (0 for none, no-cache or no-store). */
  maxAgeSeconds: number;
};

export interface FeedLoaderOptions extends LoadFeedOptions {
  /** The shortest reuse of a result, and how long a failure is kept. Default 1000 ms. */
  minFreshMs?: number | undefined;
  /** The longest reuse of a result, whatever its max-age. Default 60 s. */
  maxFreshMs?: number | undefined;
  /** Feed URLs remembered (least recently used forgotten first). Default 100. */
  maxEntries?: number | undefined;
  /**
   * Bytes of the documents remembered, in all (UTF-8), likewise: a feed origin that answers any
   * query string with its feed would otherwise have a copy per URL held. Default 4 × maxBytes.
   */
  maxCacheBytes?: number | undefined;
  /**
   * Requests under way at once, each counted until it ends (an answer, a failure or
   * `timeoutMs`), whether or not a caller still waits for it; loads of one URL share one. A load
   * that would start one more fails at once with the reason 'busy' and asks nothing, so a slow
   * origin and a burst of new feed URLs hold at most this many sockets and documents. Default 8.
   */
  maxLoads?: number | undefined;
  /** The clock, in ms since the epoch (tests pass their own). Default Date.now. */
  now?: (() => number) | undefined;
}

export interface FeedLoader {
  /**
   * The feed at `url`: fresh from memory, shared with a load in flight, or (re)fetched; or a
   * FeedLoadError ('busy' when `maxLoads` are under way and it would need another).
   */
  load(url: string): Promise<FeedSnapshot>;
  /** Closes the idle keep-alive connections (when the server shuts down). */
  close(): void;
}

function header(headers: IncomingHttpHeaders, name: 'etag' | 'last-modified'): string | null {
  return headers[name] ?? null;
}

/** Seconds the answer stays fresh from now, or undefined when it says nothing. */
function maxAge(headers: IncomingHttpHeaders): number | undefined {
  const cacheControl = headers['cache-control'];
  if (cacheControl === undefined) return undefined;
  if (/(?:^|,)\s*no-(?:cache|store)\b/i.test(cacheControl)) return 0;
  const match = /(?:^|,)\s*max-age\s*=\s*"?(\d+)/i.exec(cacheControl);
  if (!match) return 0;
  // Age: how long a cache in between has held it already.
  const age = Number(headers.age);
  return Math.max(0, Number(match[1]) - (Number.isFinite(age) ? age : 0));
}

/** Frozen: a loader hands the same snapshot to every page that renders the feed. */
function snapshotOf(reply: FeedReply, last: FeedSnapshot | undefined, now: number): FeedSnapshot {
  if (reply.kind === 'document') {
    return Object.freeze({
      url: reply.url,
      text: reply.text,
      etag: header(reply.headers, 'etag'),
      lastModified: header(reply.headers, 'last-modified'),
      fetchedAt: now,
      maxAgeSeconds: maxAge(reply.headers) ?? 0,
    });
  }
  // Unchanged: the stored text stands, confirmed now.
  if (!last) {
    throw new FeedLoadError('http', reply.url, 'The server answered 304 to a plain request.', {
      status: 304,
    });
  }
  return Object.freeze({
    url: reply.url,
    text: last.text,
    etag: header(reply.headers, 'etag') ?? last.etag,
    lastModified: header(reply.headers, 'last-modified') ?? last.lastModified,
    fetchedAt: now,
    maxAgeSeconds: maxAge(reply.headers) ?? last.maxAgeSeconds,
  });
}

async function load(
  url: URL,
  policy: FeedPolicy,
  last: FeedSnapshot | undefined,
  now: () => number,
  agents?: Agents,
): Promise<FeedSnapshot> {
  const reply = await requestFeed(url, policy, last, agents);
  return snapshotOf(reply, last, now());
}

/**
 * Loads the feed at `url` once. Rejects with a FeedLoadError (its `reason` says why) when the URL
 * is not allowed, the load fails, or it breaks a limit.
 */
export async function loadLiveBlogFeed(
  url: string,
  options: LoadFeedOptions,
): Promise<FeedSnapshot> {
  const policy = feedPolicy(options);
  return load(checkFeedUrl(url, policy), policy, undefined, Date.now);
}

function busy(url: string): FeedLoadError {
  return new FeedLoadError(
    'busy',
    url,
    'Not loaded: as many feed loads as maxLoads allows are under way; try again once one ends.',
  );
}

/**
 * A loader for a server that renders many pages: concurrent loads of one URL share a request, a
 * result is reused while fresh (its max-age, within [minFreshMs, maxFreshMs]), then revalidated
 * with If-None-Match / If-Modified-Since. A failure is reused for minFreshMs, so a broken origin
 * gets at most one request per URL per interval; the last good document is kept to revalidate.
 * At most `maxLoads` requests are under way at once; past that, a load that needs one fails
 * with 'busy' at once.
 */
export function createFeedLoader(options: FeedLoaderOptions): FeedLoader {
  const policy = feedPolicy(options);
  const now = options.now ?? Date.now;
  const minFreshMs = options.minFreshMs ?? 1000;
  const maxFreshMs = options.maxFreshMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 100;
  const maxLoads = options.maxLoads ?? 8;
  if (!(minFreshMs >= 0 && maxFreshMs >= minFreshMs && Number.isFinite(maxFreshMs))) {
    throw new TypeError('minFreshMs and maxFreshMs must be 0 ≤ minFreshMs ≤ maxFreshMs');
  }
  if (!(Number.isInteger(maxEntries) && maxEntries >= 1)) {
    throw new TypeError('maxEntries must be a whole number of at least 1');
  }
  if (!(Number.isInteger(maxLoads) && maxLoads >= 1)) {
    throw new TypeError('maxLoads must be a whole number of at least 1');
  }
  const maxWeight = options.maxCacheBytes ?? 4 * policy.maxBytes;
  // Room for one document at least, or the largest would be asked for on every load.
  if (!(Number.isInteger(maxWeight) && maxWeight >= policy.maxBytes)) {
    throw new TypeError('maxCacheBytes must be a whole number of at least maxBytes');
  }
  const agents: Agents = {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true }),
  };
  const cache = createCoalescingCache<FeedSnapshot>(
    (key, last) => load(new URL(key), policy, last, now, agents),
    (snapshot) => snapshot.maxAgeSeconds * 1000,
    { minFreshMs, maxFreshMs, maxEntries, maxWeight, maxLoads, busy, now },
    (snapshot) => Buffer.byteLength(snapshot.text),
  );
  return {
    async load(url) {
      // Checked on every call, before the cache: a refused URL never reaches it.
      return cache.get(checkFeedUrl(url, policy).href);
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
