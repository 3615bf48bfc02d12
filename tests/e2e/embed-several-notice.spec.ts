// Several <live-blog> elements on one host page, each in its own shadow root: the page's trouble
// (offline) is shown and said by one notice, where the reader is looking; a feed's trouble once
// per feed. A widget that takes the notice over does not say it again.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';

const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-several-notice-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.use({ serverOptions: { mode: 'static', staticDir: dir } });

const mars = readFileSync('tests/fixtures/feeds/mars-landing.json', 'utf8');
writeFileSync(path.join(dir, 'one.json'), mars);
writeFileSync(path.join(dir, 'two.json'), mars);

const OFFLINE = 'You are offline';
const spacer = '<p style="height: 1500px">Article text.</p>';

/** The notices the reader sees, and the live regions that hold words, across all shadow roots. */
const shown = (page: Page) => page.locator('.lb-notice--on');
const saying = (page: Page) =>
  page.locator('.lb-notice [aria-live=polite]').filter({ hasText: /\S/ });

test('offline is shown and said once, by the widget the reader is looking at', async ({
  page,
  context,
  server,
  host,
}) => {
  const feed = (name: string) => `${server.url}fixtures/${name}.json`;
  await page.setViewportSize({ width: 1000, height: 800 });
  const url = host.page(
    '/three.html',
    hostDocument(
      `<live-blog id="a" feed="${feed('one')}" poll="off"></live-blog>
       ${spacer}
       <live-blog id="b" feed="${feed('two')}" poll="off"></live-blog>
       ${spacer}
       <live-blog id="c" feed="${feed('one')}" key-events poll="off"></live-blog>`,
      `<script type="module" src="${server.url}embed.js"></script>`,
    ),
  );
  await page.goto(url);
  // All three in: the reader scrolls past them and back to the top.
  for (const id of ['a', 'b', 'c']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await expect(page.locator(`#${id}`).getByRole('article').first()).toBeAttached();
  }
  await page.locator('#a').getByRole('article').first().scrollIntoViewIfNeeded();
  // The widgets have heard where the reader is (their observer reports before Playwright's).
  await expect(page.locator('#c')).not.toBeInViewport();

  await context.setOffline(true);
  await expect(shown(page)).toHaveCount(1);
  await expect(page.locator('#a .lb-notice--on')).toContainText(OFFLINE);
  await expect(saying(page)).toHaveCount(1);
  await expect(saying(page)).toHaveText(new RegExp(OFFLINE));

  // The reader goes on to the second widget: the notice is there, and not said again.
  await page.locator('#b').getByRole('article').nth(2).scrollIntoViewIfNeeded();
  await expect(page.locator('#b .lb-notice--on')).toContainText(OFFLINE);
  await expect(page.locator('#b .lb-notice--on')).toBeInViewport();
  await expect(shown(page)).toHaveCount(1);
  await expect(saying(page)).toHaveCount(0);

  // The host removes that widget: another shows it, still without a word.
  await page.locator('#b').evaluate((el) => el.remove());
  await expect(shown(page)).toHaveCount(1);
  await expect(saying(page)).toHaveCount(0);

  await context.setOffline(false);
  await expect(shown(page)).toHaveCount(0);
});

test('a feed’s trouble is shown once for the widgets that show that feed', async ({
  page,
  server,
  host,
}) => {
  await page.route(/\/fixtures\/two\.json/, (route) =>
    route.fulfill({ status: 503, headers: { 'Retry-After': '120' }, body: 'busy' }),
  );
  const feed = (name: string) => `${server.url}fixtures/${name}.json`;
  const url = host.page(
    '/twice.html',
    hostDocument(
      `<live-blog id="a" feed="${feed('two')}" poll="off"></live-blog>
       <live-blog id="b" feed="${feed('two')}" key-events poll="off"></live-blog>
       <live-blog id="c" feed="${feed('one')}" poll="off"></live-blog>`,
      `<script type="module" src="${server.url}embed.js"></script>`,
    ),
  );
  await page.goto(url);
  await expect(page.locator('#c').getByRole('article').first()).toBeAttached();
  await expect(page.locator('#a')).toContainText('could not be loaded');
  await expect(page.locator('#b')).toContainText('could not be loaded');
  await expect(shown(page)).toHaveCount(1);
  // Widgets that do not poll try again only when the reader asks: no countdown, no "retrying now".
  await expect(shown(page)).toHaveText('The server is busy.Retry now');
  await expect(saying(page)).toHaveCount(1);
});
