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
  const own = part(locale);
  if (!/^GMT|^UTC/.test(own) || !locale.startsWith('en')) return own;
  for (const alt of ['en-GB', 'en-US']) {
    const name = part(alt);
    if (!/^GMT|^UTC/.test(name)) return name;
  }
  return own;
}

export function formatClock(ms: number, locale: string, timeZone: string | undefined): string {
  return formatter(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(ms);
}

export function formatClockWithZone(ms: number, locale: string, timeZone: string | undefined) {
  return `${formatClock(ms, locale, timeZone)} ${zoneAbbreviation(ms, locale, timeZone)}`;
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
  return formatter(locale, {
    timeZone,
    year: year ? 'numeric' : undefined,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
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
