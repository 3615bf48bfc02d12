import { useCallback, useSyncExternalStore } from 'react';

// One shared timer per period for the whole page, however many items show a relative time.
interface Ticker {
  now: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval> | undefined;
}
const tickers = new Map<number, Ticker>();
let watching = false;

function tick(t: Ticker) {
  t.now = Date.now();
  for (const l of t.listeners) l();
}

function ticker(periodMs: number): Ticker {
  let t = tickers.get(periodMs);
  if (!t) tickers.set(periodMs, (t = { now: Date.now(), listeners: new Set(), timer: undefined }));
  return t;
}

function subscribe(periodMs: number, listener: () => void) {
  const t = ticker(periodMs);
  t.listeners.add(listener);
  if (t.timer === undefined) {
    // A change here re-renders every subscriber before the first paint. A clock of minutes (the
    // relative times of every update) may be a moment old, not ahead of a clock put back; one of
    // seconds (a countdown) may not.
    if (periodMs <= 1_000 || Math.abs(Date.now() - t.now) >= periodMs) t.now = Date.now();
    t.timer = setInterval(() => tick(t), periodMs);
  }
  // Timers stand still while the machine sleeps or the page is hidden or in the back/forward
  // cache: the times are put right as the page is shown again, not up to a period later.
  if (!watching) {
    watching = true;
    document.addEventListener('visibilitychange', () => {
      for (const each of tickers.values()) if (each.timer !== undefined) tick(each);
    });
  }
  return () => {
    t.listeners.delete(listener);
    if (t.listeners.size === 0 && t.timer !== undefined) {
      clearInterval(t.timer);
      t.timer = undefined;
    }
  };
}

/**
 * Puts right each clock more than a period behind: its timer stood still while the machine slept
 * with the page shown, which no event tells. The feed's poll, due within its interval of waking,
 * calls this; a clock its timer keeps is left as it is.
 */
export function catchUpClocks(): void {
  for (const [period, t] of tickers)
    if (t.timer !== undefined && Date.now() - t.now > period) tick(t);
}

/**
 * The current time, refreshed every `periodMs` by a timer shared with every other caller. While
 * the server renders and while the page hydrates its HTML it is `serverNow`: 0 (not known, the
 * server's clock is not the reader's: callers show absolute times) unless the caller accepts the
 * time the page was rendered at (render-time.ts).
 */
export function useNow(periodMs = 60_000, enabled = true, serverNow = 0): number {
  const sub = useCallback(
    (listener: () => void) => (enabled ? subscribe(periodMs, listener) : () => {}),
    [periodMs, enabled],
  );
  return useSyncExternalStore(
    sub,
    () => (enabled ? ticker(periodMs).now : 0),
    () => serverNow,
  );
}
