// The app's own code failing to load while the feed is fine: a deploy that removed a long-open
// page's chunks, a server error for the page's app, a widget removed while its part was failing.
// The page's clock is faked: back-offs are run through, not waited for.
import type { Page } from '@playwright/test';
import { expect, test } from './hosts/embed-test';
import { hostDocument, type HostServer } from './hosts/host-server';

const NOW = Date.parse('2025-03-05T10:00:00Z');
/** poll_seconds 15, plus jitter: 17 s always reaches the next poll. */
const ONE_POLL = 17_000;
const MINUTE = 60_000;

const update = (id: string, minutesAgo: number, extra = {}) => ({
  id,
  title: `Update ${id}`,
  content_html: `<p>Body of ${id}.</p>`,
  date_published: new Date(NOW - minutesAgo * MINUTE).toISOString(),
  ...extra,
});
const photo = (id: string, minutesAgo: number) =>
  update(id, minutesAgo, {
    attachments: [{ url: `/photos/${id}.png`, mime_type: 'image/png', title: `Photo ${id}` }],
  });

/** Serves a live feed at /custom/redeploy.json with the items `current()` has at each request. */
async function serveFeed(page: Page, current: () => unknown[]) {
  await page.route('**/custom/redeploy.json', (route) =>
    route.fulfill({
      contentType: 'application/feed+json',
      body: JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Redeploy desk: live',
        _liveblog: { status: 'live', poll_seconds: 15 },
        items: current(),
      }),
    }),
  );
}

/** The demo feed in `<live-blog>` on a host page of another origin, not polling. */
async function openOnHost(page: Page, host: HostServer, appUrl: string) {
  await page.goto(
    host.page(
      '/blog.html',
      hostDocument(
        `<live-blog feed="${appUrl}feeds/vilnius-2023.json" poll="off"></live-blog>`,
        `<script type="module" src="${appUrl}embed.js"></script>`,
      ),
    ),
  );
}

/** Requests (method and address) for the app's files named `name`, from now on. */
function requestsFor(page: Page, name: string): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes(`/${name}-`)) seen.push(`${r.method()} ${r.url().replace(/.*\//, '')}`);
  });
  return seen;
}

/**
 * Resolves once a request the page makes now has left: one it made before has been seen by then.
 */
async function fence(page: Page, origin: string) {
  const url = `${origin}fence-${Math.random()}`;
  await Promise.all([
    page.waitForRequest(url),
    page.evaluate((u) => void fetch(u, { mode: 'no-cors' }).catch(() => {}), url),
  ]);
}

test('a long-open page whose chunks a deploy removed says to reload, and stops asking', async ({
  page,
  server,
}) => {
  await page.clock.install({ time: NOW });
  let items = [update('b', 10), update('a', 20)];
  await serveFeed(page, () => items);
  await page.goto(`${server.url}?feed=custom/redeploy.json`);
  await expect(page.getByRole('article')).toHaveCount(2);
  // The deploy: the server has other chunks now; this page's are gone, its feed still answers.
  await page.route('**/assets/UpdateMedia-*', (route) =>
    route.fulfill({ status: 404, body: 'Not found\n' }),
  );
  const media = requestsFor(page, 'UpdateMedia');
  items = [photo('c', 1), ...items];
  await page.clock.fastForward(ONE_POLL);
  await expect(page.getByRole('article')).toHaveCount(3);
  // Said in the notice at the foot of the screen, where connection trouble is.
  await expect(page.locator('.lb-notice__text')).toHaveText(
    'This page has been updated. Please reload it.',
  );
  const asked = media.length;
  expect(asked).toBeGreaterThan(0);
  // Later updates, and the minutes a back-off would wait, ask for nothing that is gone.
  for (const id of ['d', 'e', 'f']) {
    items = [photo(id, 0), ...items];
    await page.clock.fastForward(ONE_POLL);
    await expect(page.getByRole('article', { name: `Update ${id}` })).toBeVisible();
  }
  await page.clock.fastForward(10 * MINUTE);
  await fence(page, server.url);
  expect(media).toHaveLength(asked);
  // The reload brings the server's code, with which the photos show.
  await page.unroute('**/assets/UpdateMedia-*');
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('img', { name: 'Photo f' })).toBeAttached();
  await expect(page.getByRole('status').first()).toHaveText('Live');
  await expect(page.locator('.lb-notice__text')).toHaveText('');
});

