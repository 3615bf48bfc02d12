#!/usr/bin/env node
// @ts-check
/**
 * npm run bench [-- --no-build] [--sizes 100,1000,10000] [--runs 3] [--clicks 20] [--polls 3]
 *   [--days 5] [--out bench-results/latest.json] [--strict] [--update-docs] [--no-ssr]
 *   [--render-samples 50]
 *
 * Builds the app, generates synthetic feeds of each size (paged layout and one document), serves
 * them with the replay server, drives Debian Chromium with Playwright and prints a table per size.
 * Then (unless --no-ssr) the server-rendered page against the browser-rendered one and a static
 * page with the same first screen, and the server's render time (ssr-run.mjs).
 * Results go to bench-results/latest.json (and latest.md, the tables for docs/performance.md).
 */
import { chromium } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../server/create-server.mjs';
import { launchBareChromium, measureFirstItemBare } from './bare-chromium.mjs';
import { bundleSizes } from '../tooling/bundle-sizes.mjs';
import { writeBenchFeed } from './feeds.mjs';
import {
  CONTEXT_OPTIONS,
  measureLoad,
  measurePolls,
  median,
  responseHeaderBytes,
} from './measure.mjs';
import { evaluateBudgets, formatReport } from './report.mjs';
import { runSsrBench } from './ssr-run.mjs';
import { formatSsrBlock, formatSsrReport, ssrBudgets } from './ssr-report.mjs';
import { chromiumLaunchOptions } from '../tooling/chromium.mjs';

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    sizes: { type: 'string', default: '100,1000,10000' },
    runs: { type: 'string', default: '3' },
    clicks: { type: 'string', default: '20' },
    polls: { type: 'string', default: '3' },
    days: { type: 'string', default: '5' },
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'bench-results/latest.json' },
    strict: { type: 'boolean', default: false },
    'update-docs': { type: 'boolean', default: false },
    'no-ssr': { type: 'boolean', default: false },
    'render-samples': { type: 'string', default: '50' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (args.help) {
  console.log(
    'Usage: npm run bench -- [--no-build] [--sizes 100,1000,10000] [--runs 3] [--clicks 20] [--polls 3] [--days 5] [--dist dist] [--out bench-results/latest.json] [--strict: exit 1 when a budget is not met] [--update-docs: put the tables into docs/performance.md] [--no-ssr: skip the server-rendering comparison] [--render-samples 50: server renders timed per feed]',
  );
  process.exit(0);
}
const sizes = args.sizes.split(',').map((s) => Number(s.trim()));
const runs = Number(args.runs);
const clicks = Number(args.clicks);
const polls = Number(args.polls);
const days = Number(args.days);
const renderSamples = Number(args['render-samples']);
for (const [name, n] of Object.entries({
  runs,
  clicks,
  polls,
  days,
  'render-samples': renderSamples,
})) {
  if (!(Number.isFinite(n) && n > 0)) throw new RangeError(`--${name} must be a positive number`);
}
if (!sizes.every((n) => Number.isInteger(n) && n > 0))
  throw new RangeError('--sizes must be positive integers, comma-separated');

/** @param {string} line */
const progress = (line) => process.stderr.write(`[bench] ${line}\n`);

/**
 * What a run measures, written to bench-results/latest.json and read by report.mjs.
 * @typedef {Awaited<ReturnType<typeof measureLoad>>} LoadResult
 * @typedef {Awaited<ReturnType<typeof measureFirstItemBare>>} BareLoadResult
 * @typedef {Awaited<ReturnType<typeof measurePolls>>} PollResults
 * @typedef {PollResults['unchanged'][number]} PollSample
 * @typedef {ReturnType<typeof summariseLoads>} LoadSummary
 * @typedef {ReturnType<typeof summarisePolls>} PollSummary
 * @typedef {{
 *   size: number,
 *   days: number,
 *   feed: { headBytes: number, pages: number, singleBytes: number, items: number },
 *   paged: LoadSummary,
 *   single: LoadSummary,
 *   polls: Record<'topics' | 'latest', PollResults>,
 *   pollSummary: {
 *     unchanged: PollSummary,
 *     oneItem: PollSummary,
 *     oneItemTopics: PollSummary,
 *     oneItemLatest: PollSummary,
 *     headerBytes: { changed: number, changedStatus: number, unchanged: number, unchangedStatus: number },
 *   },
 * }} SizeResult
 * @typedef {{
 *   cpuModel: string,
 *   cores: number,
 *   ramBytes: number,
 *   os: string,
 *   chromium: string,
 *   node: string,
 *   loadAverage: number[],
 *   loadAverageAtEnd: number[],
 * }} Machine
 * @typedef {{
 *   date: string,
 *   git: ReturnType<typeof git>,
 *   machine: Machine,
 *   viewport: string,
 *   options: { sizes: number[], runs: number, clicks: number, polls: number, days: number },
 *   sizes: SizeResult[],
 *   bundles: ReturnType<typeof bundleSizes>,
 *   ssr: import('./ssr-run.mjs').SsrResults | null,
 *   budgets: import('./report.mjs').Budget[],
 * }} BenchResults
 */

function git() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
    }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' })
        .length > 0;
    return { commit, dirty };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

