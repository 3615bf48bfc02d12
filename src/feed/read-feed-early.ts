import { itemsLayoutScanner, largeDocumentPreview } from '../core/feed/preview-feed';
import type { EarlyFeedReply } from './early-feed-request';
import { FeedFetchError, fetchFeedDocument } from './fetch-feed-document';

/**
 * Fetches and reads the first document as any poll would, and cuts the preview of a large one,
 * so that all of it is done by the time the app asks (ADR 0007).
 */
export async function readFeedEarly(url: string, signal: AbortSignal): Promise<EarlyFeedReply> {
  try {
    // The body is scanned as it arrives, so the preview is ready as soon as the last byte is.
    const scanner = itemsLayoutScanner();
    const doc = await fetchFeedDocument(url, { signal, onBytes: scanner.push });
    if (doc.kind !== 'document') return { ok: true, doc };
    const layout = scanner.finish(doc.body);
    // null: looked, and there is no preview to show (a small or an odd document).
    const preview = (layout && largeDocumentPreview(doc.body, layout)) ?? null;
    return { ok: true, doc: { ...doc, preview } };
  } catch (error) {
    if (!(error instanceof FeedFetchError)) throw error;
    const { kind, message, status, retryAfterSeconds } = error;
    return { ok: false, error: { kind, message, status, retryAfterSeconds } };
  }
}
