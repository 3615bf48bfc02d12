// What happens to the reader during the simulated day, in simulated time from the moment the page
// opens. The full day (npm run soak) has two long outages, two spells with the tab hidden, an hour
// of sleep, filters changed now and then, and the footprint measured on the way; the short day
// (CI) keeps one outage (both faces of it), one hidden spell and the hour of sleep.
import type { Outage } from './feed-producer';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (hours: number, minutes = 0) => hours * HOUR + minutes * MINUTE;

export type DayEvent =
  | { readonly at: number; readonly kind: 'browse' }
  | { readonly at: number; readonly kind: 'topic' | 'search' | 'clear' }
  | { readonly at: number; readonly kind: 'baseline' | 'checkpoint' }
  | { readonly at: number; readonly kind: 'outage'; readonly outage: Outage | null }
  | { readonly at: number; readonly kind: 'hidden'; readonly hidden: boolean }
  | { readonly at: number; readonly kind: 'sleep'; readonly ms: number };

export interface DayPlan {
  readonly hours: number;
  readonly events: readonly DayEvent[];
}

const BUSY: Outage = { kind: 'busy', retryAfterSeconds: 120 };
const UNREACHABLE: Outage = { kind: 'unreachable' };

const byTime = (events: DayEvent[]) => events.sort((a, b) => a.at - b.at);

/** The first hour, the same in both: read back into older pages, try a filter, then measure. */
const FIRST_HOUR: DayEvent[] = [
  { at: at(0, 5), kind: 'browse' },
  { at: at(0, 20), kind: 'topic' },
  { at: at(0, 30), kind: 'clear' },
  { at: at(1), kind: 'baseline' },
];

const FULL_DAY = byTime([
  ...FIRST_HOUR,
  { at: at(1, 30), kind: 'search' },
  { at: at(1, 45), kind: 'clear' },
  { at: at(2), kind: 'outage', outage: BUSY },
  { at: at(2, 40), kind: 'outage', outage: null },
  { at: at(3, 30), kind: 'hidden', hidden: true },
  { at: at(4), kind: 'hidden', hidden: false },
  { at: at(4, 30), kind: 'topic' },
  { at: at(5), kind: 'clear' },
  { at: at(6), kind: 'sleep', ms: HOUR },
  { at: at(8), kind: 'outage', outage: UNREACHABLE },
  { at: at(8, 50), kind: 'outage', outage: null },
  { at: at(9, 30), kind: 'hidden', hidden: true },
  { at: at(10, 15), kind: 'hidden', hidden: false },
  { at: at(11), kind: 'topic' },
  { at: at(11, 20), kind: 'search' },
  { at: at(12), kind: 'clear' },
  // Measured on the way, where the tab is shown, the server answers and no filter is set: how
  // the footprint gets from the first hour to the last.
  ...[at(3), at(5, 30), at(7, 30), at(10, 30), at(13)].map((t) => ({
    at: t,
    kind: 'checkpoint' as const,
  })),
]);

const SHORT_DAY: DayEvent[] = [
  ...FIRST_HOUR,
  { at: at(1, 5), kind: 'outage', outage: BUSY },
  { at: at(1, 15), kind: 'outage', outage: UNREACHABLE },
  { at: at(1, 25), kind: 'outage', outage: null },
  { at: at(1, 30), kind: 'hidden', hidden: true },
  { at: at(1, 40), kind: 'hidden', hidden: false },
  { at: at(1, 45), kind: 'sleep', ms: HOUR },
  { at: at(2, 48), kind: 'search' },
  { at: at(2, 52), kind: 'clear' },
];

/** The day for SOAK_HOURS: the full one from 14 hours, the short one from 3. */
export function dayPlan(hours: number): DayPlan {
  if (!(hours >= 3)) throw new RangeError(`SOAK_HOURS must be 3 or more, not ${hours}`);
  return { hours, events: hours >= 14 ? FULL_DAY : SHORT_DAY };
}

export const dayLength = (plan: DayPlan) => plan.hours * HOUR;
