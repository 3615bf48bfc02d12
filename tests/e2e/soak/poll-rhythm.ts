// The rhythm of the reader's polls, read from the producer's request log (simulated time): the
// contract's 15 s with ±10 % jitter while visible and healthy, a minute or more while hidden,
// back-off and Retry-After while the server fails.
import { expect } from '@playwright/test';
import type { LoggedRequest, Outage } from './feed-producer';

/** When the day's disturbances began and ended (simulated time). */
export interface Spans {
  readonly outages: { from: number; to: number; outage: Outage }[];
  readonly hidden: { from: number; to: number }[];
  /** When the machine woke. */
  readonly wakes: number[];
  /** When the server answered again. */
  readonly recoveries: number[];
}

export const NORMAL_GAP_MS: readonly [number, number] = [13_500, 16_500];
export const HIDDEN_MIN_GAP_MS = 60_000;
/** Back-off tops out at 300 s (+10 % jitter); a request that hangs adds the 10 s timeout. */
export const BACKOFF_MAX_GAP_MS = 300_000 * 1.1 + 10_000;

export function headRequests(log: readonly LoggedRequest[], feed: string): LoggedRequest[] {
  return log.filter((r) => r.feed === feed && r.doc === 'head');
}

/** Gaps (ms) between consecutive requests that both fall in [from, to). */
export function gapsWithin(requests: readonly LoggedRequest[], from: number, to: number) {
  const times = requests.map((r) => r.at).filter((t) => t >= from && t < to);
  return times.slice(1).map((t, i) => t - times[i]!);
}

export const isFailure = (r: LoggedRequest) =>
  r.outcome === 503 || r.outcome === 'reset' || r.outcome === 'hang';

/** After the clock jumped at `wake`: how long until the next poll, and the gaps after it. */
export function afterWake(requests: readonly LoggedRequest[], wake: number, gaps = 4) {
  const next = requests.filter((r) => r.at >= wake).slice(0, gaps + 1);
  return {
    firstAfterMs: next[0] ? next[0].at - wake : Infinity,
    gapsMs: next.slice(1).map((r, i) => r.at - next[i]!.at),
  };
}

/** How long after `end` the first answered poll came. */
export function recoveryMs(requests: readonly LoggedRequest[], end: number): number {
  const first = requests.find((r) => r.at >= end && !isFailure(r));
  return first ? first.at - end : Infinity;
}

export function within([min, max]: readonly [number, number], values: readonly number[]) {
  return values.every((v) => v >= min && v <= max);
}

const outside = (range: readonly [number, number], values: readonly number[]) =>
  values.filter((v) => !within(range, [v]));

/**
 * The rhythm the reader's page kept through the day: steady in the first hour; back to normal
 * within one interval of waking and of being shown again; a minute or more while hidden; back-off
 * within its cap, Retry-After obeyed, and recovery by itself after each outage.
 */
export function expectPollRhythm(polls: readonly LoggedRequest[], spans: Spans, openedAt: number) {
  // From the second poll: the first, on opening, waits for the first screen's paint.
  const firstHour = gapsWithin(polls, openedAt, openedAt + 3_600_000).slice(1);
  expect(outside(NORMAL_GAP_MS, firstHour), 'first hour: a steady rhythm').toEqual([]);
  for (const wake of spans.wakes) {
    const after = afterWake(polls, wake);
    expect(after.firstAfterMs, 'woken: a poll within one interval').toBeLessThanOrEqual(
      NORMAL_GAP_MS[1],
    );
    expect(outside(NORMAL_GAP_MS, after.gapsMs), 'woken: the normal rhythm').toEqual([]);
  }
  for (const { from, to } of spans.hidden) {
    // The first poll after hiding was already set; from then on, a minute at least.
    const gaps = gapsWithin(polls, from, to).slice(1);
    expect(Math.min(...gaps), 'hidden: slower polls').toBeGreaterThanOrEqual(HIDDEN_MIN_GAP_MS);
    const after = afterWake(polls, to);
    expect(after.firstAfterMs, 'shown: a poll within one interval').toBeLessThanOrEqual(
      NORMAL_GAP_MS[1],
    );
    expect(outside(NORMAL_GAP_MS, after.gapsMs), 'shown: the normal rhythm').toEqual([]);
  }
  for (const { from, to, outage } of spans.outages) {
    const failing = polls.filter((r) => r.at >= from && r.at < to && isFailure(r));
    expect(failing.length, 'the outage was met').toBeGreaterThan(0);
    const gaps = gapsWithin(failing, from, to);
    expect(Math.max(...gaps), 'back-off within its cap').toBeLessThanOrEqual(BACKOFF_MAX_GAP_MS);
    if (outage.kind === 'busy') {
      expect(Math.min(...gaps), 'Retry-After obeyed').toBeGreaterThanOrEqual(
        outage.retryAfterSeconds * 1000,
      );
    }
  }
  for (const from of spans.recoveries) {
    expect(recoveryMs(polls, from), 'recovery by itself').toBeLessThanOrEqual(BACKOFF_MAX_GAP_MS);
  }
}
