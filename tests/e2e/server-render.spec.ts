import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { countLayoutShifts } from './layout-shift';

// The standalone page's first screen comes in the HTML (server/server-render.mjs): readable with
// JavaScript off, and taken over by the browser without a second request for the feed.

interface FixtureFeed {
  title: string;
  items: { id: string; title?: string; _liveblog?: { topics?: string[] } }[];
}
/** How far the page's clock goes at a time while a test waits for the replay's next poll. */
const POLL_STEP = 5_000;
const mars = JSON.parse(
  readFileSync('tests/fixtures/feeds/mars-landing.json', 'utf8'),
) as FixtureFeed;

const labelOf = (topic: string) =>
  (mars as unknown as { _liveblog: { topics: { id: string; label: string }[] } })._liveblog.topics
    .find((x) => x.id === topic)!
    .label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.describe('with JavaScript off', () => {
  test.use({
    javaScriptEnabled: false,
    serverOptions: { ssr: true, initialItems: 100, shiftDates: false },
  });

  test('the demo page shows its updates, styled, with its title', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.locator('article').first()).toBeVisible();
    expect(await page.locator('article').count()).toBeGreaterThan(3);
    await expect(page).toHaveTitle(/Vilnius/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Vilnius');
    // The stylesheet applies: the timeline's column is laid out, not a bare document.
    const display = await page.locator('.lb-root').evaluate((el) => getComputedStyle(el).display);
    expect(display).toBe('grid');
    // The activity chart is drawn (its bars are buttons, which do nothing here but are its picture).
    await expect(page.locator('.lb-chart__bar').first()).toBeVisible();
    // How old the page is, for a reader who may read it long after it was made.
    await expect(page.locator('p:has(> [role=status])')).toContainText(/page as of \d/);
  });

  test('a topic in the address shows only that topic', async ({ page, server }) => {
    const topic = 'landing';
    const expected = mars.items.filter((i) => i._liveblog?.topics?.includes(topic));
    expect(expected.length).toBeGreaterThan(0);
    await page.goto(`${server.url}?feed=/fixtures/mars-landing.json&topic=${topic}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(mars.title);
    const ids = await page
      .locator('article[id]')
      .evaluateAll((els) => els.map((el) => el.id.replace(/^update-/, '')));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(expected.map((i) => i.id)).toContain(decodeURIComponent(id));
  });

  test('the filter form is sent to the server, which answers with the filtered page', async ({
    page,
    server,
  }) => {
    const topic = mars.items[1]!._liveblog!.topics![0]!;
    const expected = mars.items.filter((i) => i._liveblog?.topics?.includes(topic));
    await page.goto(`${server.url}?feed=/fixtures/mars-landing.json`);
    const before = await page.locator('article[id]').count();
    const box = page.getByRole('checkbox', { name: new RegExp(`^${labelOf(topic)} \\(`) });
    await box.check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]topic=${topic}(&|$)`));
    await expect(
      page.getByRole('checkbox', { name: new RegExp(`^${labelOf(topic)} \\(`) }),
    ).toBeChecked();
    const ids = await page
      .locator('article[id]')
      .evaluateAll((els) => els.map((el) => decodeURIComponent(el.id.replace(/^update-/, ''))));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(before);
    for (const id of ids) expect(expected.map((i) => i.id)).toContain(id);
  });

  test('on a phone the filters open through their link', async ({ page, server }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${server.url}?feed=/fixtures/mars-landing.json`);
    await expect(page.getByRole('button', { name: 'Apply filters' })).toBeHidden();
    await page.getByRole('link', { name: /^Filters/ }).click();
    await expect(page.getByRole('button', { name: 'Apply filters' })).toBeVisible();
  });

  test("embed.html shows the updates for a host page's iframe", async ({ page, server }) => {
    await page.goto(`${server.url}embed.html?feed=/fixtures/mars-landing.json`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(mars.title);
    expect(await page.locator('article').count()).toBeGreaterThan(3);
  });

  test('a feed the server cannot read leaves the page to the browser', async ({ page, server }) => {
    const res = await page.goto(`${server.url}?feed=/fixtures/not-a-feed.json`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('article').count()).toBe(0);
    expect(await page.locator('#live-blog-snapshot').count()).toBe(0);
  });
});

test.use({ serverOptions: { ssr: true } });

test('the served HTML carries the updates, the snapshot and the LiveBlogPosting', async ({
  server,
}) => {
  const res = await fetch(`${server.url}?feed=/fixtures/mars-landing.json`);
  const html = await res.text();
  expect(res.headers.get('etag')).toBeTruthy();
  expect(html).toContain(`<title>${mars.title.replace(/</g, '&lt;')}</title>`);
  expect(html).toMatch(/<script type="application\/ld\+json" id="live-blog-json-ld">/);
  expect(html).toContain('"@type":"LiveBlogPosting"');
  expect(html).toMatch(/<meta property="og:title" content="[^"]+"/);
  expect(html).toMatch(/<script type="application\/json" id="live-blog-snapshot">/);
  expect((html.match(/<article/g) ?? []).length).toBeGreaterThan(0);
  // The updates come first over the wire, the document the browser continues from after them.
  expect(html.indexOf('id="live-blog-snapshot"')).toBeGreaterThan(html.lastIndexOf('</article>'));
  // Cached like the feed it shows; the reader's language chose it.
  const feed = await fetch(`${server.url}fixtures/mars-landing.json`);
  expect(res.headers.get('cache-control')).toBe(feed.headers.get('cache-control'));
  expect(res.headers.get('vary')).toMatch(/Accept-Language/);
  // An unchanged page revalidates to a 304, as a CDN in front would.
  const again = await fetch(`${server.url}?feed=/fixtures/mars-landing.json`, {
    headers: { 'If-None-Match': res.headers.get('etag')! },
  });
  expect(again.status).toBe(304);
});

test('the browser takes over: no second request for the feed, the first poll is conditional', async ({
  page,
  server,
  admin,
}) => {
  await admin.clearRequests();
  await page.clock.install();
  await page.goto(server.url);
  await expect(page.locator('article').first()).toBeVisible();
  // Hydrated: the filters answer.
  await expect(page.getByRole('button', { name: /By topic/ })).toBeEnabled();
  // The replay's head is polled every few seconds: the page's clock goes on to the first poll.
  await expect
    .poll(async () => {
      await page.clock.runFor(POLL_STEP);
      return (await admin.requests()).filter((r) => r.path.endsWith('.json')).length;
    })
    .toBeGreaterThan(0);
  const feedRequests = (await admin.requests()).filter((r) => /vilnius-2023\.json$/.test(r.path));
  expect(feedRequests[0]).toMatchObject({ ifNoneMatch: true, status: 304 });
  expect(feedRequests.every((r) => r.ifNoneMatch)).toBe(true);
});

test('after the feed changes, the polls that follow are still answered 304, not in full', async ({
  page,
  server,
  admin,
}) => {
  await page.clock.install();
  await page.goto(server.url);
  await expect(page.locator('[data-interactive]')).toBeAttached();
  const heads = async () =>
    (await admin.requests()).filter((r) => /vilnius-2023\.json$/.test(r.path));
  await admin.clearRequests();
  await admin.publish();
  // A poll brings the new document; the next one asks whether it changed again, rather than
  // take the whole feed again (and again on every poll after). The page's clock goes on to them.
  const changed = async () => (await heads()).findIndex((r) => r.status === 200);
  await expect
    .poll(async () => {
      await page.clock.runFor(POLL_STEP);
      return changed();
    })
    .toBeGreaterThanOrEqual(0);
  const at = await changed();
  await expect
    .poll(async () => {
      await page.clock.runFor(POLL_STEP);
      return (await heads()).length;
    })
    .toBeGreaterThan(at + 1);
  expect((await heads())[at + 1]).toMatchObject({ ifNoneMatch: true, status: 304 });
});

test('the page is painted before its app is asked for, and the app still takes it over', async ({
  page,
  server,
}) => {
  // Every frame's time: the app's request must follow a frame of the parsed page. (Paint Timing
  // gives when a frame was shown, which may come after the task that starts the request.)
  await page.addInitScript(() => {
    const frames: number[] = [];
    (window as { frames_?: number[] }).frames_ = frames;
    const tick = (t: number) => {
      frames.push(t);
      if (frames.length < 200) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: /By topic/ })).toBeEnabled();
  const timing = await page.evaluate(() => ({
    parsed: performance.getEntriesByType('navigation')[0]!.toJSON() as { domInteractive: number },
    frames: (window as { frames_?: number[] }).frames_ ?? [],
    scripts: performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.endsWith('.js'))
      .map((e) => e.startTime),
  }));
  expect(timing.scripts.length).toBeGreaterThan(0);
  const firstRequest = Math.min(...timing.scripts);
  const frameOfParsedPage = timing.frames.find((t) => t >= timing.parsed.domInteractive);
  expect(frameOfParsedPage).toBeDefined();
  expect(firstRequest).toBeGreaterThanOrEqual(frameOfParsedPage!);
});

/** Opens the demo page with its app held back, as a slow link would: the server's HTML alone. */
async function openWithoutApp(page: Page, url: string) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  // Not page.goto, which waits for the app (fixtures.ts).
  await page.evaluate((to) => (location.href = to), url);
  await expect.poll(() => asked).toBe(true);
  return release;
}

test('a button tapped before the app has taken the page over is pressed once it has', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const release = await openWithoutApp(page, server.url);
  const latest = page.getByRole('button', { name: 'Latest' });
  await latest.click();
  await expect(page.locator('[data-interactive]')).toHaveCount(0);
  release();
  await expect(latest).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]view=latest/);
});

test('filters ticked and words typed before the app has taken the page over stay, and filter', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const release = await openWithoutApp(page, server.url);
  const topics = page.getByRole('group', { name: 'Topic' });
  const box = topics.getByRole('checkbox').first();
  const name = (await box.getAttribute('value'))!;
  await box.check();
  await page.getByRole('searchbox').fill('summit');
  await expect(page.locator('[data-interactive]')).toHaveCount(0);
  release();
  await expect(page).toHaveURL(new RegExp(`[?&]topic=${name}`));
  await expect(page).toHaveURL(/[?&]q=summit/);
  await expect(topics.getByRole('checkbox').first()).toBeChecked();
  await expect(page.getByRole('searchbox')).toHaveValue('summit');
});

test('embed.html hydrates from the document it carries, asking for no other copy', async ({
  page,
  server,
  admin,
}) => {
  await admin.clearRequests();
  await page.goto(`${server.url}embed.html?feed=/fixtures/mars-landing.json&poll=off`);
  await expect(page.locator('article').first()).toBeVisible();
  // page.goto waited until the browser took the page over: the view switch answers.
  await page.getByRole('button', { name: 'Latest' }).click();
  await expect(page.getByRole('button', { name: 'Latest' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const unconditional = (await admin.requests()).filter(
    (r) => r.path.endsWith('mars-landing.json') && !r.ifNoneMatch,
  );
  expect(unconditional).toEqual([]);
});

for (const [device, size, locale] of [
  ['phone', { width: 390, height: 844 }, 'en-GB'],
  // A 12-hour clock makes the server's status line two lines long here, and the app's one.
  ['narrow phone', { width: 360, height: 640 }, 'en-US'],
  ['desktop', { width: 1280, height: 800 }, 'en-GB'],
] as const) {
  test.describe(`${device}, ${locale}`, () => {
    test.use({ viewport: size, locale });
    for (const path of ['', '?feed=/fixtures/mars-landing.json']) {
      test(`taking the page over moves nothing on it: ${device}, ${path || 'the demo'}`, async ({
        page,
        server,
      }) => {
        const layoutShift = await countLayoutShifts(page);
        await page.goto(`${server.url}${path}`);
        // Taken over (page.goto waits for it): what the browser knows and the server did not (the
        // reader's clock, the window, the chart's code) is applied; then the page is quiet.
        await page.waitForLoadState('networkidle');
        await page.evaluate(
          () =>
            new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
        expect(await layoutShift()).toBeLessThan(0.01);
      });
    }
  });
}
