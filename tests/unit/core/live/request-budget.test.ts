// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  fullBudget,
  takeRequest,
  type RequestBudget,
} from '../../../../src/core/live/request-budget';

const policy = { burst: 3, perSecond: 2 };

/** The waits of `count` requests asked for at `now`, one after another. */
function waits(budget: RequestBudget, now: number, count: number): number[] {
  const out: number[] = [];
  for (let n = 0; n < count; n++) {
    const taken = takeRequest(budget, now, policy);
    out.push(taken.waitMs);
    budget = taken.budget;
  }
  return out;
}

describe('the page request budget', () => {
  it('lets a burst go at once, then spaces requests at the steady rate', () => {
    expect(waits(fullBudget(0, policy), 0, 6)).toEqual([0, 0, 0, 500, 1000, 1500]);
  });

  it('refills with time, but never beyond the burst', () => {
    let budget = fullBudget(0, policy);
    for (let n = 0; n < 3; n++) budget = takeRequest(budget, 0, policy).budget;
    // One second later two requests have come back.
    expect(waits(budget, 1000, 3)).toEqual([0, 0, 500]);
    // An hour of quiet still allows only a burst.
    expect(waits(budget, 3_600_000, 4)).toEqual([0, 0, 0, 500]);
  });

  it('a clock that goes backwards earns nothing and keeps the later time', () => {
    let budget = fullBudget(10_000, policy);
    for (let n = 0; n < 3; n++) budget = takeRequest(budget, 10_000, policy).budget;
    const taken = takeRequest(budget, 5_000, policy);
    expect(taken.waitMs).toBe(500);
    expect(taken.budget.at).toBe(10_000);
  });

  it('by default allows a burst of 10, then one request a second', () => {
    const budget = fullBudget(0);
    expect(budget.tokens).toBe(10);
    let b = budget;
    const out: number[] = [];
    for (let n = 0; n < 12; n++) {
      const taken = takeRequest(b, 0);
      out.push(taken.waitMs);
      b = taken.budget;
    }
    expect(out.slice(9)).toEqual([0, 1000, 2000]);
  });
});
