import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

// A paged blog (head + immutable pages) and a 2,000-update single document, generated once.
const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-scale-'));
execFileSync('node', ['scripts/generate-feed.mjs', '--items', '300', '--days', '2', '--out', dir]);
execFileSync('node', [
  'scripts/generate-feed.mjs',
  '--items',
  '2000',
  '--days',
  '3',
  '--out',
  dir,
  '--single',
]);
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const head = JSON.parse(readFileSync(path.join(dir, 'synthetic-300.json'), 'utf8')) as {
  items: { id: string; _liveblog?: { deleted?: boolean } }[];
};
const headItems = head.items.filter((i) => !i._liveblog?.deleted).length;

test.use({ serverOptions: { mode: 'static', staticDir: dir } });

const resultCount = (page: Page) => page.locator('.lb-result-count');
const total = async (page: Page) => {
  const text = (await resultCount(page).textContent()) ?? '';
  return Number(/(\d+) updates?/.exec(text.replace(/,/g, ''))?.[1]);
};

test('a paged feed shows its head, then older pages on demand and on scroll', async ({
  page,
  server,
}) => {
  // The first request for an older page fails, so the end of the timeline must offer the button
  // (the path for keyboards, and for readers whose automatic load failed) and keep it there.
  let pageRequests = 0;
  await page.route(/\/synthetic-300\/page-\d+\.json/, (route) =>
    pageRequests++ === 0 ? route.abort('connectionreset') : route.continue(),
  );
  await page.goto(`${server.url}?feed=fixtures/synthetic-300.json&view=latest`);
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(resultCount(page)).toContainText(`${headItems} updates`);
  // Counts say what they cover while older pages remain.
  await expect(page.getByText(/Counts cover updates since/)).toBeVisible();

  const toBottom = () =>
    page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  // Scrolling to the end renders the rest of the head, then tries the older page by itself.
  const failure = page.getByText('Older updates could not be loaded.');
  await expect
    .poll(
      async () => {
        await toBottom();
        return failure.isVisible();
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  expect(await total(page), 'a failed page changes nothing').toBe(headItems);

  await page.getByRole('button', { name: 'Show older updates' }).click();
  await expect.poll(() => total(page)).toBeGreaterThan(headItems);

  // Scrolling on loads the rest by itself, down to the first update, whose page has no next_url.
  const scrolledTotal = async () => {
    await toBottom();
    return total(page);
  };
  await expect.poll(scrolledTotal, { timeout: 30_000 }).toBeGreaterThanOrEqual(290);
  await expect(page.getByText(/Counts cover updates since/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Show older updates' })).toHaveCount(0);
});

test('a 2,000-update document renders a window of updates and grows it as the reader scrolls', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}?feed=fixtures/synthetic-2000-single.json&view=latest`);
  await expect(page.getByRole('article').first()).toBeVisible();
  // A document this large shows a preview of its newest updates first; the count follows.
  await expect(resultCount(page)).toHaveText(/^[\d,]+ updates/);
  await expect(page.getByRole('main')).not.toHaveAttribute('aria-busy', 'true');
  const all = await total(page);
  expect(all).toBeGreaterThan(1900);
  const rendered = await page.getByRole('article').count();
  expect(rendered, 'only a window of updates is in the DOM at first').toBeLessThan(200);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(() => page.getByRole('article').count()).toBeGreaterThan(rendered);
  // Filtering still covers every update, not only the rendered ones.
  await page.getByRole('searchbox', { name: 'Search updates' }).fill('synthetic');
  await expect(resultCount(page)).toContainText(/\d+ (of \d+ )?updates/);
});

// The browser's own first screen of a large document: for feeds the server does not render
// (another origin's), and for a server started with --no-ssr.
test.describe('a page the browser renders', () => {
  test.use({ serverOptions: { mode: 'static', staticDir: dir, ssr: false } });

  test('a large document shows its newest updates first, and the rest arrives without moving them', async ({
    page,
    server,
  }) => {
    // What the reader saw first: the top update when the first one entered the page.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const first = document.querySelector('article');
        if (!first) return;
        observer.disconnect();
        const data = document.documentElement.dataset;
        data.firstSeen = first.id;
        data.firstTop = String(first.getBoundingClientRect().top);
        // While only the preview is in, the filters wait for the whole document.
        data.filtersFirst = document.querySelector('.lb-filters input') ? 'inputs' : 'pending';
      }).observe(document, { childList: true, subtree: true });
    });
    // The generator pins its second-oldest update: near the end of the document.
    await page.goto(`${server.url}?feed=fixtures/synthetic-2000-single.json`);
    await expect(resultCount(page)).toHaveText(/^[\d,]+ updates/);
    await expect(page.getByRole('main')).not.toHaveAttribute('aria-busy', 'true');
    expect(await total(page)).toBeGreaterThan(1900);
    const first = page.getByRole('article').first();
    await expect(first).toContainText('Pinned');
    // The top of the page is what it was, and nothing of the same document is "new".
    const seen = await page.evaluate(() => ({ ...document.documentElement.dataset }));
    expect(seen.firstSeen).toBe(await first.getAttribute('id'));
    // Nor did the filters, arriving beside it, move it.
    expect(seen.filtersFirst).toBe('pending');
    await expect(page.getByRole('searchbox', { name: 'Search updates' })).toBeVisible();
    const top = await first.evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(top - Number(seen.firstTop))).toBeLessThan(1);
    await expect(page.getByRole('button', { name: /new updates?/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('on a phone or a narrow column, too, the rest of a large document arrives without moving the first updates', async ({
    page,
    server,
  }) => {
    for (const viewport of [
      { width: 375, height: 800 },
      { width: 900, height: 800 },
    ]) {
      await page.setViewportSize(viewport);
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          const first = document.querySelector('article');
          if (!first) return;
          observer.disconnect();
          document.documentElement.dataset.firstTop = String(first.getBoundingClientRect().top);
          document.documentElement.dataset.firstSeen = first.id;
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${server.url}?feed=fixtures/synthetic-2000-single.json`);
      await expect(resultCount(page)).toHaveText(/^[\d,]+ updates/);
      await expect(page.getByRole('main')).not.toHaveAttribute('aria-busy', 'true');
      const seen = await page.evaluate(() => ({ ...document.documentElement.dataset }));
      const first = page.locator(`[id="${seen.firstSeen}"]`);
      // The rail above the updates (the activity chart, the key events) had its final shape.
      const top = await first.evaluate((el) => el.getBoundingClientRect().top);
      expect(Math.abs(top - Number(seen.firstTop)), `at ${viewport.width} px`).toBeLessThan(1);
    }
  });
});
