import type { LiveItem } from '../feed/feed-types';
import { CLOCK_AHEAD_MS } from '../time/clock-ahead';
import { dateTimeFormat } from '../time/date-time-format';

export interface TopicCount {
  /** The item's first topic (its group); null for items without a topic. */
  readonly topic: string | null;
  readonly count: number;
}

export interface ActivityBin {
  /** First instant of the bin (epoch ms): a local :00 in the chosen time zone. */
  readonly start: number;
  /** The next bin's start; a bin holds items with start <= published < end. */
  readonly end: number;
  /** Nominal width in hours (1, 2, 3, 6, 12, 24, 48…); a DST change can make one an hour off. */
  readonly hours: number;
  readonly total: number;
  /** Non-zero counts only: topics in topicOrder, then other topics by id, then null. */
  readonly byTopic: readonly TopicCount[];
}

export interface ActivityBinsOptions {
  /** IANA zone whose local hours the bins follow; the runtime's zone when absent or unknown. */
  readonly timeZone?: string;
  readonly topicOrder: readonly string[];
  /** At most this many bins (default 48, at least 2): longer spans get wider bins. */
  readonly maxBins?: number;
  /** When the feed arrived (epoch ms), to leave out updates dated well after it. */
  readonly receivedAt?: number | undefined;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 1970-01-05 was a Monday: weeks start on Mondays. */
const MONDAY = 4 * DAY;
/** Widths that divide a day keep bins on local :00 boundaries that a reader would pick. */
const WIDTHS = [1, 2, 3, 6, 12, 24, 48, 72, 168, 336].map((h) => h * HOUR);

/**
 * Updates per hour (or per wider bin on long blogs) from the first item's hour to the last's,
 * empty bins included, with counts per topic for a stacked chart. Pure: time zones through Intl.
 */
export function activityBins(
  items: readonly LiveItem[],
  options: ActivityBinsOptions,
): ActivityBin[] {
  // Dated further ahead than a fast clock would be (a mistyped year, a scheduled post): left out,
  // or the chart would stretch over months of nothing to reach it.
  const upTo = (options.receivedAt ?? Infinity) + CLOCK_AHEAD_MS;
  items = items.filter((item) => item.published <= upTo);
  let first = Infinity;
  let last = -Infinity;
  for (const { published } of items) {
    if (!Number.isFinite(published)) continue;
    first = Math.min(first, published);
    last = Math.max(last, published);
  }
  if (first > last) return [];
  const maxBins = Math.max(2, Math.floor(options.maxBins ?? 48));
  const offsetAt = memo(zoneOffset(options.timeZone));

  let bounds: number[] = [];
  let width = WIDTHS[0]!;
  for (let i = 0; ; i++) {
    // Past the list, widths keep doubling (four weeks, eight…) until the span fits.
    width = WIDTHS[i] ?? WIDTHS[WIDTHS.length - 1]! * 2 ** (i - WIDTHS.length + 1);
    // A bin is at most an hour longer than its width (DST), so fewer cannot cover the span.
    if ((last - first) / (width + HOUR) > maxBins) continue;
    const origin = width % (7 * DAY) === 0 ? MONDAY : 0;
    bounds = boundaries(first, last, width, origin, offsetAt);
    if (bounds.length - 1 <= maxBins || i > 60) break;
  }

  const counts = bounds.slice(1).map(() => new Map<string | null, number>());
  for (const item of items) {
    if (!Number.isFinite(item.published)) continue;
    const map = counts[binIndex(bounds, item.published)]!;
    const topic = item.topics[0] ?? null;
    map.set(topic, (map.get(topic) ?? 0) + 1);
  }
  const rank = new Map(options.topicOrder.map((id, i) => [id, i]));
  return counts.map((map, i) => {
    const byTopic = [...map].map(([topic, count]) => ({ topic, count })).sort(byRank(rank));
    return {
      start: bounds[i]!,
      end: bounds[i + 1]!,
      hours: width / HOUR,
      total: byTopic.reduce((sum, t) => sum + t.count, 0),
      byTopic,
    };
  });
}

function byRank(rank: ReadonlyMap<string, number>) {
  const order = (t: string | null) => (t === null ? Infinity : (rank.get(t) ?? rank.size));
  return (a: TopicCount, b: TopicCount) =>
    order(a.topic) - order(b.topic) || (a.topic ?? '').localeCompare(b.topic ?? '');
}

/** Index of the bin holding `ms`: the last boundary at or before it. */
function binIndex(bounds: readonly number[], ms: number): number {
  let lo = 0;
  let hi = bounds.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Strictly increasing bin boundaries, the first at or before `first` and the last after `last`:
 * the instants where local time reaches a multiple of `width` (counted from `origin`).
 */
function boundaries(
  first: number,
  last: number,
  width: number,
  origin: number,
  offsetAt: (ms: number) => number,
): number[] {
  const key = (ms: number) => Math.floor((ms + offsetAt(ms) - origin) / width);
  const out: number[] = [];
  for (let k = key(first); out.length === 0 || out[out.length - 1]! <= last; k++) {
    const b = localInstant(k * width + origin, offsetAt);
    // A local time skipped by DST gives the same instant as the next one: no empty-width bin.
    if (out.length === 0 || b > out[out.length - 1]!) out.push(b);
  }
  if (out[0]! > first) out[0] = first;
  return out;
}

/**
 * The first instant whose local wall time (as epoch ms) is `wall`. When DST repeats that time the
 * earlier one; when DST skips it, the instant the clocks jump (where local time passes it).
 */
function localInstant(wall: number, offsetAt: (ms: number) => number): number {
  const before = offsetAt(wall - DAY);
  const after = offsetAt(wall + DAY);
  // No change of offset within a day either side (nearly always): one answer.
  if (before === after && offsetAt(wall - before) === before) return wall - before;
  const offsets = new Set([before, after, offsetAt(wall)]);
  offsets.add(offsetAt(wall - offsetAt(wall)));
  let best = Infinity;
  let fallback = -Infinity;
  for (const o of offsets) {
    const t = wall - o;
    if (offsetAt(t) === o) best = Math.min(best, t);
    fallback = Math.max(fallback, t);
  }
  return best === Infinity ? fallback : best;
}

/** Neighbouring boundaries ask for the same instants (a day either side): Intl is the slow part. */
function memo(f: (ms: number) => number): (ms: number) => number {
  const seen = new Map<number, number>();
  return (ms) => {
    let v = seen.get(ms);
    if (v === undefined) seen.set(ms, (v = f(ms)));
    return v;
  };
}

const MAX_DATE = 8.64e15;

/** Offset of the zone's wall clock from UTC at an instant, in ms, read through Intl. */
function zoneOffset(timeZone: string | undefined): (ms: number) => number {
  // An unknown zone reads as the runtime's own, like the time formatting does.
  const f = dateTimeFormat('en-US', {
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    timeZone,
  });
  return (ms) => {
    // Intl throws outside the Date range, which very wide bins can reach.
    ms = Math.min(MAX_DATE, Math.max(-MAX_DATE, ms));
    const p: Record<string, number> = {};
    for (const part of f.formatToParts(ms)) p[part.type] = Number(part.value);
    const wall = new Date(0);
    wall.setUTCFullYear(p.year!, p.month! - 1, p.day);
    wall.setUTCHours(p.hour! % 24, p.minute, p.second);
    return wall.getTime() - (ms - (((ms % 1000) + 1000) % 1000));
  };
}
