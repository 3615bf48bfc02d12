import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  formatClock,
  formatClockWithZone,
  formatDayAndClock,
} from '../../../../src/shared/time/format-time';

const MIN = 60_000;
// New York puts its clocks back at 02:00 EDT on 3 November 2024 (06:00 UTC): 01:00–01:59 twice.
const NY_BACK = Date.parse('2024-11-03T06:00:00Z');
// London puts them back at 02:00 BST on 27 October 2024 (01:00 UTC).
const LONDON_BACK = Date.parse('2024-10-27T01:00:00Z');
// New York puts them forward at 02:00 EST on 10 March 2024 (07:00 UTC): 02:00–02:59 never is.
const NY_FORWARD = Date.parse('2024-03-10T07:00:00Z');

const at = (base: number, minutes: number) => base + minutes * MIN;

// The formatting reads no clock; the clock is held still all the same, so that nothing here
// depends on the day the tests run.
beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2024-12-01T12:00:00Z') });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a time of day, as the reader’s locale writes it', () => {
  const morning = Date.parse('2024-07-12T12:05:00Z');

  it('12-hour locales: no leading zero', () => {
    expect(formatClock(morning, 'en-US', 'America/New_York')).toBe('8:05 AM');
    expect(formatClock(morning, 'en-AU', 'America/New_York')).toBe('8:05 am');
    expect(formatClock(morning, 'en-CA', 'America/New_York')).toBe('8:05 a.m.');
    expect(formatClock(Date.parse('2024-07-12T19:03:00Z'), 'en-US', 'America/New_York')).toBe(
      '3:03 PM',
    );
  });

  it('24-hour locales keep their two-digit hour', () => {
    expect(formatClock(morning, 'en-GB', 'America/New_York')).toBe('08:05');
    expect(formatClock(morning, 'uk', 'America/New_York')).toBe('08:05');
    expect(formatClock(morning, 'de', 'America/New_York')).toBe('08:05');
  });

  it('a clock the reader’s locale tag asks for is kept', () => {
    expect(formatClock(morning, 'en-US-u-hc-h23', 'America/New_York')).toBe('08:05');
    expect(formatClock(morning, 'en-GB-u-hc-h12', 'America/New_York')).toBe('8:05 am');
  });

  it('the same in the day-and-time form and beside the zone', () => {
    expect(formatDayAndClock(morning, 'en-US', 'America/New_York')).toBe('Jul 12, 8:05 AM');
    expect(formatDayAndClock(morning, 'en-US', 'America/New_York', true)).toBe(
      'Jul 12, 2024, 8:05 AM',
    );
    expect(formatDayAndClock(morning, 'en-GB', 'America/New_York')).toBe('12 Jul, 08:05');
    expect(formatClockWithZone(morning, 'en-US', 'America/New_York')).toBe('8:05 AM EDT');
    expect(formatClockWithZone(morning, 'en-GB', 'Europe/London')).toBe('13:05 BST');
  });
});

describe('the hour clocks go back: the same time twice', () => {
  it('names the zone of each, an hour apart, in the event’s zone', () => {
    expect(formatClock(at(NY_BACK, -30), 'en-US', 'America/New_York')).toBe('1:30 AM EDT');
    expect(formatClock(at(NY_BACK, 30), 'en-US', 'America/New_York')).toBe('1:30 AM EST');
    expect(formatClock(at(LONDON_BACK, -30), 'en-GB', 'Europe/London')).toBe('01:30 BST');
    expect(formatClock(at(LONDON_BACK, 30), 'en-GB', 'Europe/London')).toBe('01:30 GMT');
  });

  it('two updates 40 minutes apart that read alike are told apart, the newer one later', () => {
    const older = formatClock(at(NY_BACK, -10), 'en-US', 'America/New_York');
    const newer = formatClock(at(NY_BACK, 30), 'en-US', 'America/New_York');
    expect([older, newer]).toEqual(['1:50 AM EDT', '1:30 AM EST']);
  });

  it('from the first minute of the repeated hour to its last, and no further', () => {
    const shown = (m: number) => formatClock(at(NY_BACK, m), 'en-US', 'America/New_York');
    expect(shown(-61)).toBe('12:59 AM');
    expect(shown(-60)).toBe('1:00 AM EDT');
    expect(shown(-1)).toBe('1:59 AM EDT');
    expect(shown(0)).toBe('1:00 AM EST');
    expect(shown(59)).toBe('1:59 AM EST');
    expect(shown(60)).toBe('2:00 AM');
  });

  it('in the day-and-time form too, where no zone is shown otherwise', () => {
    expect(formatDayAndClock(at(NY_BACK, -30), 'en-US', 'America/New_York', true)).toBe(
      'Nov 3, 2024, 1:30 AM EDT',
    );
    expect(formatDayAndClock(at(NY_BACK, 30), 'en-US', 'America/New_York')).toBe(
      'Nov 3, 1:30 AM EST',
    );
  });

  it('a form that shows the zone anyway shows it once', () => {
    expect(formatClockWithZone(at(NY_BACK, 30), 'en-US', 'America/New_York')).toBe('1:30 AM EST');
  });

  it('where the zone has no English name, its offset tells the two apart', () => {
    const twice = [-30, 30].map((m) => formatClock(at(NY_BACK, m), 'uk', 'America/New_York'));
    expect(twice[0]).toMatch(/^01:30 \S+/);
    expect(twice[1]).toMatch(/^01:30 \S+/);
    expect(twice[0]).not.toBe(twice[1]);
  });

  it('a clock’s label (the chart’s hours) is never given a zone’s name', () => {
    expect(formatClock(at(NY_BACK, 0), 'en-US', 'America/New_York', false)).toBe('1:00 AM');
  });

  it('the same hour elsewhere happens once: no zone name', () => {
    expect(formatClock(at(NY_BACK, -30), 'en-US', 'America/Chicago')).toBe('12:30 AM');
    expect(formatClock(at(NY_BACK, 30), 'en-GB', 'Europe/London')).toBe('06:30');
  });
});

describe('the hour clocks skip in spring', () => {
  it('reads on from the minute before to the hour after, each time once', () => {
    const shown = (m: number) => formatClock(at(NY_FORWARD, m), 'en-US', 'America/New_York');
    expect([shown(-1), shown(0), shown(1)]).toEqual(['1:59 AM', '3:00 AM', '3:01 AM']);
  });

  it('a time written in the missing hour reads as the instant it is', () => {
    // 02:30 with the winter offset is 03:30 summer time.
    const ms = Date.parse('2024-03-10T02:30:00-05:00');
    expect(formatClock(ms, 'en-US', 'America/New_York')).toBe('3:30 AM');
    expect(formatClockWithZone(ms, 'en-US', 'America/New_York')).toBe('3:30 AM EDT');
  });
});
