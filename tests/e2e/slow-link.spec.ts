// A reader on a phone with a weak link: what stays on screen when the connection drops while the
// page is still coming in.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { countLayoutShifts } from './layout-shift';

test.use({ viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });

/**
 * Opens `url` with every script of the app failing, as when the link drops right after the HTML,
 * then brings the connection back. Not page.goto, which waits for the page to be taken over.
 */
async function openWhileScriptsFail(page: Page, context: BrowserContext, url: string) {
  let down = true;
  await page.route('**/assets/*.js', (route) =>
    down ? route.abort('internetdisconnected') : route.continue(),
  );
  // The page's entry: the app's own module script, whose failure the page waits on.
  const failed = page.waitForEvent('requestfailed', (r) =>
    /\/assets\/(index|embed)-[^/]*\.js$/.test(r.url()),
  );
  await page.goto('about:blank');
  await page.evaluate((to) => void (location.href = to), url);
  await failed;
  // A page's module scripts fail, like they run, once the page is parsed.
  await page.waitForLoadState('load');
  await context.setOffline(true);
  down = false;
  await context.setOffline(false);
}

/** The first request for a lazy chunk (`name`) fails, as when the link drops; later ones come. */
async function failChunkOnce(page: Page, name: string) {
  let failed = false;
  await page.route(`**/assets/${name}-*`, (route) => {
    if (failed) return route.continue();
    failed = true;
    return route.abort('internetdisconnected');
  });
  // In an object: an async function's promise would wait for this one.
  return { failed: page.waitForEvent('requestfailed', (r) => r.url().includes(`/${name}-`)) };
}

/** The share of the screen painted in another colour than its top-left corner's (the page's). */
async function paintedShare(page: Page): Promise<number> {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    let painted = 0;
    for (let i = 0; i < pixels.length; i += 4)
      if (pixels.slice(i, i + 3).some((value, c) => value !== pixels[c])) painted += 1;
    return painted / (pixels.length / 4);
  }, png);
}

