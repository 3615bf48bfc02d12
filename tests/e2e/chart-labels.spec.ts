import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The activity chart's time labels, in a column narrowed by a phone or by a reader's large text.
const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-chart-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.use({ serverOptions: { mode: 'static', staticDir: dir } });

// An update an hour for six hours: a chart of six hourly bars, each a round hour.
writeFileSync(
  path.join(dir, 'six-hours.json'),
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Six hours',
    _liveblog: { timezone: 'UTC' },
    items: Array.from({ length: 6 }, (_, i) => ({
      id: `u${i}`,
      title: `Update ${i}`,
      content_text: `Body of update ${i}.`,
      date_published: new Date(Date.UTC(2023, 6, 12, 9 + i, 10)).toISOString(),
    })),
  }),
);

/** The labels drawn under the bars, left to right, with their horizontal extent. */
const labels = (page: Page) =>
  page.locator('.lb-chart__tick').evaluateAll((ticks) =>
    ticks
      .map((t) => {
        const box = t.getBoundingClientRect();
        return { text: t.textContent ?? '', left: box.left, right: box.right };
      })
      .sort((a, b) => a.left - b.left),
  );

/** Labels that run into the next one. */
const touching = (drawn: { text: string; left: number; right: number }[]) =>
  drawn.flatMap((label, i) => {
    const next = drawn[i + 1];
    return next && label.right > next.left ? [`${label.text} into ${next.text}`] : [];
  });

test('on a phone, larger text draws fewer time labels rather than labels on top of each other', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 320, height: 568 });
  await page.goto(`${server.url}?feed=fixtures/six-hours.json&poll=off`);
  await expect(page.getByRole('article')).toHaveCount(6);
  await expect(page.locator('.lb-chart__bar')).toHaveCount(6);
  const counts: number[] = [];
  for (const size of ['100%', '200%', '300%']) {
    await page.evaluate((s) => (document.documentElement.style.fontSize = s), size);
    // Once the chart has measured its room: some labels, none touching another.
    await expect
      .poll(
        async () => {
          const drawn = await labels(page);
          return { drawn: drawn.length > 0, touching: touching(drawn) };
        },
        { message: `labels at ${size}` },
      )
      .toEqual({ drawn: true, touching: [] });
    counts.push((await labels(page)).length);
  }
  // Larger text, no more labels.
  expect(counts[1]).toBeLessThanOrEqual(counts[0]!);
  expect(counts[2]).toBeLessThanOrEqual(counts[1]!);
});

test('a wide column keeps several time labels', async ({ page, server }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.url}?feed=fixtures/six-hours.json&poll=off`);
  await expect(page.locator('.lb-chart__bar')).toHaveCount(6);
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await expect.poll(async () => touching(await labels(page))).toEqual([]);
  expect((await labels(page)).length).toBeGreaterThan(2);
});
