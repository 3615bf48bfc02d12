// Feed servers that misbehave in ways the replay server's faults (faults.spec.ts) do not: a small
// server of the test's own serves the built standalone page and answers the feed as each test
// says. The page's clock is fake (page.clock), so polls and back-off run in milliseconds.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { advanceClockUntil, expect, test } from './fixtures';

type Answer = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const FEED = '/odd/feed.json';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

const feedText = (count: number) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Odd server',
    _liveblog: { status: 'live', poll_seconds: 15 },
    items: Array.from({ length: count }, (_, i) => ({
      id: `u${i}`,
      title: `Update ${i}`,
      content_text: `Body of update ${i}.`,
      date_published: new Date(Date.UTC(2023, 6, 12, 9, i)).toISOString(),
    })),
  });

const sendFeed = (res: http.ServerResponse, count: number, etag = `"${count}"`) =>
  res.writeHead(200, { 'content-type': 'application/feed+json', etag }).end(feedText(count));

/** The built app from dist/, and the feed (and its pages, under /odd/) as `answer` says (changed by the test as it goes). */
async function startOddServer() {
  const state: { answer: Answer } = { answer: (_req, res) => sendFeed(res, 3) };
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname.startsWith('/odd/')) return state.answer(req, res);
    const file = path.join('dist', pathname === '/' ? 'index.html' : path.normalize(pathname));
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'text/plain' });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (query = '') => `http://127.0.0.1:${port}/?feed=${FEED}${query}`,
    answer: (answer: Answer) => void (state.answer = answer),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let odd: Awaited<ReturnType<typeof startOddServer>>;
test.beforeEach(async () => {
  odd = await startOddServer();
});
test.afterEach(async () => {
  await odd.close();
});

// The status line as seen: the announced state, and the countdown that ticks beside it.
const status = (page: Page) => page.locator('p:has(> [role=status])').first();
const articles = (page: Page) => page.getByRole('article');

/** Opens the page on a fake clock, counting the feed requests it makes. */
async function open(page: Page, url: string) {
  await page.addInitScript((feed) => {
    const w = window as unknown as { __feedRequests: number; __pieces: number };
    w.__feedRequests = 0;
    // Pieces of a body the page has read, so that the clock moves only once one is in.
    w.__pieces = 0;
    // Called with the reader as `this` below.
    const read: ReadableStreamDefaultReader['read'] = Reflect.get(
      ReadableStreamDefaultReader.prototype,
      'read',
    );
    ReadableStreamDefaultReader.prototype.read = function (this: ReadableStreamDefaultReader) {
      return read.call(this).then((result) => {
        if (!result.done) w.__pieces++;
        return result;
      });
    } as typeof read;
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes(feed)) w.__feedRequests++;
      return original(input, init);
    };
  }, FEED);
  await page.clock.install();
  await page.goto(url);
}

const feedRequests = (page: Page) =>
  page.evaluate(() => (window as unknown as { __feedRequests: number }).__feedRequests);

const pieces = (page: Page) =>
  page.evaluate(() => (window as unknown as { __pieces: number }).__pieces);

/**
 * Answers the next feed request with `text` in three pieces, the first at once; each call of the
 * returned function sends the next piece.
 */
function drip(text: string) {
  const parts = [text.slice(0, 40), text.slice(40, 120), text.slice(120)];
  let res: http.ServerResponse | undefined;
  odd.answer((_req, r) => {
    res = r;
    r.writeHead(200, { 'content-type': 'application/feed+json', etag: '"drip"' });
    r.write(parts.shift());
  });
  return () => {
    const part = parts.shift()!;
    if (parts.length > 0) res!.write(part);
    else res!.end(part);
  };
}

/**
 * Lets a body take 16 s to arrive, a piece every 8 s, each read before the clock moves on.
 * `read`: the pieces the page had read before the request.
 */
async function dripSlowly(page: Page, next: () => void, read: number) {
  for (let i = 0; i < 2; i++) {
    await expect.poll(() => pieces(page)).toBeGreaterThan(read);
    read = await pieces(page);
    await page.clock.fastForward(8_000);
    next();
  }
  await expect.poll(() => pieces(page)).toBeGreaterThan(read);
}

