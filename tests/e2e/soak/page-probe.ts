// What the soak tests watch inside the page, installed by an init script after Playwright's fake
// clock: the page's live timers (setTimeout, setInterval), so the driver knows when the next poll
// may start and the figures can count them; and the feed requests in flight (until the whole
// body has arrived), so the clock never runs on while the network is answering.
//
// Polls are repeating timers. Which ones poll is learnt by watching them: a repeating callback
// that started a feed request is a poller for good; one that fired twice without ever starting
// one (a countdown, a clock) is quiet. The driver stops the clock at every repeating timer that
// is not known to be quiet, and at a request's timeout while one is in flight (its failure sets
// the next poll); the rest fire on the way.

export interface ProbeState {
  /** Fake-clock time in the page. */
  readonly now: number;
  /** When the next repeating timer that may poll fires. */
  readonly nextDue: number | null;
  readonly inFlight: number;
  /** Fake-clock times of the feed requests started, from the `seen`-th on. */
  readonly fetchStarts: readonly number[];
  /** Feed requests started so far. */
  readonly fetches: number;
  /** setTimeout and setInterval callbacks pending: the figure the soak reports. */
  readonly timers: number;
}

interface Probe {
  /** The state once no more than `allowed` feed requests are in flight. */
  settled(allowed: number, seen: number): Promise<ProbeState>;
  /** setTimeout and setInterval callbacks pending. */
  timers(): number;
}

declare global {
  interface Window {
    __soakProbe?: Probe;
  }
}

/** Runs in the page (addInitScript), after the fake clock is installed. */
export function installProbe(feedOrigin: string) {
  type Callback = (...args: unknown[]) => void;
  /** `source`: a repeating timer's callback, as written (one per place in the code). */
  type Entry = { due: number; source?: string };
  const pending = new Map<number, Entry>();
  const pollers = new Set<string>();
  const silentFires = new Map<string, number>();
  let fetches = 0;
  let inFlight = 0;
  // Start times the driver has not read yet: the probe's own heap is measured with the page's,
  // so what it has read is dropped rather than kept all day.
  const fetchStarts: number[] = [];
  let fetchesRead = 0;
  const w = window;
  const realSetTimeout = w.setTimeout.bind(w);
  const realSetInterval = w.setInterval.bind(w);
  const realClearTimeout = w.clearTimeout.bind(w);
  const realClearInterval = w.clearInterval.bind(w);

  w.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const id: number = realSetTimeout(
      (...a: unknown[]) => {
        pending.delete(id);
        if (typeof handler === 'function') (handler as Callback)(...a);
      },
      delay,
      ...args,
    );
    pending.set(id, { due: Date.now() + Math.max(0, Number(delay) || 0) });
    return id;
  }) as typeof setTimeout;
  w.setInterval = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const every = Math.max(1, Number(delay) || 0);
    const source = String(handler);
    const entry: Entry = { due: Date.now() + every, source };
    const id = realSetInterval(
      (...a: unknown[]) => {
        entry.due = Date.now() + every;
        const before = fetches;
        if (typeof handler === 'function') (handler as Callback)(...a);
        if (fetches > before) pollers.add(source);
        else silentFires.set(source, (silentFires.get(source) ?? 0) + 1);
      },
      delay,
      ...args,
    );
    pending.set(id, entry);
    return id;
  }) as typeof setInterval;
  // Browsers let either clear function cancel either kind of timer.
  w.clearTimeout = ((id?: number) => {
    if (id !== undefined) pending.delete(id);
    realClearTimeout(id);
  }) as typeof clearTimeout;
  w.clearInterval = ((id?: number) => {
    if (id !== undefined) pending.delete(id);
    realClearInterval(id);
  }) as typeof clearInterval;
  // A request's timeout: while one is in flight, its failure may bring the next poll forward.
  const timeouts = new Set<{ due: number }>();
  const realAbortTimeout = AbortSignal.timeout.bind(AbortSignal);
  AbortSignal.timeout = (ms) => {
    const signal = realAbortTimeout(ms);
    const timeout = { due: Date.now() + ms };
    timeouts.add(timeout);
    signal.addEventListener('abort', () => timeouts.delete(timeout), { once: true });
    return signal;
  };
  const quiet = (source: string) => !pollers.has(source) && (silentFires.get(source) ?? 0) >= 2;

  const idleWaiters: { allowed: number; resolve: () => void }[] = [];
  const settle = () => {
    inFlight--;
    for (const waiter of [...idleWaiters]) {
      if (inFlight <= waiter.allowed) {
        idleWaiters.splice(idleWaiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  const realFetch = w.fetch.bind(w);
  w.fetch = (input, init) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const reply = realFetch(input, init);
    if (!href.startsWith(feedOrigin)) return reply;
    fetches++;
    inFlight++;
    fetchStarts.push(Date.now());
    // In flight until the whole body is in (a copy of it, read here), or the request failed.
    reply
      .then((response) => response.clone().arrayBuffer())
      .catch(() => undefined)
      .finally(settle);
    return reply;
  };

  const state = (seen: number): ProbeState => {
    const now = Date.now();
    let nextDue: number | null = null;
    for (const { due, source } of pending.values()) {
      if (source !== undefined && !quiet(source) && (nextDue === null || due < nextDue))
        nextDue = due;
    }
    if (inFlight > 0) {
      for (const { due } of timeouts)
        if (due > now && (nextDue === null || due < nextDue)) nextDue = due;
    }
    fetchStarts.splice(0, seen - fetchesRead);
    fetchesRead = seen;
    const started = fetchStarts.slice();
    return { now, nextDue, inFlight, fetchStarts: started, fetches, timers: pending.size };
  };
  w.__soakProbe = {
    async settled(allowed, seen) {
      if (inFlight > allowed) {
        await new Promise<void>((resolve) => idleWaiters.push({ allowed, resolve }));
      }
      return state(seen);
    },
    timers: () => pending.size,
  };
}
