import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, scrollIntoTimeline } from './fixtures';

// Titles from public/feeds/vilnius-2023.json, oldest first.
const T = {
  bidenToMeet: 'Biden to meet with Zelenskyy ahead of big speech',
  day2Priorities: 'Zelenskyy lays out priorities for Day 2 of summit',
  bidenSpeech: 'Biden’s speech to focus on support for Ukraine, global challenges',
  g7: 'Biden and G7 allies eye individual security pacts with Ukraine',
  china: 'China hits back at NATO criticism and vows to defend its rights',
  trudeau: 'Zelenskyy meets with NATO leaders, including Canada’s Trudeau',
  yermak: '‘We are preparing the foundation,’ Zelenskyy’s chief of staff says',
};
const TOTAL = Object.keys(T).length;
const ONE_POLL = '00:17';

const articles = (page: Page) => page.getByRole('main').getByRole('article');
const titles = async (page: Page) =>
  (await page.getByRole('main').getByRole('article').getByRole('heading').allTextContents()).sort();
const facet = (page: Page, legend: string) => page.getByRole('group', { name: legend });
/** A facet checkbox by its label's name, whatever its count. */
const checkbox = (scope: Page | Locator, name: string) =>
  scope.getByRole('checkbox', { name: new RegExp(`^${escape(name)} \\(\\d+\\)$`) });
const resultCount = (page: Page) => page.locator('.lb-result-count');
const newUpdates = (page: Page) => page.getByRole('button', { name: /new updates?$/ });
const params = (page: Page) => new URL(page.url()).searchParams;

