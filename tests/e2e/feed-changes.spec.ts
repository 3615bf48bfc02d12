// A live feed that changes between polls while a keyboard reader is in it: the update that has
// the focus is moved to another group by an edit, or retracted. On the standalone page and in
// <live-blog>'s shadow root, where the browser's own focus rules apply.
import type { Page } from '@playwright/test';
import { expect, test } from './hosts/embed-test';
import { hostDocument, type HostServer } from './hosts/host-server';
import { scrollIntoTimeline } from './fixtures';
import { watchLandingCode } from './landing-code';

const NOW = Date.parse('2025-03-05T10:00:00Z');
/** poll_seconds 15, plus jitter: 17 s always reaches the next poll. */
const ONE_POLL = 17_000;

const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();
const update = (id: string, minutesAgo: number, topic: string, extra = {}) => ({
  id,
  title: `Update ${id}`,
  content_html: `<p>Body of ${id}.</p>`,
  date_published: at(minutesAgo),
  _liveblog: { topics: [topic] },
  ...extra,
});
const first = [update('a', 10, 'weather'), update('b', 20, 'markets'), update('c', 30, 'markets')];
const doc = (items: unknown[]) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Focus desk: live',
  _liveblog: {
    status: 'live',
    poll_seconds: 15,
    topics: [
      { id: 'markets', label: 'Markets' },
      { id: 'weather', label: 'Weather' },
    ],
  },
  items,
});

/** Serves the feed at /custom/focus.json (any origin), as `current()` has it at each request. */
async function serveFeed(page: Page, current: () => unknown[]) {
  await page.route('**/custom/focus.json', (route) =>
    route.fulfill({
      contentType: 'application/feed+json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify(doc(current())),
    }),
  );
}

/** The feed on the standalone page, or in `<live-blog>` on a host page of another origin. */
async function open(page: Page, where: string, appUrl: string, host: HostServer) {
  if (where === 'standalone page') return page.goto(`${appUrl}?feed=custom/focus.json`);
  return page.goto(
    host.page(
      '/focus.html',
      hostDocument(
        `<live-blog feed="${appUrl}custom/focus.json"></live-blog>`,
        `<script type="module" src="${appUrl}embed.js"></script>`,
      ),
    ),
  );
}

/** The name of what has the focus, looked up through shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const label = el?.getAttribute('aria-labelledby');
    const root = el?.getRootNode() as Document | ShadowRoot | undefined;
    return label
      ? root?.getElementById(label)?.textContent
      : (el?.getAttribute('aria-label') ?? el?.tagName);
  });

for (const where of ['standalone page', '<live-blog> embed']) {
  test(`${where}: the focus follows an update moved by an edit, and stays in the timeline when it goes`, async ({
    page,
    server,
    host,
  }) => {
    await page.clock.install({ time: NOW });
    const landingCode = watchLandingCode(page);
    let items: unknown[] = first;
    await serveFeed(page, () => items);
    await open(page, where, server.url, host);
    const article = (name: string) => page.getByRole('article', { name });
    await expect(article('Update a')).toBeVisible();
    await landingCode();
    await article('Update a')
      .getByRole('link', { name: /Copy link/ })
      .focus();

    // An edit moves the update from Weather to Markets: React mounts it anew there.
    items = [update('a', 10, 'markets', { date_modified: at(1) }), first[1], first[2]];
    await page.clock.runFor(ONE_POLL);
    await expect(page.getByRole('heading', { name: /^Weather/ })).toHaveCount(0);
    await expect.poll(() => focused(page)).toBe('Update a');

    // Retracted: the focus goes to the top of the timeline, where Tab goes on from.
    items = [{ id: 'a', _liveblog: { deleted: true } }, first[1], first[2]];
    await page.clock.runFor(ONE_POLL);
    await expect(article('Update a')).toHaveCount(0);
    await expect.poll(() => focused(page)).toBe('Live blog');
  });
}

for (const device of ['desktop', 'phone']) {
  test(`${device}, by topic: "new updates" brings the reader to an arrival in a group far below`, async ({
    page,
    server,
  }) => {
    if (device === 'phone') await page.setViewportSize({ width: 375, height: 700 });
    await page.clock.install({ time: NOW });
    // Markets, the first group, is longer than the screen; Weather comes after it.
    const markets = Array.from({ length: 8 }, (_, i) =>
      update(`m${i}`, 20 + i, 'markets', { content_html: `<p>${'Market news. '.repeat(40)}</p>` }),
    );
    let items: unknown[] = [update('w0', 60, 'weather'), ...markets];
    await serveFeed(page, () => items);
    await page.goto(`${server.url}?feed=custom/focus.json`);
    const article = (name: string) => page.getByRole('article', { name });
    await expect(article('Update w0')).toBeAttached();
    await scrollIntoTimeline(page, 2000);

    items = [update('w1', 1, 'weather'), ...items];
    await page.clock.runFor(ONE_POLL);
    await page.getByRole('button', { name: '1 new update' }).click();
    // In view, and the focus on it: the reader reads it next, not the top of Markets.
    await expect(article('Update w1')).toBeInViewport();
    await expect(article('Update w1')).toBeFocused();
    // Seen: the tab's title no longer counts it.
    await expect(page).toHaveTitle('Focus desk: live');
  });
}

for (const where of ['standalone page', '<live-blog> embed']) {
  test(`${where} on a phone: an edit that moves an update into the group above the reader moves nothing they read`, async ({
    page,
    server,
    host,
  }) => {
    await page.setViewportSize({ width: 375, height: 700 });
    await page.clock.install({ time: NOW });
    const body = { content_html: `<p>${'Market news. '.repeat(30)}</p>` };
    const markets = Array.from({ length: 6 }, (_, i) => update(`m${i}`, 20 + i, 'markets', body));
    // Weather's update is the newest: moved to Markets, it goes to the top, above the reader.
    const moved = update('w', 10, 'weather', body);
    let items: unknown[] = [moved, ...markets];
    await serveFeed(page, () => items);
    await open(page, where, server.url, host);
    const read = page.getByRole('article', { name: 'Update m4' });
    await expect(read).toBeAttached();
    await read.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 200));
    const y = (await read.boundingBox())!.y;
    expect(y).toBeGreaterThan(0);

    items = [update('w', 10, 'markets', { ...body, date_modified: at(1) }), ...markets];
    await page.clock.runFor(ONE_POLL);
    await expect(page.getByRole('heading', { name: /^Weather/ })).toHaveCount(0);
    // Mounted anew above the reader, it was laid out at the placeholder height of an update not
    // yet seen: the browser's scroll anchoring then kept the wrong place.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    expect((await read.boundingBox())!.y).toBeCloseTo(y, 0);
  });
}