test.describe('a page the browser renders, on a weak link', () => {
  // The browser renders the page: the filter panel's chunk is then fetched after the first render.
  test.use({ serverOptions: { ssr: false } });

  test('a lazy chunk that cannot come leaves the updates and the rest working', async ({
    page,
    server,
  }) => {
    await page.route('**/assets/FilterPanel-*.js', (route) => route.abort('internetdisconnected'));
    const failed = page.waitForEvent('requestfailed', (r) => r.url().includes('/FilterPanel-'));
    await page.goto(server.url);
    await failed;
    const articles = page.getByRole('article');
    await expect(articles).toHaveCount(3);
    await page.getByRole('button', { name: 'Filters' }).tap();
    await expect(page.getByRole('button', { name: 'Filters' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await page.getByRole('button', { name: 'Filters' }).tap();
    await page.getByRole('button', { name: 'Latest', exact: true }).tap();
    await expect(page.getByRole('button', { name: 'Latest', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(articles).toHaveCount(3);
  });

  test('the filter panel whose chunk could not come shows once the browser is back online', async ({
    page,
    context,
    server,
  }) => {
    const { failed } = await failChunkOnce(page, 'FilterPanel');
    await page.goto(server.url);
    await failed;
    await expect(page.getByRole('article')).toHaveCount(3);
    // A chunk that failed stays failed under its address: it is asked for under another.
    const again = page.waitForResponse((r) => /\/FilterPanel-[^/]*\.js\?retry=1$/.test(r.url()));
    await context.setOffline(true);
    await context.setOffline(false);
    expect((await again).ok()).toBe(true);
    await page.getByRole('button', { name: 'Filters' }).tap();
    await page.getByRole('searchbox').fill('priorities');
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(page.getByRole('article')).toContainText('priorities');
  });

  test('a page whose app could not come starts once the browser is back online', async ({
    page,
    context,
    server,
  }) => {
    await openWhileScriptsFail(page, context, server.url);
    await expect(page.getByRole('article')).toHaveCount(3);
  });

  test('a permalink opened after the landing code could not come still lands', async ({
    page,
    server,
  }) => {
    // The landing code is fetched once the page is idle: that first request fails.
    const { failed } = await failChunkOnce(page, 'keep-in-place');
    await page.goto(server.url);
    await failed;
    const target = page.getByRole('article').last();
    const id = (await target.getAttribute('id'))!;
    await page.evaluate((hash) => void (location.hash = hash), `#${id}`);
    await expect(target).toBeFocused();
    await expect(target).toHaveClass(/lb-update--target/);
  });

  test('before its script has come, the page shows where the updates will be, not a blank screen', async ({
    page,
    server,
  }) => {
    const layoutShift = await countLayoutShifts(page, { afterInput: true });
    // The app's code is on its way, slowly; the HTML and the styles are in.
    let arrive!: () => void;
    const held = new Promise<void>((resolve) => (arrive = resolve));
    await page.route('**/assets/*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(server.url, { waitUntil: 'commit' });
    await expect.poll(() => paintedShare(page)).toBeGreaterThan(0.05);
    arrive();
    await expect(page.getByRole('article')).toHaveCount(3);
    expect(await layoutShift()).toBeLessThan(0.05);
  });

  test('the first updates coming in move nothing that was on screen', async ({ page, server }) => {
    const layoutShift = await countLayoutShifts(page, { afterInput: true });
    // The feed is on its way while the page shows what it shows meanwhile.
    let arrive!: () => void;
    const held = new Promise<void>((resolve) => (arrive = resolve));
    await page.route('**/feeds/vilnius-2023.json*', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(server.url, { waitUntil: 'commit' });
    await expect(page.locator('.lb-skeleton')).toBeVisible();
    arrive();
    await expect(page.getByRole('article')).toHaveCount(3);
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    expect(await layoutShift()).toBeLessThan(0.05);
  });
});

test.describe('a page the server renders, on a weak link', () => {
  test('the updates stay when the code to take the page over cannot come, and the feed neither', async ({
    page,
    server,
  }) => {
    // The link drops once the HTML is in: the takeover's chunk and every feed request fail.
    await page.route('**/assets/hydrate-widget-*.js', (route) =>
      route.abort('internetdisconnected'),
    );
    await page.route('**/feeds/vilnius-2023.json*', (route) => route.abort('internetdisconnected'));
    const failed = page.waitForEvent('requestfailed', (r) => r.url().includes('/hydrate-widget-'));
    await page.goto(server.url);
    const articles = page.getByRole('article');
    const rendered = await articles.count();
    expect(rendered).toBeGreaterThan(0);
    await failed;
    await expect(page.locator('.lb-notice')).toContainText('Connection lost');
    await expect(articles).toHaveCount(rendered);
  });

  test('a filter panel whose chunk could not come keeps the server’s form until it comes', async ({
    page,
    context,
    server,
  }) => {
    const { failed } = await failChunkOnce(page, 'FilterPanel');
    await page.goto(server.url);
    await failed;
    await expect(page.locator('[data-interactive]')).toHaveCount(1);
    await page.getByRole('button', { name: 'Filters' }).tap();
    await expect(page.getByRole('searchbox')).toBeVisible();
    await context.setOffline(true);
    await context.setOffline(false);
    // Asked for again by itself (back online, or after its first wait), the panel becomes the
    // browser's: the search filters as the reader types.
    await page.getByRole('searchbox').fill('priorities');
    await expect(page.getByRole('article')).toHaveCount(1, { timeout: 15_000 });
    await expect(page.getByRole('article')).toContainText('priorities');
  });

  test('a page whose app could not come takes itself over once the browser is back online', async ({
    page,
    context,
    server,
  }) => {
    await openWhileScriptsFail(page, context, server.url);
    await expect(page.locator('[data-interactive]')).toHaveCount(1);
    await page.getByRole('button', { name: 'Latest', exact: true }).tap();
    await expect(page.getByRole('button', { name: 'Latest', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test('a page whose app came is not loaded again when the connection comes back', async ({
    page,
    context,
    server,
  }) => {
    await page.goto(server.url);
    await page.evaluate(() => ((window as { kept?: boolean }).kept = true));
    await context.setOffline(true);
    await context.setOffline(false);
    await expect(page.locator('.lb-notice')).toHaveText('');
    expect(await page.evaluate(() => (window as { kept?: boolean }).kept)).toBe(true);
  });

  test('the connection dropping and the server failing move nothing the reader sees', async ({
    page,
    context,
    server,
    admin,
  }) => {
    const layoutShift = await countLayoutShifts(page, { afterInput: true });
    await page.goto(server.url);
    const first = page.getByRole('article').first();
    await expect(first).toBeVisible();
    const at = async () => (await first.boundingBox())?.y;
    const y = await at();
    // Longer than "Live · updated …", these words wrap on a phone: above the timeline they
    // pushed it down, and back up when they went.
    const dot = page.locator('.lb-status__dot');
    const pulse = () => dot.evaluate((d) => getComputedStyle(d).animationName);
    expect(await pulse()).not.toBe('none');
    await context.setOffline(true);
    await expect(page.getByText('You are offline')).toBeInViewport();
    expect(await at()).toBe(y);
    // The header's "Live" dot stops while the notice says why.
    expect(await pulse()).toBe('none');
    const retry = page.getByRole('button', { name: 'Retry now' });
    const failed = page.waitForEvent('requestfailed', (r) => r.url().includes('/feeds/'));
    await retry.tap();
    await failed;
    // Back online, the page asks at once: the server is busy, and the countdown starts.
    await admin.fault('503');
    await context.setOffline(false);
    await expect(page.getByText('The server is busy: retrying in')).toBeInViewport();
    expect(await at()).toBe(y);
    await admin.clearFault();
    expect(await pulse()).toBe('none');
    await retry.tap();
    await expect(retry).toHaveCount(0);
    expect(await at()).toBe(y);
    expect(await pulse()).not.toBe('none');
    // Only the notice's own words may move within it, as the countdown ticks.
    expect(await layoutShift()).toBeLessThan(0.005);
  });

  test('embed.html whose app could not come is taken over once the browser is back online', async ({
    page,
    context,
    server,
  }) => {
    await openWhileScriptsFail(
      page,
      context,
      `${server.url}embed.html?feed=feeds/vilnius-2023.json`,
    );
    await expect(page.locator('[data-interactive]')).toHaveCount(1);
    await expect(page.getByRole('article').first()).toBeVisible();
  });
});