/**
 * @param {PollSample[]} samples
 */
function summarisePolls(samples) {
  const statuses = [...new Set(samples.flatMap((p) => p.requests.map((r) => r.status)))];
  return {
    samples: samples.length,
    commits: samples.length ? Math.max(...samples.map((p) => p.commits)) : null,
    mutations: samples.length ? Math.max(...samples.map((p) => p.mutations)) : null,
    medianCommits: median(samples.map((p) => p.commits)),
    medianMutations: median(samples.map((p) => p.mutations)),
    articlesRendered: median(samples.map((p) => p.articlesRendered)),
    componentsRendered: median(samples.map((p) => p.componentsRendered)),
    newItemInDom: samples.filter((p) => p.newItemInDom).length,
    bodyBytes: median(samples.map((p) => p.bodyBytes)),
    statuses: statuses.join(', ') || 'no request',
  };
}

/**
 * @param {LoadResult[]} list loads in Playwright (at least one)
 * @param {BareLoadResult[]} bareList loads in the bare browser
 */
function summariseLoads(list, bareList) {
  const last = /** @type {LoadResult} */ (list.at(-1));
  /**
   * @template {string} K
   * @param {K} key
   * @param {readonly Partial<Record<K, number | null>>[]} from
   */
  const pick = (key, from) => median(from.map((r) => r[key]).filter((v) => typeof v === 'number'));
  return {
    runs: list.map(({ memory: _m, filter: _f, ...r }) => r),
    bareRuns: bareList,
    // What a reader sees: measured without DevTools attached (bare-chromium.mjs).
    firstItemMs: pick('firstItemMs', bareList),
    firstItemInDomMs: pick('firstItemInDomMs', bareList),
    feedReceivedMs: pick('feedReceivedMs', bareList),
    firstItemWithPlaywrightMs: pick('firstItemMs', list),
    mainThreadMs: median(list.map((r) => r.mainThread.taskMs)),
    allGroupsMs: list.every((r) => r.allGroupsMs !== null) ? pick('allGroupsMs', list) : null,
    groupsInDom: last.groupsInDom,
    groupsExpected: last.groupsExpected,
    articlesInDom: last.articlesInDom,
    memory: last.memory,
    filter: last.filter,
    errors: [...new Set(list.flatMap((r) => r.errors))],
  };
}

/**
 * The assets/ files a built index.html references, relative to the build folder.
 * @param {string} dist
 * @returns {string[]}
 */
function pageAssets(dist) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => String(m[1]));
}

/**
 * Copies a complete build: index.html and every asset it references must be there (another
 * engineer's build may be emptying dist/ at this very moment; then try again shortly).
 * @param {string} from
 * @param {string} to
 */
