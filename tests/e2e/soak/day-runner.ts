// Plays the day's events (day-plan.ts) on the reader's page and the producer, and keeps what the
// rhythm checks need (poll-rhythm.ts): when each outage, hidden spell and sleep began and ended.
import { expect, type Page } from '@playwright/test';
import type { DayEvent } from './day-plan';
import type { FeedProducer, Outage } from './feed-producer';
import { BACKOFF_MAX_GAP_MS, NORMAL_GAP_MS, headRequests, type Spans } from './poll-rhythm';
import * as reader from './reader';
import { setTabHidden, type SimulatedTime } from './simulated-time';

export class DayRunner {
  readonly spans: Spans = { outages: [], hidden: [], wakes: [], recoveries: [] };
  readonly #page: Page;
  readonly #time: SimulatedTime;
  readonly #producer: FeedProducer;
  readonly #feed: string;
  readonly #onMeasure: (kind: 'baseline' | 'checkpoint') => Promise<void>;

  constructor(
    page: Page,
    time: SimulatedTime,
    producer: FeedProducer,
    feed: string,
    onMeasure: (kind: 'baseline' | 'checkpoint') => Promise<void>,
  ) {
    this.#page = page;
    this.#time = time;
    this.#producer = producer;
    this.#feed = feed;
    this.#onMeasure = onMeasure;
  }

  async perform(event: DayEvent): Promise<void> {
    const page = this.#page;
    const time = this.#time;
    switch (event.kind) {
      case 'browse':
        return reader.browseOlder(page, time);
      case 'topic':
        return reader.filterByTopic(page, time);
      case 'search':
        return reader.search(page, time);
      case 'clear':
        return reader.clearFilters(page, time);
      case 'baseline':
      case 'checkpoint':
        return this.#onMeasure(event.kind);
      case 'hidden':
        if (event.hidden) this.spans.hidden.push({ from: time.now, to: Infinity });
        else this.spans.hidden.at(-1)!.to = time.now;
        return setTabHidden(page, event.hidden);
      case 'sleep':
        await time.sleep(event.ms);
        this.spans.wakes.push(time.now);
        return;
      case 'outage':
        return this.#outage(event.outage);
    }
  }

  async #outage(next: Outage | null) {
    const current = this.spans.outages.at(-1);
    if (current && current.to === Infinity) {
      // The reader was told, and the page kept counting down to its next try (which may be due
      // in the very step the outage ends: "retrying now").
      await expect(reader.connectionNotice(this.#page)).toContainText(/retrying (in|now)/);
      current.to = this.#time.now;
    }
    this.#producer.setOutage(next);
    if (next) {
      this.spans.outages.push({ from: this.#time.now, to: Infinity, outage: next });
      return;
    }
    this.spans.recoveries.push(this.#time.now);
    const live = await this.#time.advanceUntil(
      BACKOFF_MAX_GAP_MS,
      async () => (await reader.connectionNotice(this.#page).textContent()) === '',
    );
    expect(live, 'the page recovers by itself once the server answers').toBe(true);
  }

  /**
   * Brings the page to the point of the poll cycle where it is measured, the same each time: at
   * the top, 6 s after a poll (its short timers have run; the next is at least 13.5 s away).
   */
  async toMeasuringPoint(): Promise<void> {
    await reader.scrollToTop(this.#page);
    const polls = () => headRequests(this.#producer.log, this.#feed).length;
    const before = polls();
    await this.#time.advanceUntil(NORMAL_GAP_MS[1], () => polls() > before);
    await this.#time.advance(6_000);
  }
}
