// The script embed (<live-blog> from dist/embed.js) inside host pages that a newsroom might
// serve: on another origin than the widget and the feed, with hostile global CSS, a strict CSP,
// several widgets, and elements that come and go. Host pages are served by a second tiny server
// (tests/e2e/hosts/host-server.ts), so every test here crosses origins the way a real embed does.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { advanceClockUntil, expectNoAxeViolations } from './fixtures';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';

declare global {
  interface Window {
    /** Feed URLs the page fetched, in order (recorded by an init script). */
    __embedFetches?: string[];
  }
}

const demo = JSON.parse(readFileSync('public/feeds/vilnius-2023.json', 'utf8')) as {
  items: { id: string; title: string; _liveblog: { topics: string[] } }[];
};
const mars = JSON.parse(readFileSync('tests/fixtures/feeds/mars-landing.json', 'utf8')) as {
  items: { title: string }[];
};
const chinaItems = demo.items.filter((i) => i._liveblog.topics[0] === 'china');

const HEAD_PATH = '/feeds/vilnius-2023.json';
const MARS_PATH = '/fixtures/mars-landing.json';
/** The demo polls every 15 s (+10 % jitter at most): 17 s always reaches the next poll. */
const ONE_POLL = 17_000;

const widget = (page: Page, index = 0): Locator => page.locator('live-blog').nth(index);
const articlesIn = (scope: Locator) => scope.getByRole('article');
const embedScript = (widgetUrl: string) =>
  `<script type="module" src="${widgetUrl}embed.js"></script>`;

/** Computed style of the first element matching `selector` (Playwright's CSS pierces shadow roots). */
function styleOf(page: Page, selector: string, properties: string[]) {
  return page
    .locator(selector)
    .first()
    .evaluate((el, props) => {
      const style = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
    }, properties);
}

/** Records every feed fetch the page makes; the clock is fake so polls happen on demand. */
async function recordFeedFetches(page: Page) {
  await page.addInitScript(() => {
    window.__embedFetches = [];
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const href =
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (/\/(feeds|fixtures)\//.test(href)) window.__embedFetches!.push(new URL(href).pathname);
      return original(input, init);
    };
  });
  await page.clock.install();
}

const fetchesOf = (page: Page, path: string) =>
  page.evaluate((p) => window.__embedFetches!.filter((f) => f === p).length, path);

async function headRequests(admin: { requests(): Promise<{ path: string }[]> }, path: string) {
  return (await admin.requests()).filter((r) => new URL(r.path, 'http://x').pathname === path)
    .length;
}

