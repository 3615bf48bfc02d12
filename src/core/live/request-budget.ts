// Requests the client makes beyond polling the head (older pages, pages that close a gap after
// the reader was away, the walk to a linked update) are drawn from one budget: a token bucket.
// Whatever a feed's next_url chain looks like, and whichever path follows it, a reader then
// costs the server at most `burst` page requests at once and `perSecond` after that
// (docs/scaling.md).

export interface RequestBudgetPolicy {
  /** Requests that may go at once. */
  readonly burst: number;
  /** Requests per second once the burst is spent. */
  readonly perSecond: number;
}

export const PAGE_REQUEST_POLICY: RequestBudgetPolicy = { burst: 10, perSecond: 1 };

export interface RequestBudget {
  /** Requests that may go now; below zero, requests already promised a later slot. */
  readonly tokens: number;
  /** When `tokens` was counted (epoch ms). */
  readonly at: number;
}

export function fullBudget(now: number, policy = PAGE_REQUEST_POLICY): RequestBudget {
  return { tokens: policy.burst, at: now };
}

/**
 * Takes one request from the budget. `waitMs`: how long the caller must wait before sending it.
 * Each call reserves its own slot, so callers that wait in parallel are still spaced out.
 */
export function takeRequest(
  budget: RequestBudget,
  now: number,
  policy = PAGE_REQUEST_POLICY,
): { readonly budget: RequestBudget; readonly waitMs: number } {
  const elapsed = Math.max(0, now - budget.at);
  const available = Math.min(policy.burst, budget.tokens + (elapsed / 1000) * policy.perSecond);
  const tokens = available - 1;
  const waitMs = tokens >= 0 ? 0 : Math.ceil((-tokens / policy.perSecond) * 1000);
  return { budget: { tokens, at: Math.max(now, budget.at) }, waitMs };
}
