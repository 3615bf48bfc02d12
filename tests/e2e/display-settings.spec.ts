import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeFeed } from '../../tooling/synthetic-feed.mjs';
import { expect, scrollIntoTimeline, test } from './fixtures';

// Readers who set their own display: keyboard focus, Windows high contrast (forced colours),
// paper.

// Longer than the demo's 15 s poll plus its +10 % jitter: one fast-forward, one poll.
const ONE_POLL = '00:17';

const articles = (page: Page) => page.getByRole('main').getByRole('article');
const newUpdates = (page: Page) => page.getByRole('button', { name: /new updates?$/ });

/**
 * The focused control's ring (its outline) where a box around it cuts it off: that box's class
 * and the side cut, or null when the whole ring shows.
 */
function ringCutOff(page: Page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    // A player's own controls, inside it, draw their focus themselves.
    if (!el?.closest('.lb-root') || el.matches('audio, video')) return undefined;
    const style = getComputedStyle(el);
    if (style.outlineStyle === 'none') return `${el.outerHTML.slice(0, 60)}: no ring`;
    const out = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
    const r = el.getBoundingClientRect();
    const ring = { l: r.left - out, t: r.top - out, r: r.right + out, b: r.bottom + out };
    for (let box = el.parentElement; box && !box.matches('.lb-theme'); box = box.parentElement) {
      const s = getComputedStyle(box);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const b = box.getBoundingClientRect();
      const clip = { l: b.left + box.clientLeft, t: b.top + box.clientTop };
      const cut = [
        ring.l < clip.l - 0.5 && 'left',
        ring.t < clip.t - 0.5 && 'top',
        ring.r > clip.l + box.clientWidth + 0.5 && 'right',
        ring.b > clip.t + box.clientHeight + 0.5 && 'bottom',
      ].filter(Boolean);
      if (cut.length)
        return `${el.outerHTML.slice(0, 60)} cut ${cut.join(' ')} by ${box.className}`;
    }
    return null;
  });
}

test.describe('demo feed, everything published', () => {
  test.use({ serverOptions: { initialItems: 100 } });

  test('keyboard: every focus ring in the widget shows whole, beside the filters too', async ({
    page,
    server,
  }) => {
    // Tall enough that the sticky filter column does not scroll: only its edges may cut a ring.
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.goto(server.url);
    await expect(page.getByRole('group', { name: 'Topic' })).toBeVisible();
    await expect(articles(page).first()).toBeVisible();
    const cut: string[] = [];
    let reached = 0;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const found = await ringCutOff(page);
      if (found === undefined) continue;
      reached++;
      if (found) cut.push(found);
    }
    expect(reached).toBeGreaterThan(20);
    expect(cut).toEqual([]);
  });

  test("the chart's readout shows a bar's count and topics whole, in the rail's width", async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(server.url);
    const bars = page.getByRole('figure', { name: 'Updates per hour' }).getByRole('button');
    await expect(bars.first()).toBeVisible();
    const readout = page.locator('.lb-chart__readout');
    const cut: string[] = [];
    for (const bar of await bars.all()) {
      await bar.focus();
      await expect(readout).not.toBeEmpty();
      // Lines beyond the two kept for it show over what is below (not cut): its width counts.
      const shown = await readout.evaluate((el) => ({
        text: el.textContent,
        whole: el.scrollWidth <= el.clientWidth,
      }));
      if (!shown.whole) cut.push(shown.text);
    }
    expect(cut).toEqual([]);
  });

  test.describe('forced colours', () => {
    test.use({ forcedColors: 'active' });

    test('only key events carry the bar at their side', async ({ page, server }) => {
      await page.goto(`${server.url}?view=latest`);
      await expect(articles(page).first()).toBeVisible();
      const bars = await page.locator('.lb-timeline article').evaluateAll((els) =>
        // Pinned updates have a frame of their own.
        els
          .filter((el) => !el.closest('.lb-pinned'))
          .map((el) => [
            el.textContent.includes('Key event'),
            getComputedStyle(el).borderInlineStartStyle !== 'none',
          ]),
      );
      expect(bars.some(([key]) => key)).toBe(true);
      for (const [key, bar] of bars) expect(bar).toBe(key);
    });
  });
});

