import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityBins, type ActivityBin } from '../../../../src/core/timeline/activity-bins';
import { item } from '../../../support/feed-builders';

const HOUR = 3_600_000;
const VILNIUS = 'Europe/Vilnius';
const at = (iso: string) => Date.parse(iso);
const itemAt = (id: string, iso: string, topics: string[] = []) =>
  item(id, 0, { published: at(iso), topics });

const clocks = new Map<string, Intl.DateTimeFormat>();
/** Local wall-clock "HH:mm" of an instant, to read bins as a reader would. */
function clock(ms: number, timeZone: string): string {
  let f = clocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(timeZone, f);
  }
  return f.format(ms);
}

const shape = (bins: ActivityBin[], tz: string) =>
  bins.map((b) => `${clock(b.start, tz)}-${clock(b.end, tz)} ${b.total}`);

describe('activityBins', () => {
  it('is empty without items', () => {
    expect(activityBins([], { topicOrder: [] })).toEqual([]);
  });

  it('makes one bin per local hour from the first item to the last, empty hours included', () => {
    const items = [
      itemAt('a', '2023-07-12T07:05:00Z'), // 10:05 EEST
      itemAt('b', '2023-07-12T07:59:59Z'),
      itemAt('c', '2023-07-12T10:00:00Z'), // 13:00 EEST
    ];
    const bins = activityBins(items, { timeZone: VILNIUS, topicOrder: [] });
    expect(shape(bins, VILNIUS)).toEqual([
      '10:00-11:00 2',
      '11:00-12:00 0',
      '12:00-13:00 0',
      '13:00-14:00 1',
    ]);
    expect(bins.every((b) => b.hours === 1 && b.end - b.start === HOUR)).toBe(true);
  });

  it('leaves out an update dated a year after the feed arrived, not one a clock’s minutes ahead', () => {
    const items = [
      itemAt('typo', '2024-07-12T07:05:00Z'),
      itemAt('fast', '2023-07-12T10:03:00Z'),
      itemAt('a', '2023-07-12T09:05:00Z'),
    ];
    const bins = activityBins(items, {
      timeZone: VILNIUS,
      topicOrder: [],
      receivedAt: at('2023-07-12T10:00:00Z'),
    });
    expect(shape(bins, VILNIUS)).toEqual(['12:00-13:00 1', '13:00-14:00 1']);
  });

  it('starts hours at local :00 in zones with half-hour offsets', () => {
    const bins = activityBins([itemAt('a', '2023-07-12T04:40:00Z')], {
      timeZone: 'Asia/Kolkata', // UTC+05:30: 10:10 local
      topicOrder: [],
    });
    expect(shape(bins, 'Asia/Kolkata')).toEqual(['10:00-11:00 1']);
    expect(bins[0]!.start).toBe(at('2023-07-12T04:30:00Z'));
  });

  it('counts by first topic in topic order, then other topics by id, then no topic', () => {
    const items = [
      itemAt('1', '2023-07-12T07:01:00Z', ['china', 'ukraine']),
      itemAt('2', '2023-07-12T07:02:00Z', ['zeta']),
      itemAt('3', '2023-07-12T07:03:00Z', []),
      itemAt('4', '2023-07-12T07:04:00Z', ['ukraine']),
      itemAt('5', '2023-07-12T07:05:00Z', ['alpha']),
      itemAt('6', '2023-07-12T07:06:00Z', ['ukraine', 'china']),
    ];
    const [bin] = activityBins(items, { timeZone: VILNIUS, topicOrder: ['ukraine', 'china'] });
    expect(bin!.byTopic).toEqual([
      { topic: 'ukraine', count: 2 },
      { topic: 'china', count: 1 },
      { topic: 'alpha', count: 1 },
      { topic: 'zeta', count: 1 },
      { topic: null, count: 1 },
    ]);
    expect(bin!.total).toBe(6);
  });

  it('merges a five-day blog into bins on local 3-hour boundaries', () => {
    const items = [itemAt('a', '2023-07-10T21:30:00Z'), itemAt('b', '2023-07-15T20:59:00Z')];
    // 00:30 EEST on the 11th to 23:59 on the 15th: 120 local hours.
    const bins = activityBins(items, { timeZone: VILNIUS, topicOrder: [] });
    expect(bins).toHaveLength(40);
    expect(bins[0]!.hours).toBe(3);
    expect(shape(bins, VILNIUS).slice(0, 2)).toEqual(['00:00-03:00 1', '03:00-06:00 0']);
    expect(shape(bins, VILNIUS).at(-1)).toBe('21:00-00:00 1');
  });

  it('honours maxBins with day-aligned bins', () => {
    const items = [itemAt('a', '2023-07-10T21:30:00Z'), itemAt('b', '2023-07-15T20:59:00Z')];
    const bins = activityBins(items, { timeZone: VILNIUS, topicOrder: [], maxBins: 6 });
    expect(bins).toHaveLength(5);
    expect(bins.every((b) => b.hours === 24 && clock(b.start, VILNIUS) === '00:00')).toBe(true);
  });

  it('gives the repeated hour one bin when clocks go back, and skips the missing one when they go forward', () => {
    // Vilnius: 29 Oct 2023 04:00 EEST -> 03:00 EET (01:00Z); 26 Mar 2023 03:00 EET -> 04:00 EEST.
    const autumn = activityBins(
      [itemAt('a', '2023-10-28T23:30:00Z'), itemAt('b', '2023-10-29T01:30:00Z')],
      { timeZone: VILNIUS, topicOrder: [] },
    );
    // Both 03:xx hours (EEST, then EET) make one two-hour bin labelled 03:00–04:00.
    expect(shape(autumn, VILNIUS)).toEqual(['02:00-03:00 1', '03:00-04:00 1']);
    expect(autumn[1]!.end - autumn[1]!.start).toBe(2 * HOUR);
    const spring = activityBins(
      [itemAt('a', '2023-03-26T00:30:00Z'), itemAt('b', '2023-03-26T01:30:00Z')],
      { timeZone: VILNIUS, topicOrder: [] },
    );
    expect(shape(spring, VILNIUS)).toEqual(['02:00-04:00 1', '04:00-05:00 1']);
    expect(spring[0]!.end - spring[0]!.start).toBe(HOUR);
  });

  it('falls back to the runtime zone for an unknown zone', () => {
    const bins = activityBins([itemAt('a', '2023-07-12T07:05:00Z')], {
      timeZone: 'Not/A_Zone',
      topicOrder: [],
    });
    expect(bins).toHaveLength(1);
    expect(bins[0]!.total).toBe(1);
  });

  it('covers spans of centuries within a handful of bins', () => {
    const items = [itemAt('a', '0001-01-01T00:00:00Z'), itemAt('b', '9999-12-31T23:59:59Z')];
    const bins = activityBins(items, { timeZone: VILNIUS, topicOrder: [], maxBins: 10 });
    expect(bins.length).toBeLessThanOrEqual(10);
    expect(bins.reduce((s, b) => s + b.total, 0)).toBe(2);
  });
});

