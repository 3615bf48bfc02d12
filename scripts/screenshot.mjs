// Takes screenshots of a page at phone and desktop widths: node scripts/screenshot.mjs URL OUTPREFIX [--dark]
import { chromium } from '@playwright/test';

const [url, out = '/tmp/shot', ...flags] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const dark = flags.includes('--dark');
for (const [name, width, height] of [
  ['phone', 375, 812],
  ['desktop', 1280, 900],
]) {
  const page = await browser.newPage({
    viewport: { width, height },
    colorScheme: dark ? 'dark' : 'light',
  });
  page.on('console', (m) => console.log(`[${name}] ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[${name}] pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector('article', { timeout: 10000 }).catch(() => {});
  await page.screenshot({ path: `${out}-${name}.png`, fullPage: flags.includes('--full') });
  await page.close();
}
await browser.close();
