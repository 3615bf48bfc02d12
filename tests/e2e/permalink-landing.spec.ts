// Jumps to an update deep in a realistic blog (permalinks, key events): the update lands at the
// top and stays there while the updates around it are laid out for the first time (their
// `content-visibility` placeholders take their real heights), until the reader scrolls; its
// highlight moves with each jump and fades. See src/sharing/keep-in-place.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';
import { writeRealisticFeed } from './realistic-feed.mjs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-landing-'));
const feed = writeRealisticFeed(dir, { items: 300 });
// Same updates, bodies of a few lines: shorter than their placeholders, so a jump overshoots.
writeRealisticFeed(dir, { items: 300, bodies: 'short', name: 'short.json' });
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.use({ serverOptions: { mode: 'static', staticDir: dir } });

const FEED = 'fixtures/realistic.json';
const FEEDS = { 'long bodies': FEED, 'short bodies': 'fixtures/short.json' };
const HEIGHT = 800;
/** Matches HIGHLIGHT_MS in src/capabilities/sharing/keep-in-place.ts. */
const HIGHLIGHT_MS = 4_000;
const live = feed.items.filter((i) => !i._liveblog?.deleted);
/** 200 updates below the newest: far down in either view (expectLanded checks how far). */
const deep = live[200]!;
/** Key events far down the blog, oldest last (the pinned update is a key event too: left out). */
const keyEvents = live.filter((i) => i._liveblog?.key_event && !i._liveblog.pinned);
const deepKeyEvents = keyEvents.slice(-3);

const updateIn = (scope: Page | Locator, id: string) => scope.locator(`[id="update-${id}"]`);
const targets = (page: Page) => page.locator('.lb-update--target');
const keyEventsNav = (page: Page) => page.getByRole('navigation', { name: 'Key events' });

/** Opens the key events rail (folded on phones). */
async function openRail(page: Page) {
  const nav = keyEventsNav(page);
  await expect(nav).toBeVisible();
  const details = nav.locator('details');
  if ((await details.getAttribute('open')) === null) await nav.locator('summary').click();
  await expect(nav.getByRole('link')).toHaveCount(keyEvents.length + 1);
}

const keyEventLink = (page: Page, id: string) =>
  keyEventsNav(page).locator(`a[href$="#update-${encodeURIComponent(id)}"]`);

/**
 * Where the update's top is once the layout has settled: after the fonts, the first frame in a
 * run of 20 in which it did not move (at most 300 frames). Also its scroll-margin-top (where
 * scrollIntoView puts it) and how far the page is scrolled.
 */
async function settledTop(target: Locator) {
  return target.evaluate(async (el) => {
    await document.fonts.ready;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let top = el.getBoundingClientRect().top;
    for (let i = 0, still = 0; i < 300 && still < 20; i++) {
      await frame();
      const now = el.getBoundingClientRect().top;
      still = Math.abs(now - top) < 0.5 ? still + 1 : 0;
      top = now;
    }
    return {
      top,
      margin: parseFloat(getComputedStyle(el).scrollMarginTop) || 0,
      scrolled: document.scrollingElement!.scrollTop,
    };
  });
}

/** The update sits at the top (its scroll margin below it) after the layout settled, focused. */
async function expectLanded(target: Locator) {
  await expect(target).toBeFocused();
  const { top, margin, scrolled } = await settledTop(target);
  expect(scrolled, 'the update is far enough down for the test to mean something').toBeGreaterThan(
    5 * HEIGHT,
  );
  expect(margin, 'updates keep a scroll margin').toBeGreaterThan(0);
  expect(Math.abs(top - margin), `top ${top} px, expected ${margin}`).toBeLessThanOrEqual(2);
  // Still there once the page has let go: the updates it laid out for the landing are given
  // back to the stylesheet's content-visibility (their heights are remembered).
  await expect(target.page().locator('.lb-update[style*="content-visibility"]')).toHaveCount(0);
  const after = await settledTop(target);
  expect(Math.abs(after.top - margin), `top ${after.top} px after`).toBeLessThanOrEqual(2);
}

