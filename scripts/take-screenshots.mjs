// Regenerates docs/screenshots/ from the built app (run `npm run build` first):
// phone (375 px) and desktop (1280 px), light and dark, on the finished demo replay.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { startServer } from '../server/create-server.mjs';
import { chromiumLaunchOptions } from '../tooling/chromium.mjs';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
const server = await startServer({
  port: 0,
  mode: 'live',
  intervalMs: 0,
  admin: true,
  shiftDates: false,
});
if (!server.replay) throw new Error('a live server has a replay');
server.replay.publishAll();
const browser = await chromium.launch(chromiumLaunchOptions);
/** @type {[name: string, width: number, height: number][]} */
const shots = [
  ['phone', 375, 1400],
  ['desktop', 1280, 1500],
];
for (const [name, width, height] of shots) {
  for (const scheme of /** @type {const} */ (['light', 'dark'])) {
    const page = await browser.newPage({
      viewport: { width, height },
      colorScheme: scheme,
      locale: 'en-GB',
    });
    await page.goto(`${server.url}${process.argv[2] ?? ''}`);
    await page.locator('article').first().waitFor();
    await page.screenshot({ path: `${out}/${name}-${scheme}.png` });
    console.log(`${out}/${name}-${scheme}.png`);
    await page.close();
  }
}
await browser.close();
await server.close();
