import type { FeedError } from '../../core/feed/feed-types';
import { takeRequest, type RequestBudget } from '../../core/live/request-budget';
import { FeedFetchError, fetchFeedDocument } from './fetch-feed-document';
import { readDocument, type DocumentReading } from './read-document';

export function asFetchError(error: unknown): FeedFetchError {
  return error instanceof FeedFetchError ? error : new FeedFetchError('network');
}

function fetchError(error: FeedError): FeedFetchError {
  return new FeedFetchError(error.kind === 'too-large' ? 'too-large' : 'invalid', error.message);
}

/** A document's whole reading as a feed; invalid items are reported in the console. */
export function checkedFeed(url: string, reading: DocumentReading) {
  const parsed = reading.whole();
  if (!parsed.ok) throw fetchError(parsed.error);
  if (parsed.feed.rejected.length > 0) {
    console.warn(
      `[live-blog] ${parsed.feed.rejected.length} invalid item(s) dropped from ${url}`,
      parsed.feed.rejected,
    );
  }
  return parsed.feed;
}

/**
 * Fetches a page of the chain (older or gap) once `budget` allows it (request-budget.ts).
 * Returns the budget after the draw with the page, or no page when the server says unchanged.
 */
export async function fetchPage(
  url: string,
  budget: RequestBudget,
  signal: AbortSignal,
  now: number,
  spend: (budget: RequestBudget) => void,
) {
  const drawn = takeRequest(budget, now);
  spend(drawn.budget);
  if (drawn.waitMs > 0) await delay(drawn.waitMs, signal);
  const doc = await fetchFeedDocument(url, { signal });
  if (doc.kind === 'unchanged') return undefined;
  const feed = checkedFeed(url, readDocument(doc, false));
  return { feed, urls: [url, doc.url] as const };
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
