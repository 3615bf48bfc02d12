// The iframe embed: dist/embed.html in an <iframe data-live-blog> on a host page of another
// origin, sized by dist/embed-frame.js from the frame's postMessage reports.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';
import { writeRealisticFeed } from './realistic-feed.mjs';

/** The demo polls every 15 s (+10 % jitter at most): 17 s always reaches the next poll. */
const ONE_POLL = 17_000;

function iframePage(widgetUrl: string, query: string, attributes = '') {
  return hostDocument(
    `<h1>An article</h1>
     <p>First paragraph of the article.</p>
     <iframe data-live-blog title="Live updates" width="700" ${attributes}
       src="${widgetUrl}embed.html?${query}"></iframe>
     <p id="after">The article goes on after the live blog.</p>`,
    `<script type="module" src="${widgetUrl}embed-frame.js"></script>`,
  );
}

/** The iframe's height on the host page, and the height of the content inside it. */
async function heights(page: Page) {
  const outer = await page.locator('iframe').evaluate((el) => el.clientHeight);
  const frame = page.frames().find((f) => f.url().includes('embed.html'))!;
  const inner = await frame.evaluate(() => ({
    content: document.getElementById('root')!.getBoundingClientRect().height,
    scrollable: document.documentElement.scrollHeight - document.documentElement.clientHeight,
  }));
  return { outer, ...inner };
}

async function expectSizedToContent(page: Page) {
  await expect
    .poll(async () => {
      const h = await heights(page);
      return Math.abs(h.outer - Math.ceil(h.content)) <= 1 && h.scrollable <= 0;
    })
    .toBe(true);
}

test('the iframe keeps the height of its content as updates arrive, with no inner scroll bar', async ({
  page,
  server,
  host,
  admin,
}) => {
  await page.clock.install();
  const url = host.page('/iframe.html', iframePage(server.url, 'feed=feeds/vilnius-2023.json'));
  await page.goto(url);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('article')).toHaveCount(3);
  await expectSizedToContent(page);
  const before = (await heights(page)).outer;
  expect(before).toBeGreaterThan(500);
  // The frame hides its scroll bar only because the host script sizes it.
  const overflow = await page
    .frames()
    .find((f) => f.url().includes('embed.html'))!
    .evaluate(() => getComputedStyle(document.documentElement).overflowY);
  expect(overflow).toBe('hidden');

  await admin.publish(2);
  await page.clock.fastForward(ONE_POLL);
  await expect(frame.getByRole('article')).toHaveCount(5);
  await expectSizedToContent(page);
  expect((await heights(page)).outer).toBeGreaterThan(before + 100);
  // The host's own text after the iframe moved down with it.
  const after = await page.locator('#after').boundingBox();
  const iframe = await page.locator('iframe').boundingBox();
  expect(after!.y).toBeGreaterThanOrEqual(iframe!.y + iframe!.height);
});

test('the host script ignores height messages that do not come from the iframe', async ({
  page,
  server,
  host,
}) => {
  const url = host.page(
    '/spoof.html',
    iframePage(server.url, 'feed=feeds/vilnius-2023.json&id=summit'),
  );
  await page.goto(url);
  await expect(page.frameLocator('iframe').getByRole('article')).toHaveCount(3);
  await expectSizedToContent(page);
  const sized = (await heights(page)).outer;

  // A script of the host page (or any other window) posts a forged height; a marker message
  // posted after it tells when it has been handled (messages arrive in order).
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        window.addEventListener('message', (event) => {
          if (event.data === 'marker') resolve();
        });
        window.postMessage({ type: 'live-blog:height', height: 12, id: 'summit' }, '*');
        window.postMessage('marker', '*');
      }),
  );
  expect((await heights(page)).outer).toBe(sized);
});

test('the frame reports its height only to the parent origin it was given', async ({
  page,
  server,
  host,
}) => {
  const messages: string[] = [];
  page.on('console', (m) => messages.push(m.text()));
  // The host names an origin that is not its own: the browser must not deliver the heights.
  const url = host.page(
    '/wrong-origin.html',
    iframePage(server.url, 'feed=feeds/vilnius-2023.json&parent-origin=https://elsewhere.example'),
  );
  await page.goto(url);
  await expect(page.frameLocator('iframe').getByRole('article')).toHaveCount(3);
  // Chromium reports each undelivered message in the console: wait for one.
  await expect
    .poll(() =>
      messages.some((m) => m.includes("target origin provided ('https://elsewhere.example')")),
    )
    .toBe(true);
  // The iframe keeps its default height (150 px): nothing reached the host.
  expect((await heights(page)).outer).toBe(150);
});

test('a sandboxed iframe without allow-same-origin is sized too', async ({
  page,
  server,
  host,
}) => {
  // Its document has an opaque origin: its messages come from 'null', not from its src.
  const sandbox = 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"';
  const url = host.page(
    '/sandboxed.html',
    iframePage(server.url, 'feed=feeds/vilnius-2023.json', sandbox),
  );
  await page.goto(url);
  await expect(page.frameLocator('iframe').getByRole('article')).toHaveCount(3);
  await expectSizedToContent(page);
});

test('a sandboxed iframe without allow-same-origin hears the host’s consent to embeds', async ({
  page,
  context,
  server,
  host,
}) => {
  // The players and posts stay offline: only whether the frame renders them counts.
  await context.route(/^https:/, (route) => route.abort());
  const sandbox = 'sandbox="allow-scripts allow-popups"';
  await page.goto(
    host.page(
      '/sandboxed-consent.html',
      iframePage(server.url, 'feed=fixtures/embeds.json&poll=off', sandbox),
    ),
  );
  const frame = page.frameLocator('iframe[data-live-blog]');
  await expect(frame.getByRole('button', { name: /^Load content from/ }).first()).toBeVisible();
  await expect(frame.locator('iframe')).toHaveCount(0);
  await page.evaluate(() =>
    document
      .querySelector('iframe[data-live-blog]')!
      .dispatchEvent(new CustomEvent('live-blog:consent', { detail: { providers: 'all' } })),
  );
  await expect(frame.locator('iframe')).toHaveCount(4);
});

