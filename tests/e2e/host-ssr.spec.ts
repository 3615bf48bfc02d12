// The React library rendered by a host's server (issue 18): a newsroom's article page, rendered
// with react-dom/server in Node around <LiveBlog feed snapshot={…}>, whose snapshot comes from
// live-blog/server (loadLiveBlogFeed, renderLiveBlog), served with a strict CSP (Trusted Types
// enforced) from another origin than the feed, and hydrated by the host's own React in Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { Page } from '@playwright/test';
import { advanceClockUntil, trustedTypesViolations } from './fixtures';
import { expect, test } from './hosts/embed-test';
import { countLayoutShifts } from './layout-shift';
import type { HostServer } from './hosts/host-server';
import { startMovedFeedHost } from './hosts/moved-feed-host';
import { startPlainFeedHost } from './hosts/plain-feed-host';
import { HostArticle } from './hosts/ssr-host/host-article';
import { buildHostBundle, hostPage, importLibrary } from './hosts/ssr-host/build-host';

/** The demo polls every 15 s (+10 % jitter at most): 17 s always reaches the next poll. */
const ONE_POLL = 17_000;
const FEED_PATH = '/feeds/vilnius-2023.json';

let bundleDir = '';
test.beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), 'live-blog-ssr-host-'));
  await buildHostBundle(bundleDir);
});
test.afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

/**
 * The host's server: loads the feed, renders the widget, then its own page around it. `policies`:
 * the Trusted Types policies the page allows (by default what docs/embedding.md gives hosts).
 */
async function serveArticle(
  host: HostServer,
  feedOrigin: string,
  policies = ['live-blog'],
  feedPath = FEED_PATH,
) {
  const { server, LiveBlog, libDir } = await importLibrary();
  host.files('/assets/', bundleDir);
  // The host serves the package's stylesheet itself: 'self' under its CSP.
  host.files('/live-blog/', libDir);
  const feed = `${feedOrigin}${feedPath}`;
  const doc = await server.loadLiveBlogFeed(feed, {
    allowedOrigins: [feedOrigin],
    allowPrivateAddresses: [feedOrigin],
  });
  const pageUrl = `${host.origin}/article.html`;
  const snapshot = await server.renderLiveBlog({ feed }, doc, {
    stylesheet: '/live-blog/live-blog.css',
    pageUrl,
  });
  expect(snapshot, 'renderLiveBlog rendered the feed').toBeTruthy();
  const liveBlog = { feed, snapshot };
  const article = renderToString(createElement(HostArticle, { LiveBlog, liveBlog }));
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src ${feedOrigin}`,
    `img-src ${feedOrigin} data:`,
    `media-src ${feedOrigin}`,
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${policies.join(' ')}`,
  ].join('; ');
  host.page(new URL(pageUrl).pathname, {
    html: hostPage(article, liveBlog),
    headers: { 'Content-Security-Policy': csp },
  });
  return pageUrl;
}

/** Every console error, page error and CSP violation of `page`. */
function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

const kickerColour = (page: Page) =>
  page
    .locator('live-blog .lb-kicker')
    .first()
    .evaluate((el) => getComputedStyle(el).color);

test('without JavaScript the host page shows the updates, styled in the shadow root', async ({
  browser,
  server,
  host,
}) => {
  const url = await serveArticle(host, new URL(server.url).origin);
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const problems = recordProblems(page);
    await page.goto(url);
    const widget = page.locator('live-blog');
    await expect(widget.getByRole('article')).toHaveCount(3);
    // The parser made the <template> the element's shadow root: nothing of it in the light DOM.
    expect(await widget.evaluate((el) => [el.children.length, el.shadowRoot !== null])).toEqual([
      0,
      true,
    ]);
    // Styled by the linked stylesheet under style-src 'self' (no inline style).
    expect(await kickerColour(page)).toBe('rgb(199, 0, 0)');
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
});

test("with JavaScript both Reacts hydrate, with no error, and the server's mount is kept", async ({
  page,
  server,
  host,
  admin,
}) => {
  const url = await serveArticle(host, new URL(server.url).origin);
  await admin.clearRequests();
  const problems = recordProblems(page);
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  const widget = page.locator('live-blog');
  await expect(widget.getByRole('article')).toHaveCount(3);
  // The host's React hydrated its tree (the LiveBlog in it included) and answers.
  await expect(page.locator('article.host-article[data-hydrated]')).toBeVisible();
  // The widget hydrated in its shadow root (relative times are the browser's)...
  // Taken over by the browser: what it knows and the host's server did not is applied.
  await expect(widget.locator('[data-interactive]')).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  // ...taking over the server's mount rather than rendering afresh beside it.
  expect(
    await widget.evaluate(
      (el) => [...el.shadowRoot!.children].filter((c) => c.localName === 'div').length,
    ),
  ).toBe(1);
  await expect(widget.locator('[data-live-blog-mount] article')).toHaveCount(3);
  // Under the page's Trusted Types the bodies are still HTML: the feed's quotes are elements.
  expect(await widget.locator('.lb-prose blockquote').count()).toBeGreaterThan(0);
  expect(await kickerColour(page)).toBe('rgb(199, 0, 0)');
  await page.getByRole('button', { name: 'Likes: 0' }).click();
  await expect(page.getByRole('button', { name: 'Likes: 1' })).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(problems).toEqual([]);
});