/**
 * Stops the page's clock before it loads: its timers (the hold's time limits, the highlight's
 * fade) run only when the test moves the clock on. Animation frames stop too.
 */
async function stopClock(page: Page) {
  const start = Date.parse('2024-05-08T12:00:00Z');
  await page.clock.install({ time: start });
  await page.clock.pauseAt(start + 1_000);
}

/** How far the update's top is from its scroll margin; read while the page's clock is fake. */
const offTop = (target: Locator) =>
  target.evaluate(
    (el) =>
      el.getBoundingClientRect().top - (parseFloat(getComputedStyle(el).scrollMarginTop) || 0),
  );

/** offTop once it has stopped changing (a scroll may be animated). */
async function stableOffTop(target: Locator): Promise<number> {
  let previous = NaN;
  await expect
    .poll(async () => {
      const now = await offTop(target);
      const still = Math.abs(now - previous) < 0.5;
      previous = now;
      return still;
    })
    .toBe(true);
  return previous;
}

/**
 * Makes the element before the update taller, as late content above it would (an image, a
 * font), and resolves after the page has rendered three times since (counted with
 * ResizeObservers: animation frames do not run while the clock is fake).
 */
async function growAbove(target: Locator, px: number) {
  await target.evaluate(async (el, px) => {
    (el.previousElementSibling as HTMLElement).style.paddingBottom = `${px}px`;
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve) => {
        const observer = new ResizeObserver(() => {
          observer.disconnect();
          resolve();
        });
        observer.observe(document.createElement('div'));
        observer.observe(document.documentElement);
      });
    }
  }, px);
}

for (const width of [375, 900, 1280]) {
  test.describe(`${width} px wide`, () => {
    test.use({ viewport: { width, height: HEIGHT } });

    for (const [bodies, url] of Object.entries(FEEDS)) {
      test(`a permalink deep in the blog lands on its update and keeps it there (${bodies})`, async ({
        page,
        server,
      }) => {
        await page.goto(`${server.url}?feed=${url}#update-${deep.id}`);
        const target = updateIn(page, deep.id);
        await expect(target).toHaveClass(/lb-update--target/);
        await expectLanded(target);
        await expect(targets(page)).toHaveCount(1);
      });
    }

    test('a key event deep in the blog lands on its update and keeps it there', async ({
      page,
      server,
    }) => {
      await page.goto(`${server.url}?feed=${FEED}`);
      await openRail(page);
      const id = deepKeyEvents[0]!.id;
      await keyEventLink(page, id).click();
      const target = updateIn(page, id);
      await expect(target).toHaveClass(/lb-update--target/);
      await expectLanded(target);
    });
  });
}

test.describe('until the reader scrolls', () => {
  test.use({ viewport: { width: 1280, height: HEIGHT } });

  // The clock stands still: the hold cannot time out by itself here, only the reader can end it.
  test('a late change above the update is made up for while the reader does nothing', async ({
    page,
    server,
  }) => {
    await stopClock(page);
    await page.goto(`${server.url}?feed=${FEED}#update-${deep.id}`);
    const target = updateIn(page, deep.id);
    await expect(target).toBeFocused();
    await expect.poll(async () => Math.abs(await offTop(target))).toBeLessThanOrEqual(2);
    await growAbove(target, 400);
    expect(Math.abs(await offTop(target))).toBeLessThanOrEqual(2);
  });

  for (const how of ['wheel', 'keyboard'] as const) {
    test(`a reader who scrolls (${how}) right after landing is not pulled back`, async ({
      page,
      server,
    }) => {
      await stopClock(page);
      await page.goto(`${server.url}?feed=${FEED}#update-${deep.id}`);
      const target = updateIn(page, deep.id);
      await expect(target).toBeFocused();
      if (how === 'wheel') {
        await page.mouse.move(640, 400);
        await page.mouse.wheel(0, 500);
      } else {
        await page.keyboard.press('PageDown');
      }
      const scrolled = await stableOffTop(target);
      expect(scrolled, 'the reader scrolled down').toBeLessThan(-300);
      // Something above grows: the update stays where the reader's scroll put it (scroll
      // anchoring), not back at the top.
      await growAbove(target, 400);
      expect(Math.abs((await offTop(target)) - scrolled)).toBeLessThanOrEqual(2);
    });
  }
});

