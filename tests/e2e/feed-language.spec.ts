import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// A feed in a language the UI has no catalogue for, read by an English reader: screen readers
// pick their voice by `lang`, so every word of the feed must sit under the feed's language and
// every word of ours under the reader's. Every string of the feed below is Japanese.
const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-feed-language-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.use({
  serverOptions: { mode: 'static', staticDir: dir },
  viewport: { width: 1280, height: 900 },
});

const at = (hour: number) => new Date(Date.UTC(2023, 6, 12, hour, 0)).toISOString();
const photo = (n: number) => ({
  url: `https://img.example.com/${n}.jpg`,
  mime_type: 'image/jpeg',
  title: `写真${n}の説明`,
  _liveblog: { width: 400, height: 300, credit: `撮影${n}` },
});
writeFileSync(
  path.join(dir, 'ja.json'),
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: '東京のライブ',
    language: 'ja',
    _liveblog: {
      status: 'ended',
      timezone: 'Asia/Tokyo',
      topics: [
        { id: 'politics', label: '政治' },
        { id: 'economy', label: '経済' },
      ],
      // One named by the feed (its words), one named by Intl in the reader's language (ours).
      countries: [{ code: 'JP', name: '日本' }, { code: 'FR' }],
      people: [{ id: 'pm', name: '首相', role: '政府の長' }],
    },
    items: [
      {
        id: 'gallery',
        title: '写真集',
        content_text: '本文です。',
        date_published: at(5),
        attachments: [photo(1), photo(2)],
        _liveblog: { topics: ['economy'], countries: ['FR'], key_event: true },
      },
      {
        id: 'photo',
        title: '一枚の写真',
        content_text: '本文です。',
        date_published: at(3),
        attachments: [photo(3)],
        _liveblog: { topics: ['politics'], countries: ['JP'], speakers: ['pm'] },
      },
      {
        id: 'embed',
        title: '投稿',
        content_text: '本文です。',
        date_published: at(1),
        _liveblog: {
          topics: ['economy'],
          embeds: [{ url: 'https://social.example/post/1', text: '投稿の本文', author: '投稿者' }],
        },
      },
    ],
  }),
);

/** Words in the wrong language: the feed's outside `lang="ja"`, ours inside it. */
const misattributed = (page: Page) =>
  page.evaluate(() => {
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    const wrong: string[] = [];
    const check = (el: Element, words: string) => {
      const lang = el.closest('[lang]')?.getAttribute('lang');
      if (japanese.test(words) ? lang !== 'ja' : /[a-z]{2}/i.test(words) && lang === 'ja')
        wrong.push(`${words.trim()} (lang ${lang})`);
    };
    const root = document.getElementById('root')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      if (node.textContent!.trim() && !parent.closest('script, style, noscript'))
        check(parent, node.textContent!);
    }
    for (const img of root.querySelectorAll('img[alt]')) check(img, img.getAttribute('alt')!);
    return wrong;
  });

test('the feed’s words are in its language, ours in the reader’s, in every part', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}?feed=fixtures/ja.json`);
  await expect(page.getByRole('article')).toHaveCount(3);
  // The page's own title is the feed's: the document is in the feed's language.
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  // Photos, the embed's card, the chart's legend.
  await expect(page.getByRole('img', { name: '写真3の説明' })).toBeVisible();
  await expect(page.getByText('投稿者')).toBeVisible();
  await expect(page.locator('.lb-chart__legend')).toContainText('経済');
  // Wide enough for the filter panel beside the timeline.
  await expect(page.getByRole('checkbox', { name: /日本/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /France/ })).toBeVisible();
  expect(await misattributed(page)).toEqual([]);

  // The gallery's viewer: "Photo 1 of 2" is ours, the caption the feed's.
  await page.getByRole('button', { name: /Open photo 1 of 2/ }).click();
  await expect(page.getByRole('dialog')).toContainText('写真1の説明');
  expect(await misattributed(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Filtered down to nothing: the chips name the feed's values.
  await page.getByRole('checkbox', { name: /日本/ }).check();
  await page.getByRole('checkbox', { name: /経済/ }).check();
  await expect(page.getByText('No updates match these filters.')).toBeVisible();
  expect(await misattributed(page)).toEqual([]);
});

test('a feed in Kurdish written in Arabic script reads right to left, from the server’s HTML on', async ({
  page,
  server,
}) => {
  writeFileSync(
    path.join(dir, 'ku.json'),
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'ڕاپۆرتی ڕاستەوخۆ',
      language: 'ku-Arab',
      items: [{ id: 'a', title: 'هەواڵ', content_text: 'دەق.', date_published: at(1) }],
    }),
  );
  const served = await (await page.request.get(`${server.url}?feed=fixtures/ku.json`)).text();
  expect(served).toMatch(/class="lb-root[^"]*"[^>]* dir="rtl"/);
  await page.goto(`${server.url}?feed=fixtures/ku.json`);
  const article = page.getByRole('article', { name: 'هەواڵ' });
  await expect(article).toBeVisible();
  // Taken over by the browser, which keeps the server's attributes.
  await expect(page.locator('[data-interactive]')).toHaveCount(1);
  expect(await article.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
});
