// Strict RFC 3339 §5.6 `date-time` parsing. Date.parse is not used: engines accept impossible
// dates (`2023-02-30` rolls over to March 2) and `T24:00`, and reject the leap second `:60`.

// `\d` without the `u` flag is ASCII 0-9 only, and `$` (no `m` flag) does not match before a
// trailing newline, so the whole string must be the date-time. The space separator is allowed:
// RFC 3339 §5.6 permits it "for the sake of readability".
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's days_from_civil).
 * Plain arithmetic, so years 0000-0099 work too (Date.UTC would read them as 1900-1999).
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year; // count years from March, so Feb 29 ends the year
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100);
  return era * 146_097 + dayOfEra + dayOfYear - 719_468;
}

/** Epoch milliseconds of an RFC 3339 `date-time`, or undefined if `value` is not one. */
export function parseRfc3339(value: string): number | undefined {
  const m = DATE_TIME.exec(value);
  if (m === null) return undefined;
  const n = (group: number) => Number(m[group] ?? 0); // an absent offset (Z) reads as 00:00
  const [year, month, day, hour, minute, second] = [n(1), n(2), n(3), n(4), n(5), n(6)];
  const [fraction = '', sign, offH, offM] = [m[7], m[8], n(9), n(10)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // Second 60 is a leap second (§5.7). It is not checked against the IERS table; like POSIX
  // time, it lands on the same instant as second 00 of the next minute.
  if (hour > 23 || minute > 59 || second > 60 || offH > 23 || offM > 59) return undefined;
  // Millisecond precision: extra fraction digits are truncated, not rounded.
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  // `-00:00` means "offset unknown" (§4.3) but names the same instant as Z.
  const offset = (sign === '-' ? -1 : 1) * (offH * 60 + offM) * MS_PER_MINUTE;
  const local =
    daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  return local - offset;
}
