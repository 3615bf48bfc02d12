// The producer retracts the update the reader is in the middle of. Its text goes at once; its
// place stays, as tall as it was, with one line saying it was withdrawn, so nothing the reader
// sees moves: not what was below it, nor (Chromium's scroll anchoring, its anchor gone, would
// do it) what was above. Once they scroll it out of view it goes, and nothing they read moves
// then either. On the server-rendered standalone page, in <live-blog>'s shadow root on a host
// page, and on a page without scroll anchoring (as in a browser that has none).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { HostServer } from './hosts/host-server';
import { expect, test } from './hosts/embed-test';
import { NOW, ONE_POLL, at, frames, openWhere, para } from './reading-where';
import { expectNoAxeViolations } from './fixtures';
import { countLayoutShifts } from './layout-shift';

const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-withdrawn-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.use({ serverOptions: { mode: 'static', staticDir: dir, ssr: true } });

const update = (id: string, minutesAgo: number, paragraphs: number) => ({
  id,
  title: `Update ${id}`,
  content_html: Array.from({ length: paragraphs }, (_, n) => para(`${id} ${n + 1}`)).join(''),
  date_published: at(minutesAgo),
});

const LINE = 'This update was withdrawn by the newsroom.';

/** Writes the feed file; `retracted`: the long update is a tombstone. */
function publish(file: string, retracted = false) {
  const long = retracted
    ? { id: 'long', date_modified: at(0), _liveblog: { deleted: true } }
    : update('long', 30, 14);
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Retraction desk: live',
    _liveblog: { status: 'live', poll_seconds: 15 },
    items: [update('newer', 5, 1), long, update('older', 60, 6), update('oldest', 61, 6)],
  };
  writeFileSync(path.join(dir, file), JSON.stringify(doc));
}

/** Opens the feed where the test says, its long update's paragraph `n` 100 px from the top. */
async function readLongUpdate(page: Page, where: string, app: string, host: HostServer, n = 13) {
  const file = `${where.replace(/\W+/g, '-')}-retraction.json`;
  publish(file);
  const shifts = await countLayoutShifts(page);
  await page.clock.install({ time: NOW });
  await openWhere(page, where, file, app, host);
  const reading = page.getByText(`long ${n}:`);
  await expect(reading).toBeAttached();
  // As in a browser that has no scroll anchoring (Safari).
  if (where.endsWith('anchoring'))
    await page.evaluate(() => (document.documentElement.style.overflowAnchor = 'none'));
  await reading.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 100));
  await frames(page);
  expect((await reading.boundingBox())!.y).toBeCloseTo(100, 0);
  return { file, shifts };
}

for (const where of [
  'standalone page',
  '<live-blog> embed',
  'standalone page, no scroll anchoring',
]) {
  test(`${where}: the update being read, retracted, leaves its place and a line`, async ({
    page,
    server,
    host,
  }) => {
    const { file, shifts } = await readLongUpdate(page, where, server.url, host);
    // Near the long update's end: the update below it is on the screen.
    const below = page.getByRole('article', { name: 'Update older' });
    const y = (await below.boundingBox())!.y;
    expect(y).toBeLessThan(page.viewportSize()!.height);
    // Above the screen: scroll anchoring must not bring it down into the place either.
    const above = page.getByRole('article', { name: 'Update newer' });
    const aboveY = (await above.boundingBox())!.y;
    const before = await shifts();

    publish(file, true);
    await page.clock.runFor(ONE_POLL);
    // Its text is gone, title and all; a line says what happened, where the reader is.
    await expect(page.getByText(/^long \d+:/)).toHaveCount(0);
    await expect(page.getByText('Update long')).toHaveCount(0);
    await frames(page);
    expect(Math.abs((await below.boundingBox())!.y - y)).toBeLessThanOrEqual(1);
    expect(Math.abs((await above.boundingBox())!.y - aboveY)).toBeLessThanOrEqual(1);
    expect(await shifts()).toBeCloseTo(before, 3);
    const line = page.getByText(LINE);
    await expect(line).toBeInViewport();
    // Its group counts the updates there are, not the place.
    await expect(page.getByRole('heading', { name: /^Other updates/ })).toHaveText(
      'Other updates (3 updates)',
    );
    // The host page here is a bare document: axe reads the page that is ours.
    if (where === 'standalone page') await expectNoAxeViolations(page);

    // The reader reads on, past the place: it goes, and what they read does not move.
    const next = page.getByRole('article', { name: 'Update oldest' });
    await next.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 50));
    await expect(line).toHaveCount(0);
    await frames(page);
    expect(Math.abs((await next.boundingBox())!.y - 50)).toBeLessThanOrEqual(1);
    // The place went as its update: the other three are there, in order.
    await expect(page.getByRole('article')).toHaveText([
      /Update newer/,
      /Update older/,
      /Update oldest/,
    ]);
  });
}

test('oldest first, "Jump to latest" goes to the newest update, not to a withdrawn one’s place', async ({
  page,
  server,
}) => {
  const file = 'jump-retraction.json';
  const write = (retracted: boolean) =>
    writeFileSync(
      path.join(dir, file),
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Retraction desk: live',
        _liveblog: { status: 'live', poll_seconds: 15 },
        items: [
          retracted
            ? { id: 'last', date_modified: at(0), _liveblog: { deleted: true } }
            : update('last', 5, 1),
          update('middle', 20, 1),
          update('first', 30, 1),
        ],
      }),
    );
  write(false);
  // Tall enough for the toolbar and every update on one screen.
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.clock.install({ time: NOW });
  await page.goto(`${server.url}?feed=/fixtures/${file}&view=latest&order=oldest`);
  await expect(page.getByRole('article', { name: 'Update last' })).toBeInViewport();
  // The code that holds places comes in once the page is idle.
  await page.clock.runFor(2_000);
  await page.waitForLoadState('networkidle');
  write(true);
  await page.clock.runFor(ONE_POLL);
  // The newest went while on the screen: its place holds the end of the story.
  await expect(page.getByText(LINE)).toBeInViewport();
  await page.getByRole('button', { name: 'Jump to latest' }).click();
  await expect(page.getByRole('article', { name: 'Update middle' })).toBeFocused();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