test.describe('a scroll before the page has rendered the landing', () => {
  test.use({ viewport: { width: 1280, height: HEIGHT } });

  test('is kept, and nothing moves the update afterwards', async ({ page, server }) => {
    // In the same task as the landing, before the browser has laid out the updates around the
    // target: the page scrolls 500 px with no wheel, key or pointer event, as a scrollbar drag
    // does (headless Chromium's overlay scrollbars cannot be dragged).
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.lb-update--target')) return;
        observer.disconnect();
        window.scrollBy({ top: 500, behavior: 'instant' });
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
    });
    await stopClock(page);
    await page.goto(`${server.url}?feed=${FEED}#update-${deep.id}`);
    const target = updateIn(page, deep.id);
    await expect(target).toBeFocused();
    expect(Math.abs((await stableOffTop(target)) + 500)).toBeLessThanOrEqual(2);
    await growAbove(target, 400);
    expect(Math.abs((await offTop(target)) + 500)).toBeLessThanOrEqual(2);
  });
});

test('key events: one highlight at a time, each fades after a few seconds', async ({
  page,
  server,
}) => {
  await stopClock(page);
  await page.setViewportSize({ width: 1280, height: HEIGHT });
  await page.goto(`${server.url}?feed=${FEED}`);
  await openRail(page);
  for (const { id } of deepKeyEvents) {
    await keyEventLink(page, id).click();
    const target = updateIn(page, id);
    await expect(target).toBeFocused();
    await expect(targets(page)).toHaveCount(1);
    await expect(target).toHaveClass(/lb-update--target/);
    await expect(target).toHaveCSS('outline-style', 'solid');
    // Still marked after half the time…
    await page.clock.runFor(HIGHLIGHT_MS / 2);
    await expect(target).toHaveClass(/lb-update--target/);
  }
  // …and none once the last one's time is up.
  await page.clock.runFor(HIGHLIGHT_MS / 2 + 100);
  await expect(targets(page)).toHaveCount(0);
  for (const { id } of deepKeyEvents) {
    await expect(updateIn(page, id)).toHaveCSS('outline-style', 'none');
  }
  // A second jump to the same update marks it again, and fades again.
  const again = deepKeyEvents[0]!.id;
  await keyEventLink(page, again).click();
  await expect(updateIn(page, again)).toHaveClass(/lb-update--target/);
  await page.clock.runFor(HIGHLIGHT_MS + 100);
  await expect(targets(page)).toHaveCount(0);
});

test('in a <live-blog> embed far below the fold, a permalink lands on its update and keeps it there', async ({
  page,
  server,
  host,
}) => {
  const url = host.page(
    '/landing.html',
    hostDocument(
      `<h1>An article</h1>
       <p id="spacer">Long article text.</p>
       <live-blog feed="${server.url}${FEED}" poll="off"></live-blog>
       <style>#spacer { height: 3000px; }</style>`,
      `<script type="module" src="${server.url}embed.js"></script>`,
    ),
  );
  await page.setViewportSize({ width: 1000, height: HEIGHT });
  await page.goto(`${url}#update-${encodeURIComponent(deep.id)}`);
  const target = updateIn(page.locator('live-blog'), deep.id);
  await expect(target).toHaveClass(/lb-update--target/);
  await expectLanded(target);
});
