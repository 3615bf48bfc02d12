// "Since your last visit" (issue 16) across two visits in one browser: the first shows nothing;
// the next, after the feed gained updates, says how many came and since when, marks them, and
// leads to the first of them. Expectations come from the demo feed as the replay publishes it.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';

interface SeedItem {
  title: string;
  date_published: string;
}
const demo = JSON.parse(readFileSync('public/feeds/vilnius-2023.json', 'utf8')) as {
  items: SeedItem[];
};
const oldestFirst = [...demo.items].sort(
  (a, b) => Date.parse(a.date_published) - Date.parse(b.date_published),
);
const EVENT_ZONE = 'Europe/Vilnius';
const BANNER = /since you were here at/;
const MARK = 'New since your last visit';
// Longer than the demo's 15 s poll plus its +10 % jitter: one fast-forward, one poll.
const ONE_POLL = '00:17';

/** The clock times a record made between `from` and `to` may read (a minute may turn). */
function clocks(from: number, to: number): string[] {
  const format = (ms: number) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: EVENT_ZONE,
      hour: '2-digit',
      minute: '2-digit',
    }).format(ms);
  return [...new Set([format(from), format(to)])];
}

const marked = (scope: Page | Locator) =>
  scope
    .getByRole('article')
    .filter({ hasText: MARK })
    .evaluateAll((articles) => articles.map((a) => a.querySelector('h3')!.textContent));

/**
 * Leaves the page for another site: the page is hidden and unloaded, as when a tab moves on. The
 * visit is recorded by a chunk that the page loads after its first render (last-visit-tracking):
 * a reader who leaves before it is in is not recorded, so the test first waits until a pagehide
 * would be recorded.
 */
async function leave(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        window.dispatchEvent(new Event('pagehide'));
        return Object.keys(localStorage).some((k) => k.startsWith('live-blog:last-visit:'));
      }),
    )
    .toBe(true);
  const before = Date.now();
  await page.goto('about:blank');
  return clocks(before, Date.now());
}

test.describe('the standalone page', () => {
  test.use({ serverOptions: { initialItems: 3 } });

  test('a second visit says how many updates came since the first, and where they start', async ({
    page,
    server,
    admin,
  }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto(server.url);
    await expect(page.getByRole('article')).toHaveCount(3);
    await expect(page.getByText(BANNER)).toHaveCount(0);
    expect(await marked(page)).toEqual([]);
    const left = await leave(page);

    await admin.publish(2);
    // Where the first update stood when updates first showed: the banner, however it comes
    // (with them, or over server HTML once the browser has taken it over), must not move it.
    await page.addInitScript(() => {
      // In the first frame that shows one (frames wait for the page's stylesheets).
      const look = () => {
        const first = document.querySelector('article');
        if (first) (window as { firstTop?: number }).firstTop = first.getBoundingClientRect().top;
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(server.url);
    await expect(page.getByRole('article')).toHaveCount(5);
    await expect(page.getByText(BANNER)).toBeVisible();
    const tops = await page.evaluate(() => ({
      then: (window as { firstTop?: number }).firstTop,
      now: document.querySelector('article')!.getBoundingClientRect().top,
    }));
    expect(tops.now).toBe(tops.then);
    const banner = page.getByText(BANNER);
    await expect(banner).toHaveText(
      new RegExp(`^2 updates since you were here at (${left.join('|')})`),
    );
    // The two that came are marked, for screen readers too (the mark is text).
    expect((await marked(page)).sort()).toEqual(
      [oldestFirst[3]!.title, oldestFirst[4]!.title].sort(),
    );

    // "Go to the first of them": the first in time, which takes the focus.
    await page.getByRole('button', { name: 'Go to the first of them' }).click();
    const first = page.getByRole('article', { name: oldestFirst[3]!.title });
    await expect(first).toBeInViewport();
    await expect(first).toBeFocused();

    // A reload a moment later: nothing new since.
    await page.reload();
    await expect(page.getByRole('article')).toHaveCount(5);
    await expect(page.getByText(BANNER)).toHaveCount(0);
    expect(await marked(page)).toEqual([]);
  });

  test('what arrives while the page is open does not count as new next time', async ({
    page,
    server,
    admin,
  }) => {
    await page.clock.install();
    await page.goto(server.url);
    await expect(page.getByRole('article')).toHaveCount(3);
    await admin.publish();
    await page.clock.fastForward(ONE_POLL);
    await expect(page.getByRole('article')).toHaveCount(4);
    await leave(page);

    await page.goto(server.url);
    await expect(page.getByRole('article')).toHaveCount(4);
    await expect(page.getByText(BANNER)).toHaveCount(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const [device, size] of [
      ['phone', { width: 390, height: 844 }],
      ['desktop', { width: 1280, height: 800 }],
    ] as const) {
      test(`axe: the banner and the marks, ${scheme}, ${device}`, async ({
        page,
        server,
        admin,
      }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize(size);
        await page.goto(`${server.url}?view=latest`);
        await expect(page.getByRole('article')).toHaveCount(3);
        await leave(page);
        await admin.publish(2);
        await page.goto(`${server.url}?view=latest`);
        await expect(page.getByText(BANNER)).toBeVisible();
        await expect(page.getByRole('article').filter({ hasText: MARK })).toHaveCount(2);
        await expectNoAxeViolations(page);
      });
    }
  }
});

test.describe('<live-blog>', () => {
  test.use({ serverOptions: { initialItems: 3 } });

  test('remembers the last visit on the host page, per feed', async ({
    page,
    server,
    host,
    admin,
  }) => {
    const url = host.page(
      '/article.html',
      hostDocument(
        `<live-blog feed="${server.url}feeds/vilnius-2023.json" view="latest"></live-blog>`,
        `<script type="module" src="${server.url}embed.js"></script>`,
      ),
    );
    const widget = page.locator('live-blog');
    await page.goto(url);
    await expect(widget.getByRole('article')).toHaveCount(3);
    await expect(widget.getByText(BANNER)).toHaveCount(0);
    const left = await leave(page);

    await admin.publish();
    await page.goto(url);
    await expect(widget.getByRole('article')).toHaveCount(4);
    await expect(widget.getByText(BANNER)).toHaveText(
      new RegExp(`^1 update since you were here at (${left.join('|')})`),
    );
    expect(await marked(widget)).toEqual([oldestFirst[3]!.title]);
    await widget.getByRole('button', { name: 'Go to it' }).click();
    await expect(widget.getByRole('article', { name: oldestFirst[3]!.title })).toBeFocused();
  });
});