async function advanceToNextRequest(page: Page, ms: number) {
  const before = await feedRequests(page);
  await advanceClockUntil(page, ms, async () => (await feedRequests(page)) > before);
}

test('a 304 to the first request, which asked for no comparison, is an error the page recovers from', async ({
  page,
}) => {
  // A broken cache answers "not modified" to a reader who holds nothing.
  odd.answer((_req, res) => res.writeHead(304, { etag: '"3"' }).end());
  await open(page, odd.url());
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This live blog could not be loaded.');
  await expect(alert).toContainText('The server had a problem (304)');
  await expect(page.locator('.lb-notice')).toContainText(
    'The server had a problem (304): retrying in',
  );
  await expect(page.getByText('Loading live updates…')).toHaveCount(0);

  odd.answer((_req, res) => sendFeed(res, 3));
  await advanceToNextRequest(page, 12_000);
  await expect(articles(page)).toHaveCount(3);
  await expect(status(page)).toHaveText(/^Live/);
});

test('a first load that fails is explained in the page’s language only', async ({ page }) => {
  odd.answer((_req, res) => res.writeHead(500).end());
  await open(page, odd.url('&locale=uk'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Не вдалося завантажити цю трансляцію.');
  await expect(alert).toContainText('Помилка на сервері (500)');
  await expect(alert).not.toContainText(/[A-Za-z]/);
});

test.describe('a body that keeps arriving for longer than the 10 s timeout', () => {
  test('a poll: the update comes, and the page stays live', async ({ page }) => {
    await open(page, odd.url());
    await expect(articles(page)).toHaveCount(3);
    const read = await pieces(page);
    const next = drip(feedText(4));
    await advanceToNextRequest(page, 17_000);
    await dripSlowly(page, next, read);
    await expect(articles(page)).toHaveCount(4);
    await expect(status(page)).toHaveText(/^Live/);
  });

  test('the first load: the page’s early request is not given up either', async ({ page }) => {
    const next = drip(feedText(3));
    await open(page, odd.url());
    await dripSlowly(page, next, 0);
    await expect(articles(page)).toHaveCount(3);
    await expect(status(page)).toHaveText(/^Live/);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test('back from an absence, a page of the walk back that failed is asked again at the next poll', async ({
  page,
}) => {
  // Updates u<from> to u<to>, newest first.
  const doc = (from: number, to: number, next?: string) => {
    const feed = JSON.parse(feedText(to + 1)) as { items: unknown[] };
    return JSON.stringify({ ...feed, items: feed.items.slice(from).reverse(), next_url: next });
  };
  // A list long enough that its end, and the older updates it would load, are far below.
  odd.answer((_req, res) => sendFeed(res, 40));
  await open(page, odd.url());
  const group = page.getByRole('heading', { name: /^Other updates/ });
  await expect(group).toHaveText('Other updates (40 updates)');
  // While the reader was away, u40 to u49 went to older pages; the first of them fails once.
  let pageTwo = 0;
  odd.answer((req, res) => {
    const send = (body: string, etag: string) =>
      res.writeHead(200, { 'content-type': 'application/feed+json', etag }).end(body);
    if (req.url === FEED) return send(doc(50, 52, '/odd/page-2.json'), '"v2"');
    if (req.url === '/odd/page-1.json') return send(doc(35, 44), '"p1"');
    if (req.url !== '/odd/page-2.json') return res.writeHead(404).end();
    if ((pageTwo += 1) === 1) return res.writeHead(503, { 'retry-after': '5' }).end();
    send(doc(45, 49, '/odd/page-1.json'), '"p2"');
  });
  await advanceToNextRequest(page, 17_000);
  await expect(group).toHaveText('Other updates (43 updates)');
  expect(pageTwo).toBe(1);
  await expect(page.getByRole('heading', { name: 'Update 52' })).toBeVisible();

  // The head has not changed since: the walk goes on from the page that failed.
  await advanceToNextRequest(page, 17_000);
  await expect(group).toHaveText('Other updates (53 updates)');
  await expect(page.getByRole('heading', { name: 'Update 47' })).toBeVisible();
  await expect(status(page)).toHaveText(/^Live/);
});
