import type { EarlyFeedReply } from './early-feed-request';
import { FeedFetchError, fetchFeedDocument } from './fetch-feed-document';

/**
 * Fetches and reads the first document as any poll would, so that it is in by the time the app
 * asks (docs/decisions/0008-first-screen.md).
 */
export async function readFeedEarly(url: string, signal: AbortSignal): Promise<EarlyFeedReply> {
  try {
    return { ok: true, doc: await fetchFeedDocument(url, { signal }) };
  } catch (error) {
    if (!(error instanceof FeedFetchError)) throw error;
    const { kind, message, status, retryAfterSeconds } = error;
    return { ok: false, error: { kind, message, status, retryAfterSeconds } };
  }
}
