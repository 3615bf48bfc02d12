const HOURS_PER_DAY = 24;
const HOURS_PER_WEEK = 7 * HOURS_PER_DAY;

/**
 * The activity chart's bar width in the unit a reader would name it by: weeks, days or hours
 * (each catalogue's `chartCaption`).
 */
export function barWidth(hours: number): { n: number; unit: 'week' | 'day' | 'hour' } {
  if (hours % HOURS_PER_WEEK === 0) return { n: hours / HOURS_PER_WEEK, unit: 'week' };
  if (hours % HOURS_PER_DAY === 0) return { n: hours / HOURS_PER_DAY, unit: 'day' };
  return { n: hours, unit: 'hour' };
}
