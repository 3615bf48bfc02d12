// Back and Forward through the reader's own steps on the standalone page: the list they come
// back to is the one they left, as far down as they had scrolled.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';

const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-history-'));
execFileSync('node', ['scripts/generate-feed.mjs', '--items', '200', '--days', '2', '--out', dir]);
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.use({ serverOptions: { mode: 'static', staticDir: dir } });

const start = `?feed=${encodeURIComponent('/fixtures/synthetic-200.json')}&view=latest`;

test('Back from a filter returns to the list as far down as the reader had scrolled', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}${start}`);
  const articles = page.getByRole('main').getByRole('article');
  // Well past the first screen of updates: the list grows as the reader scrolls.
  await expect
    .poll(async () => {
      await page.mouse.wheel(0, 1500);
      return articles.count();
    })
    .toBeGreaterThan(60);
  const reading = articles.nth(50);
  const id = await reading.getAttribute('id');
  await reading.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect(reading).toBeInViewport();
  const scrolled = await page.evaluate(() => window.scrollY);

  await page.getByRole('checkbox', { name: 'Key events only' }).check();
  await expect(page).toHaveURL(/[?&]key=1(&|$)/);

  await page.goBack();
  await expect(page).not.toHaveURL(/[?&]key=1(&|$)/);
  // The list is as long as the reader left it, so the browser puts the page back where it was;
  // not cut back to its first screen, with the page clamped near its top.
  await expect(page.locator(`[id="${id}"]`)).toBeAttached();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
});
