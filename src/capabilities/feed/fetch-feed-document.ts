import { FEED_LIMITS } from '../../core/feed/feed-limits';
import type { FeedProblem, FetchFailureKind } from '../../core/feed/feed-problem';
import { safeHttpUrl } from '../../core/feed/safe-url';
import { takeEarlyFeedRequest, type EarlyFeedReply } from './early-feed-request';
import { FEED_REQUEST_INIT, readBody, type BodyRead } from './read-body';

/**
 * A failed poll (core/feed/feed-problem.ts says what the widget reads of it). Without a message
 * of its own (a failure of the transport), the widget puts the kind into the reader's language.
 */
export class FeedFetchError extends Error implements FeedProblem {
  readonly kind: FetchFailureKind;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly offline: boolean;
  constructor(
    kind: FetchFailureKind,
    message = '',
    options: { status?: number; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'FeedFetchError';
    this.kind = kind;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.offline = kind === 'network' && globalThis.navigator?.onLine === false;
  }
}

export type FetchedDocument =
  | { readonly kind: 'unchanged'; readonly maxAgeSeconds?: number }
  | {
      readonly kind: 'document';
      /** The body, decoded from UTF-8. */
      readonly text: string;
      readonly url: string;
      readonly validator: string | undefined;
      readonly maxAgeSeconds?: number;
    };

/** A feed document received elsewhere: by the server that rendered the page. */
export interface ReceivedDocument {
  readonly text: string;
  /** Its ETag (or Last-Modified): the first poll asks whether it is still current. */
  readonly validator: string | null;
  /** When it was received (epoch ms). */
  readonly fetchedAt: number;
  readonly maxAgeSeconds?: number;
  /**
   * Where it was fetched from, after redirects, when not the feed's own URL: its relative URLs
   * resolve against it, as against a fetched response's `url`.
   */
  readonly url?: string;
}

export const FEED_TIMEOUT_MS = 10_000;
/** However steadily it comes, a body still arriving after this is no document (a stream). */
export const FEED_BODY_MS = 120_000;

// Aborted when the browser goes offline. A request out then can hang until its timeout, and the
// poll React Query makes on reconnect would join it rather than ask again: failing it at once
// lets the next poll leave as soon as the connection is back.
let offline = new AbortController();
if (typeof window !== 'undefined') {
  window.addEventListener('offline', () => {
    offline.abort();
    offline = new AbortController();
  });
}

function retryAfter(headers: Headers, now: number): number | undefined {
  const header = headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  // A date is on the server's clock: counted from its Date header where it can be read, since
  // the reader's may be hours off (nothing to wait for, or a wait cut short only by the cap).
  const sent = Date.parse(headers.get('date') ?? '') || now;
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - sent) / 1000));
}

function maxAge(header: string | null): number | undefined {
  const match = header?.match(/(?:^|,)\s*max-age=(\d+)/i);
  return match ? Number(match[1]) : undefined;
}

/** A document's text. Decoding all of it at once costs a fraction of decoding it piece by piece. */
function tooLarge(bytes: number, limit: number) {
  return new FeedFetchError(
    'too-large',
    `The feed is larger than ${Math.round(limit / 1048576)} MB (at least ${Math.round(bytes / 1048576)} MB) and was not loaded.`,
  );
}

/**
 * `promise`'s value, or the abort's reason as soon as `signal` aborts (after `stop`): a host
 * page's wrapper around fetch may not pass the signal on, or hold a request it blocks, and the
 * widget must still time out and retry rather than wait for ever.
 */
function unlessAborted<T>(
  promise: PromiseLike<T>,
  signal: AbortSignal,
  stop?: () => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      stop?.();
      reject(signal.reason as Error);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const done = () => signal.removeEventListener('abort', onAbort);
    promise.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: Error) => {
        done();
        reject(error);
      },
    );
  });
}

/**
 * Aborts `controller` after `ms` with nothing arriving, started afresh by each piece of the body
 * (the function returned): a large document on a slow connection is not a server that does not
 * answer, and would time out on every try. A body that never ends (a stream at the feed's
 * address) is given up all the same. Apart from fetchFeedDocument so that its timers, which
 * outlive the request, hold none of the request's variables (the document's text among them).
 */
export function waitForPieces(ms: number, controller: AbortController) {
  let clock: AbortSignal;
  const began = Date.now();
  const restart = () => {
    if (Date.now() - began > FEED_BODY_MS) return controller.abort();
    const started = (clock = AbortSignal.timeout(ms));
    started.onabort = () => started === clock && controller.abort();
  };
  restart();
  return restart;
}