async function snapshotBuild(from, to) {
  for (let attempt = 1; ; attempt++) {
    rmSync(to, { recursive: true, force: true });
    try {
      cpSync(from, to, { recursive: true });
      const refs = pageAssets(to);
      if (refs.length > 0 && refs.every((r) => existsSync(path.join(to, r)))) return;
    } catch {
      // incomplete: try again
    }
    if (attempt === 10)
      throw new Error(`no complete build in ${from}: run npm run build (or drop --no-build)`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/**
 * One request for each path, accepting what Chromium accepts.
 * @param {string} base
 * @param {string[]} paths
 */
async function warmUp(base, paths) {
  for (const p of paths) {
    const res = await fetch(new URL(p, base), {
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    });
    await res.arrayBuffer();
  }
}

/**
 * The text with what lies between <!-- name:start --> and <!-- name:end --> replaced.
 * @param {string} text
 * @param {string} name
 * @param {string} content
 */
function replaceBlock(text, name, content) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`docs/performance.md has no ${start} … ${end} section`);
  return `${text.slice(0, a + start.length)}\n\n${content}\n${text.slice(b)}`;
}

async function main() {
  const root = process.cwd();
  const builtDist = path.resolve(root, args.dist);
  if (!args['no-build']) {
    progress('npm run build');
    const build = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' });
    if (build.status !== 0) {
      process.stderr.write(build.stdout + build.stderr);
      throw new Error('npm run build failed (run with --no-build to measure the existing dist/)');
    }
  }

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'live-blog-bench-'));
  // A copy, so that a rebuild elsewhere in a shared working tree cannot change the app mid-run.
  const dist = path.join(tmp, 'dist');
  /** @type {Awaited<ReturnType<typeof startServer>>[]} */
  const servers = [];
  /** @type {import('@playwright/test').Browser | undefined} */
  let browser;
  /** @type {import('./bare-chromium.mjs').BareChromium | undefined} */
  let bare;
  try {
    await snapshotBuild(builtDist, dist);
    // The server renderer too (npm run build makes it beside dist/), unless told to skip it.
    const builtSsr = path.join(path.dirname(builtDist), 'dist-ssr');
    const ssrDist = path.join(tmp, 'dist-ssr');
    const withSsr = !args['no-ssr'] && existsSync(path.join(builtSsr, 'render-page.js'));
    if (!args['no-ssr'] && !withSsr) progress(`no ${builtSsr}/render-page.js: no server rendering`);
    if (withSsr) cpSync(builtSsr, ssrDist, { recursive: true });
    browser = await chromium.launch({
      ...chromiumLaunchOptions,
      headless: true,
    });
    bare = await launchBareChromium();
    const machine = {
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
      cores: os.availableParallelism?.() ?? os.cpus().length,
      ramBytes: os.totalmem(),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      chromium: browser.version(),
      node: process.version,
      loadAverage: os.loadavg(),
      /** @type {number[]} */
      loadAverageAtEnd: [],
    };

    const feedDir = path.join(tmp, 'feeds');
    progress(`generating feeds of ${sizes.join(', ')} items in ${feedDir}`);
    const feeds = sizes.map((size) => writeBenchFeed({ dir: feedDir, size, days }));
    const staticServer = await startServer({
      port: 0,
      mode: 'static',
      staticDir: feedDir,
      distDir: dist,
      headMaxAge: 10,
      // The page as the browser renders it (server rendering is measured in ssr-run.mjs).
      ssr: false,
    });
    servers.push(staticServer);
    // The server compresses a file on its first request and keeps the result, as a CDN would
    // (a multi-megabyte feed takes it a while): ask for each file once before measuring, so that
    // no load pays for the server's first compression.
    await warmUp(staticServer.url, [
      '/',
      ...pageAssets(dist).map((ref) => `/${ref}`),
      ...feeds.flatMap((f) => [f.paged.urlPath, f.single.urlPath]),
    ]);

    /** @type {SizeResult[]} */
    const sizeResults = [];
    for (const feed of feeds) {
      const { size } = feed;
      /** @type {Record<'paged' | 'single', LoadResult[]>} */
      const loads = { paged: [], single: [] };
      /** @type {Record<'paged' | 'single', BareLoadResult[]>} */
      const bareLoads = { paged: [], single: [] };
      // Run by run, one layout after the other, each in Playwright and then bare: a slow spell
      // of the machine weighs on both layouts and both ways of measuring alike.
      for (let r = 0; r < runs; r++) {
        const last = r === runs - 1;
        for (const variant of /** @type {const} */ (['paged', 'single'])) {
          const doc = feed[variant];
          const url = `${staticServer.url}?feed=${encodeURIComponent(doc.urlPath)}`;
          progress(
            `${size} items, ${variant}: load ${r + 1}/${runs}${last && variant === 'single' ? ` + ${clicks} filter clicks` : ''}`,
          );
          loads[variant].push(
            await measureLoad(browser, url, {
              groups: doc.groups,
              feedPath: doc.urlPath,
              heap: last,
              filterClicks: last && variant === 'single' ? clicks : 0,
            }),
          );
          bareLoads[variant].push(
            await measureFirstItemBare(bare, url, { feedPath: doc.urlPath, ...CONTEXT_OPTIONS }),
          );
        }
      }

      progress(`${size} items: polls against the live replay`);
      const feedPath = `/feeds/synthetic-${size}.json`;
      const live = await startServer({
        port: 0,
        mode: 'live',
        feedFile: feed.single.file,
        feedPath,
        // A head holds 50 to 99 updates depending on when the last page was cut: start every
        // size at the same phase (a page just cut) so their poll bytes compare like for like.
        initialItems:
          feed.liveItems >= 70
            ? Math.floor((feed.liveItems - 20) / 50) * 50
            : Math.max(1, feed.liveItems - 20),
        intervalMs: 0,
        admin: true,
        distDir: dist,
        headMaxAge: 10,
        ssr: false,
      });
      servers.push(live);
      const pollOptions = {
        url: live.url,
        feedPath,
        replay: /** @type {NonNullable<typeof live.replay>} */ (live.replay),
        samples: polls,
      };
      const pollResults = {
        topics: await measurePolls(browser, { ...pollOptions, view: 'topics' }),
        latest: await measurePolls(browser, { ...pollOptions, view: 'latest' }),
      };
      const headUrl = new URL(feedPath, live.url).href;
      const requestHeaders = { accept: 'application/feed+json', 'accept-encoding': 'br, gzip' };
      const changedHeaders = await responseHeaderBytes(headUrl, requestHeaders);
      const notModifiedHeaders = await responseHeaderBytes(headUrl, {
        ...requestHeaders,
        'if-none-match': String(changedHeaders.etag),
      });
      await live.close();

      sizeResults.push({
        size,
        days,
        feed: {
          headBytes: feed.paged.bytes,
          pages: feed.paged.pages,
          singleBytes: feed.single.bytes,
          items: feed.single.items,
        },
        paged: summariseLoads(loads.paged, bareLoads.paged),
        single: summariseLoads(loads.single, bareLoads.single),
        polls: pollResults,
        pollSummary: {
          unchanged: summarisePolls([
            ...pollResults.topics.unchanged,
            ...pollResults.latest.unchanged,
          ]),
          oneItem: summarisePolls([...pollResults.topics.oneItem, ...pollResults.latest.oneItem]),
          oneItemTopics: summarisePolls(pollResults.topics.oneItem),
          oneItemLatest: summarisePolls(pollResults.latest.oneItem),
          headerBytes: {
            changed: changedHeaders.headerBytes,
            changedStatus: changedHeaders.status,
            unchanged: notModifiedHeaders.headerBytes,
            unchangedStatus: notModifiedHeaders.status,
          },
        },
      });
    }

    const ssr = withSsr
      ? await runSsrBench({
          browser,
          bare,
          root,
          dist,
          ssrModule: path.join(ssrDist, 'render-page.js'),
          feedDir,
          clientUrl: staticServer.url,
          pagedHead: feeds.find((f) => f.size === 10000)?.paged,
          runs,
          days,
          renderSamples,
          progress,
        })
      : null;

    machine.loadAverageAtEnd = os.loadavg();
    /** @type {BenchResults} */
    const results = {
      date: new Date().toISOString(),
      git: git(),
      machine,
      viewport: `${CONTEXT_OPTIONS.viewport.width}×${CONTEXT_OPTIONS.viewport.height}`,
      options: { sizes, runs, clicks, polls, days },
      sizes: sizeResults,
      bundles: bundleSizes(dist),
      ssr,
      budgets: [],
    };
    results.budgets = [...evaluateBudgets(results), ...ssrBudgets(ssr)];
    const report = (/** @type {'text' | 'md'} */ style) =>
      formatReport(results, style, formatSsrReport(ssr, style));

    const out = path.resolve(root, args.out);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
    writeFileSync(out.replace(/\.json$/, '') + '.md', report('md'));
    console.log(report('text'));
    if (args['update-docs']) {
      const doc = path.resolve(root, 'docs/performance.md');
      let text = replaceBlock(
        readFileSync(doc, 'utf8'),
        'bench',
        formatReport({ ...results, budgets: evaluateBudgets(results) }, 'md'),
      );
      if (ssr) text = replaceBlock(text, 'bench-ssr', formatSsrBlock(results, 'md'));
      writeFileSync(doc, text);
      console.log('Updated docs/performance.md');
    }
    const errors = sizeResults.flatMap((s) => [
      ...s.paged.errors,
      ...s.single.errors,
      ...s.polls.topics.errors,
      ...s.polls.latest.errors,
    ]);
    for (const f of ssr?.loads ?? []) errors.push(...f.client.errors, ...f.ssr.errors);
    if (errors.length) console.log(`Page errors: ${[...new Set(errors)].join('; ')}`);
    console.log(`Results: ${path.relative(root, out)} (and .md)`);
    const failed = results.budgets.filter((b) => b.pass === false).length;
    if (failed) console.log(`${failed} budget(s) not met.`);
    if (failed && args.strict) process.exitCode = 1;
  } finally {
    for (const s of servers) await s.close();
    await browser?.close();
    await bare?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
