import { CLOCK_AHEAD_MS } from '../../core/time/clock-ahead';
import { dayKey } from './format-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "5 minutes ago" for the last day, then null so the caller shows the date. A time a little in
 * the future (a newsroom clock ahead of the reader's) reads "just now", never "in 3 minutes";
 * further ahead (a mistyped year) it is no "just now" at all: null, the date. Worded by
 * Intl.RelativeTimeFormat, so every language the browser knows is covered without locale tables;
 * an earlier calendar day reads "1 day ago", by the calendar of `timeZone`, the zone the times
 * and day headings are shown in: no update under today's heading reads "1 day ago".
 */
export function relativeTime(
  ms: number,
  now: number,
  justNow: string,
  locale: string,
  timeZone?: string,
): string | null {
  const age = now - ms;
  if (age < -CLOCK_AHEAD_MS) return null;
  if (age < 45_000) return justNow;
  if (age >= DAY) return null;
  // Whole units, counted down from the age; a day is a calendar day in the zone shown.
  const format = relativeTimeFormat(locale);
  if (age < MINUTE) return format.format(-Math.floor(age / 1000), 'second');
  if (age < HOUR) return format.format(-Math.floor(age / MINUTE), 'minute');
  const days = (Date.parse(dayKey(now, timeZone)) - Date.parse(dayKey(ms, timeZone))) / DAY;
  return days < 1 ? format.format(-Math.floor(age / HOUR), 'hour') : format.format(-days, 'day');
}

// Every shown update asks once a minute: one formatter per locale, as dateTimeFormat does.
const formats = new Map<string, Intl.RelativeTimeFormat>();

function relativeTimeFormat(locale: string): Intl.RelativeTimeFormat {
  let f = formats.get(locale);
  if (!f) {
    try {
      f = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
    } catch {
      f = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
    }
    formats.set(locale, f);
  }
  return f;
}
