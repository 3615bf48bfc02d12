// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  backoffSeconds,
  clampPollSeconds,
  nextPollDelayMs,
  type PollInput,
} from '../../../../src/core/live/poll-policy';

const base: PollInput = { hidden: false, ended: false, failures: 0, jitter: 0.5 };
const delay = (input: Partial<PollInput>) => nextPollDelayMs({ ...base, ...input });
/** The delay at the two ends of the jitter range. */
const range = (input: Partial<PollInput>) => [
  delay({ ...input, jitter: 0 }),
  delay({ ...input, jitter: 0.999999 }),
];

describe('poll policy', () => {
  it('polls every 15 s by default', () => {
    expect(delay({})).toBe(15_000);
  });

  it('follows poll_seconds, clamped to 5–300 s', () => {
    expect(delay({ pollSeconds: 30 })).toBe(30_000);
    expect(delay({ pollSeconds: 1 })).toBe(5_000);
    expect(delay({ pollSeconds: 86_400 })).toBe(300_000);
    expect(clampPollSeconds(Number.NaN)).toBe(15);
    expect(clampPollSeconds(undefined)).toBe(15);
  });

  it('jitters by ±10 %', () => {
    expect(range({})).toEqual([13_500, 16_500]);
    expect(range({ pollSeconds: 60 })).toEqual([54_000, 66_000]);
    // Out-of-range jitter is clamped rather than trusted.
    expect(delay({ jitter: -5 })).toBe(13_500);
    expect(delay({ jitter: 7 })).toBe(16_500);
  });

  it('in a hidden tab polls at a quarter of the rate, and at most once a minute', () => {
    // 15 s visible → 60 s hidden (4 × 15 s, and the minute floor).
    expect(delay({ hidden: true })).toBe(60_000);
    expect(delay({ hidden: true, pollSeconds: 5 })).toBe(60_000);
    expect(delay({ hidden: true, pollSeconds: 30 })).toBe(120_000);
    for (const pollSeconds of [5, 15, 16]) {
      const [low] = range({ hidden: true, pollSeconds });
      expect(low, `poll_seconds ${pollSeconds}`).toBeGreaterThanOrEqual(60_000);
    }
  });

  it('stops when the feed has ended', () => {
    expect(delay({ ended: true })).toBeNull();
    expect(delay({ ended: true, hidden: true })).toBeNull();
  });

  it('backs off exponentially on failures, up to 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffSeconds(n))).toEqual([
      10, 20, 40, 80, 160, 300, 300, 300,
    ]);
    expect(delay({ failures: 1 })).toBe(10_000);
    expect(delay({ failures: 3 })).toBe(40_000);
    expect(delay({ failures: 50 })).toBe(300_000);
    expect(range({ failures: 2 })).toEqual([18_000, 22_000]);
  });

  it('a failure streak ignores poll_seconds and the hidden rate', () => {
    expect(delay({ failures: 1, pollSeconds: 120, hidden: true })).toBe(10_000);
  });

  it('honours Retry-After as a floor that jitter never goes under', () => {
    expect(delay({ failures: 1, retryAfterSeconds: 120 })).toBe(120_000);
    expect(range({ failures: 1, retryAfterSeconds: 120 })).toEqual([120_000, 132_000]);
    // A short Retry-After does not shorten the back-off.
    expect(delay({ failures: 4, retryAfterSeconds: 5 })).toBe(80_000);
  });

  it('caps an absurd Retry-After at 30 minutes', () => {
    expect(range({ failures: 1, retryAfterSeconds: 86_400 })[0]).toBe(1_800_000);
    expect(backoffSeconds(1, -10)).toBe(10);
  });

  it('never polls sooner than the response’s max-age (still at most 300 s)', () => {
    expect(delay({ pollSeconds: 15, maxAgeSeconds: 60 })).toBe(60_000);
    expect(range({ pollSeconds: 15, maxAgeSeconds: 60 })[0]).toBeGreaterThanOrEqual(60_000);
    expect(delay({ pollSeconds: 15, maxAgeSeconds: 3600 })).toBe(300_000);
    expect(range({ pollSeconds: 15, maxAgeSeconds: 15 })).toEqual([15_000, 16_500]);
    // A shorter max-age does not speed polling up.
    expect(delay({ pollSeconds: 30, maxAgeSeconds: 10 })).toBe(30_000);
    expect(range({ hidden: true, maxAgeSeconds: 100 })).toEqual([360_000, 440_000]);
  });

  it('an ended feed with a failure still retries (the end may not have been real)', () => {
    expect(delay({ ended: true, failures: 1 })).toBe(10_000);
  });
});
