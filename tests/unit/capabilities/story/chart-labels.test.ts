import { describe, expect, it } from 'vitest';
import { activityBins } from '../../../../src/core/timeline/activity-bins';
import { rangeLabel, tickLabels } from '../../../../src/capabilities/story/chart-labels';
import { item } from '../../../support/feed-builders';

// An update every hour from 13:10 to 17:10 UTC: five hourly bins, 13:00 to 18:00.
const bins = activityBins(
  Array.from({ length: 5 }, (_, i) =>
    item(`u${i}`, 0, { published: Date.UTC(2023, 6, 12, 13 + i, 10) }),
  ),
  { timeZone: 'UTC', topicOrder: [] },
);
const drawn = (most?: number) =>
  tickLabels(bins, 'en-GB', 'UTC', false, false, most).filter((l) => l !== undefined);

describe('the chart’s time labels', () => {
  it('label every hour of a short span where there is room', () => {
    expect(drawn()).toEqual(['13:00', '14:00', '15:00', '16:00', '17:00']);
  });

  it('keep to the room the plot has, on rounder hours', () => {
    expect(drawn(3)).toEqual(['14:00', '16:00']);
    expect(drawn(2)).toEqual(['15:00']);
  });

  it('label the first bar when the room leaves no round hour in the span', () => {
    expect(drawn(1)).toEqual(['13:00']);
  });

  it('space day-wide bars by the room too', () => {
    const days = activityBins(
      Array.from({ length: 30 }, (_, i) =>
        item(`d${i}`, 0, { published: Date.UTC(2023, 5, 1 + i, 12) }),
      ),
      { timeZone: 'UTC', topicOrder: [] },
    );
    const labels = (most?: number) =>
      tickLabels(days, 'en-GB', 'UTC', true, false, most).filter((l) => l !== undefined);
    expect(days[0]!.hours).toBeGreaterThanOrEqual(24);
    expect(labels().length).toBeLessThanOrEqual(6);
    expect(labels(2).length).toBeLessThanOrEqual(2);
    expect(labels(2)[0]).toBe('1 Jun');
  });

  it('write the hour as the reader’s locale does', () => {
    const us = tickLabels(bins, 'en-US', 'America/New_York', false, false);
    expect(us.filter((l) => l !== undefined)).toEqual([
      '9:00 AM',
      '10:00 AM',
      '11:00 AM',
      '12:00 PM',
      '1:00 PM',
    ]);
  });

  it('name the hour the clocks go back by the wall clock: one bar, no zone', () => {
    // Updates from 00:30 to 02:30 in New York on 3 November 2024, 01:00–01:59 twice.
    const night = activityBins(
      [4.5, 5.5, 6.5, 7.5].map((h, i) =>
        item(`n${i}`, 0, { published: Date.UTC(2024, 10, 3, 0) + h * 3_600_000 }),
      ),
      { timeZone: 'America/New_York', topicOrder: [] },
    );
    const ranges = night.map((b) => rangeLabel(b, 'en-US', 'America/New_York', false, false));
    expect(ranges).toEqual(['12:00 AM–1:00 AM', '1:00 AM–2:00 AM', '2:00 AM–3:00 AM']);
    expect(tickLabels(night, 'en-US', 'America/New_York', false, false)).toEqual([
      '12:00 AM',
      '1:00 AM',
      '2:00 AM',
    ]);
  });
});
