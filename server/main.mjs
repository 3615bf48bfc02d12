#!/usr/bin/env node
// @ts-check
/**
 * CLI: node server/main.mjs [--mode live|static] [--port 8080] [--host 127.0.0.1]
 *   [--interval 10] [--feed file] [--dist dir] [--admin] [--head-size 50]
 *   [--page-size 50] [--static-dir dir] [--initial-items 3] [--head-max-age 0]
 *   [--no-shift-dates] [--no-csp] [--feed-origins "https://a.example https://b.example"]
 */
import { parseArgs } from 'node:util';
import { startServer } from './create-server.mjs';

const USAGE = `Usage: node server/main.mjs [options]
  --mode live|static     live replay of --feed (default) or feed files as they are
  --port N               default: $PORT or 8080 (0 picks a free port)
  --host ADDR            default: 127.0.0.1
  --interval SECONDS     live replay: one update every SECONDS (default: $REPLAY_INTERVAL or 10; 0 = only via admin)
  --feed FILE            source feed of the replay (default: public/feeds/vilnius-2023.json)
  --feed-path PATH       URL path of the live feed (default: /feeds/vilnius-2023.json)
  --dist DIR             built app to serve (default: dist)
  --static-dir DIR       extra feed files served under /fixtures/
  --admin                enable the loopback-only /__admin/ endpoints (publish, reset, faults)
  --initial-items N      items visible when the replay starts (default: 3)
  --head-size N          newest items the head always holds (default: 50)
  --page-size N          items per immutable page (default: 50)
  --head-max-age SECONDS Cache-Control max-age of feed heads (default: 0 = no-cache)
  --no-shift-dates       keep the source's dates instead of replaying them as happening now
  --no-csp               omit the Content-Security-Policy header
  --no-ssr               send the pages as built, for the browser to render (by default the
                         server renders their first screen, from dist-ssr/; docs/server.md)
  --ssr-feed-origins LIST  other origins whose feeds the server may fetch to render them,
                         space-separated (default: $LIVE_BLOG_SSR_FEED_ORIGINS); private and
                         loopback addresses are refused unless also in --ssr-private-origins
  --ssr-private-origins LIST  those of --ssr-feed-origins that may resolve to private addresses
  --public-origin URL    the origin readers reach the server at, behind a CDN or proxy that
                         terminates TLS or rewrites Host (default: $LIVE_BLOG_PUBLIC_ORIGIN, else
                         http:// and the request's Host): rendered pages' links are made from it
  --feed-origins LIST    other origins whose feeds ?feed= may name, space-separated: written into
                         the pages' <meta name="live-blog-feed-origins"> (default: as in dist/)
  --help`;

/**
 * @param {string | undefined} value
 * @param {string} name
 * @param {number} fallback
 */
function number(value, name, fallback) {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    console.error(
      `${name} must be a non-negative number, not ${JSON.stringify(value)}\n\n${USAGE}`,
    );
    process.exit(2);
  }
  return n;
}

/** @param {string[]} argv */
export async function main(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        mode: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        interval: { type: 'string' },
        feed: { type: 'string' },
        'feed-path': { type: 'string' },
        dist: { type: 'string' },
        'static-dir': { type: 'string' },
        admin: { type: 'boolean' },
        'initial-items': { type: 'string' },
        'head-size': { type: 'string' },
        'page-size': { type: 'string' },
        'head-max-age': { type: 'string' },
        'no-shift-dates': { type: 'boolean' },
        'no-csp': { type: 'boolean' },
        'feed-origins': { type: 'string' },
        'no-ssr': { type: 'boolean' },
        // Still accepted: server rendering used to be off unless asked for.
        ssr: { type: 'boolean' },
        'ssr-feed-origins': { type: 'string' },
        'ssr-private-origins': { type: 'string' },
        'public-origin': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    console.error(`${/** @type {Error} */ (err).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const mode = values.mode ?? 'live';
  if (mode !== 'live' && mode !== 'static') {
    console.error(`--mode must be live or static\n\n${USAGE}`);
    process.exit(2);
  }
  const intervalSeconds = number(values.interval ?? process.env.REPLAY_INTERVAL, '--interval', 10);

  const server = await startServer({
    mode,
    host: values.host ?? '127.0.0.1',
    port: number(values.port ?? process.env.PORT, '--port', 8080),
    intervalMs: Math.round(intervalSeconds * 1000),
    feedFile: values.feed,
    feedPath: values['feed-path'],
    distDir: values.dist,
    staticDir: values['static-dir'],
    admin: values.admin ?? false,
    initialItems: number(values['initial-items'], '--initial-items', 3),
    headSize: number(values['head-size'], '--head-size', 50),
    pageSize: number(values['page-size'], '--page-size', 50),
    headMaxAge: number(values['head-max-age'], '--head-max-age', 0),
    shiftDates: !values['no-shift-dates'],
    csp: !values['no-csp'],
    feedOrigins: values['feed-origins'],
    ssr: !values['no-ssr'],
    ssrFeedOrigins: values['ssr-feed-origins'] ?? process.env.LIVE_BLOG_SSR_FEED_ORIGINS ?? [],
    ssrPrivateOrigins: values['ssr-private-origins'] ?? [],
    publicOrigin: values['public-origin'] ?? (process.env.LIVE_BLOG_PUBLIC_ORIGIN || undefined),
  });

  const feedUrl = new URL(
    (values['feed-path'] ?? '/feeds/vilnius-2023.json').replace(/^\/*/, ''),
    server.url,
  ).href;
  const what =
    mode === 'static'
      ? 'static feeds, served as they are'
      : intervalSeconds > 0
        ? `live replay: one update every ${intervalSeconds} s`
        : 'live replay: updates only via POST /__admin/publish';
  console.log(`Live blog at ${server.url}  (feed: ${feedUrl}, ${what})`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
