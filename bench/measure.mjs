// @ts-check
/* global window, document */
/**
 * What the benchmark measures in the browser. Every number comes from inside the page
 * (performance.now() relative to navigation start, Event Timing, MutationObserver, React commits)
 * or from the server's request log, never from wall clocks around Playwright calls.
 */
import { pageProbe } from './page-probe.mjs';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').Page} Page */

export const CONTEXT_OPTIONS = {
  locale: 'en-GB',
  timezoneId: 'Europe/London',
  viewport: { width: 1280, height: 720 },
};

/** @param {number[]} values */
export function median(values) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? /** @type {number} */ (s[mid]) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** @typedef {import('@playwright/test').CDPSession} CDPSession */

/**
 * @param {CDPSession} cdp with Performance enabled
 */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return (/** @type {string} */ name) => list.find((m) => m.name === name)?.value ?? NaN;
}

/**
 * @param {CDPSession} cdp with Performance enabled
 * @returns {Promise<{ heapBytes: number, nodes: number }>}
 */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const get = await metrics(cdp);
  return { heapBytes: get('JSHeapUsedSize'), nodes: get('Nodes') };
}

/**
 * Waits until the page has done nothing (no DOM mutation, no React commit) for `quietMs`, with
 * the page's own timers (not for a page under page.clock).
 * @param {Page} page
 * @param {number} quietMs
 * @param {number} timeoutMs
 */
async function waitQuiet(page, quietMs, timeoutMs) {
  await page.evaluate(
    ({ q, t }) =>
      window.__bench.until(() => performance.now() - window.__bench.lastActivity > q, t, 100),
    { q: quietMs, t: timeoutMs },
  );
}

/**
 * One cold load (fresh browser context, so an empty HTTP cache).
 * @param {Browser} browser
 * @param {string} url
 * @param {{ groups: string[], feedPath: string, heap?: boolean, filterClicks?: number }} options
 */
export async function measureLoad(
  browser,
  url,
  { groups, feedPath, heap = false, filterClicks = 0 },
) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    // Main-thread time is counted from here: unlike wall time, it hardly grows on a busy machine.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.addInitScript(pageProbe, { expectedGroups: groups });
    await page.goto(url, { waitUntil: 'commit' });
    await page.evaluate(() =>
      window.__bench.until(() => window.__bench.firstArticlePaint !== null, 60_000, 50),
    );
    // All groups in the DOM, or (a windowed timeline) nothing more happening by itself.
    await page.evaluate(() =>
      window.__bench.until(
        () => {
          const b = window.__bench;
          return (
            b.groupsDonePaint !== null ||
            (b.groupsDone === null && performance.now() - b.lastActivity > 1500)
          );
        },
        60_000,
        100,
      ),
    );
    await waitQuiet(page, 500, 30_000);
    const cpu = await metrics(cdp);
    const load = await page.evaluate((feed) => {
      const b = window.__bench;
      const feedEntry = /** @type {PerformanceResourceTiming[]} */ (
        performance.getEntriesByType('resource')
      ).find((e) => new URL(e.name).pathname === feed);
      return {
        feedReceivedMs: feedEntry ? feedEntry.responseEnd : null,
        firstItemInDomMs: b.firstArticle,
        firstItemMs: b.firstArticlePaint,
        allGroupsMs: b.groupsDonePaint,
        groupsInDom: b.groupsSeen,
        groupsExpected: b.groupsExpected,
        articlesInDom: document.querySelectorAll('article').length,
        commits: b.commits,
      };
    }, feedPath);
    const mainThread = {
      taskMs: cpu('TaskDuration') * 1000,
      scriptMs: cpu('ScriptDuration') * 1000,
      layoutMs: cpu('LayoutDuration') * 1000,
      styleMs: cpu('RecalcStyleDuration') * 1000,
    };
    const memory = heap ? await heapAfterGc(cdp) : undefined;
    const filter =
      filterClicks > 0 ? await measureFilterClicks(page, cdp, filterClicks) : undefined;
    return { ...load, mainThread, memory, filter, errors };
  } finally {
    await context.close();
  }
}

