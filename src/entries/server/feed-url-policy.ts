// Which feed URLs the server-side loader may fetch, decided before any network activity, and
// again for every redirect.
import { isIP } from 'node:net';
import { FEED_TIMEOUT_MS } from '../../capabilities/feed/fetch-feed-document';
import { FEED_LIMITS } from '../../core/feed/feed-limits';
import { isPublicAddress } from './address-policy';
import { FeedLoadError } from './feed-load-error';

export interface LoadFeedOptions {
  /**
   * Origins (`https://feeds.example.com`, scheme, host and port) the loader may fetch from;
   * every other URL, and every redirect elsewhere, fails with 'not-allowed'. Required: there is
   * no default that would be safe for a URL that came from a request.
   */
  allowedOrigins: readonly string[];
  /**
   * Addresses that are not public (loopback, private networks, link-local, …) are refused
   * ('private-address') unless this is true, or lists the origin (e.g. the server's own
   * `http://127.0.0.1:8080`). Default false.
   */
  allowPrivateAddresses?: boolean | readonly string[] | undefined;
  /** The whole load: every redirect, the headers and the body. Default: the client's. */
  timeoutMs?: number | undefined;
  /** Bytes of the document, decompressed. Default: the client's limit. */
  maxBytes?: number | undefined;
  /** Default 3. */
  maxRedirects?: number | undefined;
}

/** The options, checked and normalised once. */
export interface FeedPolicy {
  readonly allowedOrigins: ReadonlySet<string>;
  /** Origins that may be on a private address; `true` for all of them. */
  readonly privateOrigins: true | ReadonlySet<string>;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
}

function origin(text: string, option: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    // Reported below.
  }
  // Only scheme, host and port: a path here would look like a restriction, and not be one.
  if (
    (url?.protocol !== 'http:' && url?.protocol !== 'https:') ||
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    throw new TypeError(
      `${option}: ${JSON.stringify(text)} is not an http(s) origin like https://feeds.example.com`,
    );
  }
  return url.origin;
}

// setTimeout's longest delay: a longer one would fire at once.
const MAX_TIMER_MS = 2 ** 31 - 1;

function wholeNumber(value: number | undefined, fallback: number, option: string, min = 1) {
  const result = value ?? fallback;
  if (!Number.isInteger(result) || result < min || result > MAX_TIMER_MS) {
    throw new TypeError(`${option} must be a whole number from ${min} to ${MAX_TIMER_MS}`);
  }
  return result;
}

/** Checks the options (a TypeError names a wrong one) and normalises the origins. */
export function feedPolicy(options: LoadFeedOptions): FeedPolicy {
  // Checked for callers in plain JavaScript too: without the list, nothing could be loaded.
  const list: unknown = options?.allowedOrigins;
  if (!Array.isArray(list)) {
    throw new TypeError('allowedOrigins is required: the origins feeds may be loaded from');
  }
  const allow = options.allowPrivateAddresses ?? false;
  return {
    allowedOrigins: new Set(options.allowedOrigins.map((o) => origin(o, 'allowedOrigins'))),
    privateOrigins:
      allow === true
        ? true
        : new Set((allow === false ? [] : allow).map((o) => origin(o, 'allowPrivateAddresses'))),
    timeoutMs: wholeNumber(options.timeoutMs, FEED_TIMEOUT_MS, 'timeoutMs'),
    maxBytes: wholeNumber(options.maxBytes, FEED_LIMITS.maxDocumentBytes, 'maxBytes'),
    maxRedirects: wholeNumber(options.maxRedirects, 3, 'maxRedirects', 0),
  };
}

export function allowsPrivate(policy: FeedPolicy, url: URL): boolean {
  return policy.privateOrigins === true || policy.privateOrigins.has(url.origin);
}

/**
 * The URL, parsed, if the policy allows fetching it; otherwise a FeedLoadError. A host written
 * as an IP address is checked here (Node connects to it without a lookup); a name is checked
 * when it is resolved (address-policy.ts).
 */
export function checkFeedUrl(input: string, policy: FeedPolicy): URL {
  const refuse = (why: string) =>
    new FeedLoadError('not-allowed', input, `The feed URL ${JSON.stringify(input)} ${why}.`);
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw refuse('is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse('is not http or https');
  // Credentials would be sent to the origin; a feed is public and needs none.
  if (url.username !== '' || url.password !== '') throw refuse('holds credentials');
  if (!policy.allowedOrigins.has(url.origin)) throw refuse('is not on an allowed origin');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) !== 0 && !isPublicAddress(host) && !allowsPrivate(policy, url)) {
    throw new FeedLoadError(
      'private-address',
      url.href,
      `The feed's host ${url.hostname} is not a public address.`,
    );
  }
  // The fragment is not sent, and must not make one feed two cache entries.
  url.hash = '';
  return url;
}
