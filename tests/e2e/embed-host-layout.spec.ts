// What of a host page's layout reaches the widget: its root font size (`html { font-size: 62.5% }`,
// common on news sites) reaches inside a shadow root through rem, so the widget sizes its text
// and layout in its own ems; its sticky header covers the top of the viewport, which the host
// tells the widget's sticky parts with --lb-sticky-top.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';
import { countLayoutShifts } from './layout-shift';

test.use({ serverOptions: { mode: 'static' } });

async function sizes(page: Page) {
  const box = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => el.getBoundingClientRect());
  return {
    filters: (await box('live-blog .lb-filters')).width,
    rail: (await box('live-blog .lb-rail')).width,
    chart: (await box('live-blog .lb-chart__slot')).height,
  };
}

test("the side columns and the activity chart do not follow the host page's root font size", async ({
  page,
  server,
  host,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const measured = [];
  for (const root of ['100%', '62.5%']) {
    const url = host.page(
      `/root-${root}.html`,
      hostDocument(
        `<live-blog feed="${server.url}feeds/vilnius-2023.json" poll="off"></live-blog>`,
        `<style>html { font-size: ${root} }</style>
         <script type="module" src="${server.url}embed.js"></script>`,
      ),
    );
    await page.goto(url);
    await expect(page.locator('live-blog .lb-rail')).toBeVisible();
    await expect(page.locator('live-blog .lb-filters')).toBeVisible();
    await expect(page.locator('live-blog .lb-chart__slot').first()).toBeVisible();
    measured.push(await sizes(page));
  }
  const [reference, small] = measured;
  expect(small!.filters).toBeCloseTo(reference!.filters, 0);
  expect(small!.rail).toBeCloseTo(reference!.rail, 0);
  expect(small!.chart).toBeCloseTo(reference!.chart, 0);
});

test("with --lb-sticky-top, the widget's sticky parts stay below the host's sticky header", async ({
  page,
  server,
  host,
}) => {
  await page.setViewportSize({ width: 1400, height: 800 });
  const url = host.page(
    '/sticky-header.html',
    hostDocument(
      `<header class="site">Site header</header>
       <live-blog feed="${server.url}feeds/vilnius-2023.json" poll="off"></live-blog>
       <p style="height: 2000px">More of the article.</p>`,
      `<style>
         body { margin: 0; }
         .site { position: sticky; top: 0; z-index: 10; height: 80px; background: #036; }
         live-blog { --lb-sticky-top: 80px; }
       </style>
       <script type="module" src="${server.url}embed.js"></script>`,
    ),
  );
  await page.goto(url);
  const blog = page.locator('live-blog');
  await expect(blog.locator('.lb-rail')).toBeVisible();
  // Halfway down the widget: its titles, filters and rail have stuck.
  await blog.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().height / 2));
  const top = (selector: string) =>
    blog
      .locator(selector)
      .first()
      .evaluate((el) => el.getBoundingClientRect().top);
  await expect.poll(() => top('.lb-filters__panel')).toBeGreaterThanOrEqual(80);
  expect(await top('.lb-rail')).toBeGreaterThanOrEqual(80);
  const titles = await blog
    .locator('.lb-group__title')
    .evaluateAll((all) => all.map((t) => t.getBoundingClientRect().top));
  expect(titles.some((t) => Math.abs(t - 80) < 1)).toBe(true);
  // What the reader sees there is the widget's search field, not the header.
  const search = await blog.getByRole('searchbox').boundingBox();
  const hit = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.tagName,
    [search!.x + search!.width / 2, search!.y + search!.height / 2],
  );
  expect(hit).toBe('LIVE-BLOG');
});

test("with --lb-sticky-bottom, the notice and the filters stay above the host's bar at the screen's foot", async ({
  page,
  context,
  server,
  host,
}) => {
  await page.setViewportSize({ width: 1400, height: 700 });
  const url = host.page(
    '/bottom-bar.html',
    hostDocument(
      `<live-blog feed="${server.url}feeds/vilnius-2023.json"></live-blog>
       <p style="height: 2000px">More of the article.</p>
       <aside class="ad">An advertisement</aside>`,
      `<style>
         body { margin: 0; }
         .ad { position: fixed; bottom: 0; left: 0; right: 0; z-index: 10; height: 90px;
               background: #eee; }
         live-blog { --lb-sticky-bottom: 90px; }
       </style>
       <script type="module" src="${server.url}embed.js"></script>`,
    ),
  );
  await page.goto(url);
  const blog = page.locator('live-blog');
  await expect(blog.getByRole('article').first()).toBeVisible();
  // A third of the way down the widget: the filters have stuck, the notice is held at the foot.
  await blog.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().height / 3));
  await context.setOffline(true);
  const notice = blog.locator('[part~="notice"]');
  await expect(notice).toContainText('You are offline');
  const seen = async (locator: typeof notice) => {
    const box = (await locator.boundingBox())!;
    return page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.tagName,
      [box.x + box.width / 2, box.y + box.height - 2],
    );
  };
  expect(await seen(notice)).toBe('LIVE-BLOG');
  const panel = blog.locator('.lb-filters__panel');
  await expect
    .poll(() => panel.evaluate((el) => el.getBoundingClientRect().bottom))
    .toBeLessThanOrEqual(700 - 90);
  await context.setOffline(false);
});

