// Server rendering of feeds on other origins (server/server-render.mjs with the SSRF-safe loader
// of src/entries/server/): only allow-listed origins, loopback only when allowed too, one fetch
// per feed however many pages are asked for, and any fault leaves the page to the browser.
import { startServer } from '../../server/create-server.mjs';
import { expect, test } from './fixtures';

type RunningServer = Awaited<ReturnType<typeof startServer>>;
type Options = NonNullable<Parameters<typeof startServer>[0]>;

/** The feed's server: another origin (another port), logging what it is asked. */
async function feedServer(): Promise<RunningServer> {
  return startServer({
    port: 0,
    mode: 'static',
    distDir: 'dist',
    staticDir: 'tests/fixtures/feeds',
    admin: true,
    headMaxAge: 30,
  });
}

async function requestsTo(server: RunningServer, file: string) {
  const res = await fetch(`${server.url}__admin/requests`);
  const log = (await res.json()) as
    { path: string; status: number; fault?: string | null }[] | { requests: [] };
  const list = Array.isArray(log) ? log : log.requests;
  return list.filter((r: { path: string }) => r.path.endsWith(file));
}

async function pageServer(options: Options) {
  return startServer({
    port: 0,
    mode: 'static',
    distDir: 'dist',
    staticDir: 'tests/fixtures/feeds',
    ssr: true,
    ...options,
  });
}

const FILE = 'mars-landing.json';
let feeds: RunningServer;
const servers: RunningServer[] = [];

test.beforeAll(async () => {
  feeds = await feedServer();
});
test.afterAll(async () => {
  await Promise.all([feeds.close(), ...servers.map((s) => s.close())]);
});

async function page(options: Options, feedUrl = `${feeds.url}fixtures/${FILE}`) {
  const origin = new URL(feeds.url).origin;
  const server = await pageServer({ feedOrigins: origin, ...options });
  servers.push(server);
  const res = await fetch(`${server.url}?feed=${encodeURIComponent(feedUrl)}`);
  return { res, html: await res.text(), server };
}

const rendered = (html: string) => html.includes('id="live-blog-snapshot"');

test('an allowed origin is rendered, and twenty page requests fetch the feed once', async () => {
  const origin = new URL(feeds.url).origin;
  const { html, server } = await page({ ssrFeedOrigins: origin, ssrPrivateOrigins: origin });
  expect(rendered(html)).toBe(true);
  expect(html).toMatch(/<article/);
  await Promise.all(
    Array.from({ length: 20 }, () =>
      fetch(`${server.url}?feed=${encodeURIComponent(`${feeds.url}fixtures/${FILE}`)}`).then((r) =>
        r.text(),
      ),
    ),
  );
  expect(await requestsTo(feeds, FILE)).toHaveLength(1);
});

test('a loopback origin not allowed as private is never asked', async () => {
  const before = (await requestsTo(feeds, 'plain-jsonfeed.json')).length;
  const origin = new URL(feeds.url).origin;
  const { res, html } = await page(
    { ssrFeedOrigins: origin },
    `${feeds.url}fixtures/plain-jsonfeed.json`,
  );
  expect(res.status).toBe(200);
  expect(rendered(html)).toBe(false);
  expect(await requestsTo(feeds, 'plain-jsonfeed.json')).toHaveLength(before);
});

test('an origin the server is not allowed to fetch is left to the browser', async () => {
  const before = (await requestsTo(feeds, 'rtl-arabic.json')).length;
  const { res, html } = await page({}, `${feeds.url}fixtures/rtl-arabic.json`);
  expect(res.status).toBe(200);
  expect(rendered(html)).toBe(false);
  expect(await requestsTo(feeds, 'rtl-arabic.json')).toHaveLength(before);
});

for (const fault of ['500', 'html200', 'truncate', 'huge']) {
  test(`a feed answering with fault "${fault}" gives the page as built, never a 500`, async () => {
    const faulty = await feedServer();
    servers.push(faulty);
    await fetch(`${faulty.url}__admin/fault`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: fault, pages: true }),
    });
    const origin = new URL(faulty.url).origin;
    const server = await pageServer({
      feedOrigins: origin,
      ssrFeedOrigins: origin,
      ssrPrivateOrigins: origin,
    });
    servers.push(server);
    const res = await fetch(
      `${server.url}?feed=${encodeURIComponent(`${faulty.url}fixtures/${FILE}`)}`,
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(rendered(html)).toBe(false);
    expect(html).toContain('<div id="root"></div>');
    // The server did ask, and met the fault.
    const asked = (await requestsTo(faulty, FILE)) as { fault?: string | null }[];
    expect(asked.map((r) => r.fault)).toContain(fault);
  });
}
