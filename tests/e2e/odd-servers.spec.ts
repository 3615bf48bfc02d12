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

/** The built app from dist/, and the feed as `answer` says (changed by the test as it goes). */
async function startOddServer() {
  const state: { answer: Answer } = { answer: (_req, res) => sendFeed(res, 3) };
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === FEED) return state.answer(req, res);
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

const status = (page: Page) => page.getByRole('status').first();
const articles = (page: Page) => page.getByRole('article');

/** Opens the page on a fake clock, counting the feed requests it makes. */
async function open(page: Page, url: string) {
  await page.addInitScript((feed) => {
    const w = window as unknown as { __feedRequests: number };
    w.__feedRequests = 0;
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
  await expect(status(page)).toContainText('The server had a problem (304): retrying in');
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
