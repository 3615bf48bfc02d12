// Absolute times are shown in the event's zone ("10:42 EEST"), so readers anywhere agree with
// the reporting on the page.
import { dateTimeFormat as formatter } from '../../core/time/date-time-format';

/**
 * A short zone name; English readers get "EEST" where Intl knows one rather than "GMT+3".
 * `ms` undefined: now.
 */
export function zoneAbbreviation(
  ms: number | undefined,
  locale: string,
  timeZone: string | undefined,
): string {
  const part = (loc: string) =>
    formatter(loc, { timeZone, timeZoneName: 'short', hour: 'numeric' })
      .formatToParts(ms)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  for (const loc of locale.startsWith('en') ? [locale, 'en-GB', 'en-US'] : []) {
    const name = part(loc);
    if (!/^GMT|^UTC/.test(name)) return name;
  }
  return part(locale);
}

/**
 * A time of day, with `options` (a date) around it. The zone's short name follows it when `zone`
 * says so; unsaid, when clocks put back show the same time twice ("1:30 AM EDT", then "1:30 AM
 * EST"): without it the later update reads as the earlier, or as older than the one below it.
 */
function clock(
  ms: number,
  locale: string,
  timeZone: string | undefined,
  options: Intl.DateTimeFormatOptions,
  zone?: boolean,
): string {
  const f = formatter(locale, {
    timeZone,
    // The hour as the locale's short time writes one o'clock: "3:03 PM" in en-US, "08:05" in
    // en-GB, "8.05" in en-FI. '2-digit' alone pads 12-hour clocks, 'numeric' strips 24-hour ones.
    hour: /01/.test(formatter(locale, { timeStyle: 'short', timeZone: 'UTC' }).format(3_600_000))
      ? '2-digit'
      : 'numeric',
    minute: '2-digit',
    ...options,
  });
  const shown = f.format(ms);
  return (zone ?? [ms - 3_600_000, ms + 3_600_000].some((t) => f.format(t) === shown))
    ? `${shown} ${zoneAbbreviation(ms, locale, timeZone)}`
    : shown;
}

/** "3:03 PM", "08:05"; `zone` false: never the zone's name, where the hour is a clock's label. */
export function formatClock(
  ms: number,
  locale: string,
  timeZone: string | undefined,
  zone?: boolean,
): string {
  return clock(ms, locale, timeZone, {}, zone);
}

export function formatClockWithZone(ms: number, locale: string, timeZone: string | undefined) {
  return clock(ms, locale, timeZone, {}, true);
}

/** "Wednesday 12 July"; "Wednesday 12 July 2023" with `year`. */
export function formatDay(
  ms: number,
  locale: string,
  timeZone: string | undefined,
  year?: boolean,
): string {
  return formatter(locale, {
    timeZone,
    year: year ? 'numeric' : undefined,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(ms);
}

/** "12 Jul, 14:05"; "12 Jul 2023, 14:05" with `year`. */
export function formatDayAndClock(
  ms: number,
  locale: string,
  timeZone: string | undefined,
  year?: boolean,
) {
  return clock(ms, locale, timeZone, {
    year: year ? 'numeric' : undefined,
    day: 'numeric',
    month: 'short',
  });
}

/** Calendar day key in a zone, for day dividers: "2023-07-12". */
export function dayKey(ms: number, timeZone: string | undefined): string {
  return formatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    ms,
  );
}

/** Whether `times` fall on more than one calendar day, and in more than one year, in a zone. */
export function spanned(times: readonly number[], timeZone: string | undefined) {
  const days = new Set(times.map((ms) => dayKey(ms, timeZone)));
  return { days: days.size > 1, years: new Set([...days].map((d) => d.slice(0, 4))).size > 1 };
}
