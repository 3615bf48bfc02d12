// A reader's page in the soak tests: opened on the simulated clock, played a list of events,
// measured where it always is, checked for every update once.
import { expect, type Page } from '@playwright/test';
import type { DayEvent } from './day-plan';
import type { DayRunner } from './day-runner';
import type { FeedProducer } from './feed-producer';
import type { PageMeter } from './page-metrics';
import * as reader from './reader';
import type { SimulatedTime } from './simulated-time';
import type { SoakServers } from './soak-servers';

/** Opens the standalone page on `feed`, and waits for the first answer. */
export async function openPage(
  page: Page,
  time: SimulatedTime,
  servers: SoakServers,
  feed: string,
) {
  await page.goto(servers.pageUrl(feed));
  await time.advance(1_000);
  await expect(reader.statusLine(page)).toHaveText(/^Live/);
  // Playwright puts a script of its own into the page the first time the test reads the page
  // from inside: done at once, every figure includes it.
  await reader.shownUpdates(page);
}

/** Plays `events` from now on. */
export async function live(time: SimulatedTime, day: DayRunner, events: readonly DayEvent[]) {
  const from = time.now;
  for (const event of events) {
    await time.advance(from + event.at - time.now);
    await day.perform(event);
  }
}

/** The updates of `feed` a page holds: all it was given (from log entry `from` on), less the
 * retracted. */
export function held(producer: FeedProducer, feed: string, from: number): number {
  const given = producer.updatesSent(feed, from);
  for (const id of producer.newsroom(feed).expected(producer.newsAt).retracted) given.delete(id);
  return given.size;
}

/** The page measured where it always is: at the top, no filter, 6 s after a poll. */
export async function measure(page: Page, meter: PageMeter, day: DayRunner, holding: () => number) {
  await day.toMeasuringPoint();
  const footprint = await meter.measure();
  const code = await meter.code();
  return {
    footprint,
    /** The JS heap, compiled code aside. */
    objects: footprint.heap - code.total,
    bytecode: code.bytecode,
    rendered: await page.locator('article[id^="update-"]').count(),
    held: holding(),
  };
}
export type Measured = Awaited<ReturnType<typeof measure>>;

/**
 * Every update of `feed` is in the page once, as last edited, and nothing retracted; then the
 * view is as measured again (a filter set and cleared starts the render window afresh).
 */
export async function expectEveryUpdateOnce(
  page: Page,
  time: SimulatedTime,
  producer: FeedProducer,
  feed: string,
) {
  const expected = producer.newsroom(feed).expected(producer.newsAt);
  await reader.showEverything(page, time, expected.live.size);
  const shown = await reader.shownUpdates(page);
  const ids = shown.map((u) => u.id);
  expect(new Set(ids).size, 'no update twice').toBe(ids.length);
  expect(
    ids.filter((id) => expected.retracted.has(id)),
    'nothing retracted',
  ).toEqual([]);
  expect([...ids].sort(), 'every update published').toEqual([...expected.live.keys()].sort());
  const stale = shown.filter((u) => u.title !== expected.live.get(u.id));
  expect(stale, 'every edit shown').toEqual([]);
  await reader.scrollToTop(page);
  await reader.filterByTopic(page, time);
  await reader.clearFilters(page, time);
}
