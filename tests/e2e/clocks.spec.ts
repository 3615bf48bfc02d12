import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

test.describe('server-rendered, read where it is already tomorrow', () => {
  // The server renders on the real clock: zones are picked so that, now, it is about midday at
  // the event and about 01:30 for the reader, and an update of three hours ago is today at the
  // event, yesterday for the reader.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-clocks-'));
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const now = Date.now();
  const utcHours = (now % (24 * HOUR)) / HOUR;
  const east = (localHours: number) => {
    const h = Math.round(localHours - utcHours);
    return h < -12 ? h + 24 : h;
  };
  // Etc/GMT-5 is five hours east of Greenwich (POSIX signs).
  const zone = (h: number) => `Etc/GMT${h > 0 ? '-' : '+'}${Math.abs(h)}`;
  test.use({
    serverOptions: { mode: 'static', staticDir: dir, ssr: true },
    timezoneId: zone(east(1.5)),
  });

  test('the server and the reader agree on "3 hours ago": no hydration mismatch', async ({
    page,
    server,
  }) => {
    writeFileSync(
      path.join(dir, 'tomorrow.json'),
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Clocks desk: live',
        _liveblog: { status: 'live', timezone: zone(east(12)) },
        items: [update('recent', now - 3 * HOUR - 5 * MIN)],
      }),
    );
    await page.goto(`${server.url}?feed=fixtures/tomorrow.json`);
    await expect(page.locator('#live-blog-snapshot')).toHaveCount(1);
    await expect(article(page, 'recent')).toContainText('3 hours ago');
  });
});

test('on a phone, a relative time that ticks wider or narrower moves no update below it', async ({
  page,
  server,
}) => {
  const now = Date.parse('2025-10-26T15:30:00Z');
  await page.clock.install({ time: now });
  const keyEvent = { ...update('key', now - 59 * MIN - 30_000), _liveblog: { key_event: true } };
  await serveFeed(page, [keyEvent, update('below', now - 2 * HOUR)]);
  await page.goto(`${server.url}?feed=custom/clocks.json&view=latest&poll=off`);
  await expect(article(page, 'key')).toContainText('59 minutes ago');
  // Phone widths, each in turn: at some the longer text needs a line more than the shorter.
  const widths = Array.from({ length: 25 }, (_, i) => 300 + i * 5);
  const tops = async () => {
    const seen: number[] = [];
    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      seen.push((await article(page, 'below').boundingBox())!.y);
    }
    return seen;
  };
  const before = await tops();
  await page.clock.fastForward(MIN);
  await expect(article(page, 'key')).toContainText('1 hour ago');
  expect(await tops()).toEqual(before);
});

test('on a phone, an update’s time goes to the next line whole, its clock and relative time together', async ({
  page,
  server,
}) => {
  const now = Date.parse('2025-10-26T15:30:00Z');
  await page.clock.install({ time: now });
  const badged = {
    ...update('badged', now - 36 * MIN),
    _liveblog: { key_event: true, pinned: true },
  };
  await serveFeed(page, [badged], 'Europe/Vilnius');
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${server.url}?feed=custom/clocks.json&poll=off`);
  const time = article(page, 'badged').locator('.lb-time');
  await expect(time).toContainText('36 minutes ago');
  const clock = (await time.locator('.lb-time__clock').boundingBox())!;
  const ago = (await time.locator('.lb-time__ago').boundingBox())!;
  expect(ago.y).toBeCloseTo(clock.y, 0);
});

// New York's clocks went back at 02:00 EDT on 3 November 2024: 01:00–01:59 came twice. A US reader
// reads the US clock ("1:30 AM", no leading zero), and each time in the repeated hour with its
// zone, in the order the updates came, as the server renders the page and as the browser does.
const FALL_BACK = '/fixtures/fall-back-hour.json';
const NIGHT_IN_NEW_YORK = [
  'Nov 3, 2024, 2:15 AM',
  'Nov 3, 2024, 1:30 AM EST',
  'Nov 3, 2024, 1:10 AM EST',
  'Nov 3, 2024, 1:50 AM EDT',
  'Nov 3, 2024, 1:30 AM EDT',
  'Nov 3, 2024, 12:45 AM',
];
const clocks = (page: Page) => page.locator('article .lb-time__clock');

test.describe('the night New York’s clocks went back, read in the US', () => {
  test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

  test('each update’s time, newest first, and the key events', async ({ page, server }) => {
    await page.goto(`${server.url}?feed=${FALL_BACK}&view=latest&poll=off`);
    await expect(clocks(page)).toHaveText(NIGHT_IN_NEW_YORK);
    const rail = page.getByRole('navigation', { name: 'Key events' }).locator('time');
    await expect(rail).toHaveText(['Nov 3, 2024, 1:30 AM EST', 'Nov 3, 2024, 1:30 AM EDT']);
  });

  test.describe('before any script runs', () => {
    test.use({ javaScriptEnabled: false, serverOptions: { ssr: true } });

    test('the server’s page says the same', async ({ page, server }) => {
      await page.goto(`${server.url}?feed=${FALL_BACK}&view=latest`);
      await expect(clocks(page)).toHaveText(NIGHT_IN_NEW_YORK);
    });
  });

  test.describe('in the reader’s own zone, whose clocks went back an hour later', () => {
    test.use({ timezoneId: 'America/Chicago' });

    test('the times of Chicago’s repeated hour are named, and only those', async ({
      page,
      server,
    }) => {
      await page.goto(`${server.url}?feed=${FALL_BACK}&view=latest&poll=off`);
      await expect(clocks(page)).toHaveText(NIGHT_IN_NEW_YORK);
      await page.getByRole('button', { name: 'Show times in my time zone' }).click();
      await expect(clocks(page)).toHaveText([
        'Nov 3, 2024, 1:15 AM CST',
        'Nov 3, 2024, 1:30 AM CDT',
        'Nov 3, 2024, 1:10 AM CDT',
        'Nov 3, 2024, 12:50 AM',
        'Nov 3, 2024, 12:30 AM',
        'Nov 2, 2024, 11:45 PM',
      ]);
    });
  });
});