test.describe('all updates published (static feed)', () => {
  test.use({ serverOptions: { mode: 'static' } });

  test('a host page with aggressive global CSS still shows a correctly styled widget, and keeps its own styles', async ({
    page,
    server,
    host,
  }) => {
    const aggressive = `<style>
      * { all: unset; }
      html { font-size: 40px !important; }
      body { display: block; font: 700 40px/3 "Comic Sans MS", cursive; letter-spacing: 4px;
             text-transform: uppercase; color: rgb(255, 0, 255); }
      article, header, section, p, h2, h3, div, button { display: none !important; }
      .lb-kicker, .lb-button, .lb-update { color: rgb(0, 255, 0) !important;
             background: rgb(255, 255, 0) !important; }
      .host-note { display: block; }
    </style>`;
    const url = host.page(
      '/aggressive.html',
      hostDocument(
        `<span class="host-note lb-kicker lb-button">Host text</span>
         <article class="host-article">Host article</article>
         <live-blog feed="${server.url}feeds/vilnius-2023.json" poll="off"></live-blog>`,
        aggressive + embedScript(server.url),
      ),
    );
    await page.goto(url);
    const blog = widget(page);
    await expect(articlesIn(blog)).toHaveCount(demo.items.length);
    await expect(articlesIn(blog).first()).toBeVisible();

    // Inside: the widget's own styles, untouched by the host's selectors and inherited values.
    expect(await styleOf(page, 'live-blog article', ['display'])).toEqual({ display: 'block' });
    const theme = await styleOf(page, 'live-blog .lb-theme', [
      'font-size',
      'letter-spacing',
      'text-transform',
      'color',
      'line-height',
      'font-weight',
    ]);
    expect(theme).toEqual({
      'font-size': '16px',
      'letter-spacing': 'normal',
      'text-transform': 'none',
      color: 'rgb(18, 18, 18)',
      'line-height': '24px',
      'font-weight': '400',
    });
    expect(
      (await styleOf(page, 'live-blog .lb-update__title', ['font-family']))['font-family'],
    ).toMatch(/^Georgia/);
    expect(await styleOf(page, 'live-blog .lb-kicker', ['color'])).toEqual({
      color: 'rgb(199, 0, 0)',
    });
    const box = await blog.boundingBox();
    expect(box!.height).toBeGreaterThan(400);

    // Outside: the host's elements keep the host's styles; the widget's CSS does not leak out.
    expect(
      await styleOf(page, '.host-note', [
        'color',
        'font-size',
        'text-transform',
        'background-color',
      ]),
    ).toEqual({
      color: 'rgb(0, 255, 0)',
      'font-size': '40px',
      'text-transform': 'uppercase',
      'background-color': 'rgb(255, 255, 0)',
    });
    await expect(page.locator('.host-article')).toBeHidden();
  });

  test('hosts theme the widget through --lb-* properties and ::part()', async ({
    page,
    server,
    host,
  }) => {
    const theming = `<style>
      live-blog { --lb-accent: rgb(0, 100, 0); --lb-font-body: "Courier New", monospace; }
      live-blog::part(update) { outline: 3px solid rgb(0, 0, 255); }
      live-blog::part(header) { border-bottom-color: rgb(255, 0, 0); }
    </style>`;
    const url = host.page(
      '/themed.html',
      hostDocument(
        `<live-blog feed="${server.url}feeds/vilnius-2023.json" poll="off"></live-blog>`,
        theming + embedScript(server.url),
      ),
    );
    await page.goto(url);
    await expect(articlesIn(widget(page))).toHaveCount(demo.items.length);
    expect(await styleOf(page, 'live-blog .lb-kicker', ['color'])).toEqual({
      color: 'rgb(0, 100, 0)',
    });
    expect(
      (await styleOf(page, 'live-blog .lb-update__title', ['font-family']))['font-family'],
    ).toMatch(/^"Courier New"/);
    expect(await styleOf(page, 'live-blog article', ['outline-color', 'outline-width'])).toEqual({
      'outline-color': 'rgb(0, 0, 255)',
      'outline-width': '3px',
    });
    expect(await styleOf(page, 'live-blog .lb-header', ['border-bottom-color'])).toEqual({
      'border-bottom-color': 'rgb(255, 0, 0)',
    });

    // The dark theme changes the palette, and the host's accent still wins over it.
    await widget(page).evaluate((el) => el.setAttribute('theme', 'dark'));
    await expect
      .poll(
        async () =>
          (await styleOf(page, 'live-blog .lb-theme', ['background-color']))['background-color'],
      )
      .toBe('rgb(18, 18, 18)');
    expect(await styleOf(page, 'live-blog .lb-kicker', ['color'])).toEqual({
      color: 'rgb(0, 100, 0)',
    });
  });

  test('in a layout that sizes it by its content (a flex row, a centred column) the widget is as wide as the room it has', async ({
    page,
    server,
    host,
  }) => {
    const feed = `${server.url}feeds/vilnius-2023.json`;
    const url = host.page(
      '/flex.html',
      hostDocument(
        `<div style="display: flex; gap: 16px">
           <live-blog feed="${feed}" poll="off" limit="2"></live-blog>
           <aside style="flex: 0 0 200px">Most read</aside>
         </div>
         <div style="display: flex; flex-direction: column; align-items: center">
           <live-blog feed="${feed}" poll="off" limit="2"></live-blog>
         </div>`,
        embedScript(server.url),
      ),
    );
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(url);
    for (const [index, room] of [
      [0, 1000 - 16 - 16 - 200],
      [1, 1000 - 16],
    ] as const) {
      const blog = widget(page, index);
      await blog.scrollIntoViewIfNeeded();
      await expect(articlesIn(blog)).toHaveCount(2);
      // Not shrunk to its (contained) content's width of nothing: text one letter per line.
      expect((await blog.boundingBox())!.width).toBeCloseTo(room, -1);
      const title = articlesIn(blog).first().locator('.lb-update__title');
      expect((await title.boundingBox())!.width).toBeGreaterThan(room / 2);
    }
  });

  test('the key events are open beside the timeline and folded above it, whatever the window', async ({
    page,
    server,
    host,
  }) => {
    const feed = `${server.url}feeds/vilnius-2023.json`;
    const url = host.page(
      '/columns.html',
      hostDocument(
        `<live-blog feed="${feed}" poll="off" limit="2"></live-blog>
         <div style="max-width: 670px"><live-blog feed="${feed}" poll="off" limit="2"></live-blog></div>`,
        embedScript(server.url),
      ),
    );
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(url);
    for (const [index, open] of [
      [0, true],
      [1, false],
    ] as const) {
      const blog = widget(page, index);
      await blog.scrollIntoViewIfNeeded();
      await expect(articlesIn(blog)).toHaveCount(2);
      const details = blog.getByRole('navigation', { name: 'Key events' }).locator('details');
      await expect(details).toHaveJSProperty('open', open);
    }
  });

  test('embed.js with a cache-busting query shows the widget, alone or beside the plain one', async ({
    page,
    server,
    host,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const feed = `${server.url}feeds/vilnius-2023.json`;
    for (const scripts of [
      [`${server.url}embed.js?v=2`],
      [`${server.url}embed.js?v=3`, `${server.url}embed.js`],
    ]) {
      const url = host.page(
        `/versioned-${scripts.length}.html`,
        hostDocument(
          `<live-blog feed="${feed}" poll="off"></live-blog>`,
          scripts.map((src) => `<script type="module" src="${src}"></script>`).join(''),
        ),
      );
      await page.goto(url);
      await expect(articlesIn(widget(page))).toHaveCount(demo.items.length);
    }
    expect(errors).toEqual([]);
  });

  test('changing an attribute re-renders the widget', async ({ page, server, host }) => {
    const url = host.page(
      '/attributes.html',
      hostDocument(
        `<live-blog feed="${server.url}feeds/vilnius-2023.json" poll="off"></live-blog>`,
        embedScript(server.url),
      ),
    );
    await page.goto(url);
    const blog = widget(page);
    await expect(articlesIn(blog)).toHaveCount(demo.items.length);

    await blog.evaluate((el) => el.setAttribute('topic', 'china'));
    await expect(articlesIn(blog)).toHaveCount(chinaItems.length);
    for (const item of chinaItems) {
      await expect(blog.getByRole('article', { name: item.title })).toBeVisible();
    }

    await blog.evaluate((el) => {
      el.removeAttribute('topic');
      el.setAttribute('limit', '2');
      el.setAttribute('link', 'https://news.example/live');
      el.setAttribute('controls', 'none');
    });
    await expect(articlesIn(blog)).toHaveCount(2);
    await expect(blog.getByRole('link', { name: 'See all updates' })).toHaveAttribute(
      'href',
      'https://news.example/live',
    );
    await expect(blog.getByRole('button', { name: /^Filters/ })).toHaveCount(0);
    await expect(blog.getByRole('group', { name: 'Show updates' })).toHaveCount(0);

    await blog.evaluate((el) => el.removeAttribute('controls'));
    await expect(blog.getByRole('group', { name: 'Show updates' })).toBeVisible();
  });

  test('a host that sets the feed as a property, before embed.js has run and after, gets that feed', async ({
    page,
    server,
    host,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Such as `<live-blog>: the feed attribute is required`, had the property gone unread.
    page.on('console', (message) => {
      if (message.text().startsWith('<live-blog>')) errors.push(message.text());
    });
    // As a framework's property binding does it: on the element it rendered, before the module
    // script (deferred) has defined <live-blog>.
    const url = host.page(
      '/properties.html',
      hostDocument(
        `<live-blog poll="off"></live-blog>
         <script>document.querySelector('live-blog').feed = ${JSON.stringify(`${server.url}feeds/vilnius-2023.json`)};</script>`,
        embedScript(server.url),
      ),
    );
    await page.goto(url);
    const blog = widget(page);
    await expect(articlesIn(blog)).toHaveCount(demo.items.length);
    await expect(blog).toHaveAttribute('feed', `${server.url}feeds/vilnius-2023.json`);

    await blog.evaluate((el, feed) => {
      (el as HTMLElement & { feed: string }).feed = feed;
    }, `${server.url}fixtures/mars-landing.json`);
    await expect(blog.getByRole('article', { name: mars.items[0]!.title })).toBeVisible();
    await expect(blog.getByRole('article', { name: demo.items[0]!.title })).toHaveCount(0);
    await expect(blog).toHaveAttribute('feed', `${server.url}fixtures/mars-landing.json`);
    expect(errors).toEqual([]);
  });

  test('the widget leaves the host page alone: no globals, title, history or scroll changes, and it loads only near the viewport', async ({
    page,
    server,
    host,
  }) => {
    await page.addInitScript(() => {
      // Taken before any script of the page runs.
      (window as unknown as { __before: string[] }).__before = Object.getOwnPropertyNames(window);
    });
    const url = host.page(
      '/far-below.html',
      hostDocument(
        `<h1>An article</h1>
         <p id="spacer">Long article text.</p>
         <live-blog feed="${server.url}feeds/vilnius-2023.json" poll="off"></live-blog>
         <p>After the live blog.</p>
         <style>#spacer { height: 4000px; }</style>`,
        embedScript(server.url),
      ),
    );
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(url);
    await page.evaluate(() => customElements.whenDefined('live-blog'));
    // Two frames later the element has had its chance to see whether it is near the viewport.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const title = await page.title();
    const historyLength = await page.evaluate(() => history.length);
    expect(await widget(page).evaluate((el) => el.shadowRoot?.childElementCount ?? 0)).toBe(0);
    const feedLoads = () =>
      page.evaluate(
        () =>
          // Feed documents only: the media of its updates live beside them in /feeds/media/.
          performance
            .getEntriesByType('resource')
            .filter((entry) => /\/feeds\/[^/]+\.json/.test(entry.name)).length,
      );
    expect(await feedLoads()).toBe(0);

    await page.mouse.wheel(0, 3600);
    const blog = widget(page);
    await expect(articlesIn(blog)).toHaveCount(demo.items.length);
    expect(await feedLoads()).toBe(1);
    await blog.getByRole('button', { name: 'Latest' }).scrollIntoViewIfNeeded();
    const scrollY = await page.evaluate(() => window.scrollY);

    // The reader uses the widget's controls: the page's URL, history and title stay as they were.
    await blog.getByRole('button', { name: 'Latest' }).click();
    await expect(blog.getByRole('button', { name: 'Latest' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(page.url()).toBe(url);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    expect(await page.title()).toBe(title);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);

    const added = await page.evaluate(() => {
      const before = new Set((window as unknown as { __before: string[] }).__before);
      return Object.getOwnPropertyNames(window).filter(
        (name) => !before.has(name) && name !== '__before',
      );
    });
    expect(added).toEqual([]);
    expect(await page.evaluate(() => typeof customElements.get('live-blog'))).toBe('function');
  });

  test('a permalink to the host page opens the update inside the widget, even far below the fold', async ({
    page,
    server,
    host,
  }) => {
    const china = chinaItems[0]!;
    const url = host.page(
      '/permalink.html',
      hostDocument(
        `<h1>An article</h1>
         <p id="spacer">Long article text.</p>
         <live-blog feed="${server.url}feeds/vilnius-2023.json" poll="off"></live-blog>
         <p id="after">More article text.</p>
         <style>#spacer, #after { height: 4000px; }</style>`,
        embedScript(server.url),
      ),
    );
    const permalink = `${url}#update-${encodeURIComponent(china.id)}`;
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(permalink);
    const target = widget(page).getByRole('article', { name: china.title });
    await expect(target).toBeInViewport();
    // "Copy link" hands out the same format: the host page's URL and the update's id.
    await expect(target.getByRole('link', { name: 'Copy link' })).toHaveAttribute(
      'href',
      permalink,
    );
  });
});

test.describe('live replay', () => {
  test('removing the element stops its polling', async ({ page, server, host, admin }) => {
    await recordFeedFetches(page);
    const url = host.page(
      '/remove.html',
      hostDocument(
        `<live-blog feed="${server.url}feeds/vilnius-2023.json"></live-blog>`,
        embedScript(server.url),
      ),
    );
    await page.goto(url);
    await expect(articlesIn(widget(page))).toHaveCount(3);

    // It polls while it is on the page…
    const polled = await headRequests(admin, HEAD_PATH);
    await page.clock.fastForward(ONE_POLL);
    await expect.poll(() => headRequests(admin, HEAD_PATH)).toBe(polled + 1);

    // …and not once more after the host removes it.
    await page.evaluate(() => document.querySelector('live-blog')!.remove());
    const fetched = await fetchesOf(page, HEAD_PATH);
    const served = await headRequests(admin, HEAD_PATH);
    for (let i = 0; i < 4; i++) await page.clock.fastForward(ONE_POLL);
    expect(await fetchesOf(page, HEAD_PATH)).toBe(fetched);
    expect(await headRequests(admin, HEAD_PATH)).toBe(served);
  });

  test('two widgets on one page: two feeds, and one feed twice with one request per poll', async ({
    page,
    server,
    host,
  }) => {
    await recordFeedFetches(page);
    const url = host.page(
      '/two.html',
      hostDocument(
        `<live-blog id="a" feed="${server.url}feeds/vilnius-2023.json"></live-blog>
         <live-blog id="b" feed="${server.url}fixtures/mars-landing.json" view="latest"></live-blog>
         <live-blog id="c" feed="${server.url}feeds/vilnius-2023.json" topic="biden-schedule" controls="none"></live-blog>`,
        embedScript(server.url),
      ),
    );
    await page.setViewportSize({ width: 1000, height: 3000 });
    await page.goto(url);
    const a = page.locator('#a');
    const b = page.locator('#b');
    const c = page.locator('#c');
    await expect(articlesIn(a)).toHaveCount(3);
    await expect(b.getByRole('article', { name: mars.items[0]!.title })).toBeVisible();
    await expect(articlesIn(c)).toHaveCount(2); // the two Biden's-schedule updates among the 3
    // Each widget keeps its own state: switching one to Latest leaves the other by topic.
    await a.getByRole('button', { name: 'Latest' }).click();
    await expect(a.getByRole('button', { name: 'Latest' })).toHaveAttribute('aria-pressed', 'true');
    await expect(b.getByRole('button', { name: 'Latest' })).toHaveAttribute('aria-pressed', 'true');
    await expect(c.getByRole('group', { name: 'Show updates' })).toHaveCount(0);

    const vilnius = await fetchesOf(page, HEAD_PATH);
    const marsBefore = await fetchesOf(page, MARS_PATH);
    expect(vilnius, 'the first load of a feed shown twice').toBe(1);
    await advanceClockUntil(
      page,
      ONE_POLL,
      async () => (await fetchesOf(page, HEAD_PATH)) > vilnius,
    );
    await expect.poll(() => fetchesOf(page, HEAD_PATH)).toBe(vilnius + 1);
    // Mars polls every 30 s: not yet.
    expect(await fetchesOf(page, MARS_PATH)).toBe(marsBefore);
    await advanceClockUntil(
      page,
      ONE_POLL,
      async () =>
        (await fetchesOf(page, MARS_PATH)) > marsBefore &&
        (await fetchesOf(page, HEAD_PATH)) > vilnius + 1,
    );
    await expect.poll(() => fetchesOf(page, MARS_PATH)).toBe(marsBefore + 1);
    await expect.poll(() => fetchesOf(page, HEAD_PATH)).toBe(vilnius + 2);
  });

  test('under a strict CSP (no unsafe-inline, no unsafe-eval) the embeds load with no violation', async ({
    page,
    server,
    host,
  }) => {
    const widgetOrigin = new URL(server.url).origin;
    const csp = [
      "default-src 'none'",
      `script-src ${widgetOrigin}`,
      "style-src 'self'",
      `connect-src ${widgetOrigin}`,
      `img-src ${widgetOrigin} data:`,
      // The demo feed's video and audio come from the widget's origin too.
      `media-src ${widgetOrigin}`,
      `frame-src ${widgetOrigin}`,
      "base-uri 'none'",
    ].join('; ');
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) {
        violations.push(message.text());
      }
    });
    await page.addInitScript(() => {
      document.addEventListener(
        'securitypolicyviolation',
        (event) => {
          (window as unknown as { __csp: string[] }).__csp ??= [];
          (window as unknown as { __csp: string[] }).__csp.push(
            `${event.violatedDirective} ${event.blockedURI}`,
          );
        },
        true,
      );
    });
    const url = host.page('/csp.html', {
      html: hostDocument(
        `<live-blog feed="${server.url}feeds/vilnius-2023.json"></live-blog>
         <iframe data-live-blog title="Live updates" width="600"
           src="${server.url}embed.html?feed=feeds/vilnius-2023.json"></iframe>`,
        `${embedScript(server.url)}<script type="module" src="${server.url}embed-frame.js"></script>`,
      ),
      headers: { 'Content-Security-Policy': csp },
    });
    const response = await page.goto(url);
    expect(response!.headers()['content-security-policy']).toBe(csp);
    await expect(articlesIn(widget(page))).toHaveCount(3);
    await expect(page.frameLocator('iframe').getByRole('article')).toHaveCount(3);
    // The widget's styles did apply (they would not if they were blocked).
    expect(await styleOf(page, 'live-blog .lb-kicker', ['color'])).toEqual({
      color: 'rgb(199, 0, 0)',
    });
    await expect
      .poll(() => page.locator('iframe').evaluate((el) => el.clientHeight))
      .toBeGreaterThan(300);
    expect(
      await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []),
    ).toEqual([]);
    expect(violations).toEqual([]);
  });

  test('the host page is on another origin than the feed: the feed loads through CORS', async ({
    page,
    server,
    host,
  }) => {
    const url = host.page(
      '/cors.html',
      hostDocument(
        `<live-blog feed="${server.url}feeds/vilnius-2023.json"></live-blog>`,
        embedScript(server.url),
      ),
    );
    const feedResponse = page.waitForResponse((r) => new URL(r.url()).pathname === HEAD_PATH);
    await page.goto(url);
    const response = await feedResponse;
    expect(new URL(page.url()).origin).not.toBe(new URL(response.url()).origin);
    expect(response.headers()['access-control-allow-origin']).toBe('*');
    expect(await response.request().headerValue('origin')).toBe(host.origin);
    // No cookies or other credentials go with the poll.
    expect(await response.request().headerValue('cookie')).toBeNull();
    await expect(articlesIn(widget(page))).toHaveCount(3);
  });
});

test('the example news page with the embedded live blog passes axe', async ({ page, server }) => {
  await page.goto(`${server.url}embed-example.html`);
  const blog = widget(page);
  await blog.scrollIntoViewIfNeeded();
  await expect(articlesIn(blog)).toHaveCount(3);
  await expectNoAxeViolations(page);
});
