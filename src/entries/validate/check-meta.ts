// The head's metadata: optional members the client ignores when malformed, and the declared
// topics, countries and people, read by the parser's own readers (src/core/feed/read-meta.ts).
import { FEED_LIMITS } from '../../core/feed/feed-limits';
import { isObject, type RawObject } from '../../core/feed/feed-text';
import type { Country, FeedMeta, Person } from '../../core/feed/feed-types';
import { readCountry, readPerson, readTopic } from '../../core/feed/read-meta';
import { parseRfc3339 } from '../../core/feed/rfc3339';
import { pageKey } from '../../core/feed/page-chain';
import { jsonPath, quote, RULES, type ProblemList, type Rule } from './validation-problem';

/** Clients poll at least this often and at most this seldom (docs/feed-format.md, "Polling"). */
const POLL_RANGE = [5, 300] as const;

const STATUSES = ['upcoming', 'live', 'ended'];

interface Declared<T> {
  readonly name: 'topics' | 'countries' | 'people';
  readonly read: (entry: RawObject) => T | undefined;
  readonly key: (value: T) => string;
  /** What names the entry to readers, where two alike are told apart by a number. */
  readonly label?: (value: T) => string;
  readonly needs: string;
  /** The entry's optional members that the reader dropped: each member, and what readers see. */
  readonly ignored?: (entry: RawObject, value: T) => readonly (readonly [string, string])[];
}

const UNUSABLE = 'is blank, not a string, or too long';

/** `member` was given but the reader kept nothing of it (not a string, blank or too long). */
const dropped = (entry: RawObject, member: string, kept: unknown) =>
  entry[member] !== undefined && kept === undefined;

const TOPICS: Declared<{ id: string; label: string }> = {
  name: 'topics',
  read: readTopic,
  key: (t) => t.id,
  label: (t) => t.label,
  needs: `an id (a non-blank string of at most ${FEED_LIMITS.maxIdChars} characters)`,
  // Without a usable label the reader labels the topic by its id: a label it kept cannot be
  // both of two ids.
  ignored: (entry, topic) =>
    entry.label !== undefined &&
    readTopic({ id: 'a', label: entry.label })?.label === 'a' &&
    readTopic({ id: 'b', label: entry.label })?.label === 'b'
      ? [
          [
            'label',
            `${quote(entry.label)} ${UNUSABLE}: ignored, and readers see the id ${quote(topic.id)}.`,
          ],
        ]
      : [],
};
const COUNTRIES: Declared<Country> = {
  name: 'countries',
  read: readCountry,
  key: (c) => c.code,
  needs: 'a code (ISO 3166-1 alpha-2, "UA")',
  ignored: (entry, country) =>
    dropped(entry, 'name', country.name)
      ? [
          [
            'name',
            `${quote(entry.name)} ${UNUSABLE}: ignored, and readers see the name their browser gives the country.`,
          ],
        ]
      : [],
};
const PEOPLE: Declared<Person> = {
  name: 'people',
  read: readPerson,
  key: (p) => p.id,
  needs: `an id (at most ${FEED_LIMITS.maxIdChars} characters) and a name`,
  ignored: (entry, person) => [
    ...(dropped(entry, 'role', person.role)
      ? [['role', `${quote(entry.role)} ${UNUSABLE}: ignored, and readers see no role.`] as const]
      : []),
    ...(dropped(entry, 'country', person.country)
      ? [
          [
            'country',
            `${quote(entry.country)} is not an ISO 3166-1 alpha-2 country code ("UA"): ignored.`,
          ] as const,
        ]
      : []),
  ],
};

function checkDeclared<T>(raw: unknown, spec: Declared<T>, list: ProblemList) {
  if (raw === undefined) return;
  const path = ['_liveblog', spec.name] as const;
  if (!Array.isArray(raw)) {
    list.warning(
      jsonPath(...path),
      `Not a list (${quote(raw)}): ignored.`,
      RULES.topLevelExtension,
    );
    return;
  }
  if (raw.length > FEED_LIMITS.maxListLength) {
    list.warning(
      jsonPath(...path),
      `${raw.length} entries: only the first ${FEED_LIMITS.maxListLength.toLocaleString('en')} are read.`,
      RULES.limits,
    );
  }
  const first = new Map<string, number>();
  const labelled = new Map<string, number[]>();
  raw.slice(0, FEED_LIMITS.maxListLength).forEach((entry, i) => {
    const value = isObject(entry) ? spec.read(entry) : undefined;
    if (value === undefined) {
      list.warning(
        jsonPath(...path, i),
        `Ignored: each entry needs ${spec.needs}.`,
        RULES.topLevelExtension,
      );
      return;
    }
    const key = spec.key(value);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, i);
      checkLabel(spec.label?.(value), i);
      for (const [member, message] of spec.ignored?.(entry as RawObject, value) ?? []) {
        list.warning(jsonPath(...path, i, member), message, RULES.topLevelExtension);
      }
    } else {
      list.warning(
        jsonPath(...path, i),
        `${quote(key)} is declared again (first at ${jsonPath(...path, earlier)}): the first one counts.`,
        RULES.topLevelExtension,
      );
    }
  });

  // Compared as read-meta.ts's distinctLabels compares them, without case.
  function checkLabel(label: string | undefined, i: number) {
    if (label === undefined) return;
    const uses = labelled.get(label.toLowerCase()) ?? [];
    labelled.set(label.toLowerCase(), [...uses, i]);
    if (uses.length === 0) return;
    list.warning(
      jsonPath(...path, i, 'label'),
      `${quote(label)} is also the label of ${jsonPath(...path, uses[0]!)}: readers see this one as ${quote(`${label} #${uses.length + 1}`)}. Give each topic its own label.`,
      RULES.topLevelExtension,
    );
  }
}

