import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, expectNoAxeViolations, scrollIntoTimeline, test } from './fixtures';

// A right-to-left feed read in the UI's left-to-right language: the UI's own words (dates,
// counts, "By") must keep their order inside the mirrored layout.
const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-rtl-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.use({ serverOptions: { mode: 'static', staticDir: dir } });

const DAY = 24 * 60;
const at = (minute: number) =>
  new Date(Date.UTC(2023, 6, 12, 9, 0) + minute * 60_000).toISOString();
const item = (id: string, minute: number, extra: Record<string, unknown> = {}) => ({
  id,
  title: `כותרת ${id}`,
  content_text: `גוף העדכון ${id}.`,
  date_published: at(minute),
  _liveblog: { topics: ['news'], key_event: minute % DAY === 0 },
  ...extra,
});
function write(items: unknown[]) {
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'בלוג חי',
    language: 'he',
    _liveblog: { poll_seconds: 15, topics: [{ id: 'news', label: 'חדשות' }] },
    items,
  };
  writeFileSync(path.join(dir, 'he.json'), JSON.stringify(doc));
}

/** Whether `first` is drawn left of `second` (their first occurrences in the element's text). */
const drawnInOrder = (locator: Locator, first: string, second: string) =>
  locator.evaluate(
    (el, chars) => {
      const left = (char: string) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const i = node.textContent!.indexOf(char);
          if (i < 0) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          return range.getBoundingClientRect().left;
        }
        throw new Error(`${char} not found in ${el.textContent}`);
      };
      return left(chars[0]) < left(chars[1]);
    },
    [first, second] as const,
  );

test('dates, counts, bylines and the new-updates button read left to right', async ({
  page,
  server,
}) => {
  // Two days, so that the key events rail names the day as well as the time.
  const items = [
    item('a', DAY, { authors: [{ name: 'רויטרס' }] }),
    ...Array.from({ length: 20 }, (_, i) => item(`b${i}`, i + 1)),
    item('c', 0),
  ];
  write(items);
  await page.clock.install();
  await page.goto(`${server.url}?feed=fixtures/he.json`);
  const first = page.getByRole('article', { name: 'כותרת a' });
  await expect(first).toBeVisible();
  expect(await first.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  // "13 Jul 2023, 09:00", not "Jul 2023, 09:00 13"; "By רויטרס", not "רויטרס By".
  expect(await drawnInOrder(first.locator('time'), '1', 'J'), 'update time').toBe(true);
  expect(await drawnInOrder(first.getByText(/^By/), 'B', 'ר'), 'byline').toBe(true);
  const rail = page.getByRole('navigation', { name: 'Key events' });
  expect(await drawnInOrder(rail.locator('time').first(), '1', 'J'), 'rail time').toBe(true);
  // "22 updates", not "updates 22".
  const count = page.getByText('22 updates', { exact: true });
  expect(await drawnInOrder(count, '2', 'u'), 'result count').toBe(true);
  const heading = page.getByRole('heading', { name: /חדשות/ });
  expect(await drawnInOrder(heading.locator('.lb-group__count'), '2', 'u'), 'group count').toBe(
    true,
  );
  await expectNoAxeViolations(page);

  await scrollIntoTimeline(page, 300);
  write([item('new', DAY + 5), ...items]);
  await page.clock.fastForward('00:17');
  const toast = page.getByRole('button', { name: '1 new update' });
  await expect(toast).toBeVisible();
  expect(await drawnInOrder(toast, '1', 'n'), 'new updates').toBe(true);
});

test('the count of updates since the last visit reads left to right', async ({ page, server }) => {
  const items = [item('a', 1), item('b', 0)];
  write(items);
  await page.goto(`${server.url}?feed=fixtures/he.json&poll=off`);
  await expect(page.getByRole('article')).toHaveCount(2);
  // The visit is recorded once the page has loaded the code that records it.
  await expect
    .poll(() =>
      page.evaluate(() => {
        window.dispatchEvent(new Event('pagehide'));
        return Object.keys(localStorage).some((k) => k.startsWith('live-blog:last-visit:'));
      }),
    )
    .toBe(true);
  await page.goto('about:blank');
  write([item('c', 2), ...items]);
  await page.goto(`${server.url}?feed=fixtures/he.json&poll=off`);
  // "1 update since you were here at …", not "update since you were here at … 1".
  const banner = page.getByText(/^1 update since you were here at/);
  await expect(banner).toBeVisible();
  expect(await drawnInOrder(banner, '1', 'u')).toBe(true);
});

test('a quote’s words keep their distance from its bar, on the right', async ({ page, server }) => {
  write([
    item('q', 0, {
      content_html: '<blockquote><p>«אנחנו נשארים כאן עד הסוף.»</p><cite>דוברת</cite></blockquote>',
    }),
  ]);
  await page.goto(`${server.url}?feed=fixtures/he.json&poll=off`);
  const quote = page.getByRole('article').locator('blockquote');
  await expect(quote).toBeVisible();
  const gaps = await quote.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const words = el.querySelector('p')!.getBoundingClientRect();
    const bar = parseFloat(getComputedStyle(el).borderRightWidth);
    return { bar, fromBar: box.right - bar - words.right };
  });
  // The bar is on the start side (the right); the words stand clear of it, as they do in English.
  expect(gaps.bar).toBeGreaterThan(0);
  expect(gaps.fromBar).toBeGreaterThan(8);
});

test('a Hebrew feed that declares no language still reads right to left', async ({
  page,
  server,
}) => {
  // Plain JSON Feeds and many CMSs leave `language` out: the words' own script decides.
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'בלוג חי: הבחירות!',
    items: [
      item('a', 0, {
        title: 'הקלפיות נסגרו!',
        content_text: 'הספירה החלה (בשעה 22:00).',
        _liveblog: {},
      }),
    ],
  };
  writeFileSync(path.join(dir, 'he-undeclared.json'), JSON.stringify(doc));
  await page.goto(`${server.url}?feed=fixtures/he-undeclared.json&poll=off`);
  const article = page.getByRole('article');
  const headline = article.getByRole('heading', { name: 'הקלפיות נסגרו!' });
  await expect(headline).toBeVisible();
  // The sentence ends on the left: "!" and "." after its last word, not before its first.
  expect(await drawnInOrder(headline, '!', 'ה')).toBe(true);
  expect(await drawnInOrder(article.getByText(/^הספירה/), '.', 'ה')).toBe(true);
  expect(await drawnInOrder(page.getByRole('heading', { level: 1 }), '!', 'ב')).toBe(true);
  // Our own words stay as they were: the date still reads left to right.
  expect(await drawnInOrder(article.locator('time').first(), '1', 'J')).toBe(true);
  await expectNoAxeViolations(page);
});
