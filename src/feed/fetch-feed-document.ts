import { FEED_LIMITS } from '../core/feed/feed-limits';
import { FEED_REQUEST_INIT, takeEarlyFeedRequest } from './early-feed-request';

export type FetchFailureKind =
  'network' | 'timeout' | 'http' | 'not-found' | 'busy' | 'invalid' | 'too-large';

/** A failed poll, in terms the status line can put into plain words. */
export class FeedFetchError extends Error {
  readonly kind: FetchFailureKind;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  constructor(
    kind: FetchFailureKind,
    message: string,
    options: { status?: number; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'FeedFetchError';
    this.kind = kind;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export type FetchedDocument =
  | { readonly kind: 'unchanged'; readonly maxAgeSeconds?: number }
  | {
      readonly kind: 'document';
      readonly text: string;
      readonly url: string;
      readonly validator: string | undefined;
      readonly maxAgeSeconds?: number;
    };

export const FEED_TIMEOUT_MS = 10_000;

function retryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - now) / 1000));
}

function maxAge(header: string | null): number | undefined {
  const match = header?.match(/(?:^|,)\s*max-age=(\d+)/i);
  return match ? Number(match[1]) : undefined;
}

async function readLimited(response: Response, limit: number): Promise<string> {
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length > limit) {
    await response.body?.cancel();
    throw tooLarge(length, limit);
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      throw tooLarge(received, limit);
    }
    chunks.push(value);
  }
  // One decode of the whole body: cheaper than decoding and concatenating chunk by chunk.
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function tooLarge(bytes: number, limit: number) {
  return new FeedFetchError(
    'too-large',
    `The feed is larger than ${Math.round(limit / 1048576)} MB (at least ${Math.round(bytes / 1048576)} MB) and was not loaded.`,
  );
}

/**
 * Fetches one feed document through the browser's HTTP cache (FEED_REQUEST_INIT says how), or
 * takes the page's early request for it. `knownValidator` is the ETag (or Last-Modified) of
 * the document already merged: a match means nothing new, and the body is not even read.
 */
export async function fetchFeedDocument(
  url: string,
  options: { signal?: AbortSignal; knownValidator?: string; timeoutMs?: number } = {},
): Promise<FetchedDocument> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? FEED_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    const early = takeEarlyFeedRequest(url);
    if (early) {
      if (signal.aborted) early.abort();
      else signal.addEventListener('abort', early.abort, { once: true });
    }
    response = await (early?.response ?? fetch(url, { ...FEED_REQUEST_INIT, signal }));
  } catch (error) {
    if (timeout.aborted) throw new FeedFetchError('timeout', 'The server did not answer in time.');
    if (options.signal?.aborted) throw error;
    throw new FeedFetchError('network', 'The feed could not be reached.');
  }
  const now = Date.now();
  const cacheMaxAge = maxAge(response.headers.get('cache-control'));
  if (response.status === 304) return { kind: 'unchanged', maxAgeSeconds: cacheMaxAge };
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    const status = response.status;
    const wait = retryAfter(response.headers.get('retry-after'), now);
    const kind =
      status === 404 || status === 410
        ? 'not-found'
        : status === 429 || status === 503
          ? 'busy'
          : 'http';
    throw new FeedFetchError(kind, `The server answered ${status}.`, {
      status,
      retryAfterSeconds: wait,
    });
  }
  const validator =
    response.headers.get('etag') ?? response.headers.get('last-modified') ?? undefined;
  if (validator !== undefined && validator === options.knownValidator) {
    await response.body?.cancel().catch(() => {});
    return { kind: 'unchanged', maxAgeSeconds: cacheMaxAge };
  }
  const type = response.headers.get('content-type') ?? '';
  if (/^\s*text\/html/i.test(type)) {
    await response.body?.cancel().catch(() => {});
    throw new FeedFetchError('invalid', 'The server sent a web page instead of the feed.');
  }
  let text: string;
  try {
    text = await readLimited(response, FEED_LIMITS.maxDocumentBytes);
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    if (timeout.aborted) throw new FeedFetchError('timeout', 'The server did not answer in time.');
    if (options.signal?.aborted) throw error;
    throw new FeedFetchError('network', 'The connection broke off while loading the feed.');
  }
  return {
    kind: 'document',
    text,
    url: response.url || url,
    validator,
    maxAgeSeconds: cacheMaxAge,
  };
}
