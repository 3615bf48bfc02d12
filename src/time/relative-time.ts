import { formatDistanceStrict, type Locale } from 'date-fns';

const DAY = 24 * 60 * 60 * 1000;

/**
 * "5 minutes ago" for the last day, then null so the caller shows the date. A time in the future
 * (a newsroom clock ahead of the reader's) reads "just now", never "in 3 minutes".
 */
export function relativeTime(
  ms: number,
  now: number,
  justNow: string,
  locale?: Locale,
): string | null {
  const age = now - ms;
  if (age < 45_000) return justNow;
  if (age >= DAY) return null;
  return formatDistanceStrict(ms, now, { addSuffix: true, locale, roundingMethod: 'floor' });
}
