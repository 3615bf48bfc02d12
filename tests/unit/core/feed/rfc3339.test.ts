// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../../src/core/feed/parse-feed';
import { parseRfc3339 } from '../../../../src/core/feed/rfc3339';

/** The oracle for valid inputs: Date.parse of the ECMAScript form (`T`, `.sss`, `Z`). */
const utc = (iso: string) => Date.parse(iso);

function expectInvalid(values: string[]) {
  for (const value of values) expect(parseRfc3339(value), JSON.stringify(value)).toBeUndefined();
}

describe('parseRfc3339', () => {
  it('accepts Feb 29 only in Gregorian leap years', () => {
    expect(parseRfc3339('2024-02-29T12:00:00Z')).toBe(utc('2024-02-29T12:00:00.000Z'));
    expect(parseRfc3339('2000-02-29T12:00:00Z')).toBe(utc('2000-02-29T12:00:00.000Z'));
    expectInvalid(['2023-02-29T12:00:00Z', '1900-02-29T12:00:00Z', '2100-02-29T12:00:00Z']);
  });

  it('rejects days past the end of the month, and month or day 00', () => {
    expect(parseRfc3339('2023-04-30T00:00:00Z')).toBe(utc('2023-04-30T00:00:00.000Z'));
    expect(parseRfc3339('2023-12-31T00:00:00Z')).toBe(utc('2023-12-31T00:00:00.000Z'));
    expectInvalid([
      '2023-02-30T00:00:00Z',
      '2024-02-30T00:00:00Z',
      '2023-04-31T00:00:00Z',
      '2023-11-31T00:00:00Z',
      '2023-01-32T00:00:00Z',
      '2023-00-10T00:00:00Z',
      '2023-13-10T00:00:00Z',
      '2023-01-00T00:00:00Z',
    ]);
  });

  it('rejects hour 24, minute 60 and second 61', () => {
    expectInvalid(['2023-07-12T24:00:00Z', '2023-07-12T12:60:00Z', '2023-07-12T12:00:61Z']);
  });

  it('accepts a leap second as the instant after :59', () => {
    expect(parseRfc3339('2016-12-31T23:59:60Z')).toBe(utc('2017-01-01T00:00:00.000Z'));
    expect(parseRfc3339('2016-12-31T23:59:60.5Z')).toBe(utc('2017-01-01T00:00:00.500Z'));
    // In local time a leap second falls wherever the offset puts it (RFC 3339 §5.7).
    expect(parseRfc3339('2016-12-31T15:59:60-08:00')).toBe(utc('2017-01-01T00:00:00.000Z'));
  });

  it('keeps milliseconds and truncates finer fractions', () => {
    expect(parseRfc3339('2023-07-12T06:35:00.5Z')).toBe(utc('2023-07-12T06:35:00.500Z'));
    expect(parseRfc3339('2023-07-12T06:35:00.250Z')).toBe(utc('2023-07-12T06:35:00.250Z'));
    expect(parseRfc3339('2023-07-12T06:35:00.123456789Z')).toBe(utc('2023-07-12T06:35:00.123Z'));
    expect(parseRfc3339('2023-07-12T06:35:00.9999Z')).toBe(utc('2023-07-12T06:35:00.999Z'));
    expectInvalid(['2023-07-12T06:35:00.Z', '2023-07-12T06:35:00,5Z', '2023-07-12T06:35.5Z']);
  });

  it('accepts lowercase t and z, and a space between date and time', () => {
    const expected = utc('2023-07-12T06:35:00.000Z');
    expect(parseRfc3339('2023-07-12t06:35:00z')).toBe(expected);
    expect(parseRfc3339('2023-07-12 06:35:00Z')).toBe(expected);
    expect(parseRfc3339('2023-07-12 09:35:00+03:00')).toBe(expected);
    expectInvalid(['2023-07-12  06:35:00Z', '2023-07-12_06:35:00Z', '2023-07-1206:35:00Z']);
  });

  it('applies offsets, with -00:00 the same instant as Z', () => {
    expect(parseRfc3339('2023-07-12T06:35:00-00:00')).toBe(utc('2023-07-12T06:35:00.000Z'));
    expect(parseRfc3339('2023-07-12T06:35:00+00:00')).toBe(utc('2023-07-12T06:35:00.000Z'));
    expect(parseRfc3339('2023-07-12T09:35:00+03:00')).toBe(utc('2023-07-12T06:35:00.000Z'));
    expect(parseRfc3339('2023-07-12T14:00:00+14:00')).toBe(utc('2023-07-12T00:00:00.000Z'));
    expect(parseRfc3339('2023-07-12T01:05:00-05:30')).toBe(utc('2023-07-12T06:35:00.000Z'));
    expect(parseRfc3339('2023-07-12T06:35:00+23:59')).toBe(utc('2023-07-11T06:36:00.000Z'));
    expectInvalid([
      '2023-07-12T06:35:00+24:00',
      '2023-07-12T06:35:00+05:60',
      '2023-07-12T06:35:00+0300',
      '2023-07-12T06:35:00+03',
      '2023-07-12T06:35:00 +03:00',
      '2023-07-12T06:35:00UTC',
    ]);
  });

  it('handles years 0000 and 9999 without two-digit-year quirks', () => {
    expect(parseRfc3339('0000-01-01T00:00:00Z')).toBe(utc('0000-01-01T00:00:00.000Z'));
    expect(parseRfc3339('0000-02-29T00:00:00Z')).toBe(utc('0000-02-29T00:00:00.000Z'));
    expect(parseRfc3339('0099-03-01T00:00:00Z')).toBe(utc('0099-03-01T00:00:00.000Z'));
    expect(parseRfc3339('9999-12-31T23:59:59.999Z')).toBe(utc('9999-12-31T23:59:59.999Z'));
    expect(parseRfc3339('1970-01-01T00:00:00Z')).toBe(0);
    expectInvalid(['10000-01-01T00:00:00Z', '+002023-07-12T06:35:00Z', '-0001-01-01T00:00:00Z']);
  });

  it('rejects missing parts, extra characters, surrounding whitespace and non-ASCII digits', () => {
    expectInvalid([
      '',
      '2023-07-12',
      '2023-07-12T09:35+03:00',
      '2023-07-12T09:35:00',
      '2023-07-12 09:35:00',
      '12/07/2023 09:35',
      ' 2023-07-12T06:35:00Z',
      '2023-07-12T06:35:00Z ',
      '2023-07-12T06:35:00Z\n',
      '\t2023-07-12T06:35:00Z',
      '2023-07-12T06:35:00ZZ',
      '2023-7-12T06:35:00Z',
      '2023-07-12T6:35:00Z',
      '٢٠٢٣-07-12T06:35:00Z',
      '2023-07-12T06:35:00.٥Z',
      '２０２３-07-12T06:35:00Z',
    ]);
  });
});

describe('feed items with impossible times', () => {
  it('drops an item whose date_published is not a real calendar time', () => {
    const item = (id: string, date: string) => ({ id, content_text: id, date_published: date });
    const result = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Dates',
        items: [
          item('feb30', '2023-02-30T10:00:00Z'),
          item('h24', '2023-07-12T24:00:00Z'),
          item('leap', '2016-12-31T23:59:60Z'),
        ],
      }),
      'https://news.example/feed.json',
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.feed.items.map((i) => [i.id, i.published])).toEqual([
      ['leap', utc('2017-01-01T00:00:00.000Z')],
    ]);
    expect(result.feed.rejected.map((r) => r.id)).toEqual(['feb30', 'h24']);
  });
});
