// What a first screen downloads before its first updates show: what the size check counts
// (`npm run size`, tooling/bundle-sizes.mjs), and for feeds that carry them the code of embeds and
// attachments. The code of what comes later (landing a jump, recording the visit) waits until
// they are on screen: fetched beside the feed, it shared a slow link with it and came before the
// first update.
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { bundleSizes } from '../../tooling/bundle-sizes.mjs';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';

/** The files the size check counts for a first screen (by its name there), by file name. */
function counted(screen: RegExp): string[] {
  const sizes = bundleSizes(path.resolve('dist')).find((b) => screen.test(b.name));
  expect(sizes, `the size check counts ${String(screen)}`).toBeDefined();
  return sizes!.files.map((file) => path.basename(file));
}

/**
 * Holds the answers to the requests for `feed` until `release()`; `code` lists the file names of
 * the scripts and stylesheets the page asked `origin` for.
 */
async function holdFeed(page: Page, feed: RegExp, origin: string) {
  const code: string[] = [];
  let asked = false;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  page.on('request', (request) => {
    const url = new URL(request.url());
    const file = path.basename(url.pathname);
    if (url.origin === new URL(origin).origin && /\.(js|css)$/.test(file)) code.push(file);
  });
  await page.route(feed, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  return { code, release, asked: () => asked };
}

/** Idle twice over: what the page left for an idle moment has run by then. */
async function settle(page: Page) {
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => new Promise((done) => requestIdleCallback(done)));
  }
}

const LATER = /\/(keep-in-place|last-visit-tracking)-[^/]*\.js$/;

test('<live-blog> fetches the code for later only once its first updates are in', async ({
  page,
  server,
  host,
}) => {
  const later: string[] = [];
  page.on('request', (request) => {
    if (LATER.test(request.url())) later.push(request.url());
  });
  // The feed is slow to come: the page has mounted the widget and is idle meanwhile.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/fixtures\/plain-jsonfeed\.json/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.goto(
    host.page(
      '/slow-feed.html',
      hostDocument(
        `<live-blog feed="${server.url}fixtures/plain-jsonfeed.json" poll="off"></live-blog>`,
        `<script type="module" src="${server.url}embed.js"></script>`,
      ),
    ),
  );
  await expect.poll(() => asked).toBe(true);
  // Idle twice over: what the widget left for an idle moment has run by then.
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => new Promise((done) => requestIdleCallback(done)));
  }
  expect(later).toEqual([]);

  release();
  await expect(page.locator('live-blog').getByRole('article').first()).toBeVisible();
  await expect
    .poll(() => later.map((url) => LATER.exec(url)![1]).sort())
    .toEqual(['keep-in-place', 'last-visit-tracking']);
});

test.describe('what the size check counts is what a first screen fetches', () => {
  // The browser renders the page itself: a server's HTML shows its updates before any script.
  test.use({ serverOptions: { ssr: false } });

  test('the standalone page fetches no code before its first update but what is counted', async ({
    page,
    server,
  }) => {
    const budget = counted(/^standalone page/);
    const feed = await holdFeed(page, /\/feeds\/[^/]*\.json/, server.url);
    await page.goto(server.url);
    await expect.poll(feed.asked).toBe(true);
    await settle(page);
    const fetched = [...feed.code];
    feed.release();
    await expect(page.getByRole('article').first()).toBeVisible();
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.filter((file) => !budget.includes(file))).toEqual([]);
  });

  test('<live-blog> fetches no code before its first update but embed.js', async ({
    page,
    server,
    host,
  }) => {
    const budget = counted(/^embed\.js/);
    const feed = await holdFeed(page, /\/fixtures\/plain-jsonfeed\.json/, server.url);
    await page.goto(
      host.page(
        '/counted.html',
        hostDocument(
          `<live-blog feed="${server.url}fixtures/plain-jsonfeed.json" poll="off"></live-blog>`,
          `<script type="module" src="${server.url}embed.js"></script>`,
        ),
      ),
    );
    await expect.poll(feed.asked).toBe(true);
    await settle(page);
    const fetched = [...feed.code];
    feed.release();
    await expect(page.locator('live-blog').getByRole('article').first()).toBeVisible();
    expect(fetched).toContain('embed.js');
    expect(fetched.filter((file) => !budget.includes(file))).toEqual([]);
  });
});
// The bundle budget (`npm run size`, tooling/bundle-sizes.mjs) counts what each first screen
// loads before its first update. Here every other script and stylesheet is held back: a plain
// feed (no attachments, no embedded posts: the code only such feeds need may wait) must still
// show its first updates, chart and all, so no code they wait for escapes the count.
test.describe('the first updates wait for no code the bundle budget leaves out', () => {
  test.use({ serverOptions: { ssr: false } });
  // Dated in the past and over several hours: a feed that draws the chart.
  const FEED = 'fixtures/fall-back-hour.json';

  async function holdUncounted(page: Page, budget: RegExp) {
    const budgeted = new Set(counted(budget));
    const held: string[] = [];
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\.(js|css)(\?.*)?$/, async (route) => {
      const name = path.basename(new URL(route.request().url()).pathname);
      if (!budgeted.has(name)) {
        held.push(name);
        await released;
      }
      await route.continue();
    });
    return { held, release };
  }

  async function expectFirstScreen(root: Locator, held: string[], release: () => void) {
    const heldBack = () => `held back: ${held.join(', ') || 'nothing'}`;
    await expect(root.getByRole('article').first(), heldBack()).toBeVisible();
    await expect(root.getByRole('figure', { name: /^updates per/i })).toBeVisible();
    release();
    // What was held back comes afterwards, and works (the filter panel, say).
    await expect(root.getByRole('searchbox', { name: 'Search updates' })).toBeVisible();
    test.info().annotations.push({ type: 'held until after', description: held.join(', ') });
  }

  test('the standalone page', async ({ page, server }) => {
    const { held, release } = await holdUncounted(page, /^standalone page/);
    await page.goto(`${server.url}?feed=${encodeURIComponent(`/${FEED}`)}`);
    await expectFirstScreen(page.locator('body'), held, release);
  });

  test('embed.html', async ({ page, server }) => {
    const { held, release } = await holdUncounted(page, /^embed\.html/);
    await page.goto(`${server.url}embed.html?feed=${encodeURIComponent(`/${FEED}`)}`);
    await expectFirstScreen(page.locator('body'), held, release);
  });

  test('<live-blog> from embed.js', async ({ page, server, host }) => {
    const { held, release } = await holdUncounted(page, /^embed\.js/);
    await page.goto(
      host.page(
        '/first-screen.html',
        hostDocument(
          `<live-blog feed="${server.url}${FEED}" poll="off"></live-blog>`,
          `<script type="module" src="${server.url}embed.js"></script>`,
        ),
      ),
    );
    await expectFirstScreen(page.locator('live-blog'), held, release);
  });
});
