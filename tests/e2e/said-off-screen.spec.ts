// What a screen reader hears of <live-blog> on a host's page while the reader is on the page
// below it (the comments, the next article): nothing of what arrives, until they come back.
// See src/widget/use-live-blog.ts (the announcements) and use-viewport-place.ts.
import type { Page } from '@playwright/test';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';

const NOW = Date.parse('2025-03-05T10:00:00Z');
/** poll_seconds 15, plus jitter: 17 s always reaches the next poll. */
const ONE_POLL = 17_000;

const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();
const update = (n: number, minutesAgo: number) => ({
  id: `u${n}`,
  title: `Update ${n}`,
  content_html: `<p>What happened in update ${n}.</p>`,
  date_published: at(minutesAgo),
});

/** Serves the feed at /custom/said.json (any origin), as `current()` has it at each request. */
async function serveFeed(page: Page, current: () => unknown[]) {
  await page.route('**/custom/said.json', (route) =>
    route.fulfill({
      contentType: 'application/feed+json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Said desk: live',
        _liveblog: { status: 'live', poll_seconds: 15 },
        items: current(),
      }),
    }),
  );
}

/** The widget's polite live regions, their words together. */
const said = (page: Page) =>
  page
    .locator('live-blog p[aria-live="polite"][aria-atomic="true"]')
    .allTextContents()
    .then((texts) => texts.join(' ').trim());

test('<live-blog> says nothing of arrivals while the reader is on the host page below it, and says them on return', async ({
  page,
  server,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.clock.install({ time: NOW });
  let items = [update(1, 10), update(2, 20), update(3, 30)];
  await serveFeed(page, () => items);
  await page.goto(
    host.page(
      '/said.html',
      hostDocument(
        `<h1>Host article</h1><live-blog feed="${server.url}custom/said.json"></live-blog>
         <section style="height: 6000px"><h2>Comments</h2></section>`,
        `<script type="module" src="${server.url}embed.js"></script>`,
      ),
    ),
  );
  await expect(page.getByRole('article')).toHaveCount(3);
  // The reader reads on to the widget's end, and past it into the host's page below.
  const end = page.locator('live-blog .lb-timeline__end');
  await end.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(end).toBeInViewport();
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await expect(end).not.toBeInViewport();

  items = [update(4, 1), ...items];
  await page.clock.runFor(ONE_POLL);
  await expect(page.getByRole('button', { name: '1 new update' })).toBeAttached();
  expect(await said(page)).toBe('');

  // Back at the widget: the arrival is said.
  await page.locator('live-blog').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await expect.poll(() => said(page)).toBe('1 new update');
});
