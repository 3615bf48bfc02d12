import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Clocks that disagree: the reader's zone and the event's, a reader's clock put back, an update
// dated a year ahead. The page's clock is faked; feeds are served from the page's own origin.

const MIN = 60_000;
const HOUR = 60 * MIN;
const feedRequests = (page: Page) => {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/custom/')) seen.push(r.url());
  });
  return seen;
};

async function serveFeed(page: Page, items: unknown[], timezone = 'Europe/London') {
  await page.route('**/custom/clocks.json', (route) =>
    route.fulfill({
      contentType: 'application/feed+json',
      body: JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Clocks desk: live',
        language: 'en',
        _liveblog: { status: 'live', poll_seconds: 30, timezone },
        items,
      }),
    }),
  );
}

const update = (id: string, ms: number) => ({
  id,
  title: `Update ${id}`,
  content_html: `<p>${id}</p>`,
  date_published: new Date(ms).toISOString(),
});

const status = (page: Page) => page.locator('.lb-status');
const article = (page: Page, id: string) => page.getByRole('article', { name: `Update ${id}` });

test.describe('a reader in Tokyo after midnight, reading London', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('an update of this London morning is hours ago, not "1 day ago"', async ({
    page,
    server,
  }) => {
    // 15:30 in London, 00:30 the next day in Tokyo.
    const now = Date.parse('2025-10-26T15:30:00Z');
    await page.clock.install({ time: now });
    await serveFeed(page, [update('morning', now - 9 * HOUR - 30 * MIN)]);
    await page.goto(`${server.url}?feed=custom/clocks.json`);
    await expect(article(page, 'morning')).toContainText('06:00 GMT · 9 hours ago');
    await expect(status(page)).toHaveText(/updated 9 hours ago/);
  });
});

test.describe('an update dated a year ahead (a mistyped year)', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('is not the last update, and does not stretch the chart', async ({ page, server }) => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    await page.clock.install({ time: now });
    await serveFeed(page, [
      update('typo', now + 365 * 24 * HOUR),
      update('recent', now - 5 * MIN),
      update('earlier', now - 3 * HOUR),
    ]);
    await page.goto(`${server.url}?feed=custom/clocks.json`);
    await expect(article(page, 'typo')).toBeVisible();
    await expect(status(page)).toHaveText(/updated 5 minutes ago/);
    await expect(page.getByRole('figure', { name: 'Updates per hour' })).toBeVisible();
  });
});

test('polls go on when the reader’s clock is put back an hour', async ({ page, server }) => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  await page.clock.install({ time: now });
  await serveFeed(page, [update('recent', now - 5 * MIN)]);
  const requests = feedRequests(page);
  await page.goto(`${server.url}?feed=custom/clocks.json`);
  await expect(article(page, 'recent')).toBeVisible();
  await page.clock.setSystemTime(now - HOUR);
  // Anything that renders the widget again asks when the next poll is.
  const toggle = page.getByRole('button', { name: 'Show times in my time zone' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const before = requests.length;
  await page.clock.runFor(2 * 34_000);
  await expect.poll(() => requests.length).toBeGreaterThan(before);
});