describe('activityBins properties', () => {
  const zones = fc.constantFrom(
    'UTC',
    VILNIUS,
    'America/New_York',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'America/Sao_Paulo',
  );
  const start = at('2023-01-01T00:00:00Z');
  // Minutes over a year, so DST changes fall inside some spans; some spans are short, some long.
  const minutes = fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 525_600 }));
  const topics = fc.constantFrom([], ['a'], ['b', 'a'], ['c']);
  const input = fc.record({
    timeZone: zones,
    maxBins: fc.integer({ min: 1, max: 60 }),
    items: fc
      .array(fc.tuple(minutes, topics), { minLength: 1, maxLength: 40 })
      .map((list) =>
        list.map(([m, t], i) => item(`i${i}`, 0, { published: start + m * 60_000, topics: t })),
      ),
  });

  it('puts every item in exactly one bin, with contiguous bins and matching totals', () => {
    fc.assert(
      fc.property(input, ({ timeZone, maxBins, items }) => {
        const bins = activityBins(items, { timeZone, maxBins, topicOrder: ['a', 'b'] });
        expect(bins.length).toBeGreaterThan(0);
        expect(bins.length).toBeLessThanOrEqual(Math.max(2, maxBins));
        expect(bins.reduce((s, b) => s + b.total, 0)).toBe(items.length);
        for (const [i, b] of bins.entries()) {
          expect(b.end).toBeGreaterThan(b.start);
          if (i > 0) expect(b.start).toBe(bins[i - 1]!.end);
          expect(b.byTopic.reduce((s, t) => s + t.count, 0)).toBe(b.total);
        }
        for (const it of items) {
          const holding = bins.filter((b) => b.start <= it.published && it.published < b.end);
          expect(holding).toHaveLength(1);
        }
        // Counting items per bin by time gives the bins' totals.
        for (const b of bins) {
          const inside = items.filter((it) => b.start <= it.published && it.published < b.end);
          expect(b.total).toBe(inside.length);
        }
        // The first and last bins hold the first and last items: no empty bins at the ends.
        expect(bins[0]!.total).toBeGreaterThan(0);
        expect(bins.at(-1)!.total).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('starts hour bins on a local :00, or where the clock jumps past it', () => {
    // Spans of up to three days around the year's DST changes in these zones.
    const anchors = ['01-01', '03-12', '03-26', '04-02', '10-01', '10-29', '11-05'].map((d) =>
      at(`2023-${d}T00:00:00Z`),
    );
    const around = fc.record({
      timeZone: zones,
      items: fc
        .tuple(
          fc.constantFrom(...anchors),
          fc.array(fc.integer({ min: -4320, max: 4320 }), { minLength: 1, maxLength: 10 }),
        )
        .map(([a, ms]) => ms.map((m, i) => item(`i${i}`, 0, { published: a + m * 60_000 }))),
    });
    fc.assert(
      fc.property(around, ({ timeZone, items }) => {
        const bins = activityBins(items, { timeZone, maxBins: 1000, topicOrder: [] });
        expect(bins.every((b) => b.hours === 1)).toBe(true);
        for (const b of bins) {
          const minute = wallMinute(b.start, timeZone);
          const jumped = wallMinute(b.start - 60_000, timeZone) !== (minute + 1439) % 1440;
          expect(
            minute % 60 === 0 || jumped,
            `${timeZone} ${new Date(b.start).toISOString()}`,
          ).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});

/** Minutes since local midnight. */
function wallMinute(ms: number, timeZone: string): number {
  const [h, m] = clock(ms, timeZone).split(':').map(Number);
  return h! * 60 + m!;
}
