// Embedded posts and players behind the privacy gate (tests/fixtures/feeds/embeds.json), in the
// standalone page, <live-blog> and the iframe embed. Every request the browser makes is
// intercepted: one to a third-party origin is recorded and answered with a local stand-in page,
// so nothing in these tests reaches the internet, and "no third-party request before the reader
// agrees" is checked against all of them.
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';

const FEED = '/fixtures/embeds.json';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const PRESS_TITLE = "YouTube video: Mayor's press conference, full recording";
const VIDEO_SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation';

test.use({ serverOptions: { mode: 'static' } });

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/**
 * Lets requests to `own` origins through and answers every other one locally, recording it.
 * Returns the list of third-party URLs requested so far (live).
 */
async function interceptThirdParties(context: BrowserContext, own: readonly string[]) {
  const requested: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (own.includes(url.origin)) {
      await route.continue();
      return;
    }
    requested.push(url.href);
    await route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><title>${url.hostname}</title><p>Stand-in for ${url.hostname}</p></html>`,
    });
  });
  return requested;
}

const article = (scope: Page | Locator, name: string) => scope.getByRole('article', { name });
const frames = (scope: Page | Locator) => scope.locator('iframe');

/** Every update rendered, the fallbacks in place: the state a reader sees before agreeing. */
async function expectGated(scope: Page | Locator) {
  const press = article(scope, 'The press conference on video');
  await expect(press.getByRole('blockquote')).toHaveText(
    "Mayor's press conference, full recording",
  );
  await expect(press.getByRole('figure')).toContainText('Harbour City Hall');
  await expect(press.getByRole('link', { name: 'View on YouTube' })).toHaveAttribute(
    'href',
    'https://www.youtube.com/watch?v=exampleVid1',
  );
  await expect(press.getByRole('figure')).toContainText(
    'Loading it connects to YouTube, which may set cookies and collect data about you.',
  );
  await expect(
    press.getByRole('button', { name: 'Load content from YouTube', exact: true }),
  ).toBeVisible();
  // The tweet pasted into a body is a gate in its place, between the paragraphs around it.
  const reactions = article(scope, 'Reactions pour in');
  await expect(reactions.locator('.lb-update__body > *')).toHaveCount(4);
  await expect(reactions.locator('.lb-update__body > :nth-child(2)')).toContainText(
    "We welcome today's agreement on the new quay.",
  );
  await expect(
    reactions.getByRole('button', { name: 'Load content from X', exact: true }),
  ).toBeVisible();
  await expect(
    reactions.getByRole('button', { name: 'Load content from Telegram', exact: true }),
  ).toBeVisible();
  // A link card for what cannot load: an unknown site and a Mastodon server.
  const reading = article(scope, 'Further reading');
  await expect(reading.getByRole('button')).toHaveCount(0);
  await expect(reading.getByRole('link', { name: 'View on blog.example' })).toBeVisible();
  await expect(reading.getByRole('link', { name: 'View on social.example' })).toBeVisible();
  await expect(reading).not.toContainText('never shown');
  await expect(frames(scope)).toHaveCount(0);
}

async function expectAxeEverywhere(page: Page, selector?: string) {
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, selector);
    }
  }
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('the standalone page', () => {
  test('asks before loading anything from a third party, and loads one embed on request', async ({
    page,
    context,
    server,
  }) => {
    const requested = await interceptThirdParties(context, [new URL(server.url).origin]);
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.setViewportSize(DESKTOP);
    const response = await page.goto(`${server.url}?feed=${FEED}&poll=off`);
    // The page's CSP frames exactly the embeds' origins.
    expect(response?.headers()['content-security-policy']).toContain(
      "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com",
    );
    await expectGated(page);
    // Scrolled to the end: every update and every card has been laid out, and nothing left.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expectAxeEverywhere(page);
    expect(requested).toEqual([]);

    const press = article(page, 'The press conference on video');
    await press.getByRole('button', { name: 'Load content from YouTube', exact: true }).click();
    const frame = press.locator('iframe');
    await expect(frame).toHaveAttribute(
      'src',
      'https://www.youtube-nocookie.com/embed/exampleVid1',
    );
    await expect(frame).toHaveAttribute('title', PRESS_TITLE);
    await expect(frame).toHaveAttribute('sandbox', VIDEO_SANDBOX);
    await expect(frame).toHaveAttribute('allow', 'fullscreen; picture-in-picture; encrypted-media');
    await expect(frame).toHaveAttribute('loading', 'lazy');
    await expect(frame).toHaveAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    await expect(frame).toBeFocused();
    // The stand-in answered for YouTube; the embed is 16:9 and the box was that size at once.
    await expect(
      page.frameLocator('iframe').getByText('Stand-in for www.youtube-nocookie.com'),
    ).toBeVisible();
    const box = await frame.boundingBox();
    expect(Math.abs(box!.width / box!.height - 16 / 9)).toBeLessThan(0.02);
    expect(requested).toEqual(['https://www.youtube-nocookie.com/embed/exampleVid1']);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    // One embed, once: the other YouTube video still asks, and nothing is remembered.
    await expect(frames(page)).toHaveCount(1);
    await expect(
      article(page, 'The quay from above').getByRole('button', {
        name: 'Load content from YouTube',
        exact: true,
      }),
    ).toBeVisible();
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await expectAxeEverywhere(page);
  });

  test('"Always load" is remembered across a reload, and withdrawn from the embed', async ({
    page,
    context,
    server,
  }) => {
    const requested = await interceptThirdParties(context, [new URL(server.url).origin]);
    await page.goto(`${server.url}?feed=${FEED}&poll=off`);
    await article(page, 'The quay from above')
      .getByRole('button', { name: 'Always load content from YouTube' })
      .click();
    // Both YouTube embeds load; X and Telegram still ask.
    await expect(frames(page)).toHaveCount(2);
    await expect(article(page, 'The quay from above').locator('iframe')).toHaveAttribute(
      'src',
      'https://www.youtube-nocookie.com/embed/exampleVid2',
    );
    await expect(article(page, 'The quay from above').locator('iframe')).toHaveAttribute(
      'title',
      'YouTube video: Drone flight over the new quay',
    );
    await expect(
      page.getByRole('button', { name: 'Load content from X', exact: true }),
    ).toBeVisible();

    await page.reload();
    await expect(frames(page)).toHaveCount(2);
    await expect(page.getByRole('button', { name: /YouTube$/ })).toHaveCount(0);
    await expect
      .poll(() => requested.filter((u) => !u.startsWith('https://www.youtube-nocookie.com/')))
      .toEqual([]);
    await expectAxeEverywhere(page);

    const stop = article(page, 'The press conference on video').getByRole('button', {
      name: 'Stop loading YouTube content automatically',
    });
    // The players are frames of other processes: right after the scroll a click makes, Chromium
    // may still route input by where they were before it. A reader's hand is slower than that.
    await stop.scrollIntoViewIfNeeded();
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    await stop.click();
    await expect(frames(page)).toHaveCount(0);
    await expect(
      article(page, 'The press conference on video').getByRole('button', {
        name: 'Load content from YouTube',
        exact: true,
      }),
    ).toBeFocused();
    requested.length = 0;
    await page.reload();
    await expectGated(page);
    expect(requested).toEqual([]);
  });
});

test.describe('<live-blog> on a host page', () => {
  const widgetPage = (serverUrl: string, attributes: string) =>
    hostDocument(
      `<main><h1>Harbour summit</h1><live-blog feed="${serverUrl}fixtures/embeds.json" poll="off" ${attributes}></live-blog></main>`,
      `<script type="module" src="${serverUrl}embed.js"></script>`,
    );

  test('embeds="off" leaves link cards only, even for a remembered provider', async ({
    page,
    context,
    server,
    host,
  }) => {
    const requested = await interceptThirdParties(context, [
      new URL(server.url).origin,
      host.origin,
    ]);
    await context.addInitScript(() =>
      localStorage.setItem('live-blog:embeds-always', JSON.stringify(['youtube'])),
    );
    await page.goto(host.page('/off.html', widgetPage(server.url, 'embeds="off"')));
    const blog = page.locator('live-blog');
    await expect(article(blog, 'Reactions pour in')).toBeVisible();
    await expect(blog.getByRole('button', { name: /^(Load|Always load)/ })).toHaveCount(0);
    await expect(
      article(blog, 'The press conference on video').getByRole('link', { name: 'View on YouTube' }),
    ).toBeVisible();
    await expect(frames(blog)).toHaveCount(0);
    await expectNoAxeViolations(page);
    expect(requested).toEqual([]);
  });

  test('the host agrees for the reader by attribute, then by event', async ({
    page,
    context,
    server,
    host,
  }) => {
    const requested = await interceptThirdParties(context, [
      new URL(server.url).origin,
      host.origin,
    ]);
    await page.goto(host.page('/consent.html', widgetPage(server.url, 'embeds-consent="youtube"')));
    const blog = page.locator('live-blog');
    await expect(frames(blog)).toHaveCount(2);
    await expect(article(blog, 'The press conference on video').locator('iframe')).toHaveAttribute(
      'src',
      'https://www.youtube-nocookie.com/embed/exampleVid1',
    );
    // Agreed by the host, so withdrawn there: no reader's "stop" button.
    await expect(blog.getByRole('button', { name: /^Stop loading/ })).toHaveCount(0);
    await expect(
      blog.getByRole('button', { name: 'Load content from X', exact: true }),
    ).toBeVisible();
    await expectAxeEverywhere(page);

    // The host's consent manager changes its mind: its last word counts.
    await page.evaluate(() =>
      document
        .querySelector('live-blog')!
        .dispatchEvent(
          new CustomEvent('live-blog:consent', { detail: { providers: ['x', 'telegram'] } }),
        ),
    );
    const reactions = article(blog, 'Reactions pour in');
    await expect(reactions.locator('iframe')).toHaveCount(2);
    await expect(reactions.locator('iframe').first()).toHaveAttribute(
      'src',
      'https://platform.twitter.com/embed/Tweet.html?id=1000000000000000001&dnt=true',
    );
    await expect(reactions.locator('iframe').first()).toHaveAttribute(
      'sandbox',
      'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox',
    );
    await expect(reactions.locator('iframe').last()).toHaveAttribute(
      'src',
      'https://t.me/example_channel/101?embed=1',
    );
    await expect(frames(blog)).toHaveCount(2);
    await expect(
      blog.getByRole('button', { name: 'Load content from YouTube', exact: true }),
    ).toHaveCount(2);
    await expect
      .poll(() => requested.map((u) => new URL(u).origin).sort())
      .toEqual(expect.arrayContaining(['https://platform.twitter.com', 'https://t.me']));
    expect(
      requested.every((u) =>
        /^https:\/\/(www\.youtube-nocookie\.com|platform\.twitter\.com|t\.me)\//.test(u),
      ),
    ).toBe(true);
    await expectAxeEverywhere(page);
  });
});

test('the iframe embed: the gate inside the frame, and the host’s consent through embed-frame.js', async ({
  page,
  context,
  server,
  host,
}) => {
  const requested = await interceptThirdParties(context, [new URL(server.url).origin, host.origin]);
  const src = `${server.url}embed.html?feed=${encodeURIComponent(FEED)}&poll=off&parent-origin=${encodeURIComponent(host.origin)}`;
  await page.goto(
    host.page(
      '/iframe.html',
      hostDocument(
        `<main><h1>Harbour summit</h1><iframe data-live-blog title="Live updates" style="width: 100%; border: 0" src="${src}"></iframe></main>`,
        `<script type="module" src="${server.url}embed-frame.js"></script>`,
      ),
    ),
  );
  const frame = page.frameLocator('iframe[data-live-blog]');
  await expectGated(frame.locator('body'));
  expect(requested).toEqual([]);

  await article(frame.locator('body'), 'The press conference on video')
    .getByRole('button', { name: 'Load content from YouTube', exact: true })
    .click();
  const press = article(frame.locator('body'), 'The press conference on video').locator('iframe');
  await expect(press).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/exampleVid1');
  await expect(press).toHaveAttribute('sandbox', VIDEO_SANDBOX);
  await expect(press).toHaveAttribute('title', PRESS_TITLE);

  await page.evaluate(() =>
    document
      .querySelector('iframe[data-live-blog]')!
      .dispatchEvent(new CustomEvent('live-blog:consent', { detail: { providers: 'all' } })),
  );
  await expect(frame.locator('iframe')).toHaveCount(4);
  await expect(
    article(frame.locator('body'), 'Reactions pour in').locator('iframe').first(),
  ).toHaveAttribute(
    'src',
    'https://platform.twitter.com/embed/Tweet.html?id=1000000000000000001&dnt=true',
  );
  await expectNoAxeViolations(page);
});

test.describe('code that only some feeds need', () => {
  const LAZY = /\/assets\/(?:embeds-chunk|UpdateMedia)-[\w-]+\.js$/;

  test('a feed without embeds or attachments never loads their code', async ({ page, server }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.url}?feed=/fixtures/plain-jsonfeed.json&poll=off`);
    await expect(page.getByRole('article')).toHaveCount(6);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => LAZY.test(s))).toEqual([]);
  });

  test('a feed with them shows each card and photo in the first frame of its update', async ({
    page,
    context,
    server,
  }) => {
    await interceptThirdParties(context, [new URL(server.url).origin]);
    // What each update held when it entered the document: a MutationObserver runs before the
    // browser paints, so this is what the reader's first frame of that update showed.
    await page.addInitScript(() => {
      const seen = new Map<string, string>();
      (window as unknown as { __firstFrames: Map<string, string> }).__firstFrames = seen;
      new MutationObserver(() => {
        for (const article of document.querySelectorAll('article[id]')) {
          if (seen.has(article.id)) continue;
          const cards = article.querySelectorAll('.lb-embed').length;
          const media = article.querySelectorAll('.lb-media img').length;
          seen.set(article.id, `${cards} cards, ${media} photos`);
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (LAZY.test(new URL(r.url()).pathname)) scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.url}?feed=${FEED}&poll=off`);
    await expectGated(page);
    const first = await page.evaluate(() =>
      Object.fromEntries(
        (window as unknown as { __firstFrames: Map<string, string> }).__firstFrames,
      ),
    );
    expect(first).toMatchObject({
      'update-press': '1 cards, 0 photos',
      'update-reactions': '2 cards, 0 photos',
      'update-drone': '1 cards, 0 photos',
    });
    expect(scripts.some((s) => s.includes('embeds-chunk'))).toBe(true);

    await page.goto(`${server.url}?feed=/fixtures/gallery.json&poll=off`);
    await expect(page.locator('.lb-media img').first()).toBeVisible();
    const photos = await page.evaluate(() => [
      ...(window as unknown as { __firstFrames: Map<string, string> }).__firstFrames.values(),
    ]);
    expect(photos.some((p) => !p.endsWith(' 0 photos'))).toBe(true);
    expect(photos.filter((p) => p.endsWith(' 0 photos'))).toHaveLength(
      await page.locator('article:not(:has(.lb-media img))').count(),
    );
  });

  test('if that code cannot load, posts and files are links, and every update shows', async ({
    page,
    context,
    server,
  }) => {
    const requested = await interceptThirdParties(context, [new URL(server.url).origin]);
    await page.route(LAZY, (route) => route.abort());
    await page.goto(`${server.url}?feed=${FEED}&poll=off`);
    await expect(page.getByRole('article')).toHaveCount(4);
    const press = article(page, 'The press conference on video');
    await expect(
      press.getByRole('link', { name: "Mayor's press conference, full recording" }),
    ).toHaveAttribute('href', 'https://www.youtube.com/watch?v=exampleVid1');
    await expect(page.getByRole('button', { name: /^Load content from/ })).toHaveCount(0);
    await expect(frames(page)).toHaveCount(0);
    expect(requested).toEqual([]);

    await page.goto(`${server.url}?feed=/fixtures/gallery.json&poll=off`);
    await expect(page.getByRole('article').first()).toBeVisible();
    await expect(page.locator('.lb-update__body ~ ul a[href]').first()).toBeVisible();
    await expect(page.locator('.lb-media')).toHaveCount(0);
  });
});

test('the host’s later word wins in the iframe: an empty consent withdraws the one in its URL', async ({
  page,
  context,
  server,
  host,
}) => {
  await interceptThirdParties(context, [new URL(server.url).origin, host.origin]);
  const src = `${server.url}embed.html?feed=${encodeURIComponent(FEED)}&poll=off&embeds-consent=all&parent-origin=${encodeURIComponent(host.origin)}`;
  await page.goto(
    host.page(
      '/iframe-consent.html',
      hostDocument(
        `<main><h1>Harbour summit</h1><iframe data-live-blog title="Live updates" style="width: 100%; border: 0" src="${src}"></iframe></main>`,
        `<script type="module" src="${server.url}embed-frame.js"></script>`,
      ),
    ),
  );
  const frame = page.frameLocator('iframe[data-live-blog]');
  await expect(frame.locator('iframe')).toHaveCount(4);
  await page.evaluate(() =>
    document
      .querySelector('iframe[data-live-blog]')!
      .dispatchEvent(new CustomEvent('live-blog:consent', { detail: { providers: [] } })),
  );
  await expect(frame.locator('iframe')).toHaveCount(0);
  await expectGated(frame.locator('body'));
});
