import * as v from 'valibot';
import { FEED_LIMITS } from './feed-limits';
import { clean, isWellFormed, shortText } from './feed-text';
import type { Country, FeedError, FeedMeta, FeedStatus, Person, Topic } from './feed-types';
import { parseRfc3339 } from './rfc3339';
import { safeHttpUrl } from './safe-url';
import { validTimeZone } from '../time/time-zone';

// The top level of a feed document: what makes it a JSON Feed, and the live blog's metadata.
// Read through a schema (valibot): there is one per document, so its cost does not matter.

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

function issueReason(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid item';
  const path = first.path?.map((p) => String(p.key)).join('.');
  return path && !first.message.startsWith(path) ? `${path}: ${first.message}` : first.message;
}

/**
 * The metadata of a document, and its items still unread; an error when the document is not a
 * JSON Feed (no `version`, `title` or `items` of the right kind).
 */
export function readMeta(
  json: unknown,
  baseUrl: string | undefined,
):
  | { readonly ok: true; readonly meta: FeedMeta; readonly items: readonly unknown[] }
  | { readonly ok: false; readonly error: FeedError } {
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

  return { ok: true, meta, items: raw.items };
}
