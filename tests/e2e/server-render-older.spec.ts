// Further down a server-rendered list without JavaScript: "Show more updates" and "Show older
// updates" are links (`more=`, `older=`) that the server answers with a longer list, loading the
// feed's older pages itself; with JavaScript the same page hydrates and goes on from there.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { JSDOM } from 'jsdom';
import { expect, test } from './fixtures';

interface Doc {
  next_url?: string;
  _liveblog?: { topics?: { id: string; label: string }[] };
  items: { id: string; _liveblog?: { deleted?: boolean; topics?: string[] } }[];
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-older-'));
execFileSync('node', ['scripts/generate-feed.mjs', '--items', '200', '--days', '2', '--out', dir]);
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Doc;
const head = read('synthetic-200.json');
const newestPage = read(head.next_url!);
const idsOf = (doc: Doc, topic?: string) =>
  doc.items
    .filter((i) => !i._liveblog?.deleted && (!topic || i._liveblog?.topics?.includes(topic)))
    .map((i) => i.id);
// A topic with a first screen's worth or less in the head, and more in the newest page.
const topic = ['technology', 'health', 'energy', 'transport', 'politics', 'economy']
  .concat(head.items.flatMap((i) => i._liveblog?.topics ?? []))
  .find((t) => idsOf(head, t).length <= 10 && idsOf(newestPage, t).length > 0)!;

const start = `?feed=${encodeURIComponent('/fixtures/synthetic-200.json')}&view=latest`;
const articleIds = (page: Page) =>
  page
    .locator('article[id]')
    .evaluateAll((els) => els.map((el) => decodeURIComponent(el.id.replace(/^update-/, ''))));
// Followed from the keyboard: the articles scrolled past render on the way (content-visibility)
// and can move a link under the pointer between Playwright's aim and its click.
const follow = (page: Page, name: string) => page.getByRole('link', { name }).press('Enter');

test.use({ serverOptions: { mode: 'static', staticDir: dir, ssr: true } });

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('"Show more updates" and "Show older updates" are links the server answers', async ({
    page,
    server,
  }) => {
    await page.goto(`${server.url}${start}`);
    const first = await articleIds(page);
    expect(first.length).toBe(10);
    await expect(page.getByRole('button', { name: 'Show older updates' })).toHaveCount(0);

    await follow(page, 'Show more updates');
    await expect(page).toHaveURL(/[?&]more=1(&|$)/);
    expect(await articleIds(page)).toEqual(expect.arrayContaining(idsOf(head)));
    await expect(page.getByRole('link', { name: 'Show more updates' })).toHaveCount(0);

    // The end of the head: the server loads the newest older page and renders it too.
    await follow(page, 'Show older updates');
    await expect(page).toHaveURL(/[?&]older=1(&|$)/);
    await expect(page).toHaveURL(/[?&]view=latest(&|$)/);
    const deeper = await articleIds(page);
    expect(deeper).toEqual(expect.arrayContaining([...idsOf(head), ...idsOf(newestPage)]));
  });

  test('the links keep the filters, and so does the older page', async ({ page, server }) => {
    await page.goto(`${server.url}${start}&topic=${topic}`);
    expect(new Set(await articleIds(page))).toEqual(new Set(idsOf(head, topic)));

    await follow(page, 'Show older updates');
    await expect(page).toHaveURL(new RegExp(`[?&]topic=${topic}(&|$)`));
    await expect(page).toHaveURL(/[?&]older=1(&|$)/);
    const label = head._liveblog!.topics!.find((t) => t.id === topic)!.label;
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${label} \\(`) })).toBeChecked();
    expect(new Set(await articleIds(page))).toEqual(
      new Set([...idsOf(head, topic), ...idsOf(newestPage, topic)]),
    );
  });
});

test('with JavaScript, a deeper page hydrates as served and loads on from its last page', async ({
  page,
  server,
  admin,
}) => {
  await admin.clearRequests();
  const response = await page.goto(`${server.url}${start}&more=2&older=1`);
  const html = (await response?.text()) ?? '';
  // Parsed here: the page enforces Trusted Types, and its DOMParser takes no string.
  const served = [...new JSDOM(html).window.document.querySelectorAll('article[id]')].map((el) =>
    decodeURIComponent(el.id.replace(/^update-/, '')),
  );
  expect(served).toEqual(expect.arrayContaining(idsOf(newestPage)));
  // Hydrated, the link to older pages is the button again; the list is the one served.
  const older = page.getByRole('button', { name: 'Show older updates' });
  await expect(older).toBeVisible();
  expect(await articleIds(page)).toEqual(served);

  // The reader reads on to the end: the next page loads (by itself near the end, or by the
  // button), and the list grows.
  await expect
    .poll(async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      return (await articleIds(page)).length;
    })
    .toBeGreaterThan(served.length);
  const pages = (await admin.requests()).map((r) => r.path).filter((p) => /page-\d+/.test(p));
  // The page the server loaded came with the HTML: the browser went on from the one after it,
  // and never asked for the served one again.
  expect(pages[0]).toMatch(/synthetic-200\/page-2\.json$/);
  expect(pages.filter((p) => head.next_url!.endsWith(p.split('/').pop()!))).toEqual([]);
});

test('with JavaScript, the window grows on scroll as before, with no link', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}${start}`);
  // The view switch answers once hydrated; a click before that does nothing.
  const topics = page.getByRole('button', { name: 'By topic' });
  await expect(async () => {
    await topics.click();
    await expect(topics).toHaveAttribute('aria-pressed', 'true', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Latest' }).click();
  await expect(page).toHaveURL(/[?&]view=latest(&|$)/);
  const entries = await page.evaluate(() => history.length);
  await expect(page.getByRole('link', { name: 'Show more updates' })).toHaveCount(0);
  expect(await articleIds(page)).toHaveLength(10);
  await expect
    .poll(async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      return (await articleIds(page)).length;
    })
    .toBeGreaterThan(10);
  // The address follows (decision 0033), in the same history entry: Back leaves the page.
  await expect(page).toHaveURL(/[?&]more=[1-9]\d*(&|$)/);
  expect(await page.evaluate(() => history.length)).toBe(entries);
});
