// Request coalescing and freshness for the server-side feed loader: however many pages render a
// feed at once, its origin sees at most one request per freshness interval, failures included;
// and however many feeds they name, at most maxLoads requests are under way at once.

export interface FreshnessOptions {
  /** The shortest time a result (or a failure) is reused: the floor that stops hammering. */
  readonly minFreshMs: number;
  /** The longest time a result is reused, whatever its max-age says. */
  readonly maxFreshMs: number;
  /** Keys kept; the least recently used goes first. */
  readonly maxEntries: number;
  /** What the values kept may weigh in all (`weigh` says how much each does), likewise. */
  readonly maxWeight: number;
  /**
   * Refreshes under way at once, each counted until it settles, whether or not anyone still
   * waits for it: entries in flight are never evicted, so without this a burst of new keys
   * under a slow source would pile them up without bound.
   */
  readonly maxLoads: number;
  /** The rejection for a get that would start a refresh past maxLoads. */
  readonly busy: (key: string) => Error;
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
 * value can be a whole feed document. A get that needs a refresh while maxLoads are under way
 * is rejected with `busy(key)` and changes nothing: the refusal is not the source's failure, so
 * it is neither kept for minFreshMs nor put in place of the last good value.
 */
export function createCoalescingCache<T>(
  refresh: (key: string, last: T | undefined) => Promise<T>,
  maxAgeMs: (value: T) => number,
  options: FreshnessOptions,
  weigh: (value: T) => number,
): CoalescingCache<T> {
  const { minFreshMs, maxFreshMs, maxEntries, maxWeight, maxLoads, busy, now } = options;
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  const entries = new Map<string, Entry<T>>();
  let weight = 0;
  /** Refreshes started and not yet settled. */
  let loading = 0;

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
    const pending = refresh(key, last);
    loading++;
    const promise: Promise<T> = pending.then(
      (value) => {
        loading--;
        const fresh = Math.min(maxFreshMs, Math.max(minFreshMs, maxAgeMs(value)));
        settle(key, { last: value, promise, until: now() + fresh, weight: weigh(value) });
        return value;
      },
      (error: unknown) => {
        loading--;
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
      if (entry && now() < entry.until) {
        // Most recently used last.
        set(key, entry, true);
        return entry.promise;
      }
      if (loading >= maxLoads) return Promise.reject(busy(key));
      return start(key, entry?.last);
    },
  };
}
