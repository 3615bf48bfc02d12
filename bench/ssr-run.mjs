// @ts-check
/**
 * The server-rendering comparison (issue 18). For the demo feed and the 10,000-item paged feed,
 * three pages with the same feed: rendered by the browser (the bench's server as it is), rendered
 * by the server (a second server, server rendering on), and a static HTML copy of the server's
 * page with nothing that runs, served by that same second server. Loads are interleaved, each in
 * Playwright and in the bare browser; then the server's render time and throughput.
 */
import { existsSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { startServer } from '../server/create-server.mjs';
import { measureFirstItemBare } from './bare-chromium.mjs';
import { writeHeadFeed } from './feeds.mjs';
import { CONTEXT_OPTIONS, median } from './measure.mjs';
import { timeServerRender } from './server-render-timing.mjs';
import {
  PAINT_CONFIG,
  assetGzip,
  inlineScriptGzip,
  measurePaintLoad,
  writeStaticCopy,
} from './ssr-loads.mjs';

export const VARIANTS = /** @type {const} */ (['client', 'ssr', 'static']);
/** @typedef {(typeof VARIANTS)[number]} Variant */
/** @typedef {Awaited<ReturnType<typeof measurePaintLoad>>} PaintLoad */
/** @typedef {Awaited<ReturnType<typeof measureFirstItemBare>>} BareLoad */
/** @typedef {ReturnType<typeof summarise>} VariantSummary */
/** @typedef {Awaited<ReturnType<typeof runSsrBench>>} SsrResults */

/**
 * @template T
 * @param {T[]} list
 * @param {(x: T) => number | null | undefined} pick
 */
const med = (list, pick) =>
  median(
    list.flatMap((x) => {
      const v = pick(x);
      return typeof v === 'number' && Number.isFinite(v) ? [v] : [];
    }),
  );

/**
 * @param {PaintLoad[]} loads
 * @param {BareLoad[]} bareLoads
 * @param {{ base: string, inlineGzip: number }} page the page's URL (its assets are fetched from there)
 */
async function summarise(loads, bareLoads, { base, inlineGzip }) {
  const early = bareLoads.at(-1)?.paint?.earlyAssets ?? [];
  const clicks = loads.flatMap((l) => (l.click ? [l.click] : []));
  const latencies = clicks.map((c) => c.latencyMs).filter((v) => v !== null);
  return {
    firstItemMs: med(bareLoads, (l) => l.firstItemMs),
    firstItemWithPlaywrightMs: med(loads, (l) => l.firstItemMs),
    htmlResponseStartMs: med(bareLoads, (l) => l.paint?.htmlResponseStartMs),
    fcpMs: med(bareLoads, (l) => l.paint?.fcpMs),
    lcpMs: med(bareLoads, (l) => l.paint?.lcpMs),
    lcpWithPlaywrightMs: med(loads, (l) => l.lcpMs),
    tbtMs: med(bareLoads, (l) => l.paint?.tbtMs),
    tbtWithPlaywrightMs: med(loads, (l) => l.tbtMs),
    interactiveMs: med(bareLoads, (l) => l.paint?.interactiveMs),
    interactiveWithPlaywrightMs: med(loads, (l) => l.interactiveMs),
    click:
      clicks.length === 0
        ? null
        : {
            clicks: clicks.length,
            changed: latencies.length,
            latencyMs: median(latencies),
            maxLatencyMs: latencies.length ? Math.max(...latencies) : null,
            gapMs: median(clicks.flatMap((c) => (c.gapMs === null ? [] : [c.gapMs]))),
          },
    early: {
      files: early,
      gzipBytes: (await assetGzip(base, early)) + inlineGzip,
      inlineGzipBytes: inlineGzip,
    },
    runs: loads.length,
    bare: bareLoads,
    playwright: loads,
    errors: [...new Set(loads.flatMap((l) => l.errors))],
  };
}

/**
 * @param {{
 *   browser: import('@playwright/test').Browser,
 *   bare: import('./bare-chromium.mjs').BareChromium,
 *   root: string,
 *   dist: string,
 *   ssrModule: string,
 *   feedDir: string,
 *   clientUrl: string,
 *   pagedHead: { urlPath: string } | undefined,
 *   runs: number,
 *   days: number,
 *   renderSamples: number,
 *   progress: (line: string) => void,
 * }} options
 */
export async function runSsrBench(options) {
  const { browser, bare, dist, feedDir, runs, progress } = options;
  // The SSR build imports its dependencies: a copy outside the repository finds them here.
  const modules = path.join(path.dirname(options.ssrModule), '..', 'node_modules');
  if (!existsSync(modules)) symlinkSync(path.join(options.root, 'node_modules'), modules);

  const feeds = [{ name: 'demo feed', feedPath: '/feeds/vilnius-2023.json', query: '' }];
  if (options.pagedHead) {
    const p = options.pagedHead.urlPath;
    feeds.push({
      name: '10,000 items, head + pages',
      feedPath: p,
      query: `?feed=${encodeURIComponent(p)}`,
    });
  }
  const server = await startServer({
    port: 0,
    mode: 'static',
    staticDir: feedDir,
    distDir: dist,
    headMaxAge: 10,
    ssr: true,
    ssrModule: options.ssrModule,
  });
  const results = [];
  try {
    for (const [i, feed] of feeds.entries()) {
      const ssrUrl = `${server.url}${feed.query}`;
      const staticPath = await writeStaticCopy(ssrUrl, dist, `bench-first-screen-${i}.html`);
      /** @type {Record<Variant, string>} */
      const urls = {
        client: `${options.clientUrl}${feed.query}`,
        ssr: ssrUrl,
        static: new URL(staticPath, server.url).href,
      };
      /** @type {Record<Variant, number>} */
      const inline = { client: 0, ssr: 0, static: 0 };
      for (const v of VARIANTS) inline[v] = inlineScriptGzip(await (await fetch(urls[v])).text());
      /** @type {Record<Variant, PaintLoad[]>} */
      const loads = { client: [], ssr: [], static: [] };
      /** @type {Record<Variant, BareLoad[]>} */
      const bareLoads = { client: [], ssr: [], static: [] };
      // One round unmeasured: the first load in a fresh browser can miss its paint entries.
      for (let r = -1; r < runs; r++) {
        if (r >= 0) progress(`server rendering, ${feed.name}: load ${r + 1}/${runs} of each page`);
        for (const v of VARIANTS) {
          const app = v !== 'static';
          const load = await measurePaintLoad(browser, urls[v], { app });
          const bareLoad = await measureFirstItemBare(bare, urls[v], {
            feedPath: feed.feedPath,
            ...CONTEXT_OPTIONS,
            paint: { ...PAINT_CONFIG, interactive: app },
          });
          if (r < 0) continue;
          loads[v].push(load);
          bareLoads[v].push(bareLoad);
        }
      }
      results.push({
        name: feed.name,
        client: await summarise(loads.client, bareLoads.client, {
          base: urls.client,
          inlineGzip: inline.client,
        }),
        ssr: await summarise(loads.ssr, bareLoads.ssr, { base: urls.ssr, inlineGzip: inline.ssr }),
        static: await summarise(loads.static, bareLoads.static, {
          base: urls.static,
          inlineGzip: inline.static,
        }),
      });
    }
  } finally {
    await server.close();
  }

  progress('server render time and requests per second, on one core');
  const head = writeHeadFeed({ dir: feedDir, items: 50, days: options.days });
  const render = await timeServerRender({
    module: options.ssrModule,
    dist,
    feedDir,
    feeds: [
      {
        name: 'demo feed',
        file: path.join(dist, 'feeds/vilnius-2023.json'),
        urlPath: '/feeds/vilnius-2023.json',
      },
      { name: `${head.items}-item head`, file: head.file, urlPath: head.urlPath },
    ],
    samples: options.renderSamples,
    requests: Math.max(40, options.renderSamples * 2),
    concurrency: 8,
  });
  return { loads: results, render };
}