test('after hydration nothing shifts, and a poll brings an update from a plain feed host', async ({
  page,
  server,
  host,
  admin,
}) => {
  // The feed's host answers CORS as docs/feed-format.md#serving asks, and no more: a poll that
  // needs a preflight fails there, and the widget would never update again.
  const feedHost = await startPlainFeedHost(server.url);
  try {
    const url = await serveArticle(host, feedHost.origin);
    const layoutShift = await countLayoutShifts(page);
    // The page's clock is fake (and runs as the real one does until moved), so the poll comes
    // when the test moves it rather than after the demo's interval of real time.
    await page.clock.install();
    await page.goto(url);
    const widget = page.locator('live-blog');
    // Taken over by the browser: what it knows and the host's server did not is applied.
    await expect(widget.locator('[data-interactive]')).toHaveCount(1);
    await page.waitForLoadState('networkidle');
    expect(await layoutShift(), 'cumulative layout shift').toBeLessThan(0.01);

    await admin.publish(1);
    // The demo's poll interval, plus its jitter: the next poll brings the update.
    const articles = widget.getByRole('article');
    await advanceClockUntil(page, ONE_POLL, async () => (await articles.count()) === 4);
    await expect(articles).toHaveCount(4);
    await expect(widget.locator('[part~="notice"]')).toHaveText('');
    expect(feedHost.preflights()).toBe(0);
  } finally {
    await feedHost.close();
  }
});

test("a redirected feed's relative links point where the document is, before and after hydration", async ({
  browser,
  page,
  host,
}) => {
  // The browser resolves a feed's relative URLs against where its request ended up (the
  // response's URL): the server's HTML must do the same, or links and images break until the
  // browser takes over, and hydrating its tree over the server's does not match.
  const moved = await startMovedFeedHost();
  try {
    const url = await serveArticle(host, moved.origin, ['live-blog'], moved.feedPath);
    const base = `${moved.origin}/coverage/2026/`;
    const links = (where: Page) =>
      where
        .locator('live-blog article')
        .evaluateAll((articles) =>
          articles.map((article) => [
            article.querySelector('h3 a')?.getAttribute('href'),
            article.querySelector('img')?.getAttribute('src'),
            article.querySelector('p a')?.getAttribute('href'),
          ]),
        );
    const expected = [2, 1].map((n) => [
      `${base}story-${n}.html`,
      `${base}photo.png`,
      `${base}more-${n}.html`,
    ]);

    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const still = await context.newPage();
      await still.goto(url);
      await expect(still.locator('live-blog').getByRole('article')).toHaveCount(2);
      expect(await links(still)).toEqual(expected);
    } finally {
      await context.close();
    }

    const problems = recordProblems(page);
    await page.goto(url);
    const widget = page.locator('live-blog');
    await expect(page.locator('article.host-article[data-hydrated]')).toBeVisible();
    await expect(widget.locator('[data-interactive]')).toHaveCount(1);
    await page.waitForLoadState('networkidle');
    // Hydrated over the server's mount, not rendered afresh beside it after a mismatch.
    await expect(widget.locator('[data-live-blog-mount] article')).toHaveCount(2);
    expect(await links(page)).toEqual(expected);
    expect(problems).toEqual([]);
  } finally {
    await moved.close();
  }
});

test.describe('a host whose Trusted Types leave the widget out', () => {
  // The widget's refused policy is the one violation such a page sees.
  test.use({ allowTrustedTypesViolations: true });

  test('the widget does not hydrate the HTML it cannot keep: it renders afresh, as text', async ({
    page,
    server,
    host,
  }) => {
    const url = await serveArticle(host, new URL(server.url).origin, ['host-sanitiser']);
    const problems = recordProblems(page);
    await page.goto(url);
    const widget = page.locator('live-blog');
    await expect(page.locator('article.host-article[data-hydrated]')).toBeVisible();
    await expect(widget.locator('[data-interactive]')).toHaveCount(1);
    await expect(widget.getByRole('article')).toHaveCount(3);
    // The server's mount (and its HTML bodies) gave way to the browser's, whose bodies are text.
    await expect(widget.locator('[data-live-blog-mount]')).toHaveCount(0);
    await expect(widget.locator('.lb-prose blockquote')).toHaveCount(0);
    await expect(widget.locator('.lb-prose p').first()).not.toBeEmpty();
    expect(await trustedTypesViolations(page)).toEqual(['trusted-types: live-blog']);
    // The browser's own report of the refused policy is the one console error.
    expect(problems).toEqual([expect.stringMatching(/TrustedTypePolicy named 'live-blog'/)]);
  });
});
