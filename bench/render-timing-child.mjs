// @ts-check
/**
 * The child process of server-render-timing.mjs, started pinned to one core where the system
 * allows: times the page renderer in-process (its first render, which loads it, then renders of
 * the same page, each for a new version of its feed, which the renderer has not kept), then serves the same pages over HTTP (server rendering on) until told to stop.
 * argv[2]: JSON, see ChildOptions. Replies over IPC with { renders, url }.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { startServer } from '../server/create-server.mjs';
import { createPageRenderer } from '../server/server-render.mjs';

/**
 * @typedef {{ name: string, file: string, urlPath: string }} TimedFeed
 * @typedef {{ module: string, dist: string, feedDir: string, feeds: TimedFeed[], samples: number }} ChildOptions
 * @typedef {{ name: string, firstMs: number, samples: number[] }} RenderTimes
 */

/** @type {unknown} */
const parsed = JSON.parse(String(process.argv[2]));
const options = /** @type {ChildOptions} */ (parsed);
const template = readFileSync(path.join(options.dist, 'index.html'), 'utf8');
const origin = 'http://127.0.0.1';
const renderer = createPageRenderer({ module: options.module });

/** @type {RenderTimes[]} */
const renders = [];
for (const feed of options.feeds) {
  const text = readFileSync(feed.file, 'utf8');
  const fetchedAt = statSync(feed.file).mtimeMs;
  let version = 0;
  const feedUrl = new URL(feed.urlPath, origin).href;
  /** @type {Parameters<typeof renderer.render>[0]} */
  const input = {
    page: 'standalone',
    pageUrl: `${origin}/?feed=${encodeURIComponent(feed.urlPath)}`,
    template,
    feedOrigins: [],
    load: (url) =>
      Promise.resolve(
        url === feedUrl
          ? { text, validator: `"bench-${version}"`, fetchedAt, maxAgeSeconds: 10 }
          : undefined,
      ),
  };
  const once = async () => {
    version++;
    const start = performance.now();
    if (!(await renderer.render(input))) throw new Error(`${feed.name}: not rendered`);
    return performance.now() - start;
  };
  const firstMs = await once();
  // Unmeasured: until the compiler has seen these paths.
  for (let i = 0; i < Math.min(10, options.samples); i++) await once();
  /** @type {number[]} */
  const samples = [];
  for (let i = 0; i < options.samples; i++) samples.push(await once());
  renders.push({ name: feed.name, firstMs, samples });
}
renderer.close();

const server = await startServer({
  port: 0,
  mode: 'static',
  distDir: options.dist,
  staticDir: options.feedDir,
  ssr: true,
  ssrModule: options.module,
});
process.send?.({ renders, url: server.url });
process.once('message', () => {
  void server.close().then(() => process.exit(0));
});
