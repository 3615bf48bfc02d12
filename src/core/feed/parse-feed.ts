import * as v from 'valibot';
import { FEED_LIMITS, jsonNestingDepth, valueDepth } from './feed-limits';
import type {
  Author,
  Country,
  FeedError,
  FeedMeta,
  FeedStatus,
  LiveItem,
  ParseResult,
  ParsedFeed,
  Person,
  RejectedItem,
  Tombstone,
  Topic,
} from './feed-types';
import { parseRfc3339 } from './rfc3339';
import { safeHttpUrl } from './safe-url';
import { validTimeZone } from './time-zone';

export { parseRfc3339 };

// Optional fields are lenient: a malformed optional value is dropped, the item still renders.
const optionalText = v.fallback(
  v.optional(v.pipe(v.string(), v.maxLength(FEED_LIMITS.maxShortTextChars))),
  undefined,
);
const optionalFlag = v.fallback(v.optional(v.boolean()), undefined);
const optionalDate = v.fallback(
  v.optional(
    v.pipe(
      v.string(),
      v.check((s) => parseRfc3339(s) !== undefined),
    ),
  ),
  undefined,
);

// Items are read by hand rather than through a schema: a 10,000-item document must parse in
// tens of milliseconds on a phone, and a schema library's per-field bookkeeping costs ~10x that
// (measured: docs/decisions/0001-feed-format.md).
type RawObject = Record<string, unknown>;

function isObject(x: unknown): x is RawObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function shortText(x: unknown): string | undefined {
  return typeof x === 'string' && x.length <= FEED_LIMITS.maxShortTextChars ? x : undefined;
}

/** Lone surrogates cannot go into a URL (encodeURIComponent throws) or be shown. */
function isWellFormed(text: string): boolean {
  return !/\p{Cs}/u.test(text);
}

/** A list of strings, trimmed, without blanks or repeats; `ids` also holds them to id rules. */
function textList(x: unknown, ids = false): string[] {
  if (!Array.isArray(x)) return [];
  const max = ids ? FEED_LIMITS.maxIdChars : FEED_LIMITS.maxShortTextChars;
  const out: string[] = [];
  for (const entry of x.slice(0, FEED_LIMITS.maxListLength)) {
    if (typeof entry !== 'string') continue;
    const t = entry.trim();
    if (t === '' || t.length > max || out.includes(t)) continue;
    if (!ids || isWellFormed(t)) out.push(t);
  }
  return out;
}

function flag(x: unknown): boolean {
  return x === true;
}

type ItemRead = { ok: true; item: LiveItem } | { ok: false; reason: string };

