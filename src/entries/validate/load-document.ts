// Reading one feed document for the validator: a file, or a URL the producer typed, with the
// client's limits (size, and time without a piece of the body). The URL is the producer's own, on their own machine: a plain
// fetch, not the SSR loader's allow-list of origins (docs/decisions/0026).
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  FEED_BODY_MS,
  FEED_TIMEOUT_MS,
  waitForPieces,
} from '../../capabilities/feed/fetch-feed-document';
import { FEED_REQUEST_INIT, readBody } from '../../capabilities/feed/read-body';
import { FEED_LIMITS } from '../../core/feed/feed-limits';
import { cut } from './terminal-text';

/** What the validator sends as `Origin`, so that a server shows the CORS headers it gives embeds. */
export const VALIDATOR_ORIGIN = 'https://live-blog-validate.invalid';

/** A response's facts that the HTTP checks read. */
export interface HttpFacts {
  /** After redirects. */
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  /** The redirects on the way, first first: a browser checks CORS on each of them too. */
  readonly redirects: readonly Redirect[];
}

export interface Redirect {
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
}

export type Loaded =
  | {
      readonly kind: 'document';
      /** Where it came from (after redirects): relative URLs resolve against it. */
      readonly location: string;
      readonly text: string;
      readonly http?: HttpFacts;
    }
  | {
      readonly kind: 'too-large';
      readonly location: string;
      readonly message: string;
      readonly http?: HttpFacts;
    }
  | { readonly kind: 'failed'; readonly location: string; readonly message: string };

export type Fetch = typeof fetch;

const MB = 1024 * 1024;
const limitText = `${FEED_LIMITS.maxDocumentBytes / MB} MB`;

function tooLarge(location: string, bytes: number, http?: HttpFacts): Loaded {
  const message = `The document is larger than the client's limit of ${limitText} (at least ${(bytes / MB).toFixed(1)} MB): clients refuse it. Split the feed into pages.`;
  return http
    ? { kind: 'too-large', location, message, http }
    : { kind: 'too-large', location, message };
}

async function loadFile(url: URL): Promise<Loaded> {
  const location = url.href;
  try {
    const path = fileURLToPath(url);
    const { size } = await stat(path);
    if (size > FEED_LIMITS.maxDocumentBytes) return tooLarge(location, size);
    // Decoded as the client decodes a response: UTF-8, a byte order mark dropped.
    return { kind: 'document', location, text: new TextDecoder().decode(await readFile(path)) };
  } catch (error) {
    return { kind: 'failed', location, message: `Could not read ${location}: ${String(error)}` };
  }
}

function factsOf(response: Response, requested: URL, redirects: readonly Redirect[]): HttpFacts {
  return {
    url: response.url || requested.href,
    status: response.status,
    headers: response.headers,
    redirects,
  };
}

const MAX_REDIRECTS = 20;

/** Follows redirects as fetch does, keeping each one's headers for the CORS check. */
async function fetchFollowing(url: URL, fetchFn: Fetch, signal: AbortSignal) {
  const redirects: Redirect[] = [];
  for (let at = url; ;) {
    const response = await fetchFn(at, {
      headers: { ...FEED_REQUEST_INIT.headers, Origin: VALIDATOR_ORIGIN },
      redirect: 'manual',
      signal,
    });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || location === null) {
      return { response, requested: at, redirects };
    }
    await response.body?.cancel().catch(() => {});
    if (redirects.length === MAX_REDIRECTS) {
      throw new Error(`more than ${MAX_REDIRECTS} redirects, the last to ${location}`);
    }
    redirects.push({ url: at.href, status: response.status, headers: response.headers });
    at = new URL(location, at);
    // Node's fetch would read a data: URL; a browser's fetch fails at such a redirect.
    if (at.protocol !== 'http:' && at.protocol !== 'https:') {
      throw new Error(
        `${redirects.at(-1)!.url} redirects to a ${at.protocol} URL: browsers follow redirects to http(s) only, and clients fail there.`,
      );
    }
  }
}

