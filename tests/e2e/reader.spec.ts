import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page, Route } from '@playwright/test';
import { writeFeed } from '../../tooling/synthetic-feed.mjs';
import { expect, expectNoAxeViolations, test, scrollIntoTimeline, publishUntil } from './fixtures';

// The reader's experience (issue 7): the story at a glance, time, links, and everyone included.
// Expectations come from the demo feed as the replay server reads it.
interface SeedItem {
  id: string;
  title: string;
  date_published: string;
  _liveblog: { topics: string[]; speakers?: string[]; key_event?: boolean; pinned?: boolean };
}
const demo = JSON.parse(readFileSync('public/feeds/vilnius-2023.json', 'utf8')) as {
  title: string;
  items: SeedItem[];
};
const TOTAL = demo.items.length;
const byId = (id: string) => demo.items.find((i) => i.id === id)!;
const newestFirst = [...demo.items].sort(
  (a, b) => Date.parse(b.date_published) - Date.parse(a.date_published),
);
const keyEvents = newestFirst.filter((i) => i._liveblog.key_event);
const pinned = demo.items.find((i) => i._liveblog.pinned)!;
const g7 = demo.items.find((i) => i.id.endsWith('g7-security-pacts'))!;
const china = demo.items.find((i) => i.id.endsWith('china-hits-back'))!;
const EVENT_ZONE = 'Europe/Vilnius';

// Longer than the demo's 15 s poll plus its +10 % jitter: one fast-forward, one poll.
const ONE_POLL = '00:17';

const articles = (page: Page) => page.getByRole('main').getByRole('article');
const article = (page: Page, title: string) => page.getByRole('article', { name: title });
const keyEventsNav = (page: Page) => page.getByRole('navigation', { name: 'Key events' });
const chart = (page: Page) => page.getByRole('figure', { name: 'Updates per hour' });
const speaker = (page: Page, name: string) =>
  page
    .getByRole('group', { name: 'Speaker' })
    .getByRole('checkbox', { name: new RegExp(`^${escape(name)} \\(\\d+\\)$`) });

function clock(ms: number, timeZone: string | undefined = EVENT_ZONE) {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    ms,
  );
}

/** "12 Jul 2023, 09:35" in the event's zone. */
function dayAndClock(ms: number) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: EVENT_ZONE,
    year: 'numeric',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
}

/** Every bar's update count, read from the bars' accessible names ("…, 2 updates: …"). */
async function chartTotals(page: Page): Promise<number[]> {
  const names = await chart(page)
    .getByRole('button')
    .evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label') ?? ''));
  return names.map((n) => Number(/, (\d+) updates?\b/.exec(n)?.[1] ?? NaN));
}

/** What the reader sees as "highlighted": the target outline. */
async function expectHighlighted(target: Locator) {
  await expect(target).toHaveCSS('outline-style', 'solid');
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
}

/** Serves a JSON Feed document from the page's own origin at /custom/<name>. */
async function serveFeed(page: Page, name: string, doc: unknown) {
  await page.route(`**/custom/${name}`, (route) =>
    route.fulfill({ contentType: 'application/feed+json', body: JSON.stringify(doc) }),
  );
}

function customFeed(items: unknown[], extra: Record<string, unknown> = {}) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Test desk: live',
    language: 'en',
    _liveblog: {
      status: 'live',
      poll_seconds: 30,
      timezone: EVENT_ZONE,
      topics: [{ id: 'venue', label: 'Venue' }],
      ...extra,
    },
    items,
  };
}

