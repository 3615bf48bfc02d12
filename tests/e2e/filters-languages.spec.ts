import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Search as readers of other languages type it, with the browser's own Unicode tables (the unit
// tests run Node's): tests/fixtures/feeds/multilingual.json.
const FEED = '?feed=/fixtures/multilingual.json';

const articles = (page: Page) => page.getByRole('main').getByRole('article');

async function search(page: Page, q: string) {
  await page.getByRole('searchbox', { name: 'Search updates' }).fill(q);
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(q);
}

test('search finds words of other scripts as typed, and not inside other words', async ({
  page,
  server,
}) => {
  await page.goto(server.url + FEED);
  await expect(articles(page)).toHaveCount(5);

  for (const [q, id] of [
    ['ΚΑΣ', 'el'],
    ['bundeskanzler', 'de'],
    ['ISTANBUL', 'tr'],
    ['ayse yilmaz', 'tr'],
    ['パン', 'ja'],
    ['ม้า', 'th'],
  ] as const) {
    await search(page, q);
    await expect(articles(page), q).toHaveCount(1);
    await expect(articles(page), q).toHaveAttribute('id', `update-${id}`);
  }

  // A kana without its voicing mark, a Thai word without its tone mark: other words.
  for (const q of ['ハン', 'มา']) {
    await search(page, q);
    await expect(page.getByText('No updates match these filters.')).toBeVisible();
    await expect(page.getByRole('button', { name: `Remove search “${q}”` })).toBeVisible();
    await expect(articles(page)).toHaveCount(0);
  }
});
