// The Latest view read oldest first (issue 16): from the start of the story down, arrivals at the
// end that move nothing, "Jump to latest", the order in the URL and in the embeds, and a paged
// feed whose earlier updates load at the top. Expectations come from the demo feed.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';

interface SeedItem {
  title: string;
  date_published: string;
  _liveblog: { pinned?: boolean };
}
const demo = JSON.parse(readFileSync('public/feeds/vilnius-2023.json', 'utf8')) as {
  items: SeedItem[];
};
/** The Latest stream's updates (pinned ones sit above it), oldest first. */
const stream = demo.items
  .filter((i) => !i._liveblog.pinned)
  .sort((a, b) => Date.parse(a.date_published) - Date.parse(b.date_published))
  .map((i) => i.title);

// Longer than the demo's 15 s poll plus its +10 % jitter: one fast-forward, one poll.
const ONE_POLL = '00:17';
const OLDEST_FIRST = '?view=latest&order=oldest';

const latest = (scope: Page | Locator) => scope.getByRole('region', { name: 'Latest' });
const streamTitles = (scope: Page | Locator) =>
  latest(scope)
    .getByRole('article')
    .evaluateAll((articles) => articles.map((a) => a.querySelector('h3')!.textContent));
const top = (locator: Locator) => locator.evaluate((el) => el.getBoundingClientRect().top);

test.describe('live replay, oldest first', () => {
  // The first five updates (one pinned): four in the stream, two more to publish.
  test.use({ serverOptions: { initialItems: 5 } });

  test('a new update goes to the end, and the update the reader is reading stays put', async ({
    page,
    server,
    admin,
  }) => {
    await page.clock.install();
    await page.setViewportSize({ width: 1280, height: 480 });
    await page.goto(`${server.url}${OLDEST_FIRST}`);
    await expect(latest(page).getByRole('article')).toHaveCount(4);
    expect(await streamTitles(page)).toEqual(stream.slice(0, 4));

    // The reader is reading the second update of the stream, well into the page.
    const reading = latest(page).getByRole('article').nth(1);
    await reading.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const before = await top(reading);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100);

    await admin.publish();
    await page.clock.fastForward(ONE_POLL);
    await expect(latest(page).getByRole('article')).toHaveCount(5);
    expect(await streamTitles(page)).toEqual(stream.slice(0, 5));
    expect(Math.abs((await top(reading)) - before)).toBeLessThanOrEqual(1);
    // Nothing waits behind "new updates": it is already where it belongs.
    await expect(page.getByRole('button', { name: /new updates?$/ })).toHaveCount(0);

    // "Jump to latest" (in the toolbar: nothing floats over the updates) goes to the newest
    // update, which takes the focus.
    await page.getByRole('button', { name: 'Jump to latest' }).click();
    const newest = latest(page).getByRole('article', { name: stream[4]! });
    await expect(newest).toBeInViewport();
    await expect(newest).toBeFocused();
  });
});