test('embed.html without a feed says so', async ({ page, server }) => {
  await page.goto(`${server.url}embed.html?topic=ukraine`);
  await expect(page.getByRole('main')).toHaveText(
    'This live blog cannot be shown: the feed parameter is missing.',
  );
});

// Anyone can send a link to embed.html: its "See all updates" (target=_top) and permalinks must
// not lead readers from the newsroom's address to any site the link names.
for (const ssr of [true, false]) {
  test.describe(ssr ? 'rendered by the server' : 'rendered by the browser', () => {
    test.use({ serverOptions: { ssr } });

    test("embed.html links only to its own origin or its feeds' origins", async ({
      page,
      server,
    }) => {
      const open = (link: string) =>
        page.goto(
          `${server.url}embed.html?feed=feeds/vilnius-2023.json&limit=1&link=${encodeURIComponent(link)}`,
        );
      const seeAll = page.getByRole('link', { name: 'See all updates' });
      await open(`${server.url}world/live`);
      await expect(seeAll).toHaveAttribute('href', `${server.url}world/live`);

      await open('https://evil.example/login');
      await expect(page.getByRole('article').first()).toBeVisible();
      await expect(seeAll).toHaveCount(0);
      await expect(page.locator('a[href^="https://evil.example"]')).toHaveCount(0);
    });
  });
}

test('a key event past the limit opens the full blog at it, from inside the frame', async ({
  page,
  server,
  host,
}) => {
  const query = `feed=feeds/vilnius-2023.json&limit=1&link=${encodeURIComponent(server.url)}`;
  await page.goto(host.page('/limited.html', iframePage(server.url, query)));
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('article')).toHaveCount(1);
  const rail = frame.getByRole('navigation', { name: 'Key events' });
  // Folded in a frame this narrow.
  await rail.locator('summary').click();
  // The oldest key event: not among the one update the frame shows.
  const event = rail.getByRole('link').last();
  const headline = await event.locator('bdi').innerText();
  const permalink = await event.getAttribute('href');
  await expect(frame.getByRole('heading', { name: headline })).toHaveCount(0);
  await event.click();
  await expect(page).toHaveURL(permalink!);
  await expect(page.getByRole('heading', { name: headline })).toBeInViewport();
});

test('the iframe example page is sized to its content', async ({ page, server }) => {
  await page.goto(`${server.url}embed-iframe-example.html`);
  const iframe = page.locator('iframe[data-live-blog]');
  await iframe.scrollIntoViewIfNeeded();
  await expect(page.frameLocator('iframe').getByRole('article')).toHaveCount(3);
  await expectSizedToContent(page);
});

test('the page inside the iframe passes axe', async ({ page, server }) => {
  await page.goto(`${server.url}embed.html?feed=feeds/vilnius-2023.json&controls=compact`);
  await expect(page.getByRole('article')).toHaveCount(3);
  await expectNoAxeViolations(page);
});

test.describe('a blog longer than the first screen', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-iframe-'));
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeRealisticFeed(dir, { items: 200 });
  test.use({ serverOptions: { mode: 'static', staticDir: dir } });

  test('the iframe ends a screen at most below its last update, and grows as the reader scrolls', async ({
    page,
    server,
    host,
  }) => {
    await page.goto(
      host.page('/long.html', iframePage(server.url, 'feed=fixtures/realistic.json')),
    );
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('.lb-update').first()).toBeVisible();
    await expectSizedToContent(page);
    // Blank space below the last update: the reader scrolls through it to see more.
    const blank = () =>
      frame.locator('body').evaluate((body) => {
        const updates = body.querySelectorAll('.lb-update');
        return body.scrollHeight - updates[updates.length - 1]!.getBoundingClientRect().bottom;
      });
    const screen = page.viewportSize()!.height;
    expect(await blank()).toBeLessThan(screen);
    const rendered = await frame.locator('.lb-update').count();
    expect(rendered).toBeLessThan(200);
    await page.locator('#after').scrollIntoViewIfNeeded();
    await expect.poll(() => frame.locator('.lb-update').count()).toBeGreaterThan(rendered);
    await expectSizedToContent(page);
    expect(await blank()).toBeLessThan(screen);
  });
});

test('a host whose styles give the iframe a border and padding inside its height shows all of it', async ({
  page,
  server,
  host,
}) => {
  // The usual CSS reset, and a frame drawn as a box.
  const page1 = iframePage(server.url, 'feed=feeds/vilnius-2023.json&poll=off').replace(
    '</head>',
    `<style>
       *, *::before, *::after { box-sizing: border-box; }
       iframe[data-live-blog] { border: 4px solid #ccc; padding: 12px; }
     </style></head>`,
  );
  await page.goto(host.page('/iframe-border-box.html', page1));
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('article').first()).toBeVisible();
  // Nothing of the blog is left below the frame's view, where no scroll bar reaches.
  await expect.poll(async () => (await heights(page)).scrollable).toBeLessThanOrEqual(0);
  const lastBottom = await frame
    .getByRole('article')
    .last()
    .evaluate((el) => [el.getBoundingClientRect().bottom, window.innerHeight]);
  expect(lastBottom[0]).toBeLessThanOrEqual(lastBottom[1]!);
});
