// The newsroom's feed as documents (docs/feed-format.md): a head that is a sliding window of the
// newest updates, with every tombstone and every recent edit of an older update, and older
// pages cut at fixed boundaries, each pointing to the one before it.
import { PEOPLE, TOPICS, topicOf, type Newsroom, type UpdateVersion } from './newsroom';

/** Updates in the head's window (fewer than an hour of updates: a sleep outruns it). */
export const HEAD_SIZE = 25;
export const PAGE_SIZE = 25;
/** Edits and retractions of older updates stay in the head this long. */
const CHANGES_KEPT_MS = 60 * 60_000;

const rfc3339 = (ms: number) => new Date(ms).toISOString();

function item(v: UpdateVersion, salt: number): Record<string, unknown> {
  if (v.retracted) {
    return { id: v.id, date_modified: rfc3339(v.modified!), _liveblog: { deleted: true } };
  }
  return {
    id: v.id,
    title: v.title,
    content_html: `<p>Report ${v.seq} from the desk${v.modified ? ', as corrected' : ''}.</p>`,
    date_published: rfc3339(v.published),
    ...(v.modified === undefined ? {} : { date_modified: rfc3339(v.modified) }),
    authors: [{ name: 'Live desk' }],
    _liveblog: {
      topics: [topicOf(v.seq, salt)],
      ...(v.seq % 7 === 0 ? { speakers: [PEOPLE[v.seq % PEOPLE.length]!.id] } : {}),
      ...(v.seq % 90 === 45 ? { key_event: true } : {}),
    },
  };
}

/** Newest first; tombstones after the updates. */
function ordered(versions: UpdateVersion[]): UpdateVersion[] {
  return versions.sort(
    (a, b) => Number(a.retracted) - Number(b.retracted) || b.published - a.published,
  );
}

export interface FeedUrls {
  readonly head: string;
  page(index: number): string;
}

export function headDocument(newsroom: Newsroom, now: number, urls: FeedUrls, salt = 0) {
  const count = newsroom.publishedCount(now);
  const first = Math.max(0, count - HEAD_SIZE);
  const seqs = new Set<number>();
  for (let seq = first; seq < count; seq++) seqs.add(seq);
  for (const seq of newsroom.changedSince(now - CHANGES_KEPT_MS, now)) seqs.add(seq);
  const versions = [...seqs].map((seq) => newsroom.version(seq, now));
  // Every retraction stays in the head for the whole event.
  for (let seq = 0; seq < first; seq++) {
    const v = newsroom.version(seq, now);
    if (v.retracted && !seqs.has(seq)) versions.push(v);
  }
  const older = first - 1;
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${newsroom.name}: storm day (fictional soak feed)`,
    feed_url: urls.head,
    language: 'en',
    ...(older >= 0 ? { next_url: urls.page(Math.floor(older / PAGE_SIZE)) } : {}),
    _liveblog: {
      status: 'live',
      poll_seconds: 15,
      timezone: 'Europe/Oslo',
      topics: TOPICS,
      people: PEOPLE,
    },
    items: ordered(versions).map((v) => item(v, salt)),
  };
}

/** Page `index` holds updates index × PAGE_SIZE …, as they are now; undefined if not cut yet. */
export function pageDocument(
  newsroom: Newsroom,
  now: number,
  urls: FeedUrls,
  index: number,
  salt = 0,
) {
  const from = index * PAGE_SIZE;
  const count = Math.min(newsroom.publishedCount(now), from + PAGE_SIZE);
  if (!Number.isInteger(index) || index < 0 || from >= count) return undefined;
  const versions: UpdateVersion[] = [];
  for (let seq = from; seq < count; seq++) versions.push(newsroom.version(seq, now));
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${newsroom.name}: storm day (fictional soak feed)`,
    ...(index > 0 ? { next_url: urls.page(index - 1) } : {}),
    items: ordered(versions).map((v) => item(v, salt)),
  };
}
