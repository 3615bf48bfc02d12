// Request coalescing and freshness for the server-side feed loader: however many pages render a
// feed at once, its origin sees at most one request per freshness interval, failures included.

export interface FreshnessOptions {
  /** The shortest time a result (or a failure) is reused: the floor that stops hammering. */
  readonly minFreshMs: number;
  /** The longest time a result is reused, whatever its max-age says. */
  readonly maxFreshMs: number;
  /** Keys kept; the least recently used goes first. */
  readonly maxEntries: number;
  /** What the values kept may weigh in all (`weigh` says how much each does), likewise. */
  readonly maxWeight: number;
  readonly now: () => number;
}

interface Entry<T> {
  /** The last good value, kept through failures: the next refresh revalidates against it. */
  readonly last: T | undefined;
  /** The value, or the failure, every get until `until` answers with. */
  readonly promise: Promise<T>;
  /** Infinity while the refresh is in flight. */
  readonly until: number;
  /** What `last` weighs. */
  readonly weight: number;
}

export interface CoalescingCache<T> {
  get(key: string): Promise<T>;
}

/**
 * `refresh(key, last)` makes the value for `key`, given the last good one (to revalidate it);
 * `maxAgeMs(value)` says how long the value is fresh, clamped to [minFreshMs, maxFreshMs].
 * Concurrent gets of one key share one refresh; a failed refresh is reused for minFreshMs.
 * Bounded by count and by weight (`weigh`): every URL with its own query string is a key, and a
 * value can be a whole feed document.
 */
export function createCoalescingCache<T>(
  refresh: (key: string, last: T | undefined) => Promise<T>,
  maxAgeMs: (value: T) => number,
  options: FreshnessOptions,
  weigh: (value: T) => number,
): CoalescingCache<T> {
  const { minFreshMs, maxFreshMs, maxEntries, maxWeight, now } = options;
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  const entries = new Map<string, Entry<T>>();
  let weight = 0;

  /** Sets `key`'s entry, in its place, or (`used`) as the most recently used. */
  function set(key: string, entry: Entry<T>, used: boolean) {
    weight += entry.weight - (entries.get(key)?.weight ?? 0);
    if (used) entries.delete(key);
    entries.set(key, entry);
  }

  /** Forgets the least recently used entries past the limits, but never `keep`. */
  function evict(keep: string) {
    for (const [key, entry] of entries) {
      if (entries.size <= maxEntries && weight <= maxWeight) return;
      // A refresh in flight stays, or a second caller would start a second request.
      if (entry.until !== Infinity && key !== keep) {
        entries.delete(key);
        weight -= entry.weight;
      }
    }
  }

  /** Replaces the entry with `next` if it is still waiting for `promise` (and not evicted). */
  function settle(key: string, next: Entry<T>) {
    if (entries.get(key)?.promise !== next.promise) return;
    set(key, next, false);
    evict(key);
  }

  function start(key: string, last: T | undefined): Promise<T> {
    const weighed = last === undefined ? 0 : weigh(last);
    const promise: Promise<T> = refresh(key, last).then(
      (value) => {
        const fresh = Math.min(maxFreshMs, Math.max(minFreshMs, maxAgeMs(value)));
        settle(key, { last: value, promise, until: now() + fresh, weight: weigh(value) });
        return value;
      },
      (error: unknown) => {
        settle(key, { last, promise, until: now() + minFreshMs, weight: weighed });
        throw error;
      },
    );
    set(key, { last, promise, until: Infinity, weight: weighed }, true);
    evict(key);
    return promise;
  }

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return start(key, undefined);
      // Most recently used last.
      set(key, entry, true);
      return now() < entry.until ? entry.promise : start(key, entry.last);
    },
  };
}
