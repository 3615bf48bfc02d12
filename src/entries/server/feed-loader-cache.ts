// Request coalescing and freshness for the server-side feed loader: however many pages render a
// feed at once, its origin sees at most one request per freshness interval, failures included.

export interface FreshnessOptions {
  /** The shortest time a result (or a failure) is reused: the floor that stops hammering. */
  readonly minFreshMs: number;
  /** The longest time a result is reused, whatever its max-age says. */
  readonly maxFreshMs: number;
  /** Keys kept; the least recently used goes first. */
  readonly maxEntries: number;
  readonly now: () => number;
}

interface Entry<T> {
  /** The last good value, kept through failures: the next refresh revalidates against it. */
  readonly last: T | undefined;
  /** The value, or the failure, every get until `until` answers with. */
  readonly promise: Promise<T>;
  /** Infinity while the refresh is in flight. */
  readonly until: number;
}

export interface CoalescingCache<T> {
  get(key: string): Promise<T>;
}

/**
 * `refresh(key, last)` makes the value for `key`, given the last good one (to revalidate it);
 * `maxAgeMs(value)` says how long the value is fresh, clamped to [minFreshMs, maxFreshMs].
 * Concurrent gets of one key share one refresh; a failed refresh is reused for minFreshMs.
 */
export function createCoalescingCache<T>(
  refresh: (key: string, last: T | undefined) => Promise<T>,
  maxAgeMs: (value: T) => number,
  options: FreshnessOptions,
): CoalescingCache<T> {
  const { minFreshMs, maxFreshMs, maxEntries, now } = options;
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  const entries = new Map<string, Entry<T>>();

  function evict() {
    for (const [key, entry] of entries) {
      if (entries.size <= maxEntries) return;
      // A refresh in flight stays, or a second caller would start a second request.
      if (entry.until !== Infinity) entries.delete(key);
    }
  }

  /** Replaces the entry with `next` if it is still waiting for `promise` (and not evicted). */
  function settle(key: string, next: Entry<T>) {
    if (entries.get(key)?.promise === next.promise) entries.set(key, next);
  }

  function start(key: string, last: T | undefined): Promise<T> {
    const promise: Promise<T> = refresh(key, last).then(
      (value) => {
        const fresh = Math.min(maxFreshMs, Math.max(minFreshMs, maxAgeMs(value)));
        settle(key, { last: value, promise, until: now() + fresh });
        return value;
      },
      (error: unknown) => {
        settle(key, { last, promise, until: now() + minFreshMs });
        throw error;
      },
    );
    entries.delete(key);
    entries.set(key, { last, promise, until: Infinity });
    evict();
    return promise;
  }

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return start(key, undefined);
      // Most recently used last.
      entries.delete(key);
      entries.set(key, entry);
      return now() < entry.until ? entry.promise : start(key, entry.last);
    },
  };
}
