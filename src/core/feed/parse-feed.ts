import { FEED_LIMITS, valueDepth } from './feed-limits';
import { isObject, type RawObject } from './feed-text';
import type {
  FeedError,
  LiveItem,
  ParseResult,
  ParsedFeed,
  RejectedItem,
  Tombstone,
} from './feed-types';
import { readItem, type ReadMode } from './read-item';
import { readMeta } from './read-meta';
import { parseRfc3339 } from './rfc3339';

/** A retraction: a string `id` and `_liveblog.deleted: true` (docs/feed-format.md). */
export function isTombstone(raw: unknown): raw is { id: string; date_modified?: unknown } {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as { id?: unknown; _liveblog?: { deleted?: unknown } };
  return typeof r.id === 'string' && r.id !== '' && r._liveblog?.deleted === true;
}

/** A document read as JSON, not yet checked as a feed (parseFeedObject does that). */
export type JsonRead =
  { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly error: FeedError };

/** Reads a document's text as JSON, within the size limit. Never throws. */
/**
 * A `\u0000` escape in a JSON string (not an escaped backslash before "u0000"). U+0000 cannot be
 * carried by HTML: a parser drops it from text and makes it U+FFFD in attributes, so a page the
 * server rendered would not say what the browser renders. Every feed string reads it as U+FFFD.
 */
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

export function readFeedJson(text: string): JsonRead {
  if (text.length > FEED_LIMITS.maxDocumentBytes) {
    return {
      ok: false,
      error: {
        kind: 'too-large',
        message: `The feed is too large (${Math.round(text.length / 1048576)} MB; the limit is ${FEED_LIMITS.maxDocumentBytes / 1048576} MB).`,
      },
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.includes('\\u0000') ? text.replace(NUL_ESCAPE, '$1\\ufffd') : text);
  } catch {
    const looksLikeHtml = /^\s*</.test(text);
    return {
      ok: false,
      error: {
        kind: 'not-json',
        message: looksLikeHtml
          ? 'The server sent a web page instead of the feed.'
          : 'The feed is not valid JSON.',
      },
    };
  }
  return { ok: true, json };
}

/**
 * Parses one feed document (head or page). Never throws: a document that is not a feed is an
 * error result, and each invalid item is dropped on its own with a reason.
 * @param baseUrl the URL the document was fetched from; relative URLs resolve against it.
 */
export function parseFeed(text: string, baseUrl?: string): ParseResult {
  const read = readFeedJson(text);
  return read.ok ? parseFeedObject(read.json, baseUrl) : read;
}

/**
 * How a document's items are read: as a plain JSON Feed when no `_liveblog` is anywhere in it
 * (docs/feed-format.md, "Plain JSON Feed"). For tools that read items one by one; parseFeedObject
 * decides the same inline, which keeps the client's bundle smaller (a test holds the two alike).
 */
export function itemReadMode(
  json: RawObject,
  entries: readonly unknown[],
  baseUrl: string | undefined,
): ReadMode {
  return {
    base: baseUrl,
    authors: json.authors,
    plain:
      json._liveblog === undefined &&
      !entries.some((entry) => isObject(entry) && entry._liveblog !== undefined),
  };
}

/** Depth an item may reach inside its own value: the document and its items array take two. */
const ITEM_DEPTH = FEED_LIMITS.maxDepth - 2;

export function parseFeedObject(json: unknown, baseUrl?: string): ParseResult {
  // Nesting is measured on the parsed value (JSON.parse itself copes with any depth; how long it
  // may take is bounded by the size limit): nothing after this walks a value deeper than it.
  // Measured here, not when the text is parsed, so that a large document's first screen pays
  // only for its own few updates (first-screen.ts).
  const depth = valueDepth(json, FEED_LIMITS.maxDocumentDepth);
  if (depth > FEED_LIMITS.maxDocumentDepth) {
    return {
      ok: false,
      error: {
        kind: 'too-deep',
        message: `The feed is nested more than ${FEED_LIMITS.maxDocumentDepth.toLocaleString('en')} levels deep.`,
      },
    };
  }
  // Only a document deeper than an item may be pays for walking each item.
  const checkDepth = depth > FEED_LIMITS.maxDepth;
  const top = readMeta(json, baseUrl);
  if (!top.ok) return top;
  const { meta, items: entries } = top;
  const mode: ReadMode = {
    base: baseUrl,
    authors: (json as RawObject).authors,
    plain:
      (json as RawObject)._liveblog === undefined &&
      !entries.some((entry) => isObject(entry) && entry._liveblog !== undefined),
  };
  const items: LiveItem[] = [];
  const tombstones: Tombstone[] = [];
  const rejected: RejectedItem[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (index >= FEED_LIMITS.maxItemsPerDocument) {
      if (index === FEED_LIMITS.maxItemsPerDocument) {
        rejected.push({
          index,
          reason: `more than ${FEED_LIMITS.maxItemsPerDocument} items in one document; ${entries.length - index} dropped`,
          count: entries.length - index,
        });
      }
      return;
    }
    if (checkDepth && valueDepth(entry, ITEM_DEPTH) > ITEM_DEPTH) {
      const id = isObject(entry) ? entry.id : undefined;
      rejected.push({
        index,
        id: typeof id === 'string' ? id : undefined,
        reason: `nested more than ${FEED_LIMITS.maxDepth} levels deep`,
      });
      return;
    }
    if (isTombstone(entry)) {
      const modified =
        typeof entry.date_modified === 'string' ? parseRfc3339(entry.date_modified) : undefined;
      tombstones.push(modified === undefined ? { id: entry.id } : { id: entry.id, modified });
      return;
    }
    const result = readItem(entry, mode);
    if (!result.ok) {
      const id = isObject(entry) ? entry.id : undefined;
      rejected.push({ index, id: typeof id === 'string' ? id : undefined, reason: result.reason });
      return;
    }
    if (seen.has(result.item.id)) {
      rejected.push({ index, id: result.item.id, reason: 'duplicate id in one document' });
      return;
    }
    seen.add(result.item.id);
    items.push(result.item);
  });
  const feed: ParsedFeed = { meta, items, tombstones, rejected };
  return { ok: true, feed };
}
