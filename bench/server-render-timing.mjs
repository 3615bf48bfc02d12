// @ts-check
/**
 * Server render time and throughput on one core: a child process (render-timing-child.mjs),
 * pinned with taskset where there is one, renders the standalone page for each feed in-process,
 * then serves it over HTTP while this process sends it concurrent requests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { median } from './measure.mjs';

const CHILD = fileURLToPath(new URL('./render-timing-child.mjs', import.meta.url));

/** @param {number[]} values @param {number} q */
function quantile(values, q) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? null;
}

/** @param {number[]} values */
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

/** @param {number[]} values */
function spread(values) {
  return { medianMs: median(values), p95Ms: quantile(values, 0.95), samples: values.length };
}

/**
 * `total` GET requests, `concurrency` at a time, as a browser asks for a page.
 * @param {(i: number) => string} urlOf
 * @param {number} total
 * @param {number} concurrency
 */
async function hammer(urlOf, total, concurrency) {
  /** @type {number[]} */
  const times = [];
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const t = performance.now();
      const res = await fetch(urlOf(i), {
        headers: { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br, zstd' },
      });
      const body = await res.text();
      if (!res.ok || !body.includes('id="live-blog-snapshot"'))
        throw new Error(`${urlOf(i)}: ${res.status}, not rendered on the server`);
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  return { ...spread(times), perSecond: total / seconds, concurrency };
}

/**
 * @param {{
 *   module: string,
 *   dist: string,
 *   feedDir: string,
 *   feeds: import('./render-timing-child.mjs').TimedFeed[],
 *   samples: number,
 *   requests: number,
 *   concurrency: number,
 * }} options
 */
export async function timeServerRender(options) {
  const { requests, concurrency, ...childOptions } = options;
  const pinned = process.platform === 'linux' && spawnSync('taskset', ['-V']).status === 0;
  const node = [CHILD, JSON.stringify(childOptions)];
  /** @type {import('node:child_process').ChildProcess} */
  const child = pinned
    ? spawn('taskset', ['-c', '0', process.execPath, ...node], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      })
    : spawn(process.execPath, node, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    /** @type {unknown[]} */
    const args = await Promise.race([
      once(child, 'message'),
      once(child, 'exit').then(([code]) => {
        throw new Error(`server render timing: the child exited (${String(code)})`);
      }),
    ]);
    const message = args[0];
    const reply =
      /** @type {{ renders: import('./render-timing-child.mjs').RenderTimes[], url: string }} */ (
        message
      );
    const results = [];
    for (const r of reply.renders) {
      const feed = /** @type {(typeof options.feeds)[number]} */ (
        options.feeds.find((f) => f.name === r.name)
      );
      const page = `${reply.url}?feed=${encodeURIComponent(feed.urlPath)}`;
      results.push({
        name: r.name,
        firstRenderMs: r.firstMs,
        inProcess: { ...spread(r.samples), perSecond: 1000 / mean(r.samples) },
        // The same address again: the page's representation is kept with its compressed body.
        httpSamePage: await hammer(() => page, requests, concurrency),
        // A new address each time (an unknown parameter): a new page to hash and compress.
        httpNewPage: await hammer((i) => `${page}&bench=${i}`, requests, concurrency),
      });
    }
    return { pinnedToOneCore: pinned, results };
  } finally {
    if (child.exitCode === null) {
      child.send('stop');
      await once(child, 'exit');
    }
  }
}