/**
 * Clicks speaker checkboxes (on, off, on another, off, …) and reads each interaction's Event
 * Timing duration: from the click's hardware timestamp to the next paint after its handlers.
 * Interactions shorter than 16 ms produce no entry (durationThreshold 16): they count as 16.
 * Also the main-thread CPU time from the click until the page is quiet again, which a busy
 * machine hardly inflates.
 * @param {Page} page
 * @param {CDPSession} cdp with Performance enabled (threadTicks)
 * @param {number} clicks
 */
async function measureFilterClicks(page, cdp, clicks) {
  const boxes = page.getByRole('group', { name: 'Speaker' }).getByRole('checkbox');
  await boxes.first().waitFor({ timeout: 10_000 });
  const count = Math.min(2, await boxes.count());
  const countText = page.locator('.lb-result-count');
  const eventsBefore = await page.evaluate(() => window.__bench.events.length);
  /** @type {number[]} */
  const cpu = [];
  for (let i = 0; i < clicks; i++) {
    const box = boxes.nth(Math.floor(i / 2) % count);
    const was = await box.isChecked();
    const shownBefore = await countText.textContent();
    const seen = await page.evaluate(() => window.__bench.events.length);
    const cpuBefore = (await metrics(cdp))('TaskDuration');
    await box.click();
    await page.evaluate(() => window.__bench.nextPaint());
    // Entries arrive after the frame is presented; a fast interaction has none to wait for.
    await page
      .waitForFunction((n) => window.__bench.events.length > n, seen, {
        timeout: 300,
        polling: 20,
      })
      .catch(() => {});
    await waitQuiet(page, 200, 30_000);
    cpu.push(((await metrics(cdp))('TaskDuration') - cpuBefore) * 1000);
    if ((await box.isChecked()) === was || (await countText.textContent()) === shownBefore) {
      throw new Error(`filter click ${i + 1} did not change the filter or the result count`);
    }
  }
  const entries = await page.evaluate((n) => window.__bench.events.slice(n), eventsBefore);
  /** @type {Map<number, number>} */
  const byInteraction = new Map();
  for (const e of entries) {
    if (!e.interactionId) continue;
    byInteraction.set(
      e.interactionId,
      Math.max(byInteraction.get(e.interactionId) ?? 0, e.duration),
    );
  }
  const measured = [...byInteraction.values()];
  const under16 = Math.max(0, clicks - measured.length);
  const durations = [...measured, ...Array.from({ length: under16 }, () => 16)];
  return {
    clicks,
    medianMs: median(durations),
    maxMs: durations.length ? Math.max(...durations) : null,
    under16,
    durations: durations.sort((a, b) => a - b),
    mainThreadMedianMs: median(cpu),
  };
}

/**
 * Unchanged and one-item polls against a live replay, triggered with page.clock so that no
 * real time passes. A sample's window opens when the head fetch resolves and closes when the page
 * is quiet again; a sample in which another timer (a clock tick) fired inside the window is
 * repeated.
 * @param {Browser} browser
 * @param {{ url: string, feedPath: string, replay: import('../server/replay.mjs').Replay, samples: number, view: 'topics' | 'latest' }} options
 */
