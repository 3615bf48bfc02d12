/**
 * How far ahead of the reader's clock a newsroom's may be: a time up to this far in the future is
 * "just now"; one further ahead (a mistyped year, a scheduled post) is not news yet.
 */
export const CLOCK_AHEAD_MS = 5 * 60_000;