test.describe('forced colours, live replay', () => {
  test.use({ forcedColors: 'active' });

  test('"N new updates" keeps an outline of its own over the text', async ({
    page,
    server,
    admin,
  }) => {
    await page.clock.install();
    await page.setViewportSize({ width: 1280, height: 480 });
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(3);
    await scrollIntoTimeline(page, 400);
    await admin.publish();
    await page.clock.fastForward(ONE_POLL);
    await expect(newUpdates(page)).toBeVisible();
    // Forced colours drop its fill and shadow: a border is what is left to draw its edge.
    const edge = await newUpdates(page).evaluate((b) => {
      const s = getComputedStyle(b);
      return { style: s.borderTopStyle, width: parseFloat(s.borderTopWidth) };
    });
    expect(edge.style).toBe('solid');
    expect(edge.width).toBeGreaterThanOrEqual(1);
  });
});

/** Contrast of a CSS rgb() colour against white paper (WCAG's formula). */
function contrastOnWhite(color: string) {
  const [r, g, b] = color
    .match(/\d+(\.\d+)?/g)!
    .slice(0, 3)
    .map((c) => {
      const v = Number(c) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
  return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05);
}

test('printed from dark mode, the text is dark on the white paper', async ({ page, server }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${server.url}?poll=off`);
  const update = articles(page).first();
  await expect(update).toBeVisible();
  const colours = () =>
    update.evaluate((el) =>
      [el, el.querySelector('h3')!, el.querySelector('p')!].map((e) => getComputedStyle(e).color),
    );
  // On screen: light text on the dark background.
  for (const colour of await colours()) expect(contrastOnWhite(colour)).toBeLessThan(3);
  // Paper keeps no background: the light palette.
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  for (const colour of await colours()) expect(contrastOnWhite(colour)).toBeGreaterThan(4.5);
});

test('printed, the page carries the updates and their links’ targets, not the controls', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.url}?poll=off`);
  await expect(articles(page).first()).toBeVisible();
  const controls = [
    page.getByRole('group', { name: 'Topic' }),
    page.getByRole('button', { name: 'By topic' }),
    page.getByRole('button', { name: 'Show times in my time zone' }),
    page.getByRole('link', { name: 'Copy link' }).first(),
  ];
  for (const control of controls) await expect(control).toBeVisible();
  const link = page.locator('.lb-update__body a[href^="http"]').first();
  const href = await link.getAttribute('href');
  await page.emulateMedia({ media: 'print' });
  for (const control of controls) await expect(control).toBeHidden();
  await expect(articles(page).first()).toBeVisible();
  // The link's target is printed after its text.
  const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain(href);
  // One column: the filters' column is not left empty beside the updates.
  const [header, update] = await Promise.all(
    [page.locator('.lb-header'), articles(page).first()].map((l) => l.boundingBox()),
  );
  expect(update!.x).toBeLessThan(header!.x + 50);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('printed, a page the server rendered carries the updates, not its links and forms', async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(server.url);
    await expect(articles(page).first()).toBeVisible();
    // The server's own controls, which work without JavaScript: the filter form, the links.
    const controls = [
      page.getByRole('search', { name: 'Filters' }),
      page.getByRole('link', { name: 'Copy link' }).first(),
    ];
    for (const control of controls) await expect(control).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    for (const control of controls) await expect(control).toBeHidden();
    await expect(articles(page).first()).toBeVisible();
  });
});