function checkUrlMember(
  json: RawObject,
  name: string,
  kept: string | undefined,
  rule: Rule,
  list: ProblemList,
) {
  const raw = json[name];
  if (raw === undefined || kept !== undefined) return;
  const message = `${quote(raw)} is not an http(s) URL: ignored.`;
  if (name === 'next_url') {
    list.error(
      jsonPath(name),
      `${message} Clients cannot reach the older pages.`,
      RULES.pagination,
    );
  } else list.warning(jsonPath(name), message, rule);
}

function checkExtension(ext: RawObject, meta: FeedMeta, list: ProblemList) {
  const at = (name: string) => jsonPath('_liveblog', name);
  if (ext.status !== undefined && !STATUSES.includes(ext.status as string)) {
    list.warning(
      at('status'),
      `${quote(ext.status)} is not "upcoming", "live" or "ended": read as "live".`,
      RULES.topLevelExtension,
    );
  }
  const poll = ext.poll_seconds;
  if (poll !== undefined && meta.pollSeconds === undefined) {
    list.warning(
      at('poll_seconds'),
      `${quote(poll)} is not a whole number of seconds: ignored.`,
      RULES.polling,
    );
  } else if (
    meta.pollSeconds !== undefined &&
    (meta.pollSeconds < POLL_RANGE[0] || meta.pollSeconds > POLL_RANGE[1])
  ) {
    list.warning(
      at('poll_seconds'),
      `${meta.pollSeconds} s is outside ${POLL_RANGE[0]}–${POLL_RANGE[1]} s: clients clamp it.`,
      RULES.polling,
    );
  }
  if (ext.timezone !== undefined && meta.timezone === undefined) {
    list.warning(
      at('timezone'),
      `${quote(ext.timezone)} is not an IANA time zone ("Europe/Vilnius"): ignored.`,
      RULES.topLevelExtension,
    );
  }
  for (const name of ['coverage_start', 'coverage_end'] as const) {
    const raw = ext[name];
    if (raw !== undefined && (typeof raw !== 'string' || parseRfc3339(raw) === undefined)) {
      list.warning(
        at(name),
        `${quote(raw)} is not an RFC 3339 time: ignored.`,
        RULES.topLevelExtension,
      );
    }
  }
  const start = meta.coverageStart === undefined ? undefined : parseRfc3339(meta.coverageStart);
  const end = meta.coverageEnd === undefined ? undefined : parseRfc3339(meta.coverageEnd);
  if (start !== undefined && end !== undefined && end < start) {
    list.warning(
      at('coverage_end'),
      'coverage_end is before coverage_start.',
      RULES.topLevelExtension,
    );
  }
  checkDeclared(ext.topics, TOPICS, list);
  checkDeclared(ext.countries, COUNTRIES, list);
  checkDeclared(ext.people, PEOPLE, list);
}

/** The head's top level, past what makes it a feed (parse-feed.ts checks that). */
export function checkMeta(
  json: RawObject,
  meta: FeedMeta,
  fetchedFrom: string | undefined,
  list: ProblemList,
): void {
  checkUrlMember(json, 'home_page_url', meta.homePageUrl, RULES.topLevel, list);
  checkUrlMember(json, 'feed_url', meta.feedUrl, RULES.topLevel, list);
  checkUrlMember(json, 'next_url', meta.nextUrl, RULES.pagination, list);
  if (
    meta.feedUrl !== undefined &&
    fetchedFrom !== undefined &&
    pageKey(meta.feedUrl) !== pageKey(fetchedFrom)
  ) {
    list.warning(
      jsonPath('feed_url'),
      `feed_url is ${quote(meta.feedUrl)}, but the document was read from ${fetchedFrom}: feed_url is the head's own URL.`,
      RULES.topLevel,
    );
  }
  if (json.expired !== undefined && typeof json.expired !== 'boolean') {
    list.warning(
      jsonPath('expired'),
      `Must be true or false, not ${quote(json.expired)}: ignored.`,
      RULES.topLevel,
    );
  }
  if (json.language !== undefined && meta.language === undefined) {
    list.warning(
      jsonPath('language'),
      `${quote(json.language)} is not a BCP 47 language tag ("en", "pt-BR"): ignored.`,
      RULES.topLevel,
    );
  }
  if (json._liveblog === undefined) return;
  if (!isObject(json._liveblog)) {
    list.warning(
      jsonPath('_liveblog'),
      `Not an object (${quote(json._liveblog)}): ignored.`,
      RULES.topLevelExtension,
    );
    return;
  }
  checkExtension(json._liveblog, meta, list);
}
