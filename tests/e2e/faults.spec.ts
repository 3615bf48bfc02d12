// Every fault a CDN, proxy or network can throw at a polling reader, injected by the real replay
// server while the standalone app polls it. The page's clock is fake (page.clock), so poll timers,
// back-off and the 10 s request timeout (AbortSignal.timeout is faked too) run in milliseconds.
import type { Page } from '@playwright/test';
import { advanceClockUntil, test, expect, type Admin } from './fixtures';

declare global {
  interface Window {
    /** Fake-clock time of every feed request the app made (recorded by the init script). */
    __feedFetches?: number[];
    /** How many of those requests have answered or failed. */
    __feedSettled?: number;
    /** Long tasks (ms) seen by the page: a frozen tab shows up here. */
    __longTasks?: number[];
  }
}

const HEAD = '/feeds/vilnius-2023.json';
/** poll_seconds is 15 with up to +10 % jitter; 17 s always reaches the next poll. */
const POLL_MS = 17_000;
const TIMEOUT_MS = 10_000;
const INITIAL_ITEMS = 3;

const faultOf = (entry: object | undefined) => (entry as { fault?: string | null })?.fault;

// The status line as seen: the announced state, and what ticks beside it.
const status = (page: Page) => page.locator('p:has(> [role=status])').first();
// The connection's trouble, and the countdown that ticks beside it.
const notice = (page: Page) => page.locator('.lb-notice');
const articles = (page: Page) => page.getByRole('article');

