// The soak test: one standalone page through a whole simulated news day on a fake clock (issue
// 19). SOAK_HOURS sets the length: 3 by default (the short day, in CI), 14 with `npm run soak`.
// The producer publishes an update every 2 simulated minutes, edits and retracts some, and fails
// during the outages; the reader hides the tab, the machine sleeps, filters change. Afterwards
// the reader sees every update once and nothing retracted, the polls kept their rhythm, and the
// page's footprint is where it was after the first hour (docs/reliability.md, "Soak").
import type { BrowserContext } from '@playwright/test';
import { expect, test } from '../fixtures';
import { dayLength, dayPlan } from './day-plan';
import { DayRunner } from './day-runner';
import { UPDATE_EVERY_MS } from './newsroom';
import { PageMeter, footprintRows, table, withinBound, type Row } from './page-metrics';
import { expectPollRhythm, headRequests, isFailure } from './poll-rhythm';
import * as reader from './reader';
import { SimulatedTime } from './simulated-time';
import { expectEveryUpdateOnce, held, live, measure, openPage, type Measured } from './soak-page';
import { startSoakServers, type SoakServers } from './soak-servers';

const HOURS = Number(process.env.SOAK_HOURS ?? 3);
const FEED = 'harbour';
/** A feed that started late: fewer updates (more than a render window), to tell what one costs. */
const LATE_FEED = 'harbour-late';
const LATE_FEED_UPDATES = 90;
const OPENED_AT = Date.parse('2031-05-14T06:00:00Z');
/** Updates published before the reader opens the page: more than the head holds. */
const BACKLOG = 120;
const BOUND = 0.1;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MB`;

/**
 * A fresh page that reads all of `feed` and comes back to the top, measured: two of them, on a
 * feed with few updates and on the day's, tell what an update held costs in the heap.
 */
async function freshReader(
  context: BrowserContext,
  servers: SoakServers,
  now: number,
  feed: string,
) {
  const { producer } = servers;
  const page = await context.newPage();
  const time = await SimulatedTime.attach(page, producer, now);
  const meter = await PageMeter.attach(page);
  const day = new DayRunner(page, time, producer, feed, () => Promise.resolve());
  const from = producer.log.length;
  await openPage(page, time, servers, feed);
  await expectEveryUpdateOnce(page, time, producer, feed);
  const measured = await measure(page, meter, day, () => held(producer, feed, from));
  await meter.detach();
  await page.close();
  return { measured, now: time.now };
}

test('a whole news day: every update once, the poll rhythm kept, no growth after hour one', async ({
  page,
  context,
}, testInfo) => {
  const plan = dayPlan(HOURS);
  test.setTimeout(90_000 + HOURS * 45_000);
  const started = Date.now();
  const endsAt = OPENED_AT + dayLength(plan);
  const servers = await startSoakServers([
    { name: FEED, firstAt: OPENED_AT - BACKLOG * UPDATE_EVERY_MS },
    { name: LATE_FEED, firstAt: endsAt - LATE_FEED_UPDATES * UPDATE_EVERY_MS },
  ]);
  const { producer } = servers;
  try {
    const time = await SimulatedTime.install(page, producer, OPENED_AT);
    const meter = await PageMeter.attach(page);
    const holding = () => held(producer, FEED, 0);
    let firstHour: Measured | undefined;
    const onTheWay: { at: number; measured: Measured }[] = [];
    const day = new DayRunner(page, time, producer, FEED, async (kind) => {
      const measured = await measure(page, meter, day, holding);
      if (kind === 'baseline') firstHour = measured;
      else onTheWay.push({ at: time.now, measured });
    });
    await openPage(page, time, servers, FEED);
    await live(time, day, plan.events);
    await time.advance(endsAt - time.now);
    await expect(reader.statusLine(page)).toHaveText(/^Live/);
    const atEnd = await measure(page, meter, day, holding);
    const dayWall = Date.now() - started;
    const polls = headRequests(producer.log, FEED);
    expectPollRhythm(polls, day.spans, OPENED_AT);
    // The day's news over, the reader reads everything.
    producer.stopNews();
    await expectEveryUpdateOnce(page, time, producer, FEED);
    await meter.detach();
    await page.close();

    // What an update held costs in the heap: fresh pages (one at a time: pages of one site can
    // share a heap) that did the same, on a feed with few updates and on the day's.
    const few = await freshReader(context, servers, time.now, LATE_FEED);
    const many = await freshReader(context, servers, few.now, FEED);
    const perUpdate =
      (many.measured.objects - few.measured.objects) / (many.measured.held - few.measured.held);

    // The figures. The heap holds every update received, as it must, and V8 keeps optimising
    // functions for hours: it is bounded with its compiled code aside, less what the updates
    // received since the first hour cost.
    const first = firstHour!;
    const overDay: Row[] = [
      ...footprintRows(first.footprint, atEnd.footprint, BOUND).map((row) =>
        row.name === 'JS heap used' ? { ...row, bound: undefined } : row,
      ),
      {
        name: 'compiled code',
        before: first.footprint.heap - first.objects,
        after: atEnd.footprint.heap - atEnd.objects,
        unit: 'MB',
      },
      { name: '  of which bytecode', before: first.bytecode, after: atEnd.bytecode, unit: 'MB' },
      {
        name: 'JS heap less code and new updates',
        before: first.objects,
        after: atEnd.objects - perUpdate * (atEnd.held - first.held),
        unit: 'MB',
        bound: BOUND,
      },
      { name: 'updates held', before: first.held, after: atEnd.held },
      { name: 'updates rendered', before: first.rendered, after: atEnd.rendered },
    ];
    // The raw heap through the day: compiled code grows fastest early on and then slows.
    const through = [
      { at: OPENED_AT + 3_600_000, measured: first },
      ...onTheWay,
      { at: endsAt, measured: atEnd },
    ];
    const curve = [
      'The footprint through the day (reported)',
      'hour   JS heap   compiled code  heap less code  updates held  DOM nodes',
      ...through.map(({ at, measured: m }) =>
        [
          ((at - OPENED_AT) / 3_600_000).toFixed(1).padStart(4),
          mb(m.footprint.heap).padStart(9),
          mb(m.footprint.heap - m.objects).padStart(15),
          mb(m.objects).padStart(15),
          String(m.held).padStart(13),
          String(m.footprint.nodes).padStart(10),
        ].join(' '),
      ),
    ].join('\n');
    const cost: Row[] = [
      {
        name: 'JS heap less code',
        before: few.measured.objects,
        after: many.measured.objects,
        unit: 'MB',
      },
      { name: 'updates held', before: few.measured.held, after: many.measured.held },
      { name: 'updates rendered', before: few.measured.rendered, after: many.measured.rendered },
    ];
    const figures = [
      table(`Soak: ${HOURS} simulated hours`, ['after 1 h', `after ${HOURS} h`], overDay),
      ...(onTheWay.length > 0 ? [curve] : []),
      table('What an update held costs: fresh pages', ['few', 'the day'], cost) +
        `\n≈ ${(perUpdate / 1024).toFixed(1)} KB of heap per update held`,
      `polls ${polls.length} (${polls.filter((r) => r.outcome === 304).length} × 304, ` +
        `${polls.filter(isFailure).length} failed), page requests ` +
        `${producer.log.filter((r) => r.feed === FEED && r.doc !== 'head').length}, ` +
        `clock steps ${time.steps}; wall time ${seconds(Date.now() - started)} ` +
        `(the day ${seconds(dayWall)})`,
    ].join('\n\n');
    console.log(`\n${figures}\n`);
    await testInfo.attach('soak figures', { body: figures, contentType: 'text/plain' });
    for (const row of overDay) expect(withinBound(row), `${row.name}\n${figures}`).toBe(true);
  } finally {
    await servers.close();
  }
});
