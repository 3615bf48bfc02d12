import { firstScreenOf } from '../../core/feed/first-screen';
import type { ParsedFeed, ParseResult } from '../../core/feed/feed-types';
import { parseFeedObject, readFeedJson } from '../../core/feed/parse-feed';
import type { FetchedDocument } from './fetch-feed-document';

/**
 * A document being read: its first screen (first-screen.ts) at once, the whole of it when asked
 * for, which the session does after the first screen has painted (docs/decisions/0008).
 */
export interface DocumentReading {
  /** Undefined for a small document, or when no first screen could be read from it. */
  readonly first: ParsedFeed | undefined;
  readonly whole: () => ParseResult;
}

/** Parses the document once (JSON.parse); checks its items as asked. */
export function readDocument(
  doc: Pick<FetchedDocument & { kind: 'document' }, 'text' | 'url'>,
  firstScreen: boolean,
): DocumentReading {
  const read = readFeedJson(doc.text);
  if (!read.ok) return { first: undefined, whole: () => read };
  const screen = firstScreen ? firstScreenOf(read.json) : undefined;
  const first = screen && parseFeedObject(screen, doc.url);
  return {
    first: first?.ok ? first.feed : undefined,
    whole: () => parseFeedObject(read.json, doc.url),
  };
}
