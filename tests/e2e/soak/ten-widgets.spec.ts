// Ten <live-blog> widgets on one host page, five feeds (some shown twice or three times), on the
// simulated clock (issue 19): one request per feed per poll whatever the number of widgets, the
// memory and main-thread time a round of polls costs, and every widget removed cleanly: no
// request, listener or timer left behind (docs/reliability.md, "Soak").
import { expect, test } from '../fixtures';
import { hostDocument, startHostServer } from '../hosts/host-server';
import { UPDATE_EVERY_MS } from './newsroom';
import { PageMeter, footprintRows, table, withinBound, type Row } from './page-metrics';
import { NORMAL_GAP_MS, gapsWithin, headRequests } from './poll-rhythm';
import { SimulatedTime } from './simulated-time';
import { startSoakServers } from './soak-servers';

const FEEDS = ['north', 'south', 'east', 'west', 'centre'];
const WIDGETS = [
  'north',
  'north',
  'north',
  'south',
  'south',
  'east',
  'east',
  'west',
  'west',
  'centre',
];
const OPENED_AT = Date.parse('2031-05-14T06:00:00Z');
const POLLING_MS = 5 * 60_000;
const QUIET_MS = 2 * 60_000;
const CALIBRATION_STEPS = 50;
/** React Query lets a feed go this long after its last widget (gcTime), and more. */
const AFTER_REMOVAL_MS = 60_000;
const BOUND = 0.1;

test('ten widgets, five feeds: one request per feed per poll, all removed cleanly', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const firstAt = OPENED_AT - 40 * UPDATE_EVERY_MS;
  const servers = await startSoakServers(FEEDS.map((name) => ({ name, firstAt })));
  const host = await startHostServer();
  const { producer } = servers;
  try {
    const url = host.page(
      '/live.html',
      hostDocument(
        '<main id="widgets" style="display:grid;grid-template-columns:repeat(5,1fr);gap:8px"></main>',
        `<script type="module" src="${servers.appUrl}embed.js"></script>`,
      ),
    );
    // The status line's pulse runs on real time, not the simulated clock: its frames would count
    // in the main-thread time of a poll as many times as the test is slow.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const time = await SimulatedTime.install(page, producer, OPENED_AT);
    const meter = await PageMeter.attach(page);
    await page.goto(url);
    await page.evaluate(() => customElements.whenDefined('live-blog'));
    const widgets = page.locator('live-blog');
    // Playwright's own script in the page (see soak-day.spec.ts), in every figure from now on.
    await widgets.evaluateAll(() => undefined);
    const empty = await meter.measure();

    const addWidgets = async () => {
      await page.evaluate(
        (feeds) => {
          for (const feed of feeds) {
            // Small boxes: all ten are on screen, so all ten load at once.
            const box = document.createElement('div');
            box.style.cssText = 'height:300px;overflow:auto';
            const widget = document.createElement('live-blog');
            widget.setAttribute('feed', feed);
            box.append(widget);
            document.getElementById('widgets')!.append(box);
          }
        },
        WIDGETS.map((feed) => producer.headUrl(feed)),
      );
      await time.advance(1_000);
      for (let i = 0; i < WIDGETS.length; i++) {
        await expect(widgets.nth(i).locator('article[id^="update-"]').first()).toBeVisible();
      }
    };
    /** Removes every widget; returns the page's footprint once the feeds have gone quiet. */
    const removeWidgets = async () => {
      await page.evaluate(() => document.getElementById('widgets')!.replaceChildren());
      await time.advance(AFTER_REMOVAL_MS);
      const requests = producer.log.length;
      await time.advance(POLLING_MS);
      expect(producer.log.length, 'no request after the widgets are gone').toBe(requests);
      const footprint = await meter.measure();
      return { ...footprint, objects: footprint.heap - (await meter.code()).total };
    };
    /** Polls for `ms`; checks one request per feed per poll; the footprint before and after. */
    const pollFor = async (ms: number) => {
      const from = time.now;
      const steps = time.steps;
      const before = await meter.measure();
      await time.advance(ms);
      const after = await meter.measure();
      const requests = FEEDS.map((feed) => {
        const polls = headRequests(producer.log, feed).filter((r) => r.at > from);
        const gaps = gapsWithin(polls, from, time.now);
        expect(
          gaps.filter((gap) => gap < NORMAL_GAP_MS[0] || gap > NORMAL_GAP_MS[1]),
          `${feed}: one request per poll`,
        ).toEqual([]);
        return polls.length;
      });
      return { before, after, requests, rounds: Math.min(...requests), steps: time.steps - steps };
    };
    await addWidgets();

    // Polling: every feed keeps its own rhythm, once for all the widgets that show it.
    const withNews = await pollFor(POLLING_MS);

    // Every widget removed: the feeds go quiet, and what the widgets added goes with them. What
    // stays (the code loaded on the way, once) stays the same after ten more come and go, which
    // poll a while with no news: what a poll that brings nothing costs.
    const removed = await removeWidgets();
    producer.stopNews();
    await addWidgets();
    const quiet = await pollFor(QUIET_MS);
    const removedAgain = await removeWidgets();
    // The test's own share of the main thread: a clock step on the page with nothing to do.
    const idle = await meter.measure();
    for (let i = 0; i < CALIBRATION_STEPS; i++) await time.advance(1);
    const stepMs = ((await meter.measure()).taskMs - idle.taskMs) / CALIBRATION_STEPS;

    const perRound = ({ before, after, rounds, steps }: Awaited<ReturnType<typeof pollFor>>) =>
      `main thread ${((after.taskMs - before.taskMs - steps * stepMs) / rounds).toFixed(1)} ms ` +
      `(script ${((after.scriptMs - before.scriptMs) / rounds).toFixed(1)} ms), JS heap ` +
      `${((after.heap - before.heap) / rounds / 1024).toFixed(1)} KB`;
    const firstLoad = footprintRows(empty, removed, 0).map((row) =>
      row.name === 'timers' ? row : { ...row, bound: undefined },
    );
    // Compiled code aside: V8 optimises more of the widget's code the second time round.
    const cleanUp: Row[] = [
      ...footprintRows(removed, removedAgain, 0).map((row) =>
        row.name === 'JS heap used' ? { ...row, bound: undefined } : row,
      ),
      {
        name: 'JS heap less code',
        before: removed.objects,
        after: removedAgain.objects,
        unit: 'MB',
        bound: BOUND,
      },
    ];
    const figures = [
      `Ten widgets, five feeds: requests per feed ${withNews.requests.join(', ')} in ` +
        `${POLLING_MS / 60_000} min (${withNews.rounds} rounds of polls)`,
      `per round, with news: ${perRound(withNews)}`,
      `per round, no news (${quiet.rounds} rounds of 304): ${perRound(quiet)}`,
      `(main thread less the test's clock steps, ${stepMs.toFixed(2)} ms each)`,
      table('All ten removed', ['before any', 'removed'], firstLoad),
      table('Ten more, removed again', ['removed', 'again'], cleanUp),
    ].join('\n\n');
    console.log(`\n${figures}\n`);
    await testInfo.attach('widget figures', { body: figures, contentType: 'text/plain' });
    for (const row of [...firstLoad, ...cleanUp]) {
      expect(withinBound(row), `${row.name}\n${figures}`).toBe(true);
    }
    await meter.detach();
  } finally {
    await host.close();
    await servers.close();
  }
});
