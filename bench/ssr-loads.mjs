// @ts-check
/* global window, document */
/**
 * One page load of the server-rendering comparison: the page rendered by the browser, by the
 * server, or a static HTML page with the same first screen. The figures come from inside the
 * page (page-probe.mjs, paint-probe.mjs), as for the other loads.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONTEXT_OPTIONS } from './measure.mjs';
import { pageProbe } from './page-probe.mjs';
import { paintProbe, paintSummary } from './paint-probe.mjs';

/** The filter control clicked once interactive (the first facet's first box), and the timeline. */
export const PAINT_CONFIG = {
  filterSelector: '.lb-facet input[type="checkbox"]',
  timelineSelector: '.lb-timeline',
};

/**
 * The same document without anything that runs: no scripts (the app's, the inline ones, the
 * snapshot and JSON-LD data), no module preloads. Styles, markup and the first screen stay.
 * @param {string} html a server-rendered page
 */
export function staticFirstScreen(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/gi, '')
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>\s*/gi, '');
}

/**
 * Fetches the server-rendered page at `url` and writes its static copy into the served build as
 * `name`, so that the same server serves both.
 * @param {string} url
 * @param {string} dist
 * @param {string} name
 */
export async function writeStaticCopy(url, dist, name) {
  const html = await (await fetch(url)).text();
  if (!html.includes('id="live-blog-snapshot"'))
    throw new Error(`${url} was not rendered on the server: no static copy to compare with`);
  writeFileSync(path.join(dist, name), staticFirstScreen(html));
  return `/${name}`;
}

/**
 * Gzip -9 bytes of the inline scripts a page runs (its data blocks excluded).
 * @param {string} html
 */
export function inlineScriptGzip(html) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\bsrc=/.test(m[1] ?? '') && !/type="application\//.test(m[1] ?? ''))
    .map((m) => m[2] ?? '')
    .filter((code) => code.trim() !== '')
    .reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0);
}

/**
 * Gzip -9 bytes of what the server sends for these paths (built files, and the stylesheet the
 * renderer serves itself).
 * @param {string} base the server's URL
 * @param {string[]} paths
 */
export async function assetGzip(base, paths) {
  let sum = 0;
  for (const p of new Set(paths)) {
    const response = await fetch(new URL(p, base), { headers: { 'Accept-Encoding': 'identity' } });
    if (!response.ok) throw new Error(`${p}: HTTP ${response.status}`);
    sum += gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length;
  }
  return sum;
}

/**
 * One cold load with Playwright: the first update, the paint figures and, with `click`, the time
 * from the click on a filter made as soon as the page is interactive to the changed timeline on
 * screen. Long tasks count for total blocking time until that click.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {{ app: boolean }} options the page runs the app: click a filter once interactive
 */
export async function measurePaintLoad(browser, url, { app }) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.addInitScript(pageProbe, {});
    await page.addInitScript(paintProbe, PAINT_CONFIG);
    await page.goto(url, { waitUntil: 'commit' });
    await page.evaluate(() =>
      window.__bench.until(() => window.__bench.firstArticlePaint !== null, 60_000, 20),
    );
    const clicked = app ? await clickWhenInteractive(page) : null;
    await page.evaluate(
      (app) =>
        window.__bench.until(
          () =>
            (!app ||
              window.__paint.interactive !== null ||
              performance.now() - (window.__bench.firstArticlePaint ?? 0) > 20_000) &&
            performance.now() - window.__bench.lastActivity > 500,
          30_000,
          100,
        ),
      app,
    );
    const firstItemMs = /** @type {number} */ (
      await page.evaluate(() => window.__bench.firstArticlePaint)
    );
    // Long tasks after the click are the click's, not the load's.
    const summary = await page.evaluate(paintSummary, {
      firstItemMs,
      untilMs: clicked?.clickAt ?? null,
    });
    return { firstItemMs, ...summary, click: clicked, errors };
  } finally {
    await context.close();
  }
}

/**
 * Waits (in the page) until React handles the filter control, clicks it through the browser's
 * input pipeline and waits for the timeline to change on screen.
 * @param {import('@playwright/test').Page} page
 */
async function clickWhenInteractive(page) {
  const interactive = await page
    .evaluate(() => window.__bench.until(() => window.__paint.interactive !== null, 20_000, 5))
    .then(
      () => true,
      () => false, // no signal (see decision 0025): no click, reported as not measured
    );
  if (!interactive) return null;
  const point = await page.evaluate((selector) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    let r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) {
      el.scrollIntoView({ block: 'center' });
      r = el.getBoundingClientRect();
    }
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, PAINT_CONFIG.filterSelector);
  if (!point) throw new Error('interactive, but no filter control to click');
  await page.mouse.click(point.x, point.y);
  // A click that changes nothing is reported as such (changed: null), not waited for forever.
  await page.evaluate(() =>
    window.__bench.until(
      () => {
        const p = window.__paint;
        return (
          p.timelineChangedPaint !== null ||
          (p.clickAt !== null && performance.now() - p.clickAt > 5000)
        );
      },
      30_000,
      10,
    ),
  );
  return page.evaluate(() => {
    const p = window.__paint;
    return {
      interactiveMs: p.interactive,
      clickAt: p.clickAt,
      /** From the click to the changed timeline on screen. */
      latencyMs:
        p.timelineChangedPaint !== null && p.clickAt !== null
          ? p.timelineChangedPaint - p.clickAt
          : null,
      /** From interactive to the click (Playwright's round trips). */
      gapMs: p.clickAt !== null && p.interactive !== null ? p.clickAt - p.interactive : null,
    };
  });
}
