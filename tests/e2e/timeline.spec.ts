import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  expect,
  expectNoAxeViolations,
  test,
  scrollIntoTimeline,
  publishUntil,
  replayState,
} from './fixtures';

// The demo feed as the replay server reads it: the source of every expectation below.
interface SeedItem {
  id: string;
  title: string;
  content_html: string;
  date_published: string;
  _liveblog: { topics: string[]; pinned?: boolean };
}
const demo = JSON.parse(readFileSync('public/feeds/vilnius-2023.json', 'utf8')) as {
  items: SeedItem[];
  _liveblog: { topics: { id: string; label: string }[] };
};
const topicLabel = (id: string) => demo._liveblog.topics.find((t) => t.id === id)!.label;
const pinned = demo.items.find((i) => i._liveblog.pinned)!;
const byId = (id: string) => demo.items.find((i) => i.id === id)!;
const oldestFirst = [...demo.items].sort(
  (a, b) => Date.parse(a.date_published) - Date.parse(b.date_published),
);

const HEAD_PATH = '/feeds/vilnius-2023.json';
// Longer than the demo's 15 s poll plus its +10 % jitter: one fast-forward, one poll.
const ONE_POLL = '00:17';

const articles = (page: Page) => page.getByRole('main').getByRole('article');
const article = (page: Page, title: string) => page.getByRole('article', { name: title });
const newUpdates = (page: Page) => page.getByRole('button', { name: /new updates?$/ });