test.describe('demo feed, everything published', () => {
  test.use({ serverOptions: { initialItems: 100 } });

  test('a speaker then a country: counts, results, URL, shared link and Back agree', async ({
    page,
    server,
    context,
  }) => {
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(TOTAL);

    await expectCountsMatchResults(page, 'Speaker', TOTAL);
    await checkbox(facet(page, 'Speaker'), 'Volodymyr Zelenskyy').check();
    await expect(articles(page)).toHaveCount(2);
    await expect(resultCount(page)).toContainText(`2 of ${TOTAL} updates`);
    expect(params(page).get('speaker')).toBe('zelenskyy');

    // Every country's count is what toggling it shows (other facets' filters applied).
    await expectCountsMatchResults(page, 'Country', 2);
    await expect(checkbox(facet(page, 'Country'), 'Ukraine')).toHaveAccessibleName('Ukraine (2)');
    await expect(checkbox(facet(page, 'Country'), 'Canada')).toHaveAccessibleName('Canada (1)');

    await checkbox(facet(page, 'Country'), 'Canada').check();
    await expect(articles(page)).toHaveCount(1);
    await expect(page.getByRole('article', { name: T.trudeau })).toBeVisible();
    await expect(resultCount(page)).toContainText(`1 of ${TOTAL} updates`);
    expect(params(page).get('speaker')).toBe('zelenskyy');
    expect(params(page).get('country')).toBe('CA');
    // With Canada chosen, the speaker counts follow: only Zelenskyy speaks in a Canada item.
    await expect(checkbox(facet(page, 'Speaker'), 'Volodymyr Zelenskyy')).toHaveAccessibleName(
      'Volodymyr Zelenskyy (1)',
    );

    // The link reproduces the view in a fresh page.
    const shared = await context.newPage();
    await shared.goto(page.url());
    await expect(articles(shared)).toHaveCount(1);
    expect(await titles(shared)).toEqual(await titles(page));
    await expect(checkbox(facet(shared, 'Country'), 'Canada')).toBeChecked();
    await shared.close();

    // Back: the speaker-only view again.
    await page.goBack();
    await expect(articles(page)).toHaveCount(2);
    await expect(checkbox(facet(page, 'Country'), 'Canada')).not.toBeChecked();
    await expect(checkbox(facet(page, 'Speaker'), 'Volodymyr Zelenskyy')).toBeChecked();
    expect(params(page).get('country')).toBeNull();
    expect(params(page).get('speaker')).toBe('zelenskyy');
  });

  test('search ignores case; key events only', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(TOTAL);

    await page.getByRole('searchbox', { name: 'Search updates' }).fill('zelenskyy');
    await expect(articles(page)).toHaveCount(5);
    for (const a of await articles(page).all()) await expect(a).toContainText('Zelenskyy');
    await expect(resultCount(page)).toContainText(`5 of ${TOTAL} updates`);
    expect(params(page).get('q')).toBe('zelenskyy');

    await page.getByRole('searchbox', { name: 'Search updates' }).fill('');
    await expect(articles(page)).toHaveCount(TOTAL);
    await page.getByRole('checkbox', { name: 'Key events only' }).check();
    expect(await titles(page)).toEqual([T.g7, T.china, T.day2Priorities].sort());
    for (const a of await articles(page).all()) await expect(a).toContainText('Key event');
    expect(params(page).get('key')).toBe('1');
    await expectNoAxeViolations(page);
  });

  test('a search typed with pauses is one step of Back, not one per pause', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(TOTAL);
    const box = page.getByRole('searchbox', { name: 'Search updates' });
    await box.focus();
    // Each letter waits until the address has it: a reader slow enough for every pause to apply.
    for (const typed of ['t', 'tr', 'tru', 'trud']) {
      await page.keyboard.type(typed.at(-1)!);
      await expect.poll(() => params(page).get('q')).toBe(typed);
    }
    await expect(articles(page)).toHaveCount(1);

    await page.goBack();
    await expect(articles(page)).toHaveCount(TOTAL);
    expect(params(page).get('q')).toBeNull();
    await expect(box).toHaveValue('');
    await page.goForward();
    await expect(box).toHaveValue('trud');
    await expect(articles(page)).toHaveCount(1);

    // Another search after leaving the box is a step of its own.
    await box.blur();
    await box.fill('china');
    await expect.poll(() => params(page).get('q')).toBe('china');
    // Emptying the box is a step too: Back brings that search back.
    await box.fill('');
    await expect.poll(() => params(page).get('q')).toBeNull();
    await page.goBack();
    await expect(box).toHaveValue('china');
    await page.goBack();
    await expect(box).toHaveValue('trud');
  });

  test('a search too long for a link is cut where the link cuts it', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(TOTAL);
    const box = page.getByRole('searchbox', { name: 'Search updates' });
    // Past what a link carries, a second word that would narrow the results further.
    await box.fill(`zelenskyy${' '.repeat(200)}trudeau`);
    await expect(articles(page)).toHaveCount(5);
    await expect(resultCount(page)).toContainText(`5 of ${TOTAL} updates`);
    await expect(box).toHaveValue(/^zelenskyy +$/);

    await page.reload();
    await expect(resultCount(page)).toContainText(`5 of ${TOTAL} updates`);
    await expect(articles(page)).toHaveCount(5);
  });

  test('zero results name the filters to loosen, each removable', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(TOTAL);
    await page.getByRole('checkbox', { name: 'Key events only' }).check();
    await page.getByRole('searchbox', { name: 'Search updates' }).fill('Trudeau');

    await expect(page.getByText('No updates match these filters.')).toBeVisible();
    await expect(articles(page)).toHaveCount(0);
    const removeSearch = page.getByRole('button', { name: 'Remove search “Trudeau”' });
    const removeKey = page.getByRole('button', { name: 'Remove Key events only' });
    await expect(removeSearch).toBeVisible();
    await expect(removeKey).toBeVisible();
    await expectNoAxeViolations(page);

    await removeKey.click();
    await expect(articles(page)).toHaveCount(1);
    await expect(page.getByRole('article', { name: T.trudeau })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Key events only' })).not.toBeChecked();
    await expect(page.getByText('No updates match these filters.')).toHaveCount(0);
  });

  test('filters picked after opening a permalink survive a reload and a copied address', async ({
    page,
    server,
  }) => {
    const permalink = '#update-vilnius-2023-07-12-1120-china-hits-back';
    await page.goto(server.url + permalink);
    await expect(page.getByRole('article', { name: T.china })).toBeFocused();
    await checkbox(facet(page, 'Speaker'), 'Volodymyr Zelenskyy').check();
    await expect(articles(page)).toHaveCount(2);

    await page.reload();
    await expect(resultCount(page)).toContainText(`2 of ${TOTAL} updates`);
    await expect(articles(page)).toHaveCount(2);
    await expect(checkbox(facet(page, 'Speaker'), 'Volodymyr Zelenskyy')).toBeChecked();
    expect(params(page).get('speaker')).toBe('zelenskyy');

    // Back: the permalink as it was opened, every update, the linked one in focus.
    await page.goBack();
    expect(new URL(page.url()).hash).toBe(permalink);
    await expect(articles(page)).toHaveCount(TOTAL);
  });

  test('the Latest view shows the same filtered updates, newest first', async ({
    page,
    server,
  }) => {
    await page.goto(`${server.url}?country=UA`);
    await expect(articles(page)).toHaveCount(5);
    const grouped = await titles(page);

    await page.getByRole('button', { name: 'Latest' }).click();
    await expect(page.getByRole('button', { name: 'Latest' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(params(page).get('view')).toBe('latest');
    expect(params(page).get('country')).toBe('UA');
    await expect(articles(page)).toHaveCount(5);
    expect(await titles(page)).toEqual(grouped);
    // No topic groups; pinned first, then the stream newest first.
    await expect(page.getByRole('region', { name: /^Ukraine \(/ })).toHaveCount(0);
    const inOrder = await articles(page).getByRole('heading').allTextContents();
    expect(inOrder[0]).toBe(T.day2Priorities);
    const times = await articles(page)
      .locator('time')
      .evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime')!)));
    const stream = times.slice(1);
    expect(stream).toEqual([...stream].sort((a, b) => b - a));
    expect(inOrder.slice(1)).toEqual([T.yermak, T.trudeau, T.g7, T.bidenToMeet]);

    // The same link opened fresh.
    await page.goto(`${server.url}?country=UA&view=latest`);
    await expect(articles(page)).toHaveCount(5);
    expect(await articles(page).getByRole('heading').allTextContents()).toEqual(inOrder);
  });

  test('phone width: facets behind a Filters button; keyboard toggles a facet', async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(TOTAL);
    const toggle = page.getByRole('button', { name: /^Filters/ });
    const ukraine = checkbox(facet(page, 'Topic'), 'Ukraine');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(ukraine).toBeHidden();

    // Keyboard only, from a fresh page: Tab reaches the button, Space opens the panel, Tab
    // reaches the checkbox, Space toggles it.
    await tabTo(page, toggle);
    await page.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await tabTo(page, ukraine);
    await page.keyboard.press('Space');
    await expect(ukraine).toBeChecked();
    await expect(articles(page)).toHaveCount(5);
    expect(params(page).get('topic')).toBe('ukraine');
    await expect(toggle).toHaveAccessibleName('Filters (1 active)');

    // A click closes it and opens it again.
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(ukraine).toBeHidden();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(ukraine).toBeVisible();
  });

  test("the panel's Clear filters, gone once used, leaves the focus in the panel", async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(TOTAL);
    const panel = page.getByRole('search', { name: 'Filters' });
    await checkbox(facet(page, 'Topic'), 'Ukraine').check();
    await expect(articles(page)).toHaveCount(5);

    await panel.getByRole('button', { name: 'Clear filters' }).focus();
    await page.keyboard.press('Enter');
    await expect(articles(page)).toHaveCount(TOTAL);
    await expect(panel.getByRole('button', { name: 'Clear filters' })).toHaveCount(0);
    // Where the reader starts again, not the top of the timeline or the page's body.
    await expect(panel.getByRole('searchbox', { name: 'Search updates' })).toBeFocused();
  });

  // On a phone the filters stand above the rail; on a tablet they are the left column beside it.
  for (const width of [375, 900]) {
    test(`at ${width} px, Tab reaches the filters before the story at a glance`, async ({
      page,
      server,
    }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(server.url);
      await expect(articles(page)).toHaveCount(TOTAL);
      const rail = page.getByRole('region', { name: 'The story at a glance' });
      const filters = page.locator('.lb-filters');
      // The panel's code comes after the updates: on a busy machine, later than the first Tab.
      await expect(filters.locator('input[type=search]')).toBeAttached();
      const above = async (a: Locator, b: Locator) =>
        ((await a.boundingBox())?.y ?? Infinity) <= ((await b.boundingBox())?.y ?? -Infinity);
      const beside = async (a: Locator, b: Locator) =>
        ((await a.boundingBox())?.x ?? Infinity) < ((await b.boundingBox())?.x ?? -Infinity);
      // The layout this test is about: filters first on screen, by row or by column.
      expect((await above(filters, rail)) || (await beside(filters, rail))).toBe(true);

      const visited: string[] = [];
      for (let i = 0; i < 40 && !visited.includes('rail'); i++) {
        await page.keyboard.press('Tab');
        const where = await page.evaluate(() => {
          const el = document.activeElement;
          if (el?.closest('.lb-rail')) return 'rail';
          return el?.closest('.lb-filters') ? 'filters' : 'other';
        });
        if (where !== 'other') visited.push(where);
      }
      expect(visited[0]).toBe('filters');
      expect(visited).toContain('rail');
    });
  }
});

