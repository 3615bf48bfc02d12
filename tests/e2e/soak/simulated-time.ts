// Drives a page through simulated time with Playwright's fake clock, paused: time moves only
// when the test moves it, in steps that end where a poll may start (page-probe.ts), and never
// while a feed request is being answered. So the producer's request log is in simulated time,
// and no request sees the clock jump under it; one that starts early inside a step would, and
// fails the test. A sleep is a jump (fastForward): timers that fell due fire once, on
// waking, as after a closed laptop lid.
import type { Page } from '@playwright/test';
import type { FeedProducer } from './feed-producer';
import { installProbe, type ProbeState } from './page-probe';

/** The most simulated time a request may see pass before it is answered. */
const UNANSWERED_MAX_MS = 1_000;

export class SimulatedTime {
  readonly #page: Page;
  readonly #producer: FeedProducer;
  #now: number;
  /** The last step: a request started inside it ran while the clock moved. */
  #span = { from: 0, to: 0 };
  #seenFetches = 0;
  /** Clock steps taken: what the day cost. */
  steps = 0;

  private constructor(page: Page, producer: FeedProducer, start: number) {
    this.#page = page;
    this.#producer = producer;
    this.#now = start;
  }

  /** Installs the paused fake clock at `start` and the probe; call before the page loads. */
  static async install(page: Page, producer: FeedProducer, start: number) {
    // Installed a little earlier: the clock runs until it is paused.
    await page.clock.install({ time: start - 1_000 });
    await page.clock.pauseAt(start);
    await page.addInitScript(installProbe, producer.origin);
    producer.setNow(start);
    return new SimulatedTime(page, producer, start);
  }

  /** Another page of the same browser context, whose clock is already installed and paused. */
  static async attach(page: Page, producer: FeedProducer, now: number) {
    await page.addInitScript(installProbe, producer.origin);
    return new SimulatedTime(page, producer, now);
  }

  get now(): number {
    return this.#now;
  }

  /**
   * The page's state once every feed request has been answered, except those the producer
   * holds (they end when the client gives up).
   */
  async state(): Promise<ProbeState> {
    for (;;) {
      const allowed = this.#producer.hanging;
      const stop = new AbortController();
      const settled = this.#page.evaluate(([n, seen]) => window.__soakProbe!.settled(n, seen), [
        allowed,
        this.#seenFetches,
      ] as const);
      const hang = this.#producer.nextHang(stop.signal).then(
        () => undefined,
        () => undefined,
      );
      const state = await Promise.race([settled, hang]);
      stop.abort();
      if (state) return this.#checked(state);
      // Still waiting on what is now held: it settles when the client gives up, or with the page.
      settled.catch(() => undefined);
    }
  }

  async settle(): Promise<void> {
    await this.state();
  }

  /** Runs the clock forward by `ms`, firing every timer on the way, in order. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    let state = await this.state();
    while (this.#now < target) {
      await this.#runTo(Math.min(target, Math.max(this.#now + 1, state.nextDue ?? target)));
      state = await this.state();
    }
  }

  /** Runs the clock, step by step, until `reached` holds; false if it did not within `ms`. */
  async advanceUntil(ms: number, reached: () => boolean | Promise<boolean>): Promise<boolean> {
    const limit = this.#now + ms;
    for (;;) {
      const state = await this.state();
      if (await reached()) return true;
      if (this.#now >= limit) return false;
      await this.#runTo(Math.min(limit, Math.max(this.#now + 1, state.nextDue ?? limit)));
    }
  }

  /**
   * A request that starts inside a step (a page after an animation frame) sees the rest of the
   * step pass unanswered: up to a second of that is harmless; a poll's timer, or a wait before a
   * request, that the probe missed would show here.
   */
  #checked(state: ProbeState): ProbeState {
    const { from, to } = this.#span;
    const late = state.fetchStarts.filter((t) => t > from && to - t > UNANSWERED_MAX_MS);
    if (late.length > 0) {
      throw new Error(
        `feed requests started at ${late.join(', ')} inside the clock step ${from}…${to}: ` +
          'the probe missed what started them (page-probe.ts)',
      );
    }
    this.#seenFetches = state.fetches;
    return state;
  }

  /** The machine sleeps: the clock jumps by `ms`; timers that fell due fire once, on waking. */
  async sleep(ms: number): Promise<void> {
    await this.settle();
    this.#now += ms;
    this.#producer.setNow(this.#now);
    await this.#page.clock.fastForward(ms);
    this.#span = { from: this.#now, to: this.#now };
    this.steps++;
    await this.settle();
  }

  async #runTo(to: number) {
    this.#producer.setNow(to);
    await this.#page.clock.runFor(to - this.#now);
    this.#span = { from: this.#now, to };
    this.#now = to;
    this.steps++;
  }
}

/** Hides or shows the tab as the browser would (the page's visibility state and its event). */
export async function setTabHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((h) => {
    const state = h ? 'hidden' : 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, hidden);
}
