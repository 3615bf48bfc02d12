// Attachments in every way the widget is shown (tests/fixtures/feeds/gallery.json): a gallery
// whose viewer works by keyboard and swipe and gives focus back, a figure whose box is there
// before its file, and players that wait for the reader.
import type { FrameLocator, Locator, Page, Route } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';
import { png, wav } from './media-files';

const FEED = '/fixtures/gallery.json';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

test.use({ serverOptions: { mode: 'static' } });

// The fixture's files, each of the shape the feed declares (smaller, which changes nothing).
const FILES: Record<string, () => Buffer> = {
  'parade-1.png': () => png(120, 80, [40, 90, 160]),
  'parade-2.png': () => png(90, 60, [200, 120, 40]),
  'parade-3.png': () => png(80, 120, [60, 140, 80]),
  'map.png': () => png(160, 90, [230, 230, 210]),
  'poster.png': () => png(160, 90, [20, 20, 20]),
  'harbour-master.wav': () => wav(2),
};

async function serveMedia(route: Route) {
  const name = new URL(route.request().url()).pathname.split('/').pop()!;
  const make = FILES[name];
  if (!make) return route.fulfill({ status: 404, body: '' });
  const type = name.endsWith('.wav') ? 'audio/wav' : 'image/png';
  return route.fulfill({ status: 200, contentType: type, body: make() });
}

type Scope = Page | Locator | FrameLocator;

const parade = (scope: Scope) => scope.getByRole('article', { name: 'The parade of sail' });
const viewer = (scope: Scope) => scope.getByRole('dialog', { name: 'The parade of sail' });

/** Opens the parade's first photo, and waits for the viewer to show it. */
async function openFirstPhoto(scope: Scope) {
  await parade(scope)
    .getByRole('button', { name: /^Open photo 1 of 3/ })
    .click();
  const dialog = viewer(scope);
  await expect(dialog.locator('figcaption')).toHaveText(/^Photo 1 of 3/);
  return dialog;
}