test.describe('a feed without key events, in a column wide enough for the rail', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-rail-'));
  test.use({ serverOptions: { mode: 'static', staticDir: dir } });
  test.beforeAll(() => {
    // Updates over four hours, none a key event: the rail holds the activity chart alone.
    const now = Date.now();
    const items = Array.from({ length: 8 }, (_, i) => ({
      id: `u${i}`,
      title: `Update ${i}`,
      content_html: `<p>${'The committee heard the evidence again. '.repeat(12)}</p>`,
      date_published: new Date(now - (5 + i * 30) * 60_000).toISOString(),
    }));
    writeFileSync(
      path.join(dir, 'no-key-events.json'),
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Council meeting: live',
        _liveblog: { status: 'live' },
        items,
      }),
    );
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the chart comes with the updates: the timeline is not narrowed under the reader', async ({
    page,
    server,
    host,
  }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    const shifts = await countLayoutShifts(page);
    const url = host.page(
      '/no-key-events.html',
      hostDocument(
        `<live-blog feed="${server.url}fixtures/no-key-events.json" poll="off"></live-blog>`,
        `<script type="module" src="${server.url}embed.js"></script>`,
      ),
    );
    await page.goto(url);
    const blog = page.locator('live-blog');
    await expect(blog.locator('.lb-chart__slot').first()).toBeVisible();
    await expect(blog.getByRole('searchbox')).toBeVisible();
    await expect(blog.locator('article')).toHaveCount(8);
    expect(await shifts()).toBeLessThan(0.01);
  });
});

test('in a page that scrolls a box of its own, the widget is ready before the reader reaches it', async ({
  page,
  server,
  host,
}) => {
  // An app shell: the window never scrolls, the article scrolls in a box of its own.
  const url = host.page(
    '/app-shell.html',
    hostDocument(
      `<div id="shell">
         <h1>An article</h1>
         <p id="spacer">Long article text.</p>
         <live-blog feed="${server.url}feeds/vilnius-2023.json" poll="off"></live-blog>
       </div>`,
      `<style>
         html, body { height: 100%; margin: 0; overflow: hidden; }
         #shell { height: 100%; overflow: auto; }
         #spacer { height: 4000px; }
       </style>
       <script type="module" src="${server.url}embed.js"></script>`,
    ),
  );
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(url);
  await page.evaluate(() => customElements.whenDefined('live-blog'));
  const blog = page.locator('live-blog');
  await expect(blog).toBeAttached();
  // The reader scrolls the box until the widget is a short way below the screen's foot, as near
  // as a page that scrolls itself would have it start loading.
  const below = await page.locator('#shell').evaluate((shell) => {
    const widget = shell.querySelector('live-blog')!;
    shell.scrollTop += widget.getBoundingClientRect().top - window.innerHeight - 300;
    return widget.getBoundingClientRect().top - window.innerHeight;
  });
  expect(below).toBeGreaterThan(200);
  // Its updates come in while it is still out of sight: when the reader gets there, they are.
  await expect(blog.getByRole('article').first()).toBeAttached();
  expect(await blog.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThan(800);
});

test('in an app shell, a permalink scrolls the box that holds the widget, never the page around it', async ({
  page,
  server,
  host,
}) => {
  const demo = JSON.parse(readFileSync('public/feeds/vilnius-2023.json', 'utf8')) as {
    items: { id: string }[];
  };
  const target = demo.items.at(-1)!.id;
  // The site's header above a box that scrolls the article; the page itself never scrolls.
  const url = host.page(
    '/app-shell-header.html',
    hostDocument(
      `<header class="site">Site header</header>
       <main id="shell">
         <h1>An article</h1>
         <p id="spacer">Long article text.</p>
         <live-blog feed="${server.url}feeds/vilnius-2023.json" poll="off" view="latest"></live-blog>
       </main>`,
      `<style>
         html, body { height: 100%; margin: 0; overflow: hidden; }
         .site { height: 100px; background: #036; color: #fff; }
         #shell { height: calc(100% - 100px); overflow: auto; }
         #spacer { height: 1500px; }
       </style>
       <script type="module" src="${server.url}embed.js"></script>`,
    ),
  );
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto(`${url}#update-${encodeURIComponent(target)}`);
  const update = page.locator(`live-blog [id="update-${target}"]`);
  await expect(update).toBeFocused();
  await expect(update).toBeInViewport();
  // The update is at the top of the box, below the header, which the reader still has (a page
  // that hides its overflow could not be scrolled back to it).
  const box = (await update.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(100);
  expect(await page.locator('.site').evaluate((el) => el.getBoundingClientRect().top)).toBe(0);
  // Nor does the widget make the page taller than the window: no second scroll bar.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(700);
});