/**
 * Fetches one feed document through the browser's HTTP cache (FEED_REQUEST_INIT says how), or
 * takes the page's early request for it. `knownValidator` is the ETag (or Last-Modified) of
 * the document already merged: a match means nothing new, and the body is not even read (unless
 * `cacheBody`).
 */
export async function fetchFeedDocument(
  url: string,
  options: {
    signal?: AbortSignal;
    knownValidator?: string;
    /**
     * The request's headers when it asks about a document the browser's cache does not know (it
     * came in the page's HTML): see revalidation.ts.
     */
    revalidate?: Record<string, string>;
    /** A body that matches `knownValidator` is read all the same, for the cache to keep. */
    cacheBody?: boolean;
    timeoutMs?: number;
  } = {},
): Promise<FetchedDocument> {
  // Another scheme (a typo such as `htps:`, or `javascript:`) is no connection that will come
  // back: say so rather than "connection lost", and ask nothing.
  if (!safeHttpUrl(url, globalThis.location?.href)) {
    throw new FeedFetchError('not-found', 'The feed address is not a web address (http or https).');
  }
  const timeout = new AbortController();
  const restart = waitForPieces(options.timeoutMs ?? FEED_TIMEOUT_MS, timeout);
  // Without AbortSignal.any (Safari before 17.4: no feed was ever read there) the caller's abort
  // is passed on by hand; going offline then does not fail a request already out (it times out).
  let signal = timeout.signal;
  if ('any' in AbortSignal) {
    signal = AbortSignal.any([signal, offline.signal, ...(options.signal ? [options.signal] : [])]);
  } else options.signal?.addEventListener('abort', () => timeout.abort());
  const early = takeEarlyFeedRequest(url);
  let reply: EarlyFeedReply | undefined;
  try {
    // Undefined if the early request failed or the early script broke: then asked afresh.
    reply =
      early &&
      (await unlessAborted(
        early.reply.catch(() => undefined),
        signal,
        early.abort,
      ));
    const init = options.revalidate
      ? { ...FEED_REQUEST_INIT, headers: options.revalidate }
      : FEED_REQUEST_INIT;
    reply ??= { response: await unlessAborted(fetch(url, { ...init, signal }), signal) };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (timeout.signal.aborted) throw new FeedFetchError('timeout');
    throw new FeedFetchError('network');
  }
  reply.arrived = restart;
  const response = reply.response;
  const now = Date.now();
  const cacheMaxAge = maxAge(response.headers.get('cache-control'));
  if (response.status === 304) return { kind: 'unchanged', maxAgeSeconds: cacheMaxAge };
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    const status = response.status;
    const wait = retryAfter(response.headers, now);
    const kind =
      status === 404 || status === 410
        ? 'not-found'
        : status === 429 || status === 503
          ? 'busy'
          : 'http';
    throw new FeedFetchError(kind, '', {
      status,
      retryAfterSeconds: wait,
    });
  }
  const validator =
    response.headers.get('etag') ?? response.headers.get('last-modified') ?? undefined;
  if (validator !== undefined && validator === options.knownValidator) {
    await (
      options.cacheBody
        ? readBody(response, FEED_LIMITS.maxDocumentBytes, restart)
        : response.body?.cancel()
    )?.catch(() => {});
    return { kind: 'unchanged', maxAgeSeconds: cacheMaxAge };
  }
  const type = response.headers.get('content-type') ?? '';
  if (/^\s*text\/html/i.test(type)) {
    await response.body?.cancel().catch(() => {});
    throw new FeedFetchError('invalid', 'The server sent a web page instead of the feed.');
  }
  let read: BodyRead;
  try {
    // The early request reads its body by itself: this poll's timeout or abort must stop it too.
    read = await unlessAborted(
      reply.body ?? readBody(response, FEED_LIMITS.maxDocumentBytes, restart),
      signal,
      early?.abort,
    );
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (timeout.signal.aborted) throw new FeedFetchError('timeout');
    throw new FeedFetchError('network');
  }
  if ('tooLarge' in read) throw tooLarge(read.tooLarge, FEED_LIMITS.maxDocumentBytes);
  return {
    kind: 'document',
    text: read.text,
    url: response.url || url,
    validator,
    maxAgeSeconds: cacheMaxAge,
  };
}
