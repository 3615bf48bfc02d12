import type { FeedError } from '../../core/feed/feed-types';
import { FeedFetchError } from './fetch-feed-document';
import type { DocumentReading } from './read-document';

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