/** The gallery, opened and walked through with the keyboard alone; the address never changes. */
async function galleryByKeyboard(page: Page, scope: Scope) {
  const address = page.url();
  const gallery = parade(scope).getByRole('list', { name: 'Gallery, 3 photos' });
  // The photo that is not an http(s) address and the one that is not a picture are left out.
  await expect(gallery.getByRole('button')).toHaveCount(3);
  const second = gallery.getByRole('button', {
    name: 'Open photo 2 of 3 Crowds on the quay wave flags',
  });
  await second.focus();
  await page.keyboard.press('Enter');

  const dialog = viewer(scope);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  const caption = dialog.locator('figcaption');
  await expect(caption).toHaveAttribute('aria-live', 'polite');
  await expect(caption).toHaveText('Photo 2 of 3 Crowds on the quay wave flags');
  // Read out with the dialog's name as it opens, not only at the first move.
  await expect(dialog).toHaveAccessibleDescription('Photo 2 of 3 Crowds on the quay wave flags');
  await expect(dialog.getByRole('img')).toHaveAccessibleName('Crowds on the quay wave flags');

  await page.keyboard.press('ArrowRight');
  await expect(caption).toHaveText(
    'Photo 3 of 3 Sailors on the rigging of the flagship Photo: Rita Lopes',
  );
  await expect(dialog.getByRole('img')).toHaveAttribute('src', /parade-3\.png$/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(caption).toHaveText(
    'Photo 1 of 3 The first ship rounds the breakwater Photo: Harbour Press',
  );
  expect(page.url()).toBe(address);

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // Back on the thumbnail that opened it, whichever photo the viewer showed last.
  await expect(second).toBeFocused();
  expect(page.url()).toBe(address);
}

test.beforeEach(async ({ page }) => {
  await page.route('**/fixtures/gallery/**', serveMedia);
});

test('the standalone page: the gallery viewer by keyboard, and by swipe', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}?feed=${FEED}`);
  await galleryByKeyboard(page, page);

  const dialog = await openFirstPhoto(page);
  const caption = dialog.locator('figcaption');
  const box = (await dialog.getByRole('img').boundingBox())!;
  const y = box.y + box.height / 2;
  // A swipe to the left brings the next photo; one to the right, the previous one.
  await page.mouse.move(box.x + box.width * 0.8, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.2, y, { steps: 5 });
  await page.mouse.up();
  await expect(caption).toHaveText(/^Photo 2 of 3/);
  await page.mouse.move(box.x + box.width * 0.2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, y, { steps: 5 });
  await page.mouse.up();
  await expect(caption).toHaveText(/^Photo 1 of 3/);
  // The buttons, and Close.
  await dialog.getByRole('button', { name: 'Previous photo' }).click();
  await expect(caption).toHaveText(/^Photo 3 of 3/);
  await dialog.getByRole('button', { name: 'Next photo' }).click();
  await expect(caption).toHaveText(/^Photo 1 of 3/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(parade(page).getByRole('button', { name: /^Open photo 1 of 3/ })).toBeFocused();
});

test('<live-blog> on a host page: the viewer works inside the shadow root', async ({
  page,
  server,
  host,
}) => {
  const feedUrl = new URL(FEED, server.url).href;
  await page.goto(
    host.page(
      '/gallery.html',
      hostDocument(
        `<main><h1>Harbour festival</h1><live-blog feed="${feedUrl}" poll="off"></live-blog></main>`,
        `<script type="module" src="${server.url}embed.js"></script>`,
      ),
    ),
  );
  const blog = page.locator('live-blog');
  await galleryByKeyboard(page, blog);
  // The dialog is the widget's own, inside its shadow root, with its styles.
  await parade(blog)
    .getByRole('button', { name: /^Open photo 2 of 3/ })
    .click();
  const inShadow = await blog.evaluate((el) => {
    const dialog = el.shadowRoot?.querySelector('dialog');
    return dialog ? getComputedStyle(dialog).borderTopStyle : 'no dialog in the shadow root';
  });
  expect(inShadow).toBe('solid');
  await expectNoAxeViolations(page);
});

test('<live-blog> in a page its text-size control zoomed: the viewer’s buttons stay on the screen', async ({
  page,
  server,
  host,
}) => {
  const SMALL = { width: 375, height: 667 };
  await page.setViewportSize(SMALL);
  const feedUrl = new URL(FEED, server.url).href;
  await page.goto(
    host.page(
      '/gallery-zoomed.html',
      hostDocument(
        `<main style="zoom: 1.25"><live-blog feed="${feedUrl}" poll="off"></live-blog></main>`,
        `<script type="module" src="${server.url}embed.js"></script>`,
      ),
    ),
  );
  const blog = page.locator('live-blog');
  const dialog = await openFirstPhoto(blog);
  for (const name of ['Previous photo', 'Next photo']) {
    await expect(dialog.getByRole('button', { name })).toBeInViewport({ ratio: 1 });
  }
  await expect(dialog.locator('figcaption')).toBeInViewport({ ratio: 1 });
});

test('<live-blog> on a host page whose root font size is 62.5 %: the viewer and its photo keep their size', async ({
  page,
  server,
  host,
}) => {
  await page.setViewportSize(DESKTOP);
  const feedUrl = new URL(FEED, server.url).href;
  const sizes = [];
  // Many news sites set the root to 10 px to write their own styles in rem: the widget's are its own.
  for (const root of ['100%', '62.5%']) {
    await page.goto(
      host.page(
        `/gallery-root-${root}.html`,
        hostDocument(
          `<main><live-blog feed="${feedUrl}" poll="off"></live-blog></main>`,
          `<style>html { font-size: ${root} }</style>
           <script type="module" src="${server.url}embed.js"></script>`,
        ),
      ),
    );
    const blog = page.locator('live-blog');
    const dialog = await openFirstPhoto(blog);
    const box = (await dialog.boundingBox())!;
    const photo = (await dialog.getByRole('img').boundingBox())!;
    sizes.push({ width: Math.round(box.width), photo: Math.round(photo.height) });
  }
  expect(sizes[1]).toEqual(sizes[0]);
});

test('embed.html: the viewer in the iframe page, and opened where the reader is in a sized iframe', async ({
  page,
  server,
  host,
}) => {
  await page.goto(`${server.url}embed.html?feed=${encodeURIComponent(FEED)}`);
  await galleryByKeyboard(page, page);

  // In an iframe sized to its content the frame is taller than the screen: the viewer opens
  // around the thumbnail, inside the host's viewport, not in the middle of the whole blog.
  await page.setViewportSize(PHONE);
  await page.goto(
    host.page(
      '/iframe-gallery.html',
      hostDocument(
        `<h1>An article</h1><iframe data-live-blog title="Live updates" style="width:100%"
          src="${server.url}embed.html?feed=${encodeURIComponent(FEED)}"></iframe>`,
        `<script type="module" src="${server.url}embed-frame.js"></script>`,
      ),
    ),
  );
  const frame = page.frameLocator('iframe');
  await expect
    .poll(() => page.locator('iframe').evaluate((el) => el.clientHeight))
    .toBeGreaterThan(PHONE.height * 1.5);
  const thumb = parade(frame).getByRole('button', { name: /^Open photo 3 of 3/ });
  await thumb.scrollIntoViewIfNeeded();
  await thumb.press('Enter');
  const dialog = viewer(frame);
  await expect(dialog).toBeVisible();
  const close = (await dialog.getByRole('button', { name: 'Close' }).boundingBox())!;
  const next = (await dialog.getByRole('button', { name: 'Next photo' }).boundingBox())!;
  for (const button of [close, next]) {
    expect(button.y).toBeGreaterThanOrEqual(0);
    expect(button.y + button.height).toBeLessThanOrEqual(PHONE.height);
  }
  await page.keyboard.press('Escape');
  await expect(thumb).toBeFocused();
});

test('twice the text size on a 320 px phone: the viewer’s buttons keep their words whole', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 320, height: 568 });
  await page.goto(`${server.url}?feed=${FEED}`);
  // As a reader's larger text setting does: the widget is sized in rem and em.
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  const dialog = await openFirstPhoto(page);
  for (const name of ['Close', 'Previous photo', 'Next photo']) {
    // No more lines than words: none is broken across lines.
    const lines = await dialog.getByRole('button', { name }).evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, name).toBeLessThanOrEqual(name.split(' ').length);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
});

test.describe('the feed’s words as the client reads them', () => {
  // The page renders the feed itself, so that the test can change what the feed says.
  test.use({ serverOptions: { mode: 'static', ssr: false } });

  test('a long caption neither moves the viewer’s buttons nor pushes them off a small phone', async ({
    page,
    server,
  }) => {
    const SMALL = { width: 375, height: 667 };
    await page.setViewportSize(SMALL);
    // A feed's caption and credit may be of any length: the second photo’s runs to a hundred words.
    const long = 'The crowd on the quay, seen from the harbour master’s tower at noon. '.repeat(8);
    await page.route(
      (url) => url.pathname === FEED,
      async (route) => {
        const response = await route.fetch();
        const feed = (await response.json()) as { items: { attachments: { title: string }[] }[] };
        feed.items[0]!.attachments[1]!.title = long;
        await route.fulfill({ response, json: feed });
      },
    );
    await page.goto(`${server.url}?feed=${FEED}`);
    await parade(page)
      .getByRole('button', { name: /^Open photo 1 of 3/ })
      .click();
    const dialog = viewer(page);
    const caption = dialog.locator('figcaption');
    const next = dialog.getByRole('button', { name: 'Next photo' });
    await expect(caption).toHaveText(/^Photo 1 of 3/);
    const where = async () => {
      const box = (await next.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(SMALL.height);
      return [Math.round(box.x), Math.round(box.y)];
    };
    const first = await where();
    await next.click();
    await expect(caption).toHaveText(/^Photo 2 of 3 The crowd on the quay/);
    expect(await where()).toEqual(first);
    // The whole caption can still be read, by keyboard too.
    await caption.focus();
    await expect(caption).toBeFocused();
    await page.keyboard.press('End');
    await expect.poll(() => caption.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await next.click();
    await expect(caption).toHaveText(/^Photo 3 of 3/);
    expect(await where()).toEqual(first);
    await expectNoAxeViolations(page);
  });
  test('a portrait video fits the screen, its controls in sight', async ({ page, server }) => {
    await page.setViewportSize(DESKTOP);
    await page.route(
      (url) => url.pathname === FEED,
      async (route) => {
        const response = await route.fetch();
        const feed = (await response.json()) as {
          items: { attachments?: { mime_type: string; _liveblog?: object }[] }[];
        };
        const video = feed.items[2]!.attachments!.find((a) => a.mime_type === 'video/mp4')!;
        video._liveblog = { width: 1080, height: 1920 };
        await route.fulfill({ response, json: feed });
      },
    );
    await page.goto(`${server.url}?feed=${FEED}`);
    const video = page.getByRole('article', { name: 'The flagship docks' }).locator('video');
    await expect(video).toHaveAttribute('height', '1920');
    const box = (await video.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(DESKTOP.height);
  });
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false, serverOptions: { mode: 'static', ssr: true } });

  test('the server-rendered gallery still shows its photos', async ({ page, server }) => {
    await page.goto(`${server.url}?feed=${FEED}`);
    const gallery = parade(page).getByRole('list', { name: 'Gallery, 3 photos' });
    const photos = gallery.getByRole('img');
    await expect(photos).toHaveCount(3);
    for (const photo of await photos.all()) await expect(photo).toBeVisible();
    await expect(gallery.getByRole('img', { name: 'Crowds on the quay wave flags' })).toBeVisible();
  });
});

test('video and audio are players that wait for the reader', async ({ page, server }) => {
  await page.addInitScript(() => {
    const played: string[] = [];
    (window as unknown as { played: string[] }).played = played;
    document.addEventListener('play', (e) => played.push((e.target as Element).tagName), true);
  });
  await page.goto(`${server.url}?feed=${FEED}`);
  const feedUrl = new URL(FEED, server.url).href;
  const arrival = page.getByRole('article', { name: 'The flagship docks' });

  const video = arrival.locator('video');
  await expect(video).toHaveAttribute('controls', '');
  await expect(video).toHaveAttribute('preload', 'metadata');
  await expect(video).toHaveAttribute('poster', new URL('gallery/poster.png', feedUrl).href);
  await expect(video).not.toHaveAttribute('autoplay');
  await expect(video.locator('source')).toHaveAttribute('type', 'video/mp4');
  await expect(video.locator('source')).toHaveAttribute(
    'src',
    new URL('gallery/docking.mp4', feedUrl).href,
  );
  await expect(arrival.getByRole('figure').first()).toContainText(
    'The flagship comes alongside Video: Harbour TV',
  );

  const audio = arrival.locator('audio');
  await expect(audio).toHaveAttribute('controls', '');
  await expect(audio).not.toHaveAttribute('autoplay');
  // The recording is a real file the browser could play: it has read its length, and waits.
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.duration)).toBe(2);
  for (const player of [video, audio]) {
    expect(
      await player.evaluate((el: HTMLMediaElement) => ({
        paused: el.paused,
        autoplay: el.autoplay,
        at: el.currentTime,
      })),
    ).toEqual({ paused: true, autoplay: false, at: 0 });
  }
  expect(await page.evaluate(() => (window as unknown as { played: string[] }).played)).toEqual([]);
});

/** Holds every gallery file until the returned function is called; `serve` answers each then. */
async function holdGalleryFiles(page: Page, serve: (route: Route) => Promise<void>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.unroute('**/fixtures/gallery/**');
  await page.route('**/fixtures/gallery/**', async (route) => {
    await released;
    await serve(route);
  });
  return release;
}

test('images have their final box before they load: nothing below them moves', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: DESKTOP.width, height: 2000 });
  // Every file waits until the page has been measured.
  const release = await holdGalleryFiles(page, serveMedia);
  // Not until "load": a server-rendered page's images are part of it, and they are held.
  await page.goto(`${server.url}?feed=${FEED}`, { waitUntil: 'domcontentloaded' });
  const map = page.getByRole('img', { name: /^Map of the harbour/ });
  await expect(map).toBeVisible();
  const images = page.locator('.lb-media img');
  await expect(images).toHaveCount(4);
  const loaded = () =>
    images.evaluateAll((list) =>
      list.every(
        (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      ),
    );
  expect(await loaded()).toBe(false);

  const boxes = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('article, .lb-media img, .lb-media video')].map((el) => {
        const r = el.getBoundingClientRect();
        return [Math.round(r.top), Math.round(r.height), Math.round(r.width)];
      }),
    );
  const before = await boxes();
  // The feed's 1600 × 900 is kept as a ratio: the figure is as wide as the column.
  const mapBox = (await map.boundingBox())!;
  expect(mapBox.width / mapBox.height).toBeCloseTo(1600 / 900, 1);

  release();
  await expect.poll(loaded).toBe(true);
  expect(await boxes()).toEqual(before);
});

test('a file of another shape than the feed declares keeps the declared box', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: DESKTOP.width, height: 2000 });
  // The feed says 1600 × 900; the file that comes is 3:2 (a crop or a resize by the newsroom's CDN).
  const release = await holdGalleryFiles(page, (route) =>
    route.request().url().endsWith('/map.png')
      ? route.fulfill({ status: 200, contentType: 'image/png', body: png(150, 100, [9, 9, 9]) })
      : serveMedia(route),
  );
  await page.goto(`${server.url}?feed=${FEED}`, { waitUntil: 'domcontentloaded' });
  const map = page.getByRole('img', { name: /^Map of the harbour/ });
  await expect(map).toBeVisible();
  const below = page.getByRole('article', { name: 'The flagship docks' });
  const boxes = async () => [(await map.boundingBox())!, (await below.boundingBox())!];
  const before = await boxes();
  expect(before[0]!.width / before[0]!.height).toBeCloseTo(1600 / 900, 1);

  release();
  await expect.poll(() => map.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(150);
  expect(await boxes()).toEqual(before);
});

for (const [size, viewport] of [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe: attachments and the open viewer, ${size}, ${colorScheme}`, async ({
      page,
      server,
    }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.goto(`${server.url}?feed=${FEED}`);
      await expect(page.locator('.lb-media img')).toHaveCount(4);
      await expectNoAxeViolations(page);
      await parade(page)
        .getByRole('button', { name: /^Open photo 3 of 3/ })
        .click();
      const dialog = viewer(page);
      await expect(dialog).toBeVisible();
      // The viewer wears the theme's colours (theme.css: --lb-bg, --lb-text).
      await expect(dialog).toHaveCSS(
        'background-color',
        colorScheme === 'dark' ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)',
      );
      await expect(dialog).toHaveCSS(
        'color',
        colorScheme === 'dark' ? 'rgb(237, 237, 237)' : 'rgb(18, 18, 18)',
      );
      // The whole dialog fits the screen, buttons included, in the middle.
      const box = (await dialog.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(Math.abs(box.x - (viewport.width - box.x - box.width))).toBeLessThanOrEqual(2);
      await expectNoAxeViolations(page);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    });
  }
}
