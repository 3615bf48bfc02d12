// <live-blog> on news pages full of other people's scripts: monitoring and consent managers that
// wrap fetch, polyfills that patch DOM methods. Each host script runs before embed.js, as the
// page's own classic scripts in its head do. Host pages are on another origin.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';

test.use({ serverOptions: { mode: 'static' } });

const demo = JSON.parse(readFileSync('public/feeds/vilnius-2023.json', 'utf8')) as {
  items: unknown[];
};

/** Errors the page throws, from the moment it is called. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

function article(widgetUrl: string, hostScript: string): string {
  return hostDocument(
    `<h1>Article</h1><live-blog feed="${widgetUrl}feeds/vilnius-2023.json" poll="off"></live-blog>
     <div id="elsewhere"></div>`,
    `<script>{${hostScript}}</script>
     <script type="module" src="${widgetUrl}embed.js"></script>`,
  );
}

test('a request the host’s fetch wrapper holds for ever times out, and the reader can ask again', async ({
  page,
  server,
  host,
}) => {
  const errors = pageErrors(page);
  // A consent manager's queue that loses the first request for the feed, and drops the signal.
  const holdFirst = `
    const original = window.fetch;
    let held = 0;
    window.fetch = function (input, init) {
      if (String(input).includes('/feeds/') && held++ === 0) return new Promise(() => {});
      return original.call(this, input, init);
    };`;
  await page.goto(host.page('/held.html', article(server.url, holdFirst)));
  // Past the poll's timeout the reader is told, not left with a blank, and can ask again.
  const blog = page.locator('live-blog');
  await expect(blog.getByText('The server is not answering').first()).toBeVisible({
    timeout: 15_000,
  });
  await blog.getByRole('button', { name: 'Retry now' }).click();
  await expect(blog.getByRole('article')).toHaveCount(demo.items.length);
  expect(errors).toEqual([]);
});

test('a host that makes every shadow root closed still gets the widget, moved or not', async ({
  page,
  server,
  host,
}) => {
  const errors = pageErrors(page);
  // As some privacy and anti-scraping scripts do; the test keeps the roots to look inside.
  const closeRoots = `
    const attach = Element.prototype.attachShadow;
    window.closedRoots = [];
    Element.prototype.attachShadow = function (options) {
      const root = attach.call(this, { ...options, mode: 'closed' });
      window.closedRoots.push(root);
      return root;
    };`;
  await page.goto(host.page('/closed.html', article(server.url, closeRoots)));
  const articles = () =>
    page.evaluate(() =>
      (window as unknown as { closedRoots: ShadowRoot[] }).closedRoots.reduce(
        (n, root) => n + root.querySelectorAll('article').length,
        0,
      ),
    );
  await expect.poll(articles).toBe(demo.items.length);
  const box = await page.locator('live-blog').boundingBox();
  expect(box!.height).toBeGreaterThan(200);

  await page.evaluate(() =>
    document.getElementById('elsewhere')!.append(document.querySelector('live-blog')!),
  );
  await expect.poll(articles).toBe(demo.items.length);
  expect(errors).toEqual([]);
});
