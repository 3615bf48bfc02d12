import { largeDocumentPreview } from '../core/feed/preview-cut';
import type { EarlyFeedReply } from './early-feed-request';
import { FeedFetchError, fetchFeedDocument } from './fetch-feed-document';

/**
 * Fetches and reads the first document as any poll would, and cuts the preview of a large one,
 * so that all of it is done by the time the app asks (ADR 0007).
 */
export async function readFeedEarly(url: string, signal: AbortSignal): Promise<EarlyFeedReply> {
  try {
    const doc = await fetchFeedDocument(url, { signal });
    if (doc.kind !== 'document') return { ok: true, doc };
    // null: looked, and there is no preview to show (a small or an odd document).
    return { ok: true, doc: { ...doc, preview: largeDocumentPreview(doc.body) ?? null } };
  } catch (error) {
    if (!(error instanceof FeedFetchError)) throw error;
    const { kind, message, status, retryAfterSeconds } = error;
    return { ok: false, error: { kind, message, status, retryAfterSeconds } };
  }
}
