/**
 * How every feed request is made: `cache: "no-cache"` makes the browser revalidate with
 * If-None-Match / If-Modified-Since, so an unchanged feed costs a 304 and no cache-busting query
 * string defeats CDNs.
 */
export const FEED_REQUEST_INIT = {
  cache: 'no-cache',
  credentials: 'omit',
  headers: { Accept: 'application/feed+json, application/json;q=0.9, */*;q=0.1' },
} as const satisfies RequestInit;

export interface EarlyFeedRequest {
  readonly url: string;
  readonly response: Promise<Response>;
  readonly abort: () => void;
}

let pending: EarlyFeedRequest | undefined;

/**
 * The standalone page asks for its feed from a tiny script that runs before the app's bundle has
 * arrived, so the feed downloads while the bundle loads and evaluates (ADR 0004). The page's
 * scripts share this module, so no global is needed to hand the response over.
 */
export function requestFeedEarly(url: string): void {
  if (typeof fetch !== 'function') return;
  const controller = new AbortController();
  const response = fetch(url, { ...FEED_REQUEST_INIT, signal: controller.signal });
  // A failure is reported by the poll that takes the request; untaken, it is nobody's error.
  response.catch(() => {});
  pending = { url, response, abort: () => controller.abort() };
}

/** The early request for `url`, handed out once; every later request is the caller's own. */
export function takeEarlyFeedRequest(url: string): EarlyFeedRequest | undefined {
  if (pending?.url !== url) return undefined;
  const taken = pending;
  pending = undefined;
  return taken;
}
