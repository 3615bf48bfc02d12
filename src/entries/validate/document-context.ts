// What checking one document takes, and what the walk over pages keeps of it.
import type { FeedMeta, ParsedFeed } from '../../core/feed/feed-types';
import type { RawObject } from '../../core/feed/feed-text';
import type { ReadMode } from '../../core/feed/read-item';
import type { HtmlCheck } from './check-html';

export interface DocumentContext {
  /** What relative URLs resolve against: where the document came from. */
  readonly base: string | undefined;
  /** The URL it was fetched from, after redirects; undefined for a file. */
  readonly fetchedFrom?: string;
  readonly role: 'head' | 'page';
  /** The clock, in ms since the epoch: dates after it are in the future. */
  readonly now: number;
  /** What items may refer to: the head's declarations (pages declare nothing of their own). */
  readonly declared?: FeedMeta;
  /** What the sanitiser would remove from a body; absent when that check cannot run. */
  readonly htmlProblem?: HtmlCheck | undefined;
}

/** A document the client reads as a feed, with what the walk over pages needs of it. */
export interface CheckedDocument {
  readonly feed: ParsedFeed;
  readonly json: RawObject;
  readonly mode: ReadMode;
}
