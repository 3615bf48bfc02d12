import type { ActivityBin } from '../../core/timeline/activity-bins';
import { dateTimeFormat } from '../../core/time/date-time-format';
import { formatClock, formatDay } from '../../shared/time/format-time';

/** The most axis labels a chart draws, however wide its column. */
export const MOST_TICKS = 6;

function format(ms: number, locale: string, options: Intl.DateTimeFormatOptions): string {
  return dateTimeFormat(locale, options).format(ms);
}

/** "10:00–11:00"; with the day when the chart spans days; days alone for day-wide bins. */
export function rangeLabel(
  bin: ActivityBin,
  locale: string,
  timeZone: string | undefined,
  multiDay: boolean,
  years: boolean,
): string {
  const day = (ms: number) => formatDay(ms, locale, timeZone, years);
  if (bin.hours >= 24) {
    const from = day(bin.start);
    const to = day(bin.end - 1);
    return from === to ? from : `${from} – ${to}`;
  }
  // Bins are hours of the wall clock: the hour clocks go back is one bin, two hours long, whose
  // "01:00–02:00" is told apart from no other; a zone's name would only split it in two.
  const hm = (ms: number) => formatClock(ms, locale, timeZone, false);
  const range = `${hm(bin.start)}–${hm(bin.end)}`;
  return multiDay ? `${day(bin.start)}, ${range}` : range;
}

/**
 * Axis labels, at most `most` (the room the plot has for them), on round local hours: "12:00",
 * or the date at midnight on a chart that spans days; dates for day-wide bins. A chart whose
 * room leaves no round hour in its span labels its first bin.
 */
export function tickLabels(
  bins: readonly ActivityBin[],
  locale: string,
  timeZone: string | undefined,
  multiDay: boolean,
  years: boolean,
  most = MOST_TICKS,
): (string | undefined)[] {
  const hours = bins[0]?.hours ?? 1;
  const shortDate = (ms: number) =>
    format(ms, locale, {
      timeZone,
      day: 'numeric',
      month: 'short',
      ...(years ? { year: 'numeric' } : {}),
    });
  if (hours >= 24) {
    const every = Math.ceil(bins.length / most);
    return bins.map((b, i) => (i % every === 0 ? shortDate(b.start) : undefined));
  }
  const spanHours = bins.length * hours;
  const step = [1, 2, 3, 6, 12, 24].find((s) => s >= hours && spanHours / s <= most) ?? 24;
  const hourOf = (b: ActivityBin) =>
    Number(format(b.start, 'en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }));
  const clock = (b: ActivityBin) =>
    multiDay && hourOf(b) === 0
      ? shortDate(b.start)
      : formatClock(b.start, locale, timeZone, false);
  const labels = bins.map((b) => (hourOf(b) % step === 0 ? clock(b) : undefined));
  return labels.some((l) => l !== undefined) || bins.length === 0
    ? labels
    : bins.map((b, i) => (i === 0 ? clock(b) : undefined));
}
