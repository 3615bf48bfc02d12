// Regenerates docs/screenshots/ from the built app (run `npm run build` first): the finished demo
// replay at phone (375 px) and desktop (1280 px) sizes, light and dark, and the states that only
// some readers see: the gallery viewer, the media of an update, oldest-first reading with
// "since your last visit", embedded posts behind their gate and one loaded (the test fixture's
// example posts; the third party answers with a local stand-in, nothing leaves the machine).
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { startServer } from '../server/create-server.mjs';
import { chromiumLaunchOptions } from '../tooling/chromium.mjs';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions);
/** @type {[name: string, width: number, height: number][]} */
const sizes = [
  ['phone', 375, 1400],
  ['desktop', 1280, 1500],
];
const schemes = /** @type {const} */ (['light', 'dark']);

/** @param {{ initialItems?: number }} [options] */
async function demoServer(options = {}) {
  const server = await startServer({
    port: 0,
    mode: 'live',
    intervalMs: 0,
    admin: true,
    shiftDates: false,
    ...options,
  });
  if (!server.replay) throw new Error('a live server has a replay');
  return { server, replay: server.replay };
}

/**
 * @param {string} name
 * @param {number} width
 * @param {number} height
 * @param {'light' | 'dark'} scheme
 */
async function newPage(name, width, height, scheme) {
  const context = await browser.newContext({
    viewport: { width, height },
    colorScheme: scheme,
    locale: 'en-GB',
    timezoneId: 'Europe/Vilnius',
  });
  const page = await context.newPage();
  /**
   * @param {string} what
   * @param {import('@playwright/test').Locator} [locator] the whole viewport without one
   */
  const shot = async (what, locator) => {
    const path = `${out}/${what}-${name}-${scheme}.png`;
    await (locator ?? page).screenshot({ path });
    console.log(path);
  };
  return { context, page, shot };
}

const { server, replay } = await demoServer();
replay.publishAll();
for (const [name, width, height] of sizes) {
  for (const scheme of schemes) {
    const { context, page, shot } = await newPage(name, width, height, scheme);
    await page.goto(`${server.url}${process.argv[2] ?? ''}`);
    await page.locator('article').first().waitFor();
    await page.screenshot({ path: `${out}/${name}-${scheme}.png` });
    console.log(`${out}/${name}-${scheme}.png`);

    // An update with its gallery, then the viewer open on the first photo.
    const gallery = page.getByRole('article').filter({ has: page.locator('.lb-gallery') });
    await gallery.scrollIntoViewIfNeeded();
    // Browser code as text: this script is type-checked for Node, without the DOM's types.
    const decoded = '(img) => img.decode()';
    await gallery.locator('img').first().evaluate(decoded);
    await shot('update-gallery', gallery);
    await gallery.getByRole('button', { name: /^Open photo 1 of/ }).click();
    const viewer = page.getByRole('dialog');
    await viewer.locator('img').evaluate(decoded);
    await shot('gallery-viewer');
    await page.keyboard.press('Escape');
    await context.close();
  }
}
await server.close();

// Oldest first, for a reader who was here before: the banner and the marked updates.
for (const [name, width, height] of sizes) {
  for (const scheme of schemes) {
    const { server: earlier, replay: published } = await demoServer({ initialItems: 3 });
    const { context, page, shot } = await newPage(name, width, height, scheme);
    await page.goto(`${earlier.url}?view=latest&order=oldest`);
    await page.locator('article').first().waitFor();
    // The visit is recorded once the page has loaded its recorder (a chunk) and is left.
    await page.waitForFunction(
      `(dispatchEvent(new Event('pagehide')),
        Object.keys(localStorage).some((k) => k.startsWith('live-blog:last-visit:')))`,
    );
    await page.goto('about:blank');
    published.publishAll();
    await page.goto(`${earlier.url}?view=latest&order=oldest`);
    await page.locator('.lb-last-visit').waitFor();
    await shot('oldest-first-since-last-visit');
    await context.close();
    await earlier.close();
  }
}

// Embedded posts: the gate, then one agreed to (its provider answered by a local stand-in).
const fixtures = await startServer({ port: 0, mode: 'static', staticDir: 'tests/fixtures/feeds' });
for (const [name, width, height] of sizes) {
  for (const scheme of schemes) {
    const { context, page, shot } = await newPage(name, width, height, scheme);
    const own = new URL(fixtures.url).origin;
    await context.route('**/*', (route) =>
      new URL(route.request().url()).origin === own
        ? route.continue()
        : route.fulfill({
            contentType: 'text/html; charset=utf-8',
            body: '<!doctype html><body style="margin:0;display:grid;place-items:center;height:100vh;background:#222;color:#eee;font:16px sans-serif">Provider’s player (stand-in)</body>',
          }),
    );
    await page.goto(`${fixtures.url}?feed=/fixtures/embeds.json&poll=off`);
    const reactions = page.getByRole('article', { name: 'Reactions pour in' });
    await reactions.waitFor();
    await shot('embed-gate', reactions);
    const press = page.getByRole('article', { name: 'The press conference on video' });
    await press.getByRole('button', { name: 'Load content from YouTube', exact: true }).click();
    await press.locator('iframe').waitFor();
    await page.mouse.move(0, 0);
    await shot('embed-loaded', press);
    await context.close();
  }
}
await fixtures.close();

await browser.close();
