// A keyboard reader deep in a blog, on the standalone page and in <live-blog>'s shadow root:
// the focus that Tab moves is never hidden under the titles held at the top of the screen
// (WCAG 2.4.11), and when the control that had it goes ("Retry now" once the feed is back), the
// focus stays where the reader is rather than at the top of the blog. See
// src/capabilities/sharing/focus-in-sight.ts and keep-focus.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './hosts/embed-test';
import { hostDocument, type HostServer } from './hosts/host-server';
import { watchLandingCode } from './landing-code';
import { writeRealisticFeed } from './realistic-feed.mjs';

// Updates of a few lines each, some with a headline and some without, as a newsroom writes them.
const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-focus-'));
writeRealisticFeed(dir, { items: 200, bodies: 'short' });
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.use({ serverOptions: { mode: 'static', staticDir: dir } });

const NOW = Date.parse('2025-03-05T10:00:00Z');
/** poll_seconds 15, plus jitter: 17 s always reaches the next poll. */
const ONE_POLL = 17_000;
const TOPICS = ['markets', 'weather', 'transport'];

const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();
const items = Array.from({ length: 36 }, (_, i) => ({
  id: `u${i}`,
  title: `Update ${i}`,
  content_html: `<p>What happened in update ${i}, in a line or two of plain words.</p>`,
  date_published: at(5 + i * 5),
  _liveblog: { topics: [TOPICS[Math.floor(i / 12)]] },
}));
const doc = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Focus desk: live',
  _liveblog: {
    status: 'live',
    poll_seconds: 15,
    topics: TOPICS.map((id) => ({ id, label: id[0]!.toUpperCase() + id.slice(1) })),
  },
  items,
};

/** Serves the feed at /custom/focus.json (any origin); a server error while `failing()`. */
async function serveFeed(page: Page, failing: () => boolean) {
  await page.route('**/custom/focus.json', (route) =>
    failing()
      ? route.fulfill({ status: 500, headers: { 'access-control-allow-origin': '*' } })
      : route.fulfill({
          contentType: 'application/feed+json',
          headers: { 'access-control-allow-origin': '*' },
          body: JSON.stringify(doc),
        }),
  );
}

async function open(
  page: Page,
  where: string,
  appUrl: string,
  host: HostServer,
  feed: string,
  view = 'topics',
) {
  if (where === 'standalone page') return page.goto(`${appUrl}?feed=${feed}&view=${view}`);
  return page.goto(
    host.page(
      `/focus-${view}.html`,
      hostDocument(
        `<live-blog feed="${appUrl}${feed}" view="${view}"></live-blog>`,
        `<script type="module" src="${appUrl}embed.js"></script>`,
      ),
    ),
  );
}

/**
 * What the focused element (through shadow roots) is hidden under whole: one of the widget's
 * parts held over the updates (a topic or day title, the notice), else ''. Looked at in a frame: the
 * widget moves the focus clear in the frames after the browser scrolled to it.
 */
async function hiddenUnder(page: Page) {
  return page.evaluate(async () => {
    await new Promise(requestAnimationFrame);
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return 'no focus';
    const box = el.getBoundingClientRect();
    const root = el.getRootNode() as Document | ShadowRoot;
    const cover = [
      ...root.querySelectorAll('.lb-group__title, .lb-day__title, .lb-notice--on'),
    ].find((c) => {
      const r = c.getBoundingClientRect();
      return (
        r.top <= box.top && r.bottom >= box.bottom && r.left <= box.left && r.right >= box.right
      );
    });
    return cover ? `"${el.textContent}" under "${cover.textContent}"` : '';
  });
}

/** Whether the focused element (through shadow roots) is in the widget, and on the screen. */
const focusOnScreen = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const box = el?.closest('.lb-root') ? el.getBoundingClientRect() : undefined;
    return box !== undefined && box.bottom > 0 && box.top < innerHeight;
  });

const scrollTo = (page: Page, name: string) =>
  page.getByRole('article', { name }).evaluate((el) => el.scrollIntoView({ block: 'center' }));

/** From the last update the list shows, Shift+Tab up to the top: the focus always in sight. */
async function shiftTabUp(
  page: Page,
  where: string,
  appUrl: string,
  host: HostServer,
  view: string,
) {
  // The real clock: the frames the widget waits for are the browser's own.
  const landingCode = page.waitForResponse(/\/keep-in-place-[^/]*\.js$/);
  await open(page, where, appUrl, host, 'fixtures/realistic.json', view);
  const copyLinks = page.getByRole('article').getByRole('link', { name: /Copy link/ });
  await expect(copyLinks).toHaveCount(10);
  const chunk = (await landingCode).url();
  await page.evaluate((url) => import(url).then(() => undefined), chunk);
  // The last update's: Shift+Tab goes up from there.
  await copyLinks.last().evaluate((el: HTMLElement) => {
    el.scrollIntoView({ block: 'end' });
    el.focus();
  });
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => hiddenUnder(page), `${view}, Shift+Tab ${i + 1}`).toBe('');
  }
}

for (const where of ['standalone page', '<live-blog> embed']) {
  test(`${where}, on a phone: Shift+Tab up the updates never puts the focus under a topic or day title`, async ({
    page,
    server,
    host,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const view of ['topics', 'latest']) await shiftTabUp(page, where, server.url, host, view);
  });

  test(`${where}: "Retry now" deep in the blog leaves the focus, and the next Tab, where the reader is`, async ({
    page,
    server,
    host,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.clock.install({ time: NOW });
    const landingCode = watchLandingCode(page);
    let failing = false;
    await serveFeed(page, () => failing);
    await open(page, where, server.url, host, 'custom/focus.json');
    await expect(page.getByRole('article', { name: 'Update 20' })).toBeAttached();
    await landingCode();
    await scrollTo(page, 'Update 20');

    failing = true;
    await page.clock.runFor(ONE_POLL);
    const retry = page.getByRole('button', { name: 'Retry now' });
    await expect(retry).toBeVisible();
    // By keyboard, from the last update shown: in a shadow root, the document is not told.
    await page
      .getByRole('article')
      .last()
      .getByRole('link', { name: /Copy link/ })
      .focus();
    for (let i = 0; i < 20 && !(await retry.evaluate((el) => el.matches(':focus'))); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(retry).toBeFocused();
    failing = false;
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => {
        await page.clock.runFor(100);
        return retry.count();
      })
      .toBe(0);
    const scrolled = await page.evaluate(() => scrollY);
    await expect.poll(() => focusOnScreen(page)).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusOnScreen(page)).toBe(true);
    expect(Math.abs((await page.evaluate(() => scrollY)) - scrolled)).toBeLessThan(800);
  });
}
