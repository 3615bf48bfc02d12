// When to poll next. Pure so that back-off, jitter and hidden-tab rules are tested without
// timers, and so that React Query's own interval (which keeps firing after errors and pauses
// retries in hidden tabs) is only the clock, not the policy.

export const POLL_DEFAULT_SECONDS = 15;
export const POLL_MIN_SECONDS = 5;
export const POLL_MAX_SECONDS = 300;
export const BACKOFF_FIRST_SECONDS = 10;
export const BACKOFF_MAX_SECONDS = 300;
/** A Retry-After beyond this is treated as a mistake rather than obeyed for hours. */
export const RETRY_AFTER_MAX_SECONDS = 1800;
export const HIDDEN_MIN_SECONDS = 60;

export interface PollInput {
  /** `_liveblog.poll_seconds` of the feed, if any. */
  readonly pollSeconds?: number;
  /** `Cache-Control: max-age` of the last response: polling sooner would only hit the cache. */
  readonly maxAgeSeconds?: number;
  readonly hidden: boolean;
  readonly ended: boolean;
  /** Consecutive failed polls. */
  readonly failures: number;
  readonly retryAfterSeconds?: number;
  /** A number in [0, 1) drawn once per poll, so every reader of the same state agrees. */
  readonly jitter: number;
}

export function clampPollSeconds(seconds: number | undefined): number {
  if (seconds === undefined || !Number.isFinite(seconds)) return POLL_DEFAULT_SECONDS;
  return Math.min(POLL_MAX_SECONDS, Math.max(POLL_MIN_SECONDS, seconds));
}

/** ±10 % around the base so that a million readers who loaded at once drift apart. */
function withJitter(seconds: number, jitter: number): number {
  return seconds * (0.9 + 0.2 * Math.min(Math.max(jitter, 0), 1));
}

export function backoffSeconds(failures: number, retryAfterSeconds?: number): number {
  const exponential = Math.min(
    BACKOFF_MAX_SECONDS,
    BACKOFF_FIRST_SECONDS * 2 ** Math.max(0, failures - 1),
  );
  const told = Math.min(RETRY_AFTER_MAX_SECONDS, Math.max(0, retryAfterSeconds ?? 0));
  return Math.max(exponential, told);
}

/** Milliseconds until the next poll, or null when polling should stop. */
export function nextPollDelayMs(input: PollInput): number | null {
  if (input.failures > 0) {
    const base = backoffSeconds(input.failures, input.retryAfterSeconds);
    // Retry-After is a floor the server asked for: jitter only upwards from it.
    const jittered = withJitter(base, input.jitter);
    const floor = Math.min(RETRY_AFTER_MAX_SECONDS, input.retryAfterSeconds ?? 0);
    return Math.round(Math.max(jittered, floor) * 1000);
  }
  if (input.ended) return null;
  let seconds = clampPollSeconds(input.pollSeconds);
  // max-age and the hidden tab's once a minute are floors: jitter only spreads polls above them.
  let floor = Math.min(POLL_MAX_SECONDS, Math.max(0, input.maxAgeSeconds ?? 0));
  seconds = Math.max(seconds, floor);
  if (input.hidden) {
    seconds = Math.max(seconds * 4, HIDDEN_MIN_SECONDS);
    floor = Math.max(floor, HIDDEN_MIN_SECONDS);
  }
  return Math.round(Math.max(withJitter(seconds, input.jitter), floor) * 1000);
}
