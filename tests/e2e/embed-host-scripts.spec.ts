// <live-blog> on news pages full of other people's scripts: monitoring and consent managers that
// wrap fetch, polyfills that patch DOM methods. Each host script runs before embed.js, as the
// page's own classic scripts in its head do. Host pages are on another origin.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';
import { png } from './media-files';
import { advanceClockUntil } from './fixtures';

test.use({ serverOptions: { mode: 'static' } });

/** How long the widget waits for a feed request that brings nothing (fetch-feed-document.ts). */
const FEED_TIMEOUT_MS = 10_000;

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
  // The page's clock is fake (and runs as the real one does until moved): the test moves it past
  // the request's timeout rather than waiting that long.
  await page.clock.install();
  await page.goto(host.page('/held.html', article(server.url, holdFirst)));
  // Past the poll's timeout the reader is told, not left with a blank, and can ask again.
  const blog = page.locator('live-blog');
  const told = blog.getByText('The server is not answering').first();
  await advanceClockUntil(page, FEED_TIMEOUT_MS, () => told.isVisible());
  await expect(told).toBeVisible();
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

test('renders, filters and leaves the host’s patches alone among many patching scripts', async ({
  page,
  server,
  host,
}) => {
  const errors = pageErrors(page);
  // What monitoring agents, zone.js, old frameworks and lockdown scripts do to a page.
  const patchEverything = `
    const fetch0 = window.fetch;
    window.fetch = async function (input, init) { return fetch0.call(this, input, init); };
    const timeout0 = window.setTimeout;
    window.setTimeout = function (run, ms, ...args) {
      return timeout0.call(window, typeof run === 'function' ? () => run(...args) : run, ms);
    };
    const listen0 = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (...args) { return listen0.apply(this, args); };
    const NativePromise = Promise;
    function PromisePolyfill(run) { return new NativePromise(run); }
    PromisePolyfill.prototype = NativePromise.prototype;
    for (const name of ['resolve', 'reject', 'all', 'race']) {
      PromisePolyfill[name] = (value) => NativePromise[name](value);
    }
    window.Promise = PromisePolyfill;
    Array.prototype.each = function (run) { this.forEach(run); };
    Object.prototype.extend = function (more) { return Object.assign(this, more); };
    Array.from = function (item) {
      if (item == null) return [];
      return typeof item === 'object' && 'length' in item ? Array.prototype.slice.call(item) : [item];
    };
    window.define = function () {};
    window.define.amd = {};
    window.process = { env: { NODE_ENV: 'development' } };
    window.React = { version: '16.14.0' };
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
    for (const made of [Object, Array, Function, Error, Map, Set, String, RegExp]) {
      Object.freeze(made.prototype);
    }
    window.patched = [window.fetch, window.setTimeout, window.Promise, Array.from];`;
  await page.goto(host.page('/patched.html', article(server.url, patchEverything)));
  const blog = page.locator('live-blog');
  await expect(blog.getByRole('article')).toHaveCount(demo.items.length);
  const first = (await blog.getByRole('article').first().getByRole('heading').textContent())!;
  await blog.getByRole('searchbox', { name: 'Search updates' }).fill(first);
  await expect(blog.getByRole('article')).toHaveCount(1);
  await blog.evaluate((el) => el.remove());
  expect(
    await page.evaluate(() => {
      const kept = (window as unknown as { patched: unknown[] }).patched;
      const now: unknown[] = ['fetch', 'setTimeout', 'Promise'].map(
        (name) => (window as unknown as Record<string, unknown>)[name],
      );
      now.push(Reflect.get(Array, 'from'));
      return now.every((fn, i) => fn === kept[i]);
    }),
  ).toBe(true);
  expect(errors).toEqual([]);
});

/**
 * A host's keyboard handlers, as news sites write them: shortcuts that skip keys typed into a
 * field by the event's target, ASP.NET's default button on Enter, and listeners for Tab (focus
 * traps, keyboard users) and Escape (menus). What each saw is kept in `window.hostSaw`.
 */
const keyboardHost = (widgetUrl: string, feed: string) =>
  hostDocument(
    `<form id="page-form" action="/submitted.html">
       <input id="site-search" aria-label="Search the site">
       <live-blog feed="${widgetUrl}${feed}" poll="off"></live-blog>
     </form>`,
    `<script>{
      window.hostSaw = [];
      document.addEventListener('keydown', (e) => {
        if (['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName)) return;
        if (e.key === '/') {
          e.preventDefault();
          document.getElementById('site-search').focus();
        }
        hostSaw.push(e.key);
      });
      document.addEventListener('keypress', (e) => {
        if (e.key !== 'Enter' || ['A', 'BUTTON', 'TEXTAREA'].includes(e.target.tagName)) return;
        e.preventDefault();
        hostSaw.push('submit');
        document.getElementById('page-form').requestSubmit();
      });
    }</script>
    <script type="module" src="${widgetUrl}embed.js"></script>`,
  );

const hostSaw = (page: Page) =>
  page.evaluate(() => (window as unknown as { hostSaw: string[] }).hostSaw);

test('typing in the widget and pressing its buttons set off none of the host’s keyboard shortcuts', async ({
  page,
  server,
  host,
}) => {
  const errors = pageErrors(page);
  const url = host.page('/keys.html', keyboardHost(server.url, 'feeds/vilnius-2023.json'));
  host.page('/submitted.html', hostDocument('<p>The form was submitted.</p>'));
  await page.goto(url);
  const blog = page.locator('live-blog');
  await expect(blog.getByRole('article')).toHaveCount(demo.items.length);

  const search = blog.getByRole('searchbox', { name: 'Search updates' });
  await search.click();
  await page.keyboard.type('k/j');
  await expect(search).toHaveValue('k/j');
  await expect(search).toBeFocused();
  await page.keyboard.press('Enter');
  await blog.getByRole('button', { name: 'Latest' }).focus();
  await page.keyboard.press('Enter');
  await expect(blog.getByRole('button', { name: 'Latest' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(await hostSaw(page)).toEqual([]);
  expect(page.url()).toBe(url);

  // Tab and Escape still reach the page: its focus trap, its menus.
  await search.focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await hostSaw(page)).toEqual(['Escape', 'Tab']);
  expect(errors).toEqual([]);
});

test('the arrows and Escape of the gallery viewer move and close it, not the host’s slideshow or menu', async ({
  page,
  server,
  host,
}) => {
  await page.route('**/fixtures/gallery/**', (route) =>
    route.fulfill({ contentType: 'image/png', body: png(120, 80, [40, 90, 160]) }),
  );
  await page.goto(
    host.page('/keys-gallery.html', keyboardHost(server.url, 'fixtures/gallery.json')),
  );
  const blog = page.locator('live-blog');
  await blog.getByRole('button', { name: /^Open photo 1 of 3/ }).click();
  const viewer = blog.getByRole('dialog', { name: 'The parade of sail' });
  await expect(viewer.locator('figcaption')).toHaveText(/^Photo 1 of 3/);
  await page.keyboard.press('ArrowRight');
  await expect(viewer.locator('figcaption')).toHaveText(/^Photo 2 of 3/);
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  expect(await hostSaw(page)).toEqual([]);
});
