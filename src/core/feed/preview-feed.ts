import type { ParsedFeed } from './feed-types';
import { parseFeed } from './parse-feed';

/**
 * The first screen of a large document before the whole of it is parsed. Parsing 10,000 items
 * takes a few hundred milliseconds, while the reader first sees a few of them; so the client
 * shows a preview first and parses the rest after that has painted (ADR 0007).
 *
 * The preview is a small document cut out of the large one: every top-level member except the
 * items, the first `count` items in document order (the newest, in a feed that lists them newest
 * first, as feeds do) and every item that may be pinned, so that the top of the page does not
 * move when the rest arrives. It is read by parseFeed like any document, so it passes the same
 * checks; the caller merges the whole document afterwards, which keeps these items' identity.
 * How large a document must be, and how many items the preview takes: preview-size.ts; how the
 * preview is cut from the bytes: preview-cut.ts.
 */

/** A preview document, read and checked like any document; undefined when it shows nothing. */
export function parsePreview(doc: string, baseUrl?: string): ParsedFeed | undefined {
  const result = parseFeed(doc, baseUrl);
  return result.ok && result.feed.items.length > 0 ? result.feed : undefined;
}