test.describe('demo feed, everything published, source dates', () => {
  test.use({ serverOptions: { initialItems: 100, shiftDates: false } });

  test('key events rail: headline and time, a click scrolls to the update and highlights it', async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(TOTAL);

    // The demo's own dates, years ago: each names its day and year, as the updates' times do.
    const links = keyEventsNav(page).getByRole('link');
    await expect(links).toHaveText(
      keyEvents.map((i) => `${dayAndClock(Date.parse(i.date_published))} ${i.title}`),
    );

    // The G7 update starts below the fold; the rail brings it into view and marks it.
    const target = article(page, g7.title);
    await expect(target).not.toBeInViewport();
    await expect(target).toHaveCSS('outline-style', 'none');
    await links.filter({ hasText: g7.title }).click();
    await expect(target).toBeInViewport();
    await expectHighlighted(target);
  });

  test('key events rail on a phone: folded above the timeline, opens', async ({ page, server }) => {
    await page.setViewportSize({ width: 375, height: 700 });
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(TOTAL);

    const nav = keyEventsNav(page);
    const summary = nav.getByText(`Key events (${keyEvents.length})`);
    await expect(summary).toBeVisible();
    // Folded: the headlines are not shown (nor in the accessibility tree) until opened.
    await expect(nav.locator('a')).toHaveCount(keyEvents.length);
    await expect(nav.locator('a').first()).toBeHidden();
    await expect(nav.getByRole('link')).toHaveCount(0);
    const navBox = (await nav.boundingBox())!;
    const firstArticle = (await articles(page).first().boundingBox())!;
    expect(navBox.y + navBox.height).toBeLessThanOrEqual(firstArticle.y);

    await summary.click();
    await expect(nav.getByRole('link')).toHaveCount(keyEvents.length);
    for (const link of await nav.getByRole('link').all()) await expect(link).toBeVisible();
    await nav.getByRole('link').filter({ hasText: china.title }).click();
    await expect(article(page, china.title)).toBeInViewport();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  test('activity chart: one bar per busy hour, follows the filters, a bar opens its hour', async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(TOTAL);

    // Expected bars: updates per local hour in the event's zone.
    const perHour = new Map<string, number>();
    for (const item of demo.items) {
      const hour = clock(Date.parse(item.date_published)).slice(0, 2);
      perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
    }
    const bars = chart(page).getByRole('button');
    await expect(bars).toHaveCount(perHour.size);
    for (const [hour, n] of perHour) {
      const next = String(Number(hour) + 1).padStart(2, '0');
      await expect(
        chart(page).getByRole('button', {
          name: new RegExp(`^${hour}:00–${next}:00, ${n} updates?: \\S`),
        }),
      ).toHaveCount(1);
    }
    expect((await chartTotals(page)).reduce((a, b) => a + b, 0)).toBe(TOTAL);

    // Zelenskyy speaks in two updates, in two different hours.
    const zelenskyy = demo.items.filter((i) => i._liveblog.speakers?.includes('zelenskyy'));
    await speaker(page, 'Volodymyr Zelenskyy').check();
    await expect(articles(page)).toHaveCount(zelenskyy.length);
    await expect.poll(() => chartTotals(page)).toEqual([1, 1]);
    await speaker(page, 'Volodymyr Zelenskyy').uncheck();
    await expect.poll(async () => (await chartTotals(page)).length).toBe(perHour.size);

    // The 10:00 bar: its newest update, in the chronological view.
    const tenOClock = newestFirst.find((i) =>
      clock(Date.parse(i.date_published)).startsWith('10'),
    )!;
    await expect(article(page, tenOClock.title)).not.toBeInViewport();
    await chart(page)
      .getByRole('button', { name: /^10:00–11:00/ })
      .click();
    await expect(page.getByRole('button', { name: 'Latest' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(article(page, tenOClock.title)).toBeInViewport();
    expect(new URL(page.url()).searchParams.get('view')).toBe('latest');
  });

  test('times in the event zone by default; Latest view has day dividers', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(TOTAL);
    await expect(article(page, pinned.title)).toContainText('09:35');
    await expect(page.getByText('Times: event (EEST)')).toBeVisible();

    await page.getByRole('button', { name: 'Latest' }).click();
    // The demo's own dates, years ago: the divider names the year, as the updates' times do.
    await expect(
      page.getByRole('heading', { level: 2, name: /^Wednesday,? 12 July 2023$/ }),
    ).toBeVisible();
  });

  test.describe('a reader in New York', () => {
    test.use({ timezoneId: 'America/New_York' });

    test('"Show times in my time zone" switches to theirs, remembered after reload', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await expect(articles(page)).toHaveCount(TOTAL);
      const published = Date.parse(pinned.date_published);
      const toggle = page.getByRole('button', { name: 'Show times in my time zone' });
      // The event's time until asked, wherever the reader is.
      await expect(article(page, pinned.title)).toContainText(clock(published));
      await expect(toggle).toHaveAttribute('aria-pressed', 'false');

      await toggle.click();
      const theirs = clock(published, 'America/New_York');
      expect(theirs).not.toBe(clock(published));
      await expect(article(page, pinned.title)).toContainText(theirs);
      await expect(page.getByText('Times: yours')).toBeVisible();
      await expect(
        keyEventsNav(page).getByRole('link').filter({ hasText: pinned.title }),
      ).toContainText(theirs);

      await page.reload();
      await expect(articles(page)).toHaveCount(TOTAL);
      await expect(article(page, pinned.title)).toContainText(theirs);
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    });

    test('the choice made in one tab shows in the others at once', async ({ page, server }) => {
      const other = await page.context().newPage();
      for (const tab of [page, other]) {
        await tab.goto(server.url);
        await expect(articles(tab)).toHaveCount(TOTAL);
      }
      const published = Date.parse(pinned.date_published);
      await page.getByRole('button', { name: 'Show times in my time zone' }).click();
      await expect(article(other, pinned.title)).toContainText(
        clock(published, 'America/New_York'),
      );
      await expect(other.getByText('Times: yours')).toBeVisible();

      await other.getByRole('button', { name: 'Show times in my time zone' }).click();
      await expect(article(page, pinned.title)).toContainText(clock(published));
      await expect(
        page.getByRole('button', { name: 'Show times in my time zone' }),
      ).toHaveAttribute('aria-pressed', 'false');
    });
  });

  test('permalinks: "Copy link" copies #update-<id>; opening one scrolls to it and highlights it', async ({
    page,
    server,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(TOTAL);
    await expect(articles(page).getByRole('link', { name: 'Copy link' })).toHaveCount(TOTAL);

    const copy = article(page, g7.title).getByRole('link', { name: 'Copy link' });
    await copy.click();
    await expect(article(page, g7.title).getByRole('link', { name: 'Link copied' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${server.url}#update-${g7.id}`);

    const fresh = await context.newPage();
    await fresh.setViewportSize({ width: 1280, height: 600 });
    await fresh.goto(copied);
    await expect(article(fresh, g7.title)).toBeInViewport();
    await expectHighlighted(article(fresh, g7.title));
    expect(await fresh.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await fresh.close();
  });

  test('a permalink that the filters would hide clears them and says so', async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    // China's update has no Zelenskyy in it.
    expect(china._liveblog.speakers).not.toContain('zelenskyy');
    await page.goto(`${server.url}?speaker=zelenskyy#update-${china.id}`);
    await expect(page.getByText('Filters were cleared to show the linked update.')).toBeVisible();
    await expect(articles(page)).toHaveCount(TOTAL);
    await expect(article(page, china.title)).toBeInViewport();
    await expectHighlighted(article(page, china.title));
    await expect(speaker(page, 'Volodymyr Zelenskyy')).not.toBeChecked();
    expect(new URL(page.url()).searchParams.get('speaker')).toBeNull();
  });

  test('a key event the filters hide: the note is said by a live region there before it', async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto(`${server.url}?speaker=zelenskyy`);
    await expect(article(page, china.title)).toHaveCount(0);
    // Screen readers announce a change in a live region, not a live region added with its words:
    // those there before the jump are marked.
    await page
      .locator('[aria-live="polite"]')
      .evaluateAll((els) => els.forEach((el) => el.setAttribute('data-test-before', '')));
    await keyEventsNav(page)
      .getByRole('link', { name: new RegExp(china.title) })
      .click();
    await expect(article(page, china.title)).toBeInViewport();
    await expect(
      page.locator('[aria-live="polite"][data-test-before]', {
        hasText: 'Filters were cleared to show the linked update.',
      }),
    ).toHaveCount(1);
  });

  test('pinned first and marked; an edit shows "Updated HH:mm"; a retraction moves nothing', async ({
    page,
    server,
    admin,
  }) => {
    await page.clock.install();
    await page.setViewportSize({ width: 1280, height: 500 });
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(TOTAL);
    await expect(articles(page).first()).toHaveAccessibleName(pinned.title);
    await expect(articles(page).first()).toContainText('Pinned');

    const { editId, duplicateId } = (await admin.state()).replay as {
      editId: string;
      duplicateId: string;
    };
    const duplicated = byId(duplicateId.replace(/-dup$/, ''));
    await publishUntil(admin, 'edit');
    await page.clock.fastForward(ONE_POLL);
    await expect(article(page, duplicated.title)).toHaveCount(2);

    // The reader is reading the G7 update, with the duplicate above the top of the window.
    const reading = article(page, g7.title);
    const topOf = (l: Locator) => l.evaluate((el) => el.getBoundingClientRect().top);
    // Off-screen updates have estimated heights until rendered: settle the position in a few steps.
    for (let i = 0; i < 3; i++) {
      await reading.evaluate(async (el) => {
        window.scrollBy(0, el.getBoundingClientRect().top - 100);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      });
    }
    const duplicateEl = page.locator(`[id="update-${duplicateId}"]`);
    expect(await duplicateEl.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThan(0);
    const before = await topOf(reading);
    const scrollBefore = await page.evaluate(() => window.scrollY);
    expect(scrollBefore).toBeGreaterThan(0);

    await publishUntil(admin, null);
    await page.clock.fastForward(ONE_POLL);
    await expect(page.getByRole('status').first()).toHaveText(/^This live blog has ended/);
    await expect(article(page, duplicated.title)).toHaveCount(1);
    await expect(articles(page)).toHaveCount(TOTAL);
    // Scroll anchoring keeps the text the reader is on where it was.
    expect(Math.abs((await topOf(reading)) - before)).toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(scrollBefore);

    const head = (await (await fetch(`${server.url}feeds/vilnius-2023.json`)).json()) as {
      items: { id: string; date_modified?: string }[];
    };
    const modified = head.items.find((i) => i.id === editId)!.date_modified!;
    await expect(article(page, byId(editId).title)).toContainText(
      `Updated ${clock(Date.parse(modified))}`,
    );
  });
});

test.describe('images', () => {
  const SVG = (w: number, h: number) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="#888"/></svg>`;

  test('lazy, sized before they load, with alt text (empty for decoration)', async ({
    page,
    server,
  }) => {
    const now = Date.now();
    await serveFeed(
      page,
      'images.json',
      customFeed([
        {
          id: 'with-images',
          title: 'The venue from above',
          image: '/img/lead.svg',
          content_html:
            '<p>The press centre.</p><img src="/img/map.svg" alt="Map of the summit venue" width="800" height="600"><p>More.</p><img src="/img/rule.svg" width="600" height="20">',
          date_published: new Date(now - 10 * 60_000).toISOString(),
          _liveblog: { topics: ['venue'] },
        },
      ]),
    );
    // Images are held back until measured: their boxes must already be there.
    const held: Route[] = [];
    await page.route('**/img/*.svg', (route) => void held.push(route));
    await page.setViewportSize({ width: 800, height: 800 });
    await page.goto(`${server.url}?feed=custom/images.json`);
    const update = article(page, 'The venue from above');
    await expect(update).toBeVisible();

    const images = update.locator('img');
    await expect(images).toHaveCount(3);
    for (const img of await images.all()) await expect(img).toHaveAttribute('loading', 'lazy');
    await expect(update.getByRole('img', { name: 'Map of the summit venue' })).toHaveCount(1);
    // The lead image and the rule say nothing the text does not: empty alt, out of the a11y tree.
    await expect(update.locator('img[alt=""]')).toHaveCount(2);
    await expect(update.getByRole('img')).toHaveCount(1);

    const boxes = async () =>
      images.evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { w: Math.round(r.width), h: Math.round(r.height) };
        }),
      );
    const unloaded = await boxes();
    expect(
      await images.evaluateAll((els) => els.map((el) => (el as HTMLImageElement).complete)),
    ).toEqual([false, false, false]);
    for (const box of unloaded) {
      expect(box.w).toBeGreaterThan(0);
      expect(box.h).toBeGreaterThan(0);
    }
    // Lead image: 16:9; the map: 4:3 from its attributes.
    expect(Math.abs(unloaded[0]!.h - (unloaded[0]!.w * 9) / 16)).toBeLessThanOrEqual(1);
    expect(Math.abs(unloaded[1]!.h - (unloaded[1]!.w * 3) / 4)).toBeLessThanOrEqual(1);

    const sizes: Record<string, [number, number]> = {
      lead: [640, 360],
      map: [800, 600],
      rule: [600, 20],
    };
    await expect.poll(() => held.length).toBe(3);
    for (const route of held) {
      const name = /img\/(\w+)\.svg/.exec(route.request().url())![1]!;
      const [w, h] = sizes[name]!;
      await route.fulfill({ contentType: 'image/svg+xml', body: SVG(w, h) });
    }
    await expect
      .poll(() =>
        images.evaluateAll((els) =>
          els.every(
            (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
          ),
        ),
      )
      .toBe(true);
    // Nothing moved when they arrived.
    expect(await boxes()).toEqual(unloaded);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});

test.describe('relative times on a fake clock', () => {
  const NOW = Date.parse('2025-03-05T10:00:00Z');

  test('tick once a minute; a future time stamp reads "just now"', async ({ page, server }) => {
    await page.clock.install({ time: NOW });
    await serveFeed(
      page,
      'clock.json',
      customFeed([
        {
          id: 'ahead',
          title: 'Posted from a clock three minutes fast',
          content_html: '<p>Ahead.</p>',
          date_published: new Date(NOW + 3 * 60_000).toISOString(),
          _liveblog: { topics: ['venue'] },
        },
        {
          id: 'five-ago',
          title: 'Doors open',
          content_html: '<p>Doors.</p>',
          date_published: new Date(NOW - 5 * 60_000 - 10_000).toISOString(),
          _liveblog: { topics: ['venue'] },
        },
      ]),
    );
    await page.goto(`${server.url}?feed=custom/clock.json`);
    const doors = article(page, 'Doors open');
    const ahead = article(page, 'Posted from a clock three minutes fast');
    await expect(doors).toContainText('5 minutes ago');
    await expect(ahead).toContainText('just now');

    await page.clock.runFor(2 * 60_000);
    await expect(doors).toContainText('7 minutes ago');
    await expect(ahead).toContainText('just now');
    await expect(ahead).not.toContainText(/\bin \d/);
  });
});

test.describe('live replay (3 updates at start)', () => {
  test.beforeEach(async ({ page }) => {
    // Polls run on the page's clock; fast-forwarding it polls without waiting 15 s.
    await page.clock.install();
  });

  test('standalone page: unseen count in the title, LiveBlogPosting JSON-LD kept current', async ({
    page,
    server,
    admin,
  }) => {
    await page.setViewportSize({ width: 1280, height: 480 });
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(3);
    await expect(page).toHaveTitle(demo.title);

    const jsonLd = async () => {
      const text = await page.locator('script[type="application/ld+json"]').textContent();
      return JSON.parse(text ?? 'null') as {
        '@type': string;
        coverageStartTime?: string;
        coverageEndTime?: string;
        liveBlogUpdate: { headline: string; url: string }[];
      };
    };
    const headlines = async () =>
      (await articles(page).getByRole('heading', { level: 3 }).allTextContents()).sort();
    const ld = await jsonLd();
    expect(ld['@type']).toBe('LiveBlogPosting');
    expect(Date.parse(ld.coverageStartTime!)).not.toBeNaN();
    expect(ld.liveBlogUpdate.map((u) => u.headline).sort()).toEqual(await headlines());
    for (const u of ld.liveBlogUpdate) expect(u.url).toMatch(/#update-/);

    // At the top: an arrival is seen at once, and the JSON-LD has it.
    await admin.publish();
    await page.clock.fastForward(ONE_POLL);
    await expect(articles(page)).toHaveCount(4);
    await expect.poll(async () => (await jsonLd()).liveBlogUpdate.length).toBe(4);
    expect((await jsonLd()).liveBlogUpdate.map((u) => u.headline).sort()).toEqual(
      await headlines(),
    );
    await expect(page).toHaveTitle(demo.title);

    // Scrolled down: the next one counts as unseen in the tab's title.
    await scrollIntoTimeline(page);
    await admin.publish();
    await page.clock.fastForward(ONE_POLL);
    await expect(page).toHaveTitle(`(1) ${demo.title}`);

    await page.getByRole('button', { name: '1 new update' }).click();
    await expect(articles(page)).toHaveCount(5);
    await expect(page).toHaveTitle(demo.title);
    await expect.poll(async () => (await jsonLd()).liveBlogUpdate.length).toBe(5);

    // Coverage over: the end time is there too.
    await publishUntil(admin, null);
    await page.clock.fastForward(ONE_POLL);
    await expect(page.getByRole('status').first()).toHaveText(/^This live blog has ended/);
    await expect.poll(async () => (await jsonLd()).coverageEndTime ?? '').not.toBe('');
    expect((await jsonLd()).liveBlogUpdate.map((u) => u.headline).sort()).toEqual(
      await headlines(),
    );
  });

  test('reduced motion: highlighted and new updates do not animate', async ({
    page,
    server,
    admin,
  }) => {
    const animation = (l: Locator) => l.evaluate((el) => getComputedStyle(el).animationName);
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(3);
    // Control: with motion allowed a new update does flash.
    await admin.publish();
    await page.clock.fastForward(ONE_POLL);
    await expect(articles(page)).toHaveCount(4);
    const firstNew = page.locator('.lb-update--fresh').first();
    await expect(firstNew).toHaveCount(1);
    expect(await animation(firstNew)).not.toBe('none');

    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await animation(firstNew)).toBe('none');
    await admin.publish();
    await page.clock.fastForward(ONE_POLL);
    await expect(articles(page)).toHaveCount(5);
    for (const fresh of await page.locator('.lb-update--fresh').all())
      expect(await animation(fresh)).toBe('none');

    const keyLink = keyEventsNav(page).getByRole('link').first();
    await keyLink.click();
    const target = page.locator('.lb-update--target');
    await expect(target).toHaveCount(1);
    await expectHighlighted(target);
    expect(await animation(target)).toBe('none');
  });

  test('?locale=uk: Ukrainian interface and relative times', async ({ page, server }) => {
    await page.goto(`${server.url}?locale=uk`);
    await expect(articles(page)).toHaveCount(3);
    const views = page.getByRole('group', { name: 'Показати оновлення' });
    await expect(views.getByRole('button', { name: 'За темами' })).toBeVisible();
    await expect(views.getByRole('button', { name: 'Найновіші' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Тема' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Спікер' })).toBeVisible();
    await expect(page.getByRole('status').first()).toHaveText(/^Наживо/);
    await expect(page.locator('.lb-time__ago').first()).toHaveText(
      /· (щойно|\d+ (хвилин[уи]?|годин[уи]?) тому)$/,
    );
    await expect(
      articles(page).filter({ hasText: /хвилин\S* тому|годин\S* тому/ }),
    ).not.toHaveCount(0);
    await expect(page.getByText(/\bago\b/)).toHaveCount(0);
    // Names screen readers give, too: an update's topics are "Теми", never "Topics".
    await expect(articles(page).getByRole('list', { name: 'Теми' })).not.toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Topics' })).toHaveCount(0);
    // Screen readers pick their voice by lang: Ukrainian for the interface, English for the feed.
    const langOf = (locator: Locator) =>
      locator.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'));
    expect(await langOf(page.getByRole('status').first())).toBe('uk');
    expect(await langOf(views)).toBe('uk');
    expect(await langOf(articles(page).first().getByRole('heading'))).toBe('en');
    expect(await langOf(page.getByRole('heading', { level: 1 }))).toBe('en');
  });
});

test.describe('paged feed', () => {
  // A fixed folder (rewritten by beforeAll), not one temp folder per process that loads the file.
  const dir = path.join(tmpdir(), 'live-blog-reader-spec-feeds');
  test.use({ serverOptions: { staticDir: dir } });
  test.beforeAll(() => {
    writeFeed({ items: 300, days: 2, seed: 1, out: dir });
  });

  test('a permalink to an update in an older page loads pages until it shows it', async ({
    page,
    server,
  }) => {
    const head = JSON.parse(readFileSync(path.join(dir, 'synthetic-300.json'), 'utf8')) as {
      items: { id: string }[];
    };
    const page1 = JSON.parse(readFileSync(path.join(dir, 'synthetic-300/page-1.json'), 'utf8')) as {
      items: { id: string; title: string }[];
    };
    const wanted = page1.items[5]!;
    expect(head.items.some((i) => i.id === wanted.id)).toBe(false);

    // The oldest page waits until the progress note has been seen.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/synthetic-300/page-1.json', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(`${server.url}?feed=fixtures/synthetic-300.json#update-${wanted.id}`);
    await expect(page.getByText('Loading older updates to find the linked update…')).toBeVisible();
    release();
    const target = page.locator(`[id="update-${wanted.id}"]`);
    await expect(target).toBeInViewport();
    await expect(target).toHaveAccessibleName(wanted.title);
    await expectHighlighted(target);
    await expect(page.getByText('Loading older updates to find the linked update…')).toHaveCount(0);
  });
});

test.describe('right to left', () => {
  test('the Arabic feed reads right to left on a phone, without overflow, axe clean', async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 375, height: 700 });
    await page.goto(`${server.url}?feed=fixtures/rtl-arabic.json`);
    const first = article(page, 'حصيلة اليوم الأول');
    await expect(first).toBeVisible();
    expect(await first.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // Lines start at the right: the headline's first line ends at its box's right edge.
    const gap = await first.getByRole('heading').evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const line = range.getClientRects()[0]!;
      return {
        right: el.getBoundingClientRect().right - line.right,
        left: line.left - el.getBoundingClientRect().left,
      };
    });
    expect(gap.right).toBeLessThan(2);
    expect(gap.left).toBeGreaterThan(2);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
});

test.describe('accessibility in every state', () => {
  test.use({ serverOptions: { initialItems: 100, shiftDates: false } });

  // Loading is a state of pages the browser renders (a feed the server does not render).
  test.describe('a page the browser renders', () => {
    test.use({ serverOptions: { initialItems: 100, shiftDates: false, ssr: false } });

    /** Holds the demo feed's answer until the returned function is called: the page loads. */
    async function holdFeed(page: Page) {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/feeds/vilnius-2023.json*', async (route) => {
        await gate;
        await route.continue();
      });
      return release;
    }

    test('axe: loading, loaded with rail and chart, filtered, no results', async ({
      page,
      server,
    }) => {
      const release = await holdFeed(page);
      await page.goto(server.url);
      await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'true');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loading live updates…');
      await expectNoAxeViolations(page);

      release();
      await expect(articles(page)).toHaveCount(TOTAL);
      await expect(keyEventsNav(page)).toBeVisible();
      await expect(chart(page)).toBeVisible();
      await expectNoAxeViolations(page);

      await speaker(page, 'Volodymyr Zelenskyy').check();
      await expect(articles(page)).toHaveCount(2);
      await expectNoAxeViolations(page);

      await page.getByRole('searchbox', { name: 'Search updates' }).fill('zzzz no such words');
      await expect(page.getByText('No updates match these filters.')).toBeVisible();
      await expect(articles(page)).toHaveCount(0);
      await expectNoAxeViolations(page);
    });

    test('a wide screen loads in the column the updates come in: nothing moves sideways', async ({
      page,
      server,
    }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      const release = await holdFeed(page);
      await page.goto(server.url);
      const main = page.getByRole('main');
      await expect(main).toHaveAttribute('aria-busy', 'true');
      const loading = (await main.boundingBox())!;
      release();
      await expect(articles(page)).toHaveCount(TOTAL);
      await expect(keyEventsNav(page)).toBeVisible();
      const loaded = (await main.boundingBox())!;
      expect([loaded.x, loaded.width]).toEqual([loading.x, loading.width]);
    });
  });

  test('axe: first load failed', async ({ page, server }) => {
    await page.goto(`${server.url}?feed=fixtures/not-a-feed.json`);
    await expect(page.getByRole('alert')).toContainText('This live blog could not be loaded.');
    await expectNoAxeViolations(page);
  });

  test.describe('dark', () => {
    test.use({ colorScheme: 'dark' });
    test('axe: dark, with rail and chart', async ({ page, server }) => {
      await page.goto(server.url);
      await expect(articles(page)).toHaveCount(TOTAL);
      await expect(chart(page)).toBeVisible();
      await expect(keyEventsNav(page)).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });

  test('axe: phone, rail folded and open', async ({ page, server }) => {
    await page.setViewportSize({ width: 375, height: 700 });
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(TOTAL);
    await expect(chart(page)).toBeVisible();
    await expectNoAxeViolations(page);
    await keyEventsNav(page)
      .getByText(/^Key events/)
      .click();
    await expect(keyEventsNav(page).getByRole('link').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('keyboard: Tab reaches the chart bars and key events, with a visible focus ring', async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(TOTAL);
    const reached = { bar: false, keyEvent: false };
    for (let i = 0; i < 40 && !(reached.bar && reached.keyEvent); i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return null;
        const style = getComputedStyle(el);
        return {
          bar: el.matches('figure button'),
          keyEvent: el.matches('nav a') && !!el.closest('nav')?.getAttribute('aria-label'),
          nav: el.closest('nav')?.getAttribute('aria-label') ?? '',
          outline: style.outlineStyle,
          width: parseFloat(style.outlineWidth),
        };
      });
      if (!focus) continue;
      if (focus.bar || (focus.keyEvent && focus.nav === 'Key events')) {
        expect(focus.outline, JSON.stringify(focus)).not.toBe('none');
        expect(focus.width).toBeGreaterThanOrEqual(2);
        if (focus.bar) reached.bar = true;
        else reached.keyEvent = true;
      }
    }
    expect(reached).toEqual({ bar: true, keyEvent: true });
    // Enter on a focused key event goes there.
    await page.keyboard.press('Enter');
    await expect(page.locator('.lb-update--target')).toBeInViewport();
  });

  test('text at 200 % and 320 px wide: no sideways scrolling, headlines whole', async ({
    page,
    server,
  }) => {
    const headlinesWhole = () =>
      articles(page)
        .getByRole('heading', { level: 3 })
        .evaluateAll((els) =>
          els.every((el) => {
            const r = el.getBoundingClientRect();
            return el.scrollWidth <= el.clientWidth + 1 && r.right <= window.innerWidth + 1;
          }),
        );
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(TOTAL);
    const titleSize = () =>
      articles(page)
        .first()
        .getByRole('heading')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const normal = await titleSize();
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    expect(await titleSize()).toBeGreaterThanOrEqual(normal * 1.9);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await headlinesWhole()).toBe(true);

    await page.evaluate(() => (document.documentElement.style.fontSize = ''));
    await page.setViewportSize({ width: 320, height: 640 });
    await expect(chart(page)).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await headlinesWhole()).toBe(true);
  });
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