test('printed, the chart’s legend keeps its colours and the pinned badge its own', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.url}?poll=off`);
  const swatch = page.locator('.lb-chart__swatch').first();
  const pinned = articles(page).first().getByText('Pinned');
  await expect(swatch).toBeVisible();
  await expect(pinned).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  // Paper drops backgrounds unless told to keep them: a swatch is nothing but its background,
  // and the badge's light text is unreadable on white.
  const keeps = (el: Element) => getComputedStyle(el).printColorAdjust;
  await expect(async () => {
    expect(await swatch.evaluate(keeps)).toBe('exact');
    expect(await pinned.evaluate(keeps)).toBe('exact');
  }).toPass({ timeout: 10_000 });
});

test.describe('a blog longer than the first screen', () => {
  const dir = path.join(tmpdir(), 'live-blog-display-spec-feeds');
  test.use({ serverOptions: { staticDir: dir } });
  test.beforeAll(() => {
    writeFeed({ items: 40, days: 1, seed: 1, out: dir, single: true });
  });

  test('printing it prints every update, not only those rendered so far', async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto(`${server.url}?feed=fixtures/synthetic-40-single.json&poll=off`);
    await expect(page.getByText('40 updates', { exact: true })).toBeVisible();
    // The screen has the first few: the rest come as the reader scrolls.
    expect(await articles(page).count()).toBeLessThan(40);
    // What the printout holds is what is in the page while the browser lays out its pages.
    await expect(async () => {
      await page.pdf();
      expect(await articles(page).count()).toBe(40);
    }).toPass({ timeout: 10_000 });
  });

  test('printing renders the rest while the browser waits, before it makes the pages', async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto(`${server.url}?feed=fixtures/synthetic-40-single.json&poll=off`);
    await expect(page.getByText('40 updates', { exact: true })).toBeVisible();
    // The browser makes the pages as soon as the `beforeprint` handlers return: what React has
    // not put in the DOM by then is not printed. The handler comes with the landing code (idle).
    const grewAtOnce = () =>
      page.evaluate(() => {
        const count = () => document.querySelectorAll('main article').length;
        const before = count();
        window.dispatchEvent(new Event('beforeprint'));
        return before < 40 && count() === 40;
      });
    await expect.poll(grewAtOnce).toBe(true);
  });
});

test.describe('topics with long names', () => {
  const dir = path.join(tmpdir(), 'live-blog-display-spec-topics');
  test.use({ serverOptions: { staticDir: dir } });
  test.beforeAll(() => {
    const topics = [1, 2, 3].map((n) => ({
      id: `t${n}`,
      label: `A topic whose name runs to many words, number ${n}`,
    }));
    // Three topics in the first hour, one in the next: a chart has two bars at least.
    const items = [...topics, topics[0]!].map((topic, i) => ({
      id: `u${i}`,
      title: `Update ${i}`,
      content_text: `Body ${i}.`,
      date_published: `2026-03-01T1${Math.floor(i / 3)}:${10 + (i % 3) * 10}:00Z`,
      _liveblog: { topics: [topic.id] },
    }));
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'long-topics.json'),
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Long topics',
        _liveblog: { status: 'live', topics },
        items,
      }),
    );
  });

  test('on a phone, the legend follows the chart with no blank band for the readout', async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}?feed=fixtures/long-topics.json&poll=off`);
    const chart = page.getByRole('figure', { name: 'Updates per hour' });
    await expect(chart.getByRole('button').first()).toBeVisible();
    const legend = chart.getByRole('list');
    const gap = async () => {
      const labels = await chart
        .locator('.lb-chart__tick')
        .evaluateAll((els) => Math.max(...els.map((el) => el.getBoundingClientRect().bottom)));
      return (await legend.boundingBox())!.y - labels;
    };
    expect(await gap()).toBeLessThan(12);
    // Pointed at, a bar's readout shows over the legend, opaque; nothing under it moves.
    const before = (await page.getByRole('main').boundingBox())!.y;
    await chart.getByRole('button').last().focus();
    const readout = chart.locator('.lb-chart__readout > span');
    await expect(readout).toBeVisible();
    const onTop = await readout.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
      return hit !== null && el.contains(hit);
    });
    expect(onTop).toBe(true);
    expect((await page.getByRole('main').boundingBox())!.y).toBe(before);
  });

  test("on a phone, a bar's readout of more lines covers, never moves, the updates", async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}?feed=fixtures/long-topics.json&poll=off`);
    const bar = page.getByRole('figure', { name: 'Updates per hour' }).getByRole('button').first();
    await expect(bar).toBeVisible();
    const readout = page.locator('.lb-chart__readout');
    const timelineTop = async () => (await page.getByRole('main').boundingBox())!.y;
    const before = await timelineTop();
    await bar.focus();
    await expect(readout).toContainText('number 3');
    // The readout is more than the two lines kept for it, and all of it shows.
    const lines = await readout.evaluate(
      (el) => el.scrollHeight / parseFloat(getComputedStyle(el).lineHeight),
    );
    expect(lines).toBeGreaterThan(2);
    expect(await timelineTop()).toBe(before);
  });
});
