import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, expectNoAxeViolations, test } from './fixtures';

// What a newsroom's busiest day puts in update bodies (results tables, wire copy in plain text),
// as a reader on a phone sees it. Feeds are written to a folder the server serves at /fixtures/.
const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-bodies-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.use({ serverOptions: { mode: 'static', staticDir: dir } });

function write(name: string, items: Record<string, unknown>[]) {
  writeFileSync(
    path.join(dir, name),
    JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Bodies', items }),
  );
}
const item = (id: string, extra: Record<string, unknown>) => ({
  id,
  title: `Update ${id}`,
  date_published: '2023-07-12T09:00:00Z',
  ...extra,
});

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
});

test('a results table keeps its figures whole and apart on a phone, and scrolls sideways instead', async ({
  page,
  server,
}) => {
  const columns = Array.from({ length: 12 }, (_, c) => c);
  const row = (r: number) =>
    `<tr><th scope="row">District ${r}</th>${columns.map((c) => `<td>${(r + 1) * 104_729 + c}</td>`).join('')}</tr>`;
  write('table.json', [
    item('table', {
      content_html: `<table><thead><tr><th>District</th>${columns.map((c) => `<th scope="col">Party ${c}</th>`).join('')}</tr></thead><tbody>${[0, 1, 2].map(row).join('')}</tbody></table>`,
    }),
  ]);
  await page.goto(`${server.url}?feed=fixtures/table.json&poll=off`);
  const table = page.getByRole('table');
  await expect(table.getByRole('cell')).toHaveCount(36);
  // Every cell and header reads on one line: "104729" is never shown as "1047" over "29".
  const broken = await table.evaluate((t) =>
    [...t.querySelectorAll('td, th')]
      .filter((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return tops.size > 1 && !/ /.test(cell.textContent);
      })
      .map((cell) => cell.textContent),
  );
  expect(broken).toEqual([]);
  // Neighbouring figures stand apart: "104729 104730", never "104729104730".
  const closest = await table.evaluate((t) => {
    const text = (cell: Element) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return range.getBoundingClientRect();
    };
    let min = Infinity;
    for (const row of t.querySelectorAll('tr')) {
      const cells = [...row.children].map(text);
      for (let i = 1; i < cells.length; i++)
        min = Math.min(min, cells[i]!.left - cells[i - 1]!.right);
    }
    return min;
  });
  expect(closest).toBeGreaterThanOrEqual(8);
  // The table scrolls within the update; the page does not scroll sideways.
  expect(await table.evaluate((t) => t.scrollWidth > t.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
  // A keyboard reaches it and scrolls it, in every browser (axe: scrollable-region-focusable).
  await table.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => table.evaluate((t) => t.scrollLeft)).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
});

test('plain text keeps its line breaks, and a blank line in any form starts a paragraph', async ({
  page,
  server,
}) => {
  write('text.json', [
    item('text', {
      content_text:
        'Turnout by noon:\nVilnius 31%\nKaunas 28%\r\n\r\nFinal figures tonight.\n \nSource: <b>electoral commission</b>',
    }),
  ]);
  await page.goto(`${server.url}?feed=fixtures/text.json&poll=off`);
  const body = page.getByRole('article').locator('.lb-prose');
  await expect(body.locator('p')).toHaveCount(3);
  // Each line of the list on a line of its own, as the producer wrote it.
  expect(await body.locator('p').first().innerText()).toBe(
    'Turnout by noon:\nVilnius 31%\nKaunas 28%',
  );
  await expect(body.locator('p').nth(1)).toHaveText('Final figures tonight.');
  // Text is never markup.
  await expect(body.locator('p').nth(2)).toHaveText('Source: <b>electoral commission</b>');
  await expect(body.locator('b')).toHaveCount(0);
});

test('code with long lines wraps within the update, its indentation kept', async ({
  page,
  server,
}) => {
  const call = `const results = await fetch("https://results.example.com/v1/districts?include=${'turnout,'.repeat(12)}end");`;
  write('code.json', [
    item('code', { content_html: `<pre><code>${call}\n    return results;</code></pre>` }),
  ]);
  await page.goto(`${server.url}?feed=fixtures/code.json&poll=off`);
  const pre = page.getByRole('article').locator('pre');
  await expect(pre).toContainText('return results;');
  // All of it in sight: nothing hidden behind a sideways scroll that a keyboard may not reach.
  const { overflows, right } = await pre.evaluate((el) => ({
    overflows: el.scrollWidth > el.clientWidth,
    right: el.getBoundingClientRect().right,
  }));
  expect(overflows).toBe(false);
  expect(right).toBeLessThanOrEqual(375);
  expect(await pre.innerText()).toContain('\n    return results;');
});

test('a list nested eight deep leaves its deepest words room on a phone', async ({
  page,
  server,
}) => {
  let list = '<ul><li>Deepest point of the timeline, in words</li></ul>';
  for (let level = 7; level >= 1; level--) list = `<ul><li>Level ${level}${list}</li></ul>`;
  write('lists.json', [item('lists', { content_html: list })]);
  await page.goto(`${server.url}?feed=fixtures/lists.json&poll=off`);
  const deepest = page.getByRole('article').getByText('Deepest point of the timeline, in words');
  await expect(deepest).toBeVisible();
  // Whole words to a line, not a letter or two: at least a third of the phone's width.
  expect((await deepest.boundingBox())!.width).toBeGreaterThan(125);
});

