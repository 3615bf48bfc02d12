// What the reader does and sees on the standalone page during the soak: the updates in the
// page (by their element ids), the status line, the filters, scrolling.
import { expect, type Page } from '@playwright/test';
import type { SimulatedTime } from './simulated-time';
import { TOPICS } from './newsroom';

export interface ShownUpdate {
  readonly id: string;
  readonly title: string;
}

/** Every update in the page, in page order, by the feed id its element carries. */
export function shownUpdates(page: Page): Promise<ShownUpdate[]> {
  return page.locator('article[id^="update-"]').evaluateAll((articles) =>
    articles.map((article) => ({
      id: decodeURIComponent(article.id.slice('update-'.length)),
      title: article.querySelector('h3')?.textContent?.trim() ?? '',
    })),
  );
}

/** The status line as seen: the announced state, and the countdown that ticks beside it. */
export const statusLine = (page: Page) => page.locator('p:has(> [role=status])').first();

/** The connection's trouble and the countdown beside it; empty while the feed answers. */
export const connectionNotice = (page: Page) => page.locator('.lb-notice');

export async function scrollToTop(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Scrolls to the end until `count` updates are in the page (older pages load as it goes). */
export async function showEverything(page: Page, time: SimulatedTime, count: number) {
  let last = -1;
  let still = 0;
  for (;;) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    // Renders and page requests (a page budget's wait is a timer) need the clock.
    await time.advance(1_000);
    const now = await page.locator('article[id^="update-"]').count();
    if (now === count) return;
    still = now === last ? still + 1 : 0;
    if (still > 20) throw new Error(`the page stopped at ${now} of ${count} updates`);
    last = now;
  }
}

/** The reader reads down into older updates (older pages load), then returns to the top. */
export async function browseOlder(page: Page, time: SimulatedTime) {
  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await time.advance(1_000);
  }
  await scrollToTop(page);
  await time.advance(1_000);
}

const facetTopic = (page: Page) => page.getByRole('group', { name: 'Topic' });

export async function filterByTopic(page: Page, time: SimulatedTime) {
  const label = TOPICS[0].label;
  await facetTopic(page)
    .getByRole('checkbox', { name: new RegExp(`^${label} \\(\\d+\\)$`) })
    .check();
  await time.advance(1_000);
  expect(new URL(page.url()).searchParams.get('topic')).toBe(TOPICS[0].id);
}

export async function search(page: Page, time: SimulatedTime) {
  await page.getByRole('searchbox', { name: 'Search updates' }).fill('report 1');
  await time.advance(1_000);
  expect(new URL(page.url()).searchParams.get('q')).toBe('report 1');
}

/** Clears the filters from the top: the render window starts again where it always does. */
export async function clearFilters(page: Page, time: SimulatedTime) {
  await scrollToTop(page);
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await time.advance(1_000);
  const params = new URL(page.url()).searchParams;
  expect(params.get('topic')).toBeNull();
  expect(params.get('q')).toBeNull();
  await scrollToTop(page);
}
