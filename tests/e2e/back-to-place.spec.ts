// Back (with no back-forward cache, as a phone often has) or a reload deep in the list: the page
// is loaded afresh, the server renders as far as the address says (more=, older=), and the
// reader is where they were (decision 0033).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';
import { countLayoutShifts } from './layout-shift';

const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-back-'));
execFileSync('node', ['scripts/generate-feed.mjs', '--items', '200', '--days', '2', '--out', dir]);
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
const head = JSON.parse(readFileSync(path.join(dir, 'synthetic-200.json'), 'utf8')) as {
  items: unknown[];
};
const feed = encodeURIComponent('/fixtures/synthetic-200.json');
const start = `?feed=${feed}&view=latest`;
type Doc = Page | Frame;
const articleIds = (doc: Doc) =>
  doc.locator('article[id]').evaluateAll((els) => els.map((el) => el.id));

test.use({ serverOptions: { mode: 'static', staticDir: dir, ssr: true } });

test.describe('Back or reload deep in the list', () => {
  test.use({ viewport: { width: 390, height: 700 } });
  // The update at the top of the viewport, and how far its top is from the viewport's.
  const place = (page: Doc) =>
    page.evaluate(() => {
      for (const el of document.querySelectorAll('article[id]')) {
        const { top, bottom } = el.getBoundingClientRect();
        if (bottom > 0) return { id: el.id, top };
      }
      return undefined;
    });
  const frames = (page: Doc) =>
    page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );

  /** Reads on to `past` updates, then back up to the middle of them; returns where it stopped. */
  async function readDeep(page: Doc, past: number) {
    await expect
      .poll(async () => {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        return (await articleIds(page)).length;
      })
      .toBeGreaterThan(past);
    await page
      .locator('article[id]')
      .nth(past - 20)
      .evaluate((el) => {
        el.scrollIntoView();
        window.scrollBy(0, 45);
      });
    return settledPlace(page);
  }

  /** The place once the layout around it has settled: the same over two frames. */
  async function settledPlace(page: Doc) {
    let last: Awaited<ReturnType<typeof place>>;
    await expect
      .poll(async () => {
        const before = await place(page);
        await frames(page);
        last = await place(page);
        return before?.id === last?.id && before?.top === last?.top;
      })
      .toBe(true);
    return last!;
  }

  // Kept in the history entry once scrolling rests: what a reload finds.
  const kept = (page: Doc, at: { id: string }) =>
    expect
      .poll(() => page.evaluate(() => (history.state as { lbAt?: [string] } | null)?.lbAt?.[0]))
      .toBe(decodeURIComponent(at.id.replace(/^update-/, '')));

  async function expectBackAt(page: Doc, at: { id: string; top: number }) {
    await expect
      .poll(async () => {
        const now = await place(page);
        return now?.id === at.id && Math.abs(now.top - at.top) <= 3;
      })
      .toBe(true);
  }

  test('the standalone page opens where the reader was, older page and all', async ({
    page,
    server,
  }) => {
    await page.goto(`${server.url}${start}`);
    const entries = await page.evaluate(() => history.length);
    // Past the head, into its older page (loaded by itself near the end).
    const at = await readDeep(page, head.items.length + 30);
    // The address says how far the list goes, in the same history entry.
    await expect(page).toHaveURL(/[?&]more=\d+(&|$)/);
    await expect(page).toHaveURL(/[?&]older=\d+(&|$)/);
    expect(await page.evaluate(() => history.length)).toBe(entries);

    const layoutShift = await countLayoutShifts(page);
    await page.goto(`${server.url}fixtures/synthetic-200.json`);
    await page.goBack();
    await expectBackAt(page, at);
    await page.waitForLoadState('networkidle');
    await frames(page);
    await expectBackAt(page, at);
    expect(await layoutShift()).toBeLessThan(0.01);

    // Read on a little further up (the wheel: the landing lets go of the page), then reload.
    await page.mouse.wheel(0, -2000);
    const there = await settledPlace(page);
    expect(there.id).not.toBe(at.id);
    await kept(page, there);
    await page.reload();
    await expectBackAt(page, there);
  });

  test('embed.html opens where the reader was', async ({ page, server }) => {
    await page.goto(
      `${server.url}embed.html?feed=${encodeURIComponent('/fixtures/synthetic-200.json')}`,
    );
    const at = await readDeep(page, 40);
    await expect(page).toHaveURL(/[?&]more=\d+(&|$)/);
    await page.goto(`${server.url}fixtures/synthetic-200.json`);
    await page.goBack();
    await expectBackAt(page, at);
  });

  test("embed.html in a host's iframe of its own height: Back takes it to its place", async ({
    page,
    server,
    host,
  }) => {
    const frame = () => page.frames().find((f) => f.url().includes('embed.html'));
    // A host page of another origin, whose iframe scrolls by itself (no embed-frame.js).
    const article = host.page(
      '/article.html',
      hostDocument(`<iframe title="Live updates" src="${server.url}embed.html?feed=${feed}"
        style="width:390px;height:600px"></iframe>`),
    );
    await page.goto(article);
    await expect.poll(() => frame() !== undefined).toBe(true);
    const at = await readDeep(frame()!, 40);
    await expect.poll(() => frame()!.url()).toMatch(/[?&]more=\d+(&|$)/);
    await page.goto(`${server.url}fixtures/synthetic-200.json`);
    await page.goBack();
    // The browser gives the frame back its own address (and history entry): the same list.
    await expect.poll(() => frame()?.url()).toMatch(/[?&]more=\d+(&|$)/);
    await expectBackAt(frame()!, at);
  });

  test('a reader who scrolls before the place is found stays where they went', async ({
    page,
    server,
  }) => {
    await page.goto(`${server.url}${start}`);
    const at = await readDeep(page, 40);
    await kept(page, at);
    // The landing code held back until the reader has scrolled.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/keep-in-place-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await page.evaluate(() => window.scrollTo(0, 300));
    release();
    await page.waitForLoadState('networkidle');
    await frames(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(300);
    expect((await place(page))?.id).not.toBe(at.id);
  });
});
