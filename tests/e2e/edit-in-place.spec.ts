// The producer edits the update the reader is in the middle of: a paragraph above where they
// read grows, one is added above, one below changes and one is added at the end.
// What they read stays where it was on the screen. On the server-rendered standalone page (the
// body hydrated, then edited) and in <live-blog>'s shadow root on a host page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { HostServer } from './hosts/host-server';
import { expect, test } from './hosts/embed-test';
import { NOW, ONE_POLL, at, frames, openWhere, para } from './reading-where';
import { countLayoutShifts } from './layout-shift';

const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-edit-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.use({ serverOptions: { mode: 'static', staticDir: dir, ssr: true } });

const short = (id: string, minutesAgo: number) => ({
  id,
  title: `Update ${id}`,
  content_html: `<p>Body of ${id}.</p>`,
  date_published: at(minutesAgo),
});

/** An update of some paragraphs, below the long one. */
const later = (id: string, i: number) => ({
  ...short(id, 60 + i),
  content_html: Array.from({ length: 6 }, (_, n) => para(`${id} ${n}`)).join(''),
});

/** Writes the feed file, with the long update's paragraphs as given. */
function publish(file: string, paragraphs: string[], editedMinutesAgo?: number) {
  const long = {
    ...short('long', 30),
    content_html: paragraphs.join('\n'),
    ...(editedMinutesAgo === undefined ? {} : { date_modified: at(editedMinutesAgo) }),
  };
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Edit desk: live',
    _liveblog: { status: 'live', poll_seconds: 15 },
    items: [short('newer', 5), long, ...['older', 'oldest'].map(later)],
  };
  writeFileSync(path.join(dir, file), JSON.stringify(doc));
}

const paragraphs = Array.from({ length: 14 }, (_, i) => para(`Paragraph ${i + 1}`));

/**
 * Opens the feed where the test says, and scrolls into the long update: its paragraph `at` 100 px
 * below the top of the screen. Returns what reads the layout shifts so far.
 */
async function readLongUpdate(
  page: Page,
  where: string,
  file: string,
  app: string,
  host: HostServer,
  at = 8,
) {
  publish(file, paragraphs);
  const shifts = await countLayoutShifts(page);
  await page.clock.install({ time: NOW });
  await openWhere(page, where, file, app, host);
  const reading = page.getByText(`Paragraph ${at}:`);
  await expect(reading).toBeAttached();
  await reading.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 100));
  await frames(page);
  expect((await reading.boundingBox())!.y).toBeCloseTo(100, 0);
  return shifts;
}

for (const where of ['standalone page', '<live-blog> embed']) {
  test(`${where}: edits to the update being read move nothing the reader reads`, async ({
    page,
    server,
    host,
  }) => {
    const file = `${where === 'standalone page' ? 'page' : 'embed'}-edits.json`;
    const shifts = await readLongUpdate(page, where, file, server.url, host);
    const reading = page.getByText(/^Paragraph 8:/);
    const y = (await reading.boundingBox())!.y;
    const before = await shifts();

    const edits: [string, (p: string[]) => string[], string][] = [
      // A paragraph above grows by some lines.
      ['above', (p) => p.with(2, para('Paragraph 3, corrected', 30)), 'Paragraph 3, corrected'],
      // A paragraph is added above.
      ['added', (p) => [p[0]!, para('A paragraph added'), ...p.slice(1)], 'A paragraph added'],
      // One below is edited and one is added at the end.
      [
        'below',
        (p) => [...p.with(10, para('Paragraph 11, corrected')), para('The end')],
        'The end',
      ],
    ];
    let current = paragraphs;
    for (const [i, [name, edit, shown]] of edits.entries()) {
      await test.step(name, async () => {
        current = edit(current);
        publish(file, current, 3 - i);
        await page.clock.runFor(ONE_POLL);
        await expect(page.getByText(shown)).toBeAttached();
        await frames(page);
        expect(Math.abs((await reading.boundingBox())!.y - y)).toBeLessThanOrEqual(1);
        expect(await shifts()).toBeCloseTo(before, 3);
      });
    }
    // The edits are all there, in their order, and nothing else.
    const texts = await page
      .locator('article')
      .filter({ hasText: 'Paragraph 8:' })
      .locator('.lb-prose p')
      .allTextContents();
    expect(texts.map((t) => t.split(':')[0])).toEqual(current.map((p) => p.slice(3).split(':')[0]));
  });

  test(`${where}: a section the reader opened stays open through an edit`, async ({
    page,
    server,
    host,
  }) => {
    const file = `${where === 'standalone page' ? 'page' : 'embed'}-sections.json`;
    const section = `<details><summary>The full statement</summary>${para('Statement')}</details>`;
    const withSection = paragraphs.with(9, section);
    const shifts = await readLongUpdate(page, where, file, server.url, host);
    publish(file, withSection, 4);
    await page.clock.runFor(ONE_POLL);
    const details = page.locator('article details');
    await details.getByText('The full statement').click();
    await expect(details).toHaveJSProperty('open', true);
    await expect(page.getByText(/^Statement:/)).toBeVisible();
    const before = await shifts();

    publish(file, withSection.with(2, para('Paragraph 3, corrected')), 3);
    await page.clock.runFor(ONE_POLL);
    await expect(page.getByText('Paragraph 3, corrected')).toBeAttached();
    await frames(page);
    await expect(details).toHaveJSProperty('open', true);
    await expect(page.getByText(/^Statement:/)).toBeVisible();
    expect(await shifts()).toBeCloseTo(before, 3);
  });
}