function contentField(raw: RawObject, name: string): string | undefined | Error {
  const value = raw[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return new Error(`${name} is not a string`);
  if (value.length > FEED_LIMITS.maxItemContentChars) {
    return new Error(
      `${name}: content is longer than ${FEED_LIMITS.maxItemContentChars} characters`,
    );
  }
  return value;
}

/**
 * How to read items: `plain` for a JSON Feed with no `_liveblog` anywhere, whose tags are then
 * its topics (decided once per document, not per item, as docs/feed-format.md says).
 */
interface ReadMode {
  readonly base: string | undefined;
  readonly plain: boolean;
}

function readItem(raw: unknown, mode: ReadMode): ItemRead {
  const base = mode.base;
  if (!isObject(raw)) return { ok: false, reason: 'item is not an object' };
  const id = raw.id;
  if (typeof id !== 'string') return { ok: false, reason: 'id must be a string' };
  if (id === '' || id.length > 1000) return { ok: false, reason: 'id is empty or too long' };
  if (!isWellFormed(id)) return { ok: false, reason: 'id is not valid Unicode' };
  if (typeof raw.date_published !== 'string')
    return { ok: false, reason: 'date_published is missing' };
  const published = parseRfc3339(raw.date_published);
  if (published === undefined)
    return { ok: false, reason: 'date_published is not an RFC 3339 time' };
  const html = contentField(raw, 'content_html');
  if (html instanceof Error) return { ok: false, reason: html.message };
  const text = contentField(raw, 'content_text');
  if (text instanceof Error) return { ok: false, reason: text.message };
  if (html === undefined && text === undefined) {
    return { ok: false, reason: 'item has neither content_html nor content_text' };
  }
  const modified =
    typeof raw.date_modified === 'string' ? parseRfc3339(raw.date_modified) : undefined;
  const ext = isObject(raw._liveblog) ? raw._liveblog : undefined;
  const authors: Author[] = [];
  if (Array.isArray(raw.authors)) {
    for (const a of raw.authors.slice(0, FEED_LIMITS.maxListLength)) {
      if (!isObject(a)) continue;
      const author = {
        name: clean(shortText(a.name)),
        url: safeHttpUrl(a.url, base),
        avatar: safeHttpUrl(a.avatar, base),
      };
      if (author.name !== undefined || author.url !== undefined) authors.push(author);
    }
  }
  const tags = textList(raw.tags);
  const topics = textList(mode.plain ? raw.tags : ext?.topics, true);
  const countries: string[] = [];
  for (const c of ext ? textList(ext.countries) : []) {
    const code = c.toUpperCase();
    if (/^[A-Z]{2}$/.test(code) && !countries.includes(code)) countries.push(code);
  }
  return {
    ok: true,
    item: {
      id,
      title: clean(shortText(raw.title)),
      contentHtml: html,
      contentText: text,
      summary: clean(shortText(raw.summary)),
      url: safeHttpUrl(raw.url, base),
      image: safeHttpUrl(raw.image, base),
      published,
      modified,
      authors,
      tags,
      topics,
      countries,
      speakers: textList(ext?.speakers, true),
      dateline: clean(shortText(ext?.dateline)),
      keyEvent: flag(ext?.key_event),
      pinned: flag(ext?.pinned),
    },
  };
}

const MetaSchema = v.object({
  version: v.pipe(
    v.string('version is missing'),
    v.startsWith('https://jsonfeed.org/version/', 'version is not a JSON Feed version'),
  ),
  // A string title is part of what makes a document a JSON Feed; past that, no single field
  // blanks the blog: an over-long or blank title is ignored ("Live updates" is shown).
  title: v.string('title is missing'),
  items: v.array(v.unknown(), 'items is not a list'),
  home_page_url: optionalText,
  feed_url: optionalText,
  description: optionalText,
  language: optionalText,
  next_url: optionalText,
  expired: optionalFlag,
  _liveblog: v.fallback(
    v.optional(
      v.object({
        status: v.fallback(v.optional(v.picklist(['upcoming', 'live', 'ended'])), undefined),
        poll_seconds: v.fallback(
          v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
          undefined,
        ),
        timezone: optionalText,
        coverage_start: optionalDate,
        coverage_end: optionalDate,
        topics: v.fallback(v.array(v.unknown()), []),
        countries: v.fallback(v.array(v.unknown()), []),
        people: v.fallback(v.array(v.unknown()), []),
      }),
    ),
    undefined,
  ),
});

/** A reference id: trimmed, non-empty, well-formed Unicode (it goes into URLs and DOM ids). */
const RefId = v.pipe(
  v.string(),
  v.trim(),
  v.nonEmpty(),
  v.maxLength(FEED_LIMITS.maxIdChars),
  v.check(isWellFormed),
);

const TopicSchema = v.object({
  id: RefId,
  label: v.fallback(v.optional(v.pipe(v.string(), v.maxLength(200))), undefined),
});
const CountryCode = v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z]{2}$/));
const CountrySchema = v.object({
  code: CountryCode,
  name: v.fallback(v.optional(v.pipe(v.string(), v.maxLength(200))), undefined),
});
const PersonSchema = v.object({
  id: RefId,
  name: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)),
  role: v.fallback(v.optional(v.pipe(v.string(), v.maxLength(300))), undefined),
  country: v.fallback(v.optional(CountryCode), undefined),
});

function validEntries<T>(schema: v.GenericSchema<unknown, T>, list: readonly unknown[]): T[] {
  const out: T[] = [];
  for (const entry of list.slice(0, FEED_LIMITS.maxListLength)) {
    const result = v.safeParse(schema, entry);
    if (result.success) out.push(result.output);
  }
  return out;
}

