import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../../src/shared/time/relative-time';

const NOW = Date.parse('2023-07-12T10:00:00Z');
const ago = (ms: number, locale = 'en-GB') => relativeTime(NOW - ms, NOW, 'just now', locale);
const MIN = 60_000;

describe('relativeTime', () => {
  it('reads "just now" for the last 45 s and for a clock ahead of the reader’s', () => {
    expect(ago(10_000)).toBe('just now');
    expect(ago(-3 * MIN)).toBe('just now');
  });

  it('gives way to the date for a time further ahead than a clock would be (a mistyped year)', () => {
    expect(ago(-5 * MIN)).toBe('just now');
    expect(ago(-6 * MIN)).toBeNull();
    expect(relativeTime(Date.parse('9999-01-01T00:00:00Z'), NOW, 'just now', 'en-GB')).toBeNull();
  });

  it('counts seconds, then whole minutes, then whole hours', () => {
    expect(ago(50_000)).toBe('50 seconds ago');
    expect(ago(MIN)).toBe('1 minute ago');
    expect(ago(59 * MIN + 59_000)).toBe('59 minutes ago');
    expect(ago(2 * 60 * MIN + 5 * MIN)).toBe('2 hours ago');
  });

  it('gives way to the date after a day', () => {
    expect(ago(24 * 60 * MIN)).toBeNull();
  });

  it('speaks the reader’s language, and English for a tag Intl does not take', () => {
    expect(ago(5 * MIN, 'uk')).toBe('5 хвилин тому');
    expect(ago(5 * MIN, 'not a locale!')).toBe('5 minutes ago');
  });
});

describe('relativeTime across midnight', () => {
  const HOUR = 60 * MIN;
  // 23:00 UTC the evening before NOW: that morning in Tokyo, the evening before in New York.
  const at = NOW - 11 * HOUR;

  it('counts calendar days in the zone the times are shown in, not the runtime’s', () => {
    expect(relativeTime(at, NOW, 'just now', 'en-GB', 'Asia/Tokyo')).toBe('11 hours ago');
    expect(relativeTime(at, NOW, 'just now', 'en-GB', 'America/New_York')).toBe('1 day ago');
  });

  it('counts a day of 23 hours (clocks put forward) as the calendar day it is', () => {
    // 23:30 on Saturday 25 March 2023 in London, read at 00:10 on Monday: under a day, two days.
    const saturday = Date.parse('2023-03-25T23:30:00Z');
    const monday = Date.parse('2023-03-26T23:10:00Z');
    expect(relativeTime(saturday, monday, 'just now', 'en-GB', 'Europe/London')).toBe('2 days ago');
  });
});
