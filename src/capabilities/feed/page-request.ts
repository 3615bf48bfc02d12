import { takeRequest, type RequestBudget } from '../../core/live/request-budget';
import { fetchFeedDocument } from './fetch-feed-document';
import { checkedFeed } from './fetch-page';
import { readDocument } from './read-document';

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
