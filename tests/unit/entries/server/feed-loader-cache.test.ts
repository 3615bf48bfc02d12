// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  createCoalescingCache,
  type FreshnessOptions,
} from '../../../../src/entries/server/feed-loader-cache';

/** A source whose every refresh waits until the test answers it, as a slow origin would. */
function slowSource() {
  const calls: { key: string; last: string | undefined }[] = [];
  const pending = new Map<string, { answer(v: string): void; fail(e: Error): void }>();
  const refresh = (key: string, last: string | undefined) => {
    calls.push({ key, last });
    return new Promise<string>((answer, fail) => pending.set(key, { answer, fail }));
  };
  return {
    calls,
    refresh,
    answer: (key: string, value: string) => pending.get(key)!.answer(value),
    fail: (key: string) => pending.get(key)!.fail(new Error(`${key} failed`)),
  };
}

class Busy extends Error {}

function make(source: ReturnType<typeof slowSource>, options: Partial<FreshnessOptions> = {}) {
  let clock = 1_000_000;
  const cache = createCoalescingCache<string>(
    source.refresh,
    () => 0,
    {
      minFreshMs: 1000,
      maxFreshMs: 60_000,
      maxEntries: 100,
      maxWeight: 1e9,
      maxLoads: 2,
      busy: (key) => new Busy(key),
      now: () => clock,
      ...options,
    },
    (value) => value.length,
  );
  return { cache, tick: (ms: number) => (clock += ms) };
}

/** What a promise has come to so far: its value, its error, or 'waiting'. */
async function state<T>(promise: Promise<T>): Promise<T | Error | 'waiting'> {
  return Promise.race([
    promise.catch((e: unknown) => e as Error),
    // Settled promises win the race: their handlers are queued before this one.
    new Promise<'waiting'>((resolve) => setImmediate(resolve, 'waiting')),
  ]);
}

describe('createCoalescingCache: loads under way', () => {
  it('refuses a new key past maxLoads, at once and without asking the source', async () => {
    const source = slowSource();
    const { cache } = make(source);
    const a = cache.get('a');
    const b = cache.get('b');
    const refused = cache.get('c');
    expect(await state(refused)).toBeInstanceOf(Busy);
    expect(source.calls.map((c) => c.key)).toEqual(['a', 'b']);
    // Those under way go on, and every caller of one key shares its load: it counts once.
    const again = [cache.get('a'), cache.get('a'), cache.get('b')];
    expect(source.calls).toHaveLength(2);
    source.answer('a', 'A');
    expect(await a).toBe('A');
    expect(await again[0]).toBe('A');
    expect(await state(b)).toBe('waiting');
  });

  it('counts a load until it ends, whether or not anyone still waits for it', async () => {
    const source = slowSource();
    const { cache } = make(source);
    // Callers that give up (a page sent as built) leave their loads running, and counted.
    void cache.get('a').catch(() => {});
    void cache.get('b').catch(() => {});
    expect(await state(cache.get('c'))).toBeInstanceOf(Busy);

    // A failure ends a load as much as an answer does: its slot is free again.
    source.fail('a');
    await Promise.resolve();
    const c = cache.get('c');
    expect(source.calls.map((x) => x.key)).toEqual(['a', 'b', 'c']);
    expect(await state(cache.get('d'))).toBeInstanceOf(Busy);
    source.answer('b', 'B');
    await Promise.resolve();
    void cache.get('d');
    expect(source.calls.map((x) => x.key)).toEqual(['a', 'b', 'c', 'd']);
    source.answer('c', 'C');
    expect(await c).toBe('C');
  });

  it('still answers from a fresh value at the limit, and keeps no refusal', async () => {
    const source = slowSource();
    const { cache, tick } = make(source);
    const first = cache.get('a');
    source.answer('a', 'A1');
    await first;
    void cache.get('b');
    void cache.get('c');
    // Fresh: no load needed, so no refusal.
    expect(await cache.get('a')).toBe('A1');

    // Stale, with every slot taken: refused, and the last good value is kept to revalidate.
    tick(1000);
    expect(await state(cache.get('a'))).toBeInstanceOf(Busy);
    source.answer('b', 'B');
    await Promise.resolve();
    // Not the refusal kept for minFreshMs: the next get, with a slot free, asks the source.
    const again = cache.get('a');
    expect(source.calls.at(-1)).toEqual({ key: 'a', last: 'A1' });
    source.answer('a', 'A2');
    expect(await again).toBe('A2');
  });
});