test.describe('demo feed, everything published', () => {
  test.use({ serverOptions: { initialItems: 100 } });

  test('every update appears once, grouped by topic in declared order, pinned on top', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await expect(page.getByRole('status')).toHaveText(/^Live/);
    await expect(articles(page)).toHaveCount(demo.items.length);
    for (const item of demo.items) await expect(article(page, item.title)).toHaveCount(1);

    // Groups: declared order, only topics that hold a non-pinned item as their first topic.
    const expectedGroups = demo._liveblog.topics
      .filter((t) => demo.items.some((i) => !i._liveblog.pinned && i._liveblog.topics[0] === t.id))
      .map((t) => t.label);
    const headings = (
      await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents()
    ).filter((h) => h !== 'Pinned');
    expect(headings).toHaveLength(expectedGroups.length);
    headings.forEach((h, i) => expect(h.startsWith(expectedGroups[i]!), h).toBe(true));

    // Each update sits in the section of its first topic.
    for (const item of demo.items.filter((i) => !i._liveblog.pinned)) {
      const label = topicLabel(item._liveblog.topics[0]!);
      const section = page.getByRole('region', { name: new RegExp(`^${escape(label)} \\(`) });
      await expect(section.getByRole('article', { name: item.title })).toHaveCount(1);
    }

    // The pinned update: once, in its own region, above the first group.
    const pinnedRegion = page.getByRole('region', { name: 'Pinned' });
    await expect(pinnedRegion.getByRole('article', { name: pinned.title })).toBeVisible();
    const pinnedBox = await pinnedRegion.boundingBox();
    const firstGroupBox = await page
      .getByRole('region', { name: new RegExp(`^${escape(expectedGroups[0]!)} \\(`) })
      .boundingBox();
    expect(pinnedBox!.y + pinnedBox!.height).toBeLessThanOrEqual(firstGroupBox!.y);
  });

  test('axe: loaded', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(demo.items.length);
    await expectNoAxeViolations(page);
  });

  test.describe('dark', () => {
    test.use({ colorScheme: 'dark' });
    test('axe: dark colour scheme', async ({ page, server }) => {
      await page.goto(server.url);
      await expect(articles(page)).toHaveCount(demo.items.length);
      // The dark palette really is in use (else this would re-test the light one).
      const background = await page.evaluate(
        () => getComputedStyle(document.querySelector('.lb-theme')!).backgroundColor,
      );
      const [r, g, b] = background.match(/\d+/g)!.map(Number);
      expect(r! + g! + b!, background).toBeLessThan(3 * 64);
      await expectNoAxeViolations(page);
    });
  });

  test.describe('forced colours', () => {
    test.use({ forcedColors: 'active' });
    test('the chosen view and order stand out by more than their weight', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await expect(articles(page)).toHaveCount(demo.items.length);
      await page.getByRole('button', { name: 'Latest' }).click();
      // Forced colours keep a colour's alpha: compare the colours alone.
      const rgb = (color: string) =>
        color
          .match(/\d+(\.\d+)?/g)!
          .slice(0, 3)
          .join(',');
      const canvas = await page.evaluate(
        () => getComputedStyle(document.querySelector('.lb-theme')!).backgroundColor,
      );
      for (const name of ['Show updates', 'Order']) {
        const chosen = await page
          .getByRole('group', { name })
          .locator('[aria-pressed="true"]')
          .evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]);
        expect(rgb(chosen[0]!), name).not.toBe(rgb(canvas));
        expect(rgb(chosen[1]!), name).not.toBe(rgb(chosen[0]!));
      }
      await expectNoAxeViolations(page);
    });
  });

  test('axe: phone width', async ({ page, server }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(demo.items.length);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /^Filters/ }).click();
    await expect(page.getByRole('group', { name: 'Topic' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('live replay (3 updates at start)', () => {
  test.beforeEach(async ({ page }) => {
    // Polls run on the page's clock; fast-forwarding it polls without waiting 15 s.
    await page.clock.install();
  });

  test('a new update appears by polling; scrolled down, it waits behind a button', async ({
    page,
    server,
    admin,
  }) => {
    await page.setViewportSize({ width: 1280, height: 480 });
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(3);
    const [fourth, fifth] = [oldestFirst[3]!, oldestFirst[4]!];

    // At the top: the update shows at once, with no button in between.
    await admin.publish();
    await page.clock.fastForward(ONE_POLL);
    await expect(article(page, fourth.title)).toBeVisible();
    await expect(articles(page)).toHaveCount(4);
    await expect(newUpdates(page)).toHaveCount(0);

    // Reading further down: the arrival waits, nothing moves.
    await scrollIntoTimeline(page, 400);
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await admin.publish();
    await page.clock.fastForward(ONE_POLL);
    await expect(newUpdates(page)).toHaveText(/1 new update$/);
    await expect(article(page, fifth.title)).toHaveCount(0);
    await expect(articles(page)).toHaveCount(4);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);

    // Showing it takes the reader to it: by topic, to the top of the timeline when it joins the
    // first group, else to the update itself, in its group further down.
    await newUpdates(page).click();
    await expect(article(page, fifth.title)).toBeInViewport();
    await expect(page.getByText('5 updates', { exact: true })).toBeAttached();
    await expect(articles(page)).toHaveCount(5);
    await expect(newUpdates(page)).toHaveCount(0);
  });

  test.describe('with the source dates kept', () => {
    // Kept dates put the edit hours after the update's publication, so it reads as an edit.
    test.use({ serverOptions: { shiftDates: false } });

    test('an edit shows "Updated HH:mm" and its full text; a retracted duplicate disappears', async ({
      page,
      server,
      admin,
    }) => {
      await page.goto(server.url);
      await expect(articles(page)).toHaveCount(3);
      const { editId, duplicateId } = await replayState(admin);
      const edited = byId(editId!);
      const duplicated = byId(duplicateId!.replace(/-dup$/, ''));
      // The replay publishes the edited update with its first paragraph only.
      const lastParagraph = lastParagraphText(edited.content_html);

      await publishUntil(admin, 'edit');
      await page.clock.fastForward(ONE_POLL);
      await expect(articles(page)).toHaveCount(demo.items.length + 1);
      await expect(article(page, duplicated.title)).toHaveCount(2);
      await expect(article(page, edited.title)).not.toContainText(lastParagraph);
      await expect(article(page, edited.title)).not.toContainText(/Updated \d\d:\d\d/);

      await publishUntil(admin, null);
      await page.clock.fastForward(ONE_POLL);
      await expect(page.getByRole('status')).toHaveText(/^This live blog has ended/);
      await expect(article(page, duplicated.title)).toHaveCount(1);
      await expect(articles(page)).toHaveCount(demo.items.length);

      const head = (await (await fetch(`${server.url}feeds/vilnius-2023.json`)).json()) as {
        items: { id: string; date_modified?: string }[];
      };
      const modified = head.items.find((i) => i.id === editId)!.date_modified!;
      const clock = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Vilnius',
        hour: '2-digit',
        minute: '2-digit',
      }).format(Date.parse(modified));
      await expect(article(page, edited.title)).toContainText(`Updated ${clock}`);
      await expect(article(page, edited.title)).toContainText(lastParagraph);
    });
  });

  test('a 304 poll changes nothing on screen', async ({ page, server, admin }) => {
    await page.goto(server.url);
    await expect(articles(page)).toHaveCount(3);
    await page.evaluate(() => {
      const w = window as unknown as { articleMutations: number };
      w.articleMutations = 0;
      const main = document.querySelector('main')!;
      const touchesArticles = (r: MutationRecord) => {
        const target = r.target instanceof Element ? r.target : r.target.parentElement;
        if (target?.closest('article')) return true;
        const nodes = [...r.addedNodes, ...r.removedNodes];
        return nodes.some(
          (n) => n instanceof Element && (n.matches('article') || !!n.querySelector('article')),
        );
      };
      new MutationObserver((records) => {
        w.articleMutations += records.filter(touchesArticles).length;
      }).observe(main, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const mutations = () =>
      page.evaluate(() => (window as unknown as { articleMutations: number }).articleMutations);
    await admin.clearRequests();
    const headPolls = async () =>
      (await admin.requests()).filter((r) => new URL(r.path, server.url).pathname === HEAD_PATH);

    // Two polls with nothing published: the second is only scheduled once the first is handled.
    await page.clock.fastForward(ONE_POLL);
    await expect.poll(async () => (await headPolls()).length).toBe(1);
    await page.clock.fastForward(ONE_POLL);
    await expect.poll(async () => (await headPolls()).length).toBe(2);
    const polls = await headPolls();
    expect(polls.map((r) => [r.status, r.ifNoneMatch])).toEqual([
      [304, true],
      [304, true],
    ]);
    expect(await mutations()).toBe(0);

    // The observer does see real changes: a published update is one.
    await admin.publish();
    await page.clock.fastForward(ONE_POLL);
    await expect(articles(page)).toHaveCount(4);
    expect(await mutations()).toBeGreaterThan(0);
  });
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function lastParagraphText(html: string): string {
  const paragraphs = [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) =>
    m[1]!.replace(/<[^>]+>/g, '').trim(),
  );
  // A distinctive stretch of plain words, free of entities and curly quotes.
  const last = paragraphs.at(-1)!;
  return last.slice(0, 40);
}
