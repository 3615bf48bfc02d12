/** Why a server-side feed load failed (docs/server.md, "Loading feeds on the server"). */
export type FeedLoadFailure =
  /** Not an http(s) URL, credentials in it, or an origin outside `allowedOrigins`. */
  | 'not-allowed'
  /** The host is, or resolves to, an address that is not public (loopback, private, …). */
  | 'private-address'
  /** The whole load (every redirect, the headers, the body) took longer than `timeoutMs`. */
  | 'timeout'
  /** The body, decompressed, is larger than `maxBytes`, or says so in Content-Length. */
  | 'too-large'
  /** An error status (`status` says which), or a 304 with no document to keep. */
  | 'http'
  /** The connection failed or broke off, or the body could not be decompressed. */
  | 'network'
  /** A web page (text/html) instead of a feed, or a Content-Encoding we did not ask for. */
  | 'content-type'
  /** More than `maxRedirects` redirects, or one without a usable Location. */
  | 'redirect'
  /**
   * Not asked for: `maxLoads` loads of other feeds were under way (createFeedLoader). Nothing
   * is kept for the URL; a later load, once one of them has ended, asks.
   */
  | 'busy';

export class FeedLoadError extends Error {
  readonly reason: FeedLoadFailure;
  /** The URL that failed: the one asked for, or the redirect target refused or failing. */
  readonly url: string;
  /** The HTTP status, for 'http'. */
  readonly status: number | undefined;
  /** The server's Retry-After, in seconds, for an 'http' failure that carries one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    reason: FeedLoadFailure,
    url: string,
    message: string,
    options: { status?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FeedLoadError';
    this.reason = reason;
    this.url = url;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