function uniqueBy<T>(list: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function clean(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t === undefined || t === '' ? undefined : t;
}

function issueReason(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid item';
  const path = first.path?.map((p) => String(p.key)).join('.');
  return path && !first.message.startsWith(path) ? `${path}: ${first.message}` : first.message;
}

function isTombstone(raw: unknown): raw is { id: string; date_modified?: unknown } {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as { id?: unknown; _liveblog?: { deleted?: unknown } };
  return typeof r.id === 'string' && r.id !== '' && r._liveblog?.deleted === true;
}

/** A document read as JSON, not yet checked as a feed (parseFeedObject does that). */
export type JsonRead =
  | { readonly ok: true; readonly json: unknown; readonly checkDepth: boolean }
  | { readonly ok: false; readonly error: FeedError };

/** Reads a document's text as JSON, within the size and nesting limits. Never throws. */
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
  const depth = jsonNestingDepth(text, FEED_LIMITS.maxDocumentDepth);
  if (depth > FEED_LIMITS.maxDocumentDepth) {
    return {
      ok: false,
      error: {
        kind: 'too-deep',
        message: `The feed is nested more than ${FEED_LIMITS.maxDocumentDepth.toLocaleString('en')} levels deep.`,
      },
    };
  }
  try {
    // Only a document deeper than the limit pays for walking its items.
    return { ok: true, json: JSON.parse(text), checkDepth: depth > FEED_LIMITS.maxDepth };
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
}

/**
 * Parses one feed document (head or page). Never throws: a document that is not a feed is an
 * error result, and each invalid item is dropped on its own with a reason.
 * @param baseUrl the URL the document was fetched from; relative URLs resolve against it.
 */
export function parseFeed(text: string, baseUrl?: string): ParseResult {
  const read = readFeedJson(text);
  return read.ok ? parseFeedObject(read.json, baseUrl, read) : read;
}

/** Depth an item may reach inside its own value: the document and its items array take two. */
const ITEM_DEPTH = FEED_LIMITS.maxDepth - 2;

export function parseFeedObject(
  json: unknown,
  baseUrl?: string,
  options: { readonly checkDepth?: boolean } = {},
): ParseResult {
  const top = v.safeParse(MetaSchema, json);
  if (!top.success) {
    return {
      ok: false,
      error: {
        kind: 'not-a-feed',
        message: `The document is not a JSON Feed (${issueReason(top.issues)}).`,
      },
    };
  }
  const raw = top.output;
  const ext = raw._liveblog;
  // Ids are trimmed here as they are where items refer to them (textList), so that a declared
  // "ukraine " and an item's "ukraine" are one topic.
  const topics: Topic[] = uniqueBy(
    validEntries(TopicSchema, ext?.topics ?? []).map((t) => ({
      id: t.id,
      label: clean(t.label) ?? t.id,
    })),
    (t) => t.id,
  );
  const countries: Country[] = uniqueBy(
    validEntries(CountrySchema, ext?.countries ?? []).map((c) => {
      const name = clean(c.name);
      return name === undefined
        ? { code: c.code.toUpperCase() }
        : { code: c.code.toUpperCase(), name };
    }),
    (c) => c.code,
  );
  const people: Person[] = uniqueBy(
    validEntries(PersonSchema, ext?.people ?? []).map((p) => ({
      id: p.id,
      name: p.name.trim(),
      role: clean(p.role),
      country: p.country?.toUpperCase(),
    })),
    (p) => p.id,
  );
  const status: FeedStatus = raw.expired === true ? 'ended' : (ext?.status ?? 'live');
  const pollSeconds = ext?.poll_seconds;
  const meta: FeedMeta = {
    title: clean(shortText(raw.title)) ?? 'Live updates',
    homePageUrl: safeHttpUrl(raw.home_page_url, baseUrl),
    feedUrl: safeHttpUrl(raw.feed_url, baseUrl),
    description: clean(raw.description),
    language: clean(raw.language),
    nextUrl: safeHttpUrl(raw.next_url, baseUrl),
    status,
    pollSeconds,
    timezone: validTimeZone(ext?.timezone),
    coverageStart: ext?.coverage_start,
    coverageEnd: ext?.coverage_end,
    topics,
    countries,
    people,
  };

  const mode: ReadMode = {
    base: baseUrl,
    plain:
      (json as RawObject)._liveblog === undefined &&
      !raw.items.some((entry) => isObject(entry) && entry._liveblog !== undefined),
  };
  const items: LiveItem[] = [];
  const tombstones: Tombstone[] = [];
  const rejected: RejectedItem[] = [];
  const seen = new Set<string>();
  raw.items.forEach((entry, index) => {
    if (index >= FEED_LIMITS.maxItemsPerDocument) {
      if (index === FEED_LIMITS.maxItemsPerDocument) {
        rejected.push({
          index,
          reason: `more than ${FEED_LIMITS.maxItemsPerDocument} items in one document; ${raw.items.length - index} dropped`,
          count: raw.items.length - index,
        });
      }
      return;
    }
    if (options.checkDepth && valueDepth(entry, ITEM_DEPTH) > ITEM_DEPTH) {
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