test('only a link looks like one: an anchor without an address reads as the text around it', async ({
  page,
  server,
}) => {
  write('anchors.json', [
    item('anchors', {
      content_html:
        '<p>Read <a name="top">the statement</a> or <a href="https://example.com/s">the source</a>.</p>',
    }),
  ]);
  await page.goto(`${server.url}?feed=fixtures/anchors.json&poll=off`);
  const body = page.getByRole('article').locator('.lb-prose p');
  await expect(body.getByRole('link', { name: 'the source' })).toBeVisible();
  const colour = (text: string) =>
    body.getByText(text, { exact: true }).evaluate((el) => getComputedStyle(el).color);
  const paragraph = await body.evaluate((el) => getComputedStyle(el).color);
  expect(await colour('the statement')).toBe(paragraph);
  expect(await colour('the source')).not.toBe(paragraph);
});

test('a disclosure in a body opens and closes for the reader, and prints open', async ({
  page,
  server,
}) => {
  write('details.json', [
    item('details', {
      content_html:
        '<p>Ministers met.</p><details><summary>Read the full statement</summary><p>The alliance agreed to meet again.</p></details>',
    }),
  ]);
  await page.goto(`${server.url}?feed=fixtures/details.json&poll=off`);
  const summary = page.locator('.lb-update__body summary');
  const statement = page.getByText('The alliance agreed to meet again.');
  await expect(summary).toHaveText('Read the full statement');
  await expect(statement).toBeHidden();
  await summary.click();
  await expect(statement).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(statement).toBeHidden();
  await expectNoAxeViolations(page);
  // Paper cannot be clicked.
  await page.emulateMedia({ media: 'print' });
  await expect(statement).toBeVisible();
});

test('a disclosure whose summary is empty is named by the browser, and still opens', async ({
  page,
  server,
}) => {
  write('empty-summary.json', [
    item('empty-summary', {
      content_html:
        '<details><summary>  </summary><p>The alliance agreed to meet again.</p></details>',
    }),
  ]);
  await page.goto(`${server.url}?feed=fixtures/empty-summary.json&poll=off`);
  const details = page.locator('.lb-update__body details');
  const statement = page.getByText('The alliance agreed to meet again.');
  await expect(statement).toBeHidden();
  // The browser's own label ("Details"), which a reader can see and a screen reader can name.
  expect(await details.evaluate((d) => d.getBoundingClientRect().height)).toBeGreaterThan(10);
  await details.click({ position: { x: 10, y: 8 } });
  await expect(statement).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a body that ends in a player or a table leaves "Copy link" room to be tapped on its own', async ({
  page,
  server,
}) => {
  const table = `<table><tr>${'<td>104729</td>'.repeat(12)}</tr></table>`;
  write('ends.json', [
    item('video', {
      content_html: '<p>Watch.</p><video src="v.webm" width="640" height="360"></video>',
    }),
    item('audio', { content_html: '<p>Listen.</p><audio src="a.ogg"></audio>' }),
    item('table', { content_html: `<p>Results.</p>${table}` }),
  ]);
  await page.goto(`${server.url}?feed=fixtures/ends.json&poll=off`);
  for (const [id, target] of [
    ['video', 'video'],
    ['audio', 'audio'],
    ['table', 'table'],
  ] as const) {
    const update = page.locator(`#update-${id}`);
    await update.scrollIntoViewIfNeeded();
    const link = update.getByRole('link', { name: 'Copy link' });
    const above = (await update.locator(target).boundingBox())!;
    const box = (await link.boundingBox())!;
    // WCAG 2.5.8: a 24 px circle on a target smaller than 24 px reaches no other target.
    const centre = box.y + box.height / 2;
    expect(centre - (above.y + above.height), id).toBeGreaterThanOrEqual(12);
  }
  await expectNoAxeViolations(page);
});

test('a <time> in a body wraps like the words around it, at twice the text size on 320 px', async ({
  page,
  server,
}) => {
  write('time.json', [
    item('time', {
      content_html:
        // ISO 8601's basic format: no hyphen to break at.
        '<p>Polls closed at <time datetime="2023-07-12T20:00:00+03:00">20230712T200000+0300</time>.</p>',
    }),
  ]);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`${server.url}?feed=fixtures/time.json&poll=off`);
  const time = page.locator('.lb-prose time');
  await expect(time).toBeVisible();
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  // Every line of it on the screen; the page does not scroll sideways.
  const right = await time.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return Math.max(...[...range.getClientRects()].map((r) => r.right));
  });
  expect(right).toBeLessThanOrEqual(320);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
  // The widget's own times still keep their digits together.
  const clock = page.locator('.lb-time__clock').first();
  expect(await clock.evaluate((el) => getComputedStyle(el).overflowWrap)).toBe('normal');
});
