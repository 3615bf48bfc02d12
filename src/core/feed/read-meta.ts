import { FEED_LIMITS } from './feed-limits';
import { clean, isObject, isWellFormed, shortText, type RawObject } from './feed-text';
import type { Country, FeedError, FeedMeta, FeedStatus, Person, Topic } from './feed-types';
import { parseRfc3339 } from './rfc3339';
import { safeHttpUrl } from './safe-url';
import { validTimeZone } from '../time/time-zone';

// The top level of a feed document: what makes it a JSON Feed, and the live blog's metadata.
// Read by hand with the same rules as items (feed-text.ts; docs/decisions/0017).

const STATUSES: readonly FeedStatus[] = ['upcoming', 'live', 'ended'];

/** Text up to `max` characters, else nothing: a malformed optional value is dropped. */
function text(x: unknown, max: number): string | undefined {
  return typeof x === 'string' && x.length <= max ? x : undefined;
}

/** A reference id: trimmed, non-empty, well-formed Unicode (it goes into URLs and DOM ids). */
function refId(x: unknown): string | undefined {
  if (typeof x !== 'string') return undefined;
  const id = x.trim();
  return id !== '' && id.length <= FEED_LIMITS.maxIdChars && isWellFormed(id) ? id : undefined;
}

export function countryCode(x: unknown): string | undefined {
  const code = typeof x === 'string' ? x.trim() : '';
  return /^[A-Za-z]{2}$/.test(code) ? code.toUpperCase() : undefined;
}

function rfc3339Text(x: unknown): string | undefined {
  return typeof x === 'string' && parseRfc3339(x) !== undefined ? x : undefined;
}

/** A well-formed BCP 47 tag, else nothing: "en_US" in `lang` is a language no reader knows. */
function languageTag(x: unknown): string | undefined {
  const tag = clean(shortText(x));
  try {
    if (tag) Intl.getCanonicalLocales(tag);
    return tag;
  } catch {
    return undefined;
  }
}

/** The valid entries of a declared list, the first of each key kept. */
function declared<T>(
  list: unknown,
  read: (entry: RawObject) => T | undefined,
  key: (x: T) => string,
) {
  const out: T[] = [];
  const seen = new Set<string>();
  if (!Array.isArray(list)) return out;
  for (const entry of list.slice(0, FEED_LIMITS.maxListLength)) {
    const value = isObject(entry) ? read(entry) : undefined;
    if (value === undefined || seen.has(key(value))) continue;
    seen.add(key(value));
    out.push(value);
  }
  return out;
}

export function readTopic(raw: RawObject): Topic | undefined {
  const id = refId(raw.id);
  return id === undefined ? undefined : { id, label: clean(text(raw.label, 200)) ?? id };
}

// The contract lets two topics share a label, yet a label names a group's landmark, a filter and
// a key of the chart: with two of one name a reader cannot tell which is which. The first keeps
// its label, so a feed whose labels differ reads as before. Compared without case: spoken, the
// two sound alike (axe's landmark-unique compares them so too).
/** The topics, the second labelled "Ukraine" called "Ukraine #2", the third "Ukraine #3". */
function distinctLabels(topics: readonly Topic[]): Topic[] {
  const uses = new Map<string, number>();
  return topics.map((t) => {
    const key = t.label.toLowerCase();
    const n = (uses.get(key) ?? 0) + 1;
    uses.set(key, n);
    return n > 1 ? { ...t, label: `${t.label} #${n}` } : t;
  });
}

export function readCountry(raw: RawObject): Country | undefined {
  const code = countryCode(raw.code);
  if (code === undefined) return undefined;
  const name = clean(text(raw.name, 200));
  return name === undefined ? { code } : { code, name };
}

export function readPerson(raw: RawObject): Person | undefined {
  const id = refId(raw.id);
  const name = clean(text(raw.name, 200));
  if (id === undefined || name === undefined) return undefined;
  return { id, name, role: clean(text(raw.role, 300)), country: countryCode(raw.country) };
}

/** Why a document is not a JSON Feed, or undefined when it is one. */
function notAFeed(json: unknown): string | undefined {
  if (!isObject(json)) return 'the document is not an object';
  if (typeof json.version !== 'string') return 'version is missing';
  if (!json.version.startsWith('https://jsonfeed.org/version/'))
    return 'version is not a JSON Feed version';
  // A string title is part of what makes a document a JSON Feed; past that, no single field
  // blanks the blog: an over-long or blank title is ignored ("Live updates" is shown).
  if (typeof json.title !== 'string') return 'title is missing';
  if (!Array.isArray(json.items)) return 'items is not a list';
  return undefined;
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
  const reason = notAFeed(json);
  if (reason !== undefined || !isObject(json)) {
    return {
      ok: false,
      error: { kind: 'not-a-feed', message: `The document is not a JSON Feed (${reason}).` },
    };
  }
  const ext = isObject(json._liveblog) ? json._liveblog : {};
  const status = STATUSES.find((s) => s === ext.status);
  const poll = ext.poll_seconds;
  const meta: FeedMeta = {
    title: clean(shortText(json.title)) ?? 'Live updates',
    homePageUrl: safeHttpUrl(shortText(json.home_page_url), baseUrl),
    feedUrl: safeHttpUrl(shortText(json.feed_url), baseUrl),
    description: clean(shortText(json.description)),
    language: languageTag(json.language),
    nextUrl: safeHttpUrl(shortText(json.next_url), baseUrl),
    status: json.expired === true ? 'ended' : (status ?? 'live'),
    pollSeconds: typeof poll === 'number' && Number.isInteger(poll) && poll >= 1 ? poll : undefined,
    timezone: validTimeZone(shortText(ext.timezone)),
    coverageStart: rfc3339Text(ext.coverage_start),
    coverageEnd: rfc3339Text(ext.coverage_end),
    // Ids are trimmed here as they are where items refer to them (textList), so that a declared
    // "ukraine " and an item's "ukraine" are one topic.
    topics: distinctLabels(declared(ext.topics, readTopic, (t) => t.id)),
    countries: declared(ext.countries, readCountry, (c) => c.code),
    people: declared(ext.people, readPerson, (p) => p.id),
  };
  return { ok: true, meta, items: json.items as readonly unknown[] };
}
