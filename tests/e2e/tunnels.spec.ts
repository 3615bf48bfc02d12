// A reader on a phone on a train: the connection goes in a tunnel, for longer than a few polls,
// and comes back. The page's clock is fake (page.clock), so half an hour passes in moments.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

declare global {
  interface Window {
    /** Each feed request the app made. */
    __feedAsks?: number;
    /** Every text the notice's live region held, in order. */
    __noticeSaid?: string[];
  }
}

test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

const INITIAL_ITEMS = 3;
const notice = (page: Page) => page.locator('.lb-notice');
const articles = (page: Page) => page.getByRole('article');
const OFFLINE = 'You are offline. New updates will appear when the connection returns.';
const asks = (page: Page) => page.evaluate(() => window.__feedAsks ?? 0);

async function openLive(page: Page, url: string) {
  await page.addInitScript(() => {
    window.__feedAsks = 0;
    window.__noticeSaid = [];
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const href =
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (href.includes('/feeds/')) window.__feedAsks! += 1;
      return original(input, init);
    };
    let before = '';
    new MutationObserver(() => {
      const said = document.querySelector('.lb-notice [aria-live]')?.textContent ?? '';
      if (said && said !== before) window.__noticeSaid!.push(said);
      before = said;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.clock.install();
  await page.goto(url);
  await expect(articles(page)).toHaveCount(INITIAL_ITEMS);
}

/** Half an hour in a tunnel: the polls of that time fail at once, and their waits grow. */
async function throughTunnel(page: Page) {
  for (let minute = 0; minute < 30; minute += 1) await page.clock.fastForward(60_000);
  await expect(notice(page)).toContainText('You are offline');
  expect(await asks(page)).toBeGreaterThanOrEqual(5);
}

test('back from a tunnel, the page asks at once and says nothing of the polls it lost', async ({
  page,
  context,
  server,
  admin,
}) => {
  await openLive(page, server.url);
  await context.setOffline(true);
  await admin.publish(2);
  await throughTunnel(page);
  // The poll the return sets off is slow to come back, as on a weak link out of a tunnel.
  let answer!: () => void;
  const held = new Promise<void>((resolve) => (answer = resolve));
  const asked = page.waitForRequest((r) => r.url().includes('/feeds/'));
  await page.route('**/feeds/**', async (route) => {
    await held;
    await route.continue();
  });
  await context.setOffline(false);
  await asked;
  // It is asking now: not "Connection lost: retrying in 5 min".
  await expect(notice(page)).toHaveText('');
  answer();
  await expect(articles(page)).toHaveCount(INITIAL_ITEMS + 2);
  expect(await page.evaluate(() => window.__noticeSaid)).toEqual([OFFLINE]);
});

test('a poll lost just after a tunnel is tried again in seconds, not minutes', async ({
  page,
  context,
  server,
  admin,
}) => {
  await openLive(page, server.url);
  await context.setOffline(true);
  await admin.publish(2);
  await throughTunnel(page);
  // The first request out of the tunnel is lost too; the server has been asked nothing since.
  let lost = false;
  await page.route('**/feeds/**', (route) => {
    if (lost) return route.continue();
    lost = true;
    return route.abort('connectionreset');
  });
  await context.setOffline(false);
  await expect(notice(page)).toContainText(/Connection lost: retrying in (8|9|10|11) s/);
  const before = await asks(page);
  await page.clock.fastForward(12_000);
  await expect.poll(() => asks(page)).toBeGreaterThan(before);
  await expect(articles(page)).toHaveCount(INITIAL_ITEMS + 2);
  await expect(notice(page)).toHaveText('');
});

test('a connection that comes and goes is said to be lost once, and shown each time', async ({
  page,
  context,
  server,
}) => {
  await openLive(page, server.url);
  for (let time = 0; time < 3; time += 1) {
    await context.setOffline(true);
    await expect(notice(page)).toContainText(OFFLINE);
    await context.setOffline(false);
    await expect(notice(page)).toHaveText('');
    await page.clock.fastForward(5_000);
  }
  expect(await page.evaluate(() => window.__noticeSaid)).toEqual([OFFLINE]);
});