export async function measurePolls(browser, { url, feedPath, replay, samples, view }) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  /**
   * @param {string} method
   * @param {string} route
   * @param {unknown} [body]
   */
  const admin = async (method, route, body) => {
    const res = await fetch(`${url}__admin/${route}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`admin ${method} ${route}: ${res.status}`);
    /** @type {unknown} */
    const json = await res.json();
    return json;
  };
  /** The server's log of requests (GET /__admin/requests). */
  const requestLog = async () =>
    /** @type {{ requests: import('../server/create-server.mjs').RequestLogEntry[] }} */ (
      await admin('GET', 'requests')
    ).requests;
  try {
    await page.clock.install({ time: Date.now() });
    // Added after the clock so that the probe's timer wrappers wrap the fake timers.
    await page.addInitScript(pageProbe, { feedPathPart: feedPath, trackTimers: true });
    const viewParam = view === 'latest' ? '&view=latest' : '';
    await page.goto(`${url}?feed=${encodeURIComponent(feedPath)}${viewParam}`, {
      waitUntil: 'commit',
    });
    await page.waitForFunction(() => window.__bench.firstArticlePaint !== null, null, {
      timeout: 60_000,
    });
    // Playwright's own polling here: the probe's `until` would run on the installed fake clock.
    await page.waitForFunction(
      (q) => performance.now() - (window.__bench.lastActivity ?? 0) > q,
      500,
      { timeout: 30_000, polling: 100 },
    );

    const pollOnce = async (/** @type {string | null} */ expectId) => {
      const logBefore = (await requestLog()).length;
      const started = await page.evaluate(() => {
        window.__bench.armNextFetch();
        return window.__bench.fetches.started;
      });
      let advanced = 0;
      while (
        (await page.evaluate(() => window.__bench.fetches.started)) === started &&
        advanced < 600_000
      ) {
        await page.clock.fastForward(1000);
        advanced += 1000;
      }
      if (advanced >= 600_000) throw new Error('no poll within 10 minutes of fake time');
      await page.waitForFunction(() => window.__bench.win !== null, null, { timeout: 15_000 });
      const settled = await page.evaluate(async () => {
        const b = window.__bench;
        const { sleep, win } = b;
        if (!sleep || !win) throw new Error('no poll window, or a probe without trackTimers');
        let stable = 0;
        let last = '';
        for (let i = 0; i < 200 && stable < 4; i++) {
          await sleep(50);
          const now = `${win.mutations}/${win.commits}`;
          stable = b.pendingShortTimers === 0 && now === last ? stable + 1 : 0;
          last = now;
        }
        return stable >= 4;
      });
      const win = await page.evaluate(() => window.__bench.win);
      if (!win) throw new Error('the poll window was closed');
      // In the topic view the new update lands in its group, which may be outside a windowed
      // render: note whether it is in the DOM rather than wait for it.
      const newItemInDom =
        expectId === null
          ? null
          : await page.evaluate((id) => document.getElementById(`update-${id}`) !== null, expectId);
      const log = (await requestLog())
        .slice(logBefore)
        .filter((r) => r.path.split('?')[0] === feedPath);
      return {
        advancedMs: advanced,
        settled,
        newItemInDom,
        confounded: win.foreignTimers > 0,
        commits: win.commits,
        mutations: win.mutations,
        mutationTargets: win.mutationTargets,
        mutationKinds: win.mutationKinds,
        articlesRendered: win.articlesRendered,
        articleIds: win.articleIds.slice(0, 10),
        componentsRendered: win.componentsRendered,
        requests: log.map((r) => ({
          status: r.status,
          bytes: r.bytes,
          encoding: r.encoding,
        })),
        bodyBytes: log.reduce((s, r) => s + r.bytes, 0),
      };
    };

    const collect = async (/** @type {boolean} */ changed) => {
      const out = [];
      for (let attempt = 0; out.length < samples && attempt < samples + 3; attempt++) {
        let expectId = null;
        if (changed) {
          await admin('POST', 'publish', { count: 1 });
          const items = replay.current().headDoc.items;
          const newest = items.reduce((a, b) =>
            Date.parse(b.date_published ?? '') > Date.parse(a.date_published ?? '') ? b : a,
          );
          expectId = String(newest.id);
        }
        const sample = await pollOnce(expectId);
        if (!sample.confounded) out.push(sample);
      }
      return out;
    };
    const unchanged = await collect(false);
    const oneItem = await collect(true);
    return { unchanged, oneItem, errors };
  } finally {
    await context.close();
  }
}

/**
 * Bytes of the status line and headers of a feed response, as the server sends them (Playwright
 * does not report a revalidated 304 the page never sees). The body is counted from the server log.
 * @param {string} url
 * @param {Record<string, string>} headers
 * @returns {Promise<{ status: number, headerBytes: number, etag: string | undefined }>}
 */
export async function responseHeaderBytes(url, headers) {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let bytes = Buffer.byteLength(
        `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}\r\n\r\n`,
      );
      for (let i = 0; i < res.rawHeaders.length; i += 2) {
        bytes += Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`);
      }
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headerBytes: bytes, etag: res.headers.etag }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
