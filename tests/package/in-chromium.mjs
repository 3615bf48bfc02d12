// What a reader of the host's pages sees, in Chromium: the widget with the demo feed's updates,
// from the React component, the element written in TSX, embed.js through the host's bundler,
// embed.js from dist/ and embed.html.
import { chromium } from '@playwright/test';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../../tooling/chromium.mjs';
import { serveStatic } from './static-server.mjs';

const FEEDS = new URL('../../public/feeds', import.meta.url).pathname;
const TIMEOUT = 20_000;

/**
 * Opens the host's pages; returns what went wrong (empty when the widget showed everywhere).
 * @param {string} hostDir the built host app
 * @param {string} feedTitle the demo feed's title, which the widget's header shows
 */
export async function widgetProblems(hostDir, feedTitle) {
  const server = await serveStatic({
    '/': join(hostDir, 'dist'),
    '/pages/': hostDir,
    '/cdn/': join(hostDir, 'node_modules/live-blog/dist'),
    '/feeds/': FEEDS,
  });
  const browser = await chromium.launch(chromiumLaunchOptions);
  /** @type {string[]} */
  const problems = [];
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });
    /**
     * @param {string} what
     * @param {import('@playwright/test').Locator} widget
     */
    const expectUpdates = async (what, widget) => {
      try {
        await widget.getByText(feedTitle, { exact: true }).first().waitFor({ timeout: TIMEOUT });
        await widget.getByRole('article').first().waitFor({ timeout: TIMEOUT });
      } catch (error) {
        problems.push(`${what}: no updates of the demo feed on screen (${String(error)})`);
      }
    };

    await page.goto(`${server.origin}/`);
    await expectUpdates('React component', page.getByTestId('component').locator('live-blog'));
    await expectUpdates('<live-blog> in TSX', page.getByTestId('element').locator('live-blog'));

    await page.goto(`${server.origin}/bundled-embed.html`);
    const bundled = page.locator('live-blog');
    await expectUpdates('live-blog/embed.js through the bundler', bundled);
    try {
      // The Ukrainian catalogue is a lazy chunk: the bundler must have found and emitted it.
      await bundled.locator('[lang="uk"]').first().waitFor({ timeout: TIMEOUT });
    } catch (error) {
      problems.push(`live-blog/embed.js through the bundler: not in Ukrainian (${String(error)})`);
    }

    await page.goto(`${server.origin}/pages/script-host.html`);
    await expectUpdates('embed.js from dist/', page.locator('live-blog'));

    await page.goto(`${server.origin}/pages/iframe-host.html`);
    await expectUpdates('embed.html in an iframe', page.frameLocator('iframe').locator('body'));
  } finally {
    await browser.close();
    await server.close();
  }
  return problems;
}