/** Why a body stopped: nothing arrived for `timeoutMs`, or it went on past the client's limit. */
function stalled(url: string, began: number, timeoutMs: number): string {
  return Date.now() - began > FEED_BODY_MS
    ? `${url} was still sending after ${FEED_BODY_MS / 1000} s: clients give up then, taking it for a stream, not a document.`
    : `Nothing arrived from ${url} for ${timeoutMs / 1000} s: clients give up then.`;
}

/**
 * Why a request failed, on one line. OpenSSL's own text is a trace ("80AC…:error:0A00010B:SSL
 * routines:…") ending in a line break: its code says it better.
 */
function failureReason(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const code = (cause as { code?: unknown }).code;
  if (/:error:[0-9A-F]+:/.test(cause.message) && typeof code === 'string') {
    return `TLS failed (${code}): is the server speaking https at this address, with a certificate for it?`;
  }
  return cause.message.trim();
}

async function loadUrl(url: URL, fetchFn: Fetch, timeoutMs: number): Promise<Loaded> {
  // As the client waits (waitForPieces): a slow but steady body is read, however long it takes
  // up to the client's limit; a server that falls silent is given up.
  const began = Date.now();
  const silence = new AbortController();
  const arrived = waitForPieces(timeoutMs, silence);
  let fetched: Awaited<ReturnType<typeof fetchFollowing>>;
  try {
    fetched = await fetchFollowing(url, fetchFn, silence.signal);
  } catch (error) {
    // fetch says "fetch failed"; why (a refused connection, an unknown host) is its cause.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const reason = failureReason(cause);
    return {
      kind: 'failed',
      location: url.href,
      message: silence.signal.aborted
        ? `No answer from ${url.href} within ${timeoutMs / 1000} s (clients give up then).`
        : `Could not load ${url.href}: ${reason}`,
    };
  }
  const { response } = fetched;
  const http = factsOf(response, fetched.requested, fetched.redirects);
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    return {
      kind: 'failed',
      location: http.url,
      message: `${http.url} answered ${response.status}${response.statusText ? ` ${cut(response.statusText)}` : ''}.`,
    };
  }
  try {
    const read = await readBody(response, FEED_LIMITS.maxDocumentBytes, arrived);
    if ('tooLarge' in read) return tooLarge(http.url, read.tooLarge, http);
    return { kind: 'document', location: http.url, text: read.text, http };
  } catch (error) {
    return {
      kind: 'failed',
      location: http.url,
      message: silence.signal.aborted
        ? stalled(http.url, began, timeoutMs)
        : `The body of ${http.url} could not be read: ${String(error)}`,
    };
  } finally {
    // The last wait for a piece must not abort anything once the body is read.
    silence.abort();
  }
}

/** One document, from a `file:` or an `http(s):` URL. Never throws. */
export function loadDocument(
  url: URL,
  fetchFn: Fetch = fetch,
  timeoutMs = FEED_TIMEOUT_MS,
): Promise<Loaded> {
  if (url.protocol === 'file:') return loadFile(url);
  if (url.protocol === 'http:' || url.protocol === 'https:')
    return loadUrl(url, fetchFn, timeoutMs);
  return Promise.resolve({
    kind: 'failed',
    location: url.href,
    message: `${url.href} is neither a file nor an http(s) URL.`,
  });
}

/**
 * A second request for the head, with its own validator: an unchanged feed should cost a 304.
 * Undefined when the head gives no validator or the request fails (reported elsewhere).
 */
export async function conditionalStatus(
  facts: HttpFacts,
  fetchFn: Fetch = fetch,
): Promise<
  { readonly header: string; readonly status: number; readonly same: boolean } | undefined
> {
  const etag = facts.headers.get('etag');
  const lastModified = facts.headers.get('last-modified');
  const [header, value] = etag
    ? ['If-None-Match', etag]
    : lastModified
      ? ['If-Modified-Since', lastModified]
      : [undefined, undefined];
  if (header === undefined) return undefined;
  try {
    const response = await fetchFn(facts.url, {
      headers: { ...FEED_REQUEST_INIT.headers, Origin: VALIDATOR_ORIGIN, [header]: value },
      signal: AbortSignal.timeout(FEED_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => {});
    // A 200 with another validator is a new version published meanwhile, not a fault.
    const again = etag ? response.headers.get('etag') : response.headers.get('last-modified');
    return { header, status: response.status, same: again === value };
  } catch {
    return undefined;
  }
}
