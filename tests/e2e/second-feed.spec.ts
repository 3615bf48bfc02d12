import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, renderAllUpdates, test } from './fixtures';

// Unrelated feeds from tests/fixtures/feeds, opened with ?feed= on the standalone page.
const open = (page: Page, base: string, fixture: string) =>
  page.goto(`${base}?feed=/fixtures/${fixture}`);
const articles = (page: Page) => page.getByRole('main').getByRole('article');
const titles = async (page: Page) =>
  (await articles(page).getByRole('heading').allTextContents()).sort();
/** The topic groups' headings in page order, without the "(n updates)" count. */
const groupLabels = async (page: Page) =>
  (await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents())
    .filter((h) => h !== 'Pinned')
    .map((h) => h.replace(/\s*\(\d+ updates?\)$/, ''));
const group = (page: Page, label: string) =>
  page.getByRole('region', { name: new RegExp(`^${escape(label)} \\(`) });

interface FixtureItem {
  id: unknown;
  title?: string;
  _liveblog?: { deleted?: boolean };
}
const fixtureItems = (name: string) =>
  (JSON.parse(readFileSync(`tests/fixtures/feeds/${name}`, 'utf8')) as { items: FixtureItem[] })
    .items;

test('Mars landing: declared, then undeclared, then "Other updates"; tombstones absent', async ({
  page,
  server,
}) => {
  await open(page, server.url, 'mars-landing.json');
  const live = fixtureItems('mars-landing.json').filter((i) => !i._liveblog?.deleted);
  await renderAllUpdates(page, live.length);
  expect(await titles(page)).toEqual(live.map((i) => i.title!).sort());
  // Tombstones carry no headline: an untitled article would be one of them shown by mistake.
  await expect(page.getByRole('article', { name: /^Update at/ })).toHaveCount(0);

  expect(await groupLabels(page)).toEqual([
    'Landing',
    'Rover “Tern”',
    'Science',
    'Mission control',
    'weather',
    'Other updates',
  ]);
  // An item's group is its first topic; the pinned touchdown sits above the groups only.
  await expect(
    group(page, 'Rover “Tern”').getByRole('article', {
      name: 'First image from the hazard cameras',
    }),
  ).toBeVisible();
  await expect(
    group(page, 'Other updates').getByRole('article', { name: 'Afternoon briefing moved' }),
  ).toBeVisible();
  await expect(page.getByRole('article', { name: 'Touchdown confirmed' })).toHaveCount(1);
  await expect(
    page.getByRole('region', { name: 'Pinned' }).getByRole('article', {
      name: 'Touchdown confirmed',
    }),
  ).toBeVisible();

  // Sweden is declared without a name: the reader's language names it.
  await expect(
    page
      .getByRole('group', { name: 'Country' })
      .getByRole('checkbox', { name: /^Sweden \(\d+\)$/ }),
  ).toBeVisible();

  // Accents do not matter to search.
  await page.getByRole('searchbox', { name: 'Search updates' }).fill('sanchez');
  await expect(articles(page)).toHaveCount(3);
  expect(await titles(page)).toEqual(
    ['Touchdown confirmed', 'Press conference: what comes next', 'Entry interface'].sort(),
  );
});

test('plain JSON Feed: tags are the topics, untagged items go to "Other updates"', async ({
  page,
  server,
}) => {
  await open(page, server.url, 'plain-jsonfeed.json');
  const items = fixtureItems('plain-jsonfeed.json');
  await expect(articles(page)).toHaveCount(items.length);
  expect(await groupLabels(page)).toEqual(['elite race', 'results', 'roads', 'Other updates']);
  await expect(group(page, 'results').getByRole('article')).toHaveCount(2);
  await expect(
    group(page, 'results').getByRole('article', { name: 'Winner crosses the line' }),
  ).toBeVisible();
  await expect(
    group(page, 'Other updates').getByRole('article', { name: 'Good morning from the start line' }),
  ).toBeVisible();
  // Tags are filterable topics too.
  await page
    .getByRole('group', { name: 'Topic' })
    .getByRole('checkbox', { name: /^schedule \(1\)$/ })
    .check();
  expect(await titles(page)).toEqual(['Start delayed by ten minutes']);
});

test('right-to-left Arabic feed: declared groups in order, pinned above', async ({
  page,
  server,
}) => {
  await open(page, server.url, 'rtl-arabic.json');
  await expect(articles(page)).toHaveCount(fixtureItems('rtl-arabic.json').length);
  // "الافتتاح" (opening) holds only the pinned update, so it has no group of its own.
  expect(await groupLabels(page)).toEqual(['الصفقات', 'التقنية', 'التنظيم']);
  await expect(
    page.getByRole('region', { name: 'Pinned' }).getByRole('article', {
      name: 'افتتاح معرض الواحة الدولي للتجارة',
    }),
  ).toBeVisible();
  // The feed's words are marked as Arabic; the interface's own stay in its language.
  await expect(page.getByRole('heading', { name: 'حصيلة اليوم الأول' })).toHaveAttribute(
    'lang',
    'ar',
  );
  await expect(page.getByRole('region', { name: 'Pinned' })).not.toHaveAttribute('lang');
  await expect(page.locator('.lb-root')).not.toHaveAttribute('lang');
  await expectNoAxeViolations(page);
});

test('invalid items are dropped one by one; the rest render with a note', async ({
  page,
  server,
}) => {
  await open(page, server.url, 'invalid-items.json');
  await expect(articles(page)).toHaveCount(4);
  expect(await titles(page)).toEqual(
    ['Headliner on stage', 'Regatta results', 'Fireworks moved to 22:30', 'Gates open'].sort(),
  );
  await expect(page.getByRole('article', { name: /INVALID/ })).toHaveCount(0);
  await expect(page.locator('p:has(> [role=status])')).toContainText(
    '5 updates could not be shown',
  );
});

test.describe('documents that are not a feed', () => {
  test('JSON that is not a JSON Feed: a clear error, not a blank page', async ({
    page,
    server,
  }) => {
    await open(page, server.url, 'not-a-feed.json');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This live blog could not be loaded.');
    await expect(alert).toContainText('not a JSON Feed');
    await expect(page.locator('.lb-notice')).toContainText('could not be read');
    await expect(articles(page)).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('a text file the server does not serve as a feed: a clear error', async ({
    page,
    server,
  }) => {
    await open(page, server.url, 'not-json.txt');
    await expect(page.getByRole('alert')).toContainText('This live blog could not be loaded.');
    await expect(page.locator('.lb-notice')).toContainText('The feed is not available');
  });

  test('a proxy error page labelled as JSON: a clear error', async ({ page, server }) => {
    // The server only serves .json fixtures as feeds; a misconfigured proxy would send this
    // HTML error page with a JSON content type and status 200.
    await page.route(
      (url) => url.pathname === '/fixtures/not-json.txt',
      (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: readFileSync('tests/fixtures/feeds/not-json.txt', 'utf8'),
        }),
    );
    await open(page, server.url, 'not-json.txt');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This live blog could not be loaded.');
    await expect(alert).toContainText('The server sent a web page instead of the feed.');
    await expect(page.locator('.lb-notice')).toContainText('could not be read');
  });
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
