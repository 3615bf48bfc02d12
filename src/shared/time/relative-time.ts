import { intlFormatDistance } from 'date-fns';

const DAY = 24 * 60 * 60 * 1000;

/**
 * "5 minutes ago" for the last day, then null so the caller shows the date. A time in the future
 * (a newsroom clock ahead of the reader's) reads "just now", never "in 3 minutes".
 * date-fns' intlFormatDistance words it through Intl.RelativeTimeFormat, so every language the
 * browser knows is covered without shipping date-fns locale tables.
 */
export function relativeTime(
  ms: number,
  now: number,
  justNow: string,
  locale: string,
): string | null {
  const age = now - ms;
  if (age < 45_000) return justNow;
  if (age >= DAY) return null;
  try {
    return intlFormatDistance(ms, now, { locale, numeric: 'always', style: 'long' });
  } catch {
    return intlFormatDistance(ms, now, { locale: 'en', numeric: 'always', style: 'long' });
  }
}