test.describe('every update published, source dates', () => {
  test.use({ serverOptions: { initialItems: 100, shiftDates: false } });

  test('the order is in the address bar: Back and Forward restore it', async ({ page, server }) => {
    await page.goto(`${server.url}?view=latest`);
    await expect(latest(page).getByRole('article')).toHaveCount(stream.length);
    expect(await streamTitles(page)).toEqual([...stream].reverse());

    const order = page.getByRole('group', { name: 'Order' });
    await order.getByRole('button', { name: 'Oldest first' }).click();
    await expect(order.getByRole('button', { name: 'Oldest first' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(new URL(page.url()).search).toBe(OLDEST_FIRST);
    expect(await streamTitles(page)).toEqual(stream);
    // Day dividers follow: the first one is the day the story starts (years ago: with its year).
    await expect(latest(page).getByRole('heading', { level: 2 }).first()).toHaveText(
      /^Wednesday,? 12 July 2023$/,
    );

    await page.goBack();
    await expect(order.getByRole('button', { name: 'Newest first' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(await streamTitles(page)).toEqual([...stream].reverse());
    await page.goForward();
    await expect(order.getByRole('button', { name: 'Oldest first' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(await streamTitles(page)).toEqual(stream);
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const [device, size] of [
      ['phone', { width: 390, height: 844 }],
      ['desktop', { width: 1280, height: 800 }],
    ] as const) {
      test(`axe: oldest first, ${scheme}, ${device}`, async ({ page, server }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize(size);
        await page.goto(`${server.url}${OLDEST_FIRST}`);
        await expect(latest(page).getByRole('article')).toHaveCount(stream.length);
        await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
        await expectNoAxeViolations(page);
      });
    }
  }

  test('<live-blog order="oldest"> and the iframe embed read oldest first', async ({
    page,
    server,
    host,
  }) => {
    const feed = `${server.url}feeds/vilnius-2023.json`;
    const url = host.page(
      '/oldest.html',
      hostDocument(
        `<live-blog feed="${feed}" view="latest" order="oldest" poll="off"></live-blog>
         <iframe data-live-blog title="Live updates" width="700" height="600"
           src="${server.url}embed.html?feed=${encodeURIComponent(feed)}&view=latest&order=oldest&poll=off"></iframe>`,
        `<script type="module" src="${server.url}embed.js"></script>`,
      ),
    );
    await page.setViewportSize({ width: 1000, height: 3000 });
    await page.goto(url);
    const widget = page.locator('live-blog');
    await expect(latest(widget).getByRole('article')).toHaveCount(stream.length);
    expect(await streamTitles(widget)).toEqual(stream);
    await expect(widget.getByRole('button', { name: 'Oldest first' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const frame = page.frameLocator('iframe');
    await expect(latest(frame.locator('body')).getByRole('article')).toHaveCount(stream.length);
    expect(await streamTitles(frame.locator('body'))).toEqual(stream);
  });
});

test.describe('a paged feed, oldest first', () => {
  // A head of three updates, then pages of two: the start of the story is two pages back.
  test.use({ serverOptions: { initialItems: 100, headSize: 3, pageSize: 2 } });

  test('earlier updates load at the top, below the button, which stays where it is', async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}${OLDEST_FIRST}`);
    await expect(latest(page).getByRole('article')).toHaveCount(3);
    expect(await streamTitles(page)).toEqual(stream.slice(-3));
    // The end of the list offers nothing: the way back is at the top.
    await expect(page.getByRole('button', { name: 'Show older updates' })).toHaveCount(0);
    const earlier = page.getByRole('button', { name: 'Show earlier updates' });
    const button = await top(earlier);
    expect(button).toBeLessThan(await top(latest(page).getByRole('article').first()));

    await earlier.click();
    await expect(latest(page).getByRole('article')).toHaveCount(5);
    expect(await streamTitles(page)).toEqual(stream.slice(-5));
    expect(Math.abs((await top(earlier)) - button)).toBeLessThanOrEqual(1);

    await earlier.click();
    await expect(latest(page).getByRole('article')).toHaveCount(stream.length);
    expect(await streamTitles(page)).toEqual(stream);
    // The button gives way to a note, which takes its focus.
    await expect(page.getByText('You have reached the first update.')).toBeFocused();
    await expectNoAxeViolations(page);
  });

  test.describe('rendered by the browser', () => {
    test.use({ serverOptions: { initialItems: 100, headSize: 3, pageSize: 2, ssr: false } });

    test('the updates stay where they are when the button’s code comes', async ({
      page,
      server,
    }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/assets/OlderUpdates-*.js', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${server.url}${OLDEST_FIRST}`);
      const first = latest(page).getByRole('article').first();
      await expect(latest(page).getByRole('article')).toHaveCount(3);
      const before = await top(first);
      release();
      await expect(page.getByRole('button', { name: 'Show earlier updates' })).toBeVisible();
      expect(Math.abs((await top(first)) - before)).toBeLessThanOrEqual(1);
    });
  });

  test('from the keyboard: the button keeps the focus while a page loads, and after', async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    let answer: (() => void) | undefined;
    await page.route(/\/page-\d+\.json/, async (route) => {
      await new Promise<void>((resolve) => (answer = resolve));
      await route.fulfill({ status: 500, body: 'down' });
    });
    await page.goto(`${server.url}${OLDEST_FIRST}`);
    await expect(latest(page).getByRole('article')).toHaveCount(3);
    const earlier = page.getByRole('button', { name: 'Show earlier updates' });
    await earlier.focus();
    await page.keyboard.press('Enter');
    const loading = page.getByRole('button', { name: 'Loading older updates…' });
    await expect(loading).toBeFocused();
    await expect.poll(() => answer).toBeDefined();
    answer!();
    // Said at once: the reader's focus is on the button, not on the note above it.
    await expect(page.getByRole('alert')).toHaveText('Older updates could not be loaded.');
    await expect(earlier).toBeFocused();
  });

  test('a page that failed offline comes by itself once the connection is back', async ({
    page,
    context,
    server,
  }) => {
    await page.goto(`${server.url}${OLDEST_FIRST}`);
    const earlier = page.getByRole('button', { name: 'Show earlier updates' });
    await earlier.click();
    await expect(latest(page).getByRole('article')).toHaveCount(5);
    await context.setOffline(true);
    await earlier.click();
    await expect(page.getByRole('alert')).toHaveText('Older updates could not be loaded.');
    await context.setOffline(false);
    await expect(latest(page).getByRole('article')).toHaveCount(stream.length);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('the first older page asked for offline comes once the connection is back', async ({
    page,
    context,
    server,
  }) => {
    await page.goto(`${server.url}${OLDEST_FIRST}`);
    await expect(latest(page).getByRole('article')).toHaveCount(3);
    // Offline before any page: the code that reads pages cannot come either.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Show earlier updates' }).click();
    await expect(page.getByRole('alert')).toHaveText('Older updates could not be loaded.');
    await context.setOffline(false);
    await expect(latest(page).getByRole('article')).toHaveCount(5);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a page the server fails is asked again after a growing wait, a few times', async ({
    page,
    server,
  }) => {
    await page.clock.install();
    let requests = 0;
    let failing = 2;
    await page.route(/\/page-\d+\.json/, (route) => {
      requests += 1;
      return failing-- > 0 ? route.fulfill({ status: 503, body: 'busy' }) : route.continue();
    });
    await page.goto(`${server.url}${OLDEST_FIRST}`);
    const earlier = page.getByRole('button', { name: 'Show earlier updates' });
    await earlier.click();
    await expect(page.getByRole('alert')).toHaveText('Older updates could not be loaded.');
    await page.clock.runFor(5_000);
    await expect.poll(() => requests).toBe(2);
    await expect(earlier).toBeVisible();
    await expect(page.getByRole('alert')).toBeVisible();
    await page.clock.runFor(10_000);
    await expect(latest(page).getByRole('article')).toHaveCount(5);
    await expect(page.getByRole('alert')).toHaveCount(0);

    // A page that stays broken: four more tries by itself, each after twice the wait, then none.
    failing = Infinity;
    await earlier.click();
    await expect(page.getByRole('alert')).toBeVisible();
    for (const wait of [5_000, 10_000, 20_000, 40_000]) {
      const before = requests;
      await page.clock.runFor(wait);
      await expect.poll(() => requests).toBe(before + 1);
      await expect(earlier).toBeVisible();
    }
    await page.clock.runFor(10 * 60_000);
    expect(requests).toBe(3 + 1 + 4);
    await expect(page.getByRole('alert')).toBeVisible();
    // The button still asks.
    await earlier.click();
    await expect.poll(() => requests).toBe(3 + 1 + 4 + 1);
    await expect(earlier).toBeVisible();
  });
});