/** Opens the standalone app on the live replay with a fake clock and a request recorder. */
async function openLive(page: Page, url: string) {
  await page.addInitScript(() => {
    window.__feedFetches = [];
    window.__feedSettled = 0;
    window.__longTasks = [];
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const href =
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const reply = original(input, init);
      if (href.includes('/feeds/')) {
        window.__feedFetches!.push(Date.now());
        const settled = () => void (window.__feedSettled! += 1);
        reply.then(settled, settled);
      }
      return reply;
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks!.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.clock.install();
  await page.goto(url);
  await expect(articles(page)).toHaveCount(INITIAL_ITEMS);
  await expect(status(page)).toHaveText(/^Live/);
}

const feedFetches = (page: Page) => page.evaluate(() => window.__feedFetches!.length);

/** Moves the fake clock forward until the app has made at least one more request. */
async function advanceToNextRequest(page: Page, ms: number) {
  const before = await feedFetches(page);
  await advanceClockUntil(page, ms, async () => (await feedFetches(page)) > before);
}

/** The countdown of the status line in seconds ("retrying in 1 min 20 s" → 80). */
async function retrySeconds(page: Page): Promise<number> {
  const text = (await notice(page).textContent()) ?? '';
  const match = /retrying in (?:(\d+) min)? ?(?:(\d+) s)?/.exec(text);
  if (!match) return -1;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

async function expectCountdownBetween(page: Page, [min, max]: readonly [number, number]) {
  await expect.poll(() => retrySeconds(page)).toBeGreaterThanOrEqual(min);
  const seconds = await retrySeconds(page);
  expect(seconds).toBeLessThanOrEqual(max);
  return seconds;
}

interface FaultCase {
  readonly kind: string;
  readonly extra?: Record<string, unknown>;
  /** The plain-words problem the status line names. */
  readonly says: string;
  /** The request never answers: the client gives up after its own timeout. */
  readonly hangs?: boolean;
  /** Countdown after the first and the second failure, in seconds (jitter ±10 %). */
  readonly backoff: readonly [readonly [number, number], readonly [number, number]];
}

const DOUBLING = [
  [8, 11],
  [17, 22],
] as const;

/**
 * The pattern every failing fault must follow: items stay, the status line names the problem and
 * counts down to the next try, the second try waits longer (or as long as Retry-After asks),
 * nothing is requested before the countdown ends, and once the fault clears the client recovers
 * on its own with everything published meanwhile.
 */
async function rideOut(page: Page, url: string, admin: Admin, fault: FaultCase) {
  await openLive(page, url);
  await admin.fault(fault.kind, fault.extra);
  await admin.publish(2);

  await advanceToNextRequest(page, POLL_MS);
  if (fault.hangs) await page.clock.fastForward(TIMEOUT_MS);
  await expect(notice(page)).toContainText(`${fault.says}: retrying in`);
  // Announced once, in words: not the countdown, which would be read out every second.
  await expect(notice(page).locator('[aria-live=polite]')).toHaveText(fault.says);
  await expect(page.getByRole('button', { name: 'Retry now' })).toBeVisible();
  await expect(articles(page)).toHaveCount(INITIAL_ITEMS);
  const first = await expectCountdownBetween(page, fault.backoff[0]);

  // Back-off is real: no request before the countdown runs out, one right after.
  const before = await feedFetches(page);
  await page.clock.fastForward((first - 2) * 1000);
  expect(await feedFetches(page)).toBe(before);
  await advanceToNextRequest(page, 3_000);
  if (fault.hangs) await page.clock.fastForward(TIMEOUT_MS);
  const second = await expectCountdownBetween(page, fault.backoff[1]);
  await expect(notice(page)).toContainText(fault.says);
  await expect(articles(page)).toHaveCount(INITIAL_ITEMS);

  await admin.clearFault();
  await advanceToNextRequest(page, (second + 1) * 1000);
  await expect(status(page)).toHaveText(/^Live/);
  await expect(notice(page)).toHaveText('');
  await expect(articles(page)).toHaveCount(INITIAL_ITEMS + 2);
  await expect(page.getByRole('button', { name: 'Retry now' })).toHaveCount(0);
}

const failing: FaultCase[] = [
  { kind: '500', says: 'The server had a problem (500)', backoff: DOUBLING },
  { kind: '502', says: 'The server had a problem (502)', backoff: DOUBLING },
  // Retry-After is a floor the server asked for, even above the doubling.
  {
    kind: '503',
    extra: { retryAfter: 40 },
    says: 'The server is busy',
    backoff: [
      [39, 44],
      [39, 44],
    ],
  },
  {
    kind: '429',
    extra: { retryAfter: 30 },
    says: 'The server is busy',
    backoff: [
      [29, 33],
      [29, 33],
    ],
  },
  { kind: '404', says: 'The feed is not available', backoff: DOUBLING },
  { kind: 'hang', says: 'The server is not answering', hangs: true, backoff: DOUBLING },
  { kind: 'reset', says: 'Connection lost', backoff: DOUBLING },
  { kind: 'truncate', says: 'Connection lost', backoff: DOUBLING },
  { kind: 'html200', says: 'The feed could not be read', backoff: DOUBLING },
];

test.describe('a polling reader rides out', () => {
  for (const fault of failing) {
    test(`fault ${fault.kind}`, async ({ page, server, admin }) => {
      await rideOut(page, server.url, admin, fault);
    });
  }

  test('fault huge: a 50 MB feed is refused without freezing the tab', async ({
    page,
    server,
    admin,
  }) => {
    await rideOut(page, server.url, admin, {
      kind: 'huge',
      says: 'The feed is too large to load',
      backoff: DOUBLING,
    });
    const requests = await admin.requests();
    const huge = requests.filter((r) => faultOf(r) === 'huge');
    expect(huge.length).toBe(2);
    // The client stopped reading at its limit instead of taking all 50 MB.
    for (const r of huge) expect(r.bytes ?? 0).toBeLessThan(50 * 1024 * 1024);
    // Still responsive: the view switch answers, and no task blocked the page for long.
    await page.getByRole('button', { name: 'Latest' }).click();
    await expect(page.getByRole('button', { name: 'Latest' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks!));
    expect(longest).toBeLessThan(2_000);
  });

  test('fault wrong-content-type: a valid feed sent as text/plain is accepted', async ({
    page,
    server,
    admin,
  }) => {
    await openLive(page, server.url);
    await admin.fault('wrong-content-type');
    await admin.publish(2);
    await advanceToNextRequest(page, POLL_MS);
    await expect(articles(page)).toHaveCount(INITIAL_ITEMS + 2);
    await expect(status(page)).toHaveText(/^Live/);
    const served = (await admin.requests()).filter((r) => faultOf(r) === 'wrong-content-type');
    expect(served.length).toBeGreaterThan(0);
  });

  test('fault 304-no-validator: nothing is lost, the next real answer brings the news', async ({
    page,
    server,
    admin,
  }) => {
    await openLive(page, server.url);
    await admin.fault('304-no-validator');
    await admin.publish(2);
    await advanceToNextRequest(page, POLL_MS);
    await expect
      .poll(async () =>
        (await admin.requests()).some((r) => faultOf(r) === '304-no-validator' && r.status === 304),
      )
      .toBe(true);
    // A 304 means "what you hold is current": the page keeps it and stays live.
    await expect(status(page)).toHaveText(/^Live/);
    await expect(articles(page)).toHaveCount(INITIAL_ITEMS);
    await admin.clearFault();
    await advanceToNextRequest(page, POLL_MS);
    await expect(articles(page)).toHaveCount(INITIAL_ITEMS + 2);
    await expect(status(page)).toHaveText(/^Live/);
  });

  test('fault stale: an older snapshot neither rolls back an edit nor revives a retraction', async ({
    page,
    server,
    admin,
  }) => {
    await openLive(page, server.url);
    const { replay: start } = (await admin.state()) as {
      replay: { remainingSteps: number; editId: string; duplicateId: string };
    };
    const edited = page.locator(`[id="update-${start.editId}"] .lb-prose`);
    const duplicate = page.locator(`[id="update-${start.duplicateId}"]`);
    // Everything up to the edit: the remaining source items and the duplicate.
    await admin.publish(start.remainingSteps - 3);
    await advanceToNextRequest(page, POLL_MS);
    await expect(duplicate).toHaveCount(1);
    const shown = await articles(page).count();
    const firstVersion = (await edited.textContent()) ?? '';

    await admin.publish(1); // the edit
    await advanceToNextRequest(page, POLL_MS);
    await expect
      .poll(async () => (await edited.textContent())?.length)
      .toBeGreaterThan(firstVersion.length);
    const editedText = (await edited.textContent()) ?? '';
    await admin.publish(1); // the retraction of the duplicate
    await advanceToNextRequest(page, POLL_MS);
    await expect(duplicate).toHaveCount(0);

    // The lagging node serves the snapshot from before the edit, which still has the duplicate.
    await admin.fault('stale');
    for (let i = 0; i < 2; i++) {
      await advanceToNextRequest(page, POLL_MS);
      await expect.poll(async () => faultOf((await admin.requests()).at(-1))).toBe('stale');
      await expect(edited).toHaveText(editedText);
      await expect(duplicate).toHaveCount(0);
      await expect(articles(page)).toHaveCount(shown - 1);
      await expect(status(page)).toHaveText(/^Live/);
    }
    // Published while the node lags (the source is exhausted: the replay adds fillers).
    await admin.fault('skip', { count: 2 });
    await advanceToNextRequest(page, POLL_MS);
    await expect(articles(page)).toHaveCount(shown - 1);

    await admin.clearFault();
    await advanceToNextRequest(page, POLL_MS);
    await expect(articles(page)).toHaveCount(shown + 1);
    await expect(edited).toHaveText(editedText);
    await expect(duplicate).toHaveCount(0);
    await expect(status(page)).toHaveText(/^Live/);
  });

  test('fault skip: a head that no longer reaches known items is followed back through next_url', async ({
    page,
    server,
    admin,
  }) => {
    await openLive(page, server.url);
    // 150 items in one go: neither the head nor the newest page shares an item with the reader.
    await admin.fault('skip', { count: 150 });
    await admin.clearRequests();
    await advanceToNextRequest(page, POLL_MS);
    // Long groups render lazily, so count what the reader is told, and look for the newest.
    await expect(page.locator('.lb-result-count')).toHaveText(`${INITIAL_ITEMS + 150} updates`);
    await expect(page.locator('[id="update-replay-filler-145"]')).toHaveCount(1);
    await expect(status(page)).toHaveText(/^Live/);
    const paths = (await admin.requests()).map((r) => r.path);
    expect(paths.filter((p) => p.includes('/page-'))).toEqual([
      '/feeds/vilnius-2023/page-2.json',
      '/feeds/vilnius-2023/page-1.json',
    ]);
  });

  test('the browser going offline and back online', async ({ page, context, server, admin }) => {
    await openLive(page, server.url);
    await context.setOffline(true);
    await expect(notice(page)).toContainText('You are offline');
    await admin.publish(2);
    // A poll while offline fails; the page keeps what it has and still says why.
    await advanceToNextRequest(page, POLL_MS);
    const before = await feedFetches(page);
    // Failed, not still on its way: going online during a request is another case.
    await expect.poll(() => page.evaluate(() => window.__feedSettled)).toBe(before);
    await expect(notice(page)).toContainText('You are offline');
    await expect(articles(page)).toHaveCount(INITIAL_ITEMS);
    // Back online: the client asks at once, without waiting for the back-off to run out.
    await context.setOffline(false);
    await expect.poll(() => feedFetches(page)).toBeGreaterThan(before);
    await expect(notice(page)).toHaveText('');
    await expect(articles(page)).toHaveCount(INITIAL_ITEMS + 2);
  });

  test('the connection dropping while a poll is out, then coming back', async ({
    page,
    context,
    server,
    admin,
  }) => {
    await openLive(page, server.url);
    await admin.fault('hang');
    await admin.publish(2);
    await advanceToNextRequest(page, POLL_MS);
    const before = await feedFetches(page);
    // The poll is out, unanswered, when the browser goes offline: it is given up at once.
    await context.setOffline(true);
    await expect.poll(() => page.evaluate(() => window.__feedSettled)).toBe(before);
    await expect(notice(page)).toContainText('You are offline');
    // Back online: the client asks again at once, not after the lost poll's timeout and back-off
    // (the fake clock does not move from here on).
    await admin.clearFault();
    await context.setOffline(false);
    await expect.poll(() => feedFetches(page)).toBeGreaterThan(before);
    await expect(notice(page)).toHaveText('');
    await expect(articles(page)).toHaveCount(INITIAL_ITEMS + 2);
  });
});

test('the fault suite polls the replay head', async ({ page, server, admin }) => {
  // Guards the helpers: the recorder sees the app's polls and the server sees the same ones.
  await openLive(page, server.url);
  await advanceToNextRequest(page, POLL_MS);
  // The page counts a poll when it asks; the server logs it when it has answered. (A page the
  // server rendered came with the feed: its first request is the first poll.)
  const asked = await feedFetches(page);
  expect(asked).toBeGreaterThanOrEqual(1);
  await expect
    .poll(async () => (await admin.requests()).filter((r) => r.path === HEAD).length)
    .toBeGreaterThanOrEqual(asked);
});