for (const ssr of [true, false]) {
  test.describe(ssr ? 'a page the server renders' : 'a page the browser renders', () => {
    test.use({ serverOptions: { ssr } });

    test('whose app the server failed to send loads it by itself, once, while online', async ({
      page,
      server,
    }) => {
      await page.clock.install({ time: NOW });
      const entry = /\/assets\/index-[^/]*\.js$/;
      let down = true;
      await page.route(entry, (route) =>
        down ? route.fulfill({ status: 503, body: 'Busy\n' }) : route.continue(),
      );
      const failed = page.waitForResponse((r) => entry.test(r.url()) && r.status() === 503);
      // Not page.goto, which waits for the page to be taken over.
      await page.goto('about:blank');
      await page.evaluate((to) => void (location.href = to), server.url);
      await failed;
      down = false;
      // The browser stays online throughout: only the wait brings the app.
      await page.clock.fastForward(5_000);
      await page.waitForURL(server.url);
      await expect(page.locator('[data-interactive]')).toHaveCount(1);
      await expect(page.getByRole('article').first()).toBeVisible();
      const entries = requestsFor(page, 'index');
      await page.clock.fastForward(10 * MINUTE);
      await fence(page, server.url);
      expect(entries.filter((r) => r.endsWith('.js'))).toEqual([]);
    });

    test('whose app never runs is loaded again less and less often', async ({ page, server }) => {
      await page.clock.install({ time: NOW });
      await page.route(/\/assets\/index-[^/]*\.js$/, (route) =>
        route.fulfill({ contentType: 'text/plain', body: 'export {};\n' }),
      );
      const loads: string[] = [];
      const asked: string[] = [];
      page.on('request', (r) => {
        if (r.isNavigationRequest() && r.url() === server.url) loads.push(r.url());
        if (r.resourceType() === 'fetch' && /\/index-/.test(r.url())) asked.push(r.url());
      });
      // The browser's word that it would not run the entry: its wait starts then.
      const refused = () =>
        page.waitForEvent('console', (m) => m.type() === 'error' && /MIME type/.test(m.text()));
      let failed = refused();
      await page.goto('about:blank');
      await page.evaluate((to) => void (location.href = to), server.url);
      await failed;
      failed = refused();
      await page.clock.fastForward(5_000);
      await failed;
      expect(loads).toHaveLength(2);
      // The reloaded page waits twice as long: not 5 s again.
      failed = refused();
      await page.clock.fastForward(5_000);
      await fence(page, server.url);
      expect(asked).toHaveLength(1);
      await page.clock.fastForward(5_000);
      await failed;
      expect(loads).toHaveLength(3);
    });

    test('whose app never runs and whose storage is blocked is not reloaded over and over', async ({
      page,
      server,
    }) => {
      // Cookies and storage blocked: the wait cannot be kept across a reload.
      await page.addInitScript(() =>
        Object.defineProperty(window, 'sessionStorage', {
          get: () => {
            throw new DOMException('The access is denied for this document.', 'SecurityError');
          },
        }),
      );
      await page.clock.install({ time: NOW });
      // A server sending the entry as text: it answers, yet the browser never runs it.
      await page.route(/\/assets\/index-[^/]*\.js$/, (route) =>
        route.fulfill({ contentType: 'text/plain', body: 'export {};\n' }),
      );
      const loads: string[] = [];
      page.on('request', (r) => {
        if (r.isNavigationRequest() && r.url() === server.url) loads.push(r.url());
      });
      const sent = page.waitForResponse(/\/assets\/index-[^/]*\.js$/);
      await page.goto('about:blank');
      await page.evaluate((to) => void (location.href = to), server.url);
      await sent;
      for (let i = 0; i < 12; i++) {
        await page.clock.fastForward(10_000);
        // A page that reloads meanwhile takes the fence with it: counted below.
        await fence(page, server.url).catch(() => {});
      }
      expect(loads).toHaveLength(1);
      // The longest wait (5 min) from the start: a link that dropped for a moment still recovers.
      await page.clock.fastForward(4 * MINUTE);
      await expect.poll(() => loads.length).toBe(2);
    });
  });
}

test('a widget removed while its part could not come leaves nothing asking for it', async ({
  page,
  server,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.clock.install({ time: NOW });
  await page.route('**/embed-chunks/FilterPanel-*', (route) => route.abort('internetdisconnected'));
  const panel = requestsFor(page, 'FilterPanel');
  await openOnHost(page, host, server.url);
  const blog = page.locator('live-blog');
  await expect(blog.getByRole('article').first()).toBeVisible();
  await expect.poll(() => panel.filter((r) => r.startsWith('GET')).length).toBe(1);
  // While the widget is there, the part is asked for again after its first wait.
  await page.clock.fastForward(5_000);
  await expect.poll(() => panel.filter((r) => r.startsWith('GET')).length).toBe(2);
  await blog.evaluate((el) => el.remove());
  await expect(page.locator('live-blog')).toHaveCount(0);
  const asked = panel.length;
  await page.clock.fastForward(30 * MINUTE);
  await page.evaluate(() => dispatchEvent(new Event('online')));
  await fence(page, server.url);
  expect(panel).toHaveLength(asked);
});

test('<live-blog> on another origin tells a chunk its server removed, and stops asking', async ({
  page,
  server,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.clock.install({ time: NOW });
  // The chunk's address answers as the server does for a file it does not have.
  await page.route('**/embed-chunks/FilterPanel-*', (route) =>
    route.continue({ url: `${server.url}embed-chunks/removed-by-a-deploy.js` }),
  );
  const panel = requestsFor(page, 'FilterPanel');
  await openOnHost(page, host, server.url);
  const blog = page.locator('live-blog');
  await expect(blog.locator('.lb-notice__text')).toHaveText(
    'This page has been updated. Please reload it.',
  );
  await expect(blog.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(blog.getByRole('article').first()).toBeVisible();
  const asked = panel.length;
  await page.clock.fastForward(30 * MINUTE);
  await page.evaluate(() => dispatchEvent(new Event('online')));
  await fence(page, server.url);
  expect(panel).toHaveLength(asked);
});