test.describe('live replay, 5 updates at start', () => {
  // The two later updates: Trudeau (UA, CA), then Yermak (UA, LT).
  test.use({ serverOptions: { initialItems: 5 } });

  test('an arrival that does not match the filters does not bump the new-updates button', async ({
    page,
    server,
    admin,
  }) => {
    await page.clock.install();
    await page.setViewportSize({ width: 1280, height: 400 });
    await page.goto(`${server.url}?country=LT`);
    await expect(articles(page)).toHaveCount(2);
    await expect(resultCount(page)).toContainText('2 of 5 updates');

    await scrollIntoTimeline(page, 300);
    await admin.clearRequests();
    await admin.publish(); // Trudeau: not in Lithuania
    await page.clock.fastForward(ONE_POLL);
    await expect
      .poll(async () => (await admin.requests()).filter((r) => r.status === 200).length)
      .toBe(1);
    await expect(newUpdates(page)).toHaveCount(0);

    await admin.publish(); // Yermak: in Lithuania
    await page.clock.fastForward(ONE_POLL);
    // Two arrivals wait, one matches: the button counts the one.
    await expect(newUpdates(page)).toHaveText(/1 new update$/);
    await newUpdates(page).click();
    await expect(page.getByRole('article', { name: T.yermak })).toBeVisible();
    await expect(articles(page)).toHaveCount(3);
    await expect(resultCount(page)).toContainText(`3 of ${TOTAL} updates`);
    await expect(page.getByRole('article', { name: T.trudeau })).toHaveCount(0);
  });
});

/** Toggles each checkbox of a facet on and off: the count in its label is the result count. */
async function expectCountsMatchResults(page: Page, legend: string, baseline: number) {
  // Counts follow the timeline a moment later; the form says so while they catch up.
  await expect(page.getByRole('search', { name: 'Filters' })).not.toHaveAttribute(
    'aria-busy',
    'true',
  );
  const labels = await facet(page, legend)
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).labels![0]!.textContent));
  expect(labels.length).toBeGreaterThan(2);
  for (const text of labels) {
    const [, label, count] = /^(.*) \((\d+)\)$/.exec(text)!;
    const box = checkbox(facet(page, legend), label!);
    await box.check();
    await expect(articles(page), `${text} shows that many updates`).toHaveCount(Number(count));
    await box.uncheck();
    await expect(articles(page)).toHaveCount(baseline);
  }
}

/** Presses Tab (at most 15 times) until `target` has the focus. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 15; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
