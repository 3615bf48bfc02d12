import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer } from '../../server/create-server.mjs';

type RunningServer = Awaited<ReturnType<typeof startServer>>;
type StartOptions = NonNullable<Parameters<typeof startServer>[0]>;

interface Fixtures {
  /** The replay server on a random loopback port, serving dist/ and tests/fixtures/feeds at /fixtures/. */
  server: RunningServer;
  serverOptions: StartOptions;
  admin: Admin;
  /** Set by the few tests that provoke a Trusted Types violation on purpose. */
  allowTrustedTypesViolations: boolean;
}

declare global {
  interface Window {
    /** Trusted Types violations the document reported (recorded by the `page` fixture). */
    __trustedTypesViolations?: string[];
  }
}

/**
 * Trusted Types violations recorded in the frames of the page that come from the tests' own
 * servers (the app's, and host pages'); third parties' stand-ins and frames that have not loaded
 * are not ours to check.
 */
export async function trustedTypesViolations(page: Page): Promise<string[]> {
  if (page.isClosed()) return [];
  const ours = page.frames().filter((frame) => /^http:\/\/127\.0\.0\.1:\d+\//.test(frame.url()));
  const lists = await Promise.all(
    ours.map((frame) =>
      frame.evaluate(() => window.__trustedTypesViolations ?? []).catch(() => []),
    ),
  );
  return lists.flat();
}

export interface Admin {
  publish(count?: number): Promise<void>;
  fault(kind: string, extra?: Record<string, unknown>): Promise<void>;
  clearFault(): Promise<void>;
  requests(): Promise<{ path: string; status: number; bytes?: number; ifNoneMatch?: boolean }[]>;
  clearRequests(): Promise<void>;
  state(): Promise<Record<string, unknown>>;
}

type RequestLog = Awaited<ReturnType<Admin['requests']>>;

export const test = base.extend<Fixtures>({
  serverOptions: [{}, { option: true }],
  allowTrustedTypesViolations: [false, { option: true }],
  server: async ({ serverOptions }, use) => {
    const server = await startServer({
      port: 0,
      mode: 'live',
      intervalMs: 0,
      admin: true,
      distDir: 'dist',
      staticDir: 'tests/fixtures/feeds',
      // Pages are server-rendered, as `npm start` serves them; E2E_SSR=0 runs every test against
      // pages the browser renders itself (as for a feed the server may not fetch).
      ssr: process.env.E2E_SSR !== '0',
      ...serverOptions,
    });
    await use(server);
    await server.close();
  },
  // Server-rendered pages hydrate: a mismatch, or a part the server could not render, is a bug
  // in every test that meets it (React reports them as errors #418 to #425 in production).
  // The pages enforce Trusted Types (server/headers.mjs), as may a host page: a sink given a
  // string (or a policy the page does not allow) is a bug in every test that meets it, even where
  // the test's own assertions pass because the app caught the error.
  page: async ({ page, javaScriptEnabled, allowTrustedTypesViolations }, use) => {
    const violations: string[] = [];
    await page.addInitScript(() => {
      window.__trustedTypesViolations = [];
      document.addEventListener(
        'securitypolicyviolation',
        (e) => {
          if (/trusted-types/.test(e.effectiveDirective)) {
            window.__trustedTypesViolations!.push(`${e.effectiveDirective}: ${e.sample}`);
          }
        },
        true,
      );
    });
    // A document's list goes with it: read before the next navigation as well as at the end.
    const keep = async () => violations.push(...(await trustedTypesViolations(page)));
    // A reader's click on server HTML counts once the browser has taken the page over; tests act
    // as a reader who waits for that. Pages the browser renders itself are interactive at once.
    if (javaScriptEnabled) {
      const interactive = async () => {
        await page.waitForFunction(
          () =>
            !document.getElementById('live-blog-snapshot') ||
            document.querySelector('[data-interactive]') !== null,
        );
      };
      const goto = page.goto.bind(page);
      const reload = page.reload.bind(page);
      page.goto = async (...args) => {
        await keep();
        const response = await goto(...args);
        await interactive();
        return response;
      };
      page.reload = async (...args) => {
        await keep();
        const response = await reload(...args);
        await interactive();
        return response;
      };
    }
    const hydration = /Minified React error #(418|419|422|423|425)\b|hydrat/i;
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && hydration.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => {
      if (hydration.test(e.message)) problems.push(e.message);
    });
    await use(page);
    expect(problems, 'hydration errors in the page').toEqual([]);
    await keep();
    if (!allowTrustedTypesViolations) {
      expect(violations, 'Trusted Types violations in the page').toEqual([]);
    }
  },
  admin: async ({ server }, use) => {
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}__admin/${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status}`);
      const text = await res.text();
      return text ? (JSON.parse(text) as unknown) : undefined;
    };
    await use({
      publish: async (count = 1) => void (await call('POST', 'publish', { count })),
      fault: async (kind, extra = {}) => void (await call('POST', 'fault', { kind, ...extra })),
      clearFault: async () => void (await call('DELETE', 'fault')),
      requests: async () => {
        const r = (await call('GET', 'requests')) as RequestLog | { requests: RequestLog };
        return Array.isArray(r) ? r : r.requests;
      },
      clearRequests: async () => void (await call('DELETE', 'requests')),
      state: async () => (await call('GET', 'state')) as Record<string, unknown>,
    });
  },
});

export { expect };

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.x A and AA rules) on the page and fails with the violations listed. */
export async function expectNoAxeViolations(page: Page, context?: string) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (ctx) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c: unknown,
            o: unknown,
          ) => Promise<{
            violations: { id: string; help: string; nodes: { target: unknown }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(ctx ?? document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
    );
  }, context);
  expect(violations, 'axe-core violations').toEqual([]);
}

/**
 * Scrolls the reader into the timeline and resolves once the page itself has seen the top of the
 * timeline leave the viewport (its observers are notified in creation order, the app's first).
 * `minScrollable`: how far the page must be able to scroll for the test to mean anything.
 */
export async function scrollIntoTimeline(page: Page, minScrollable = 0) {
  if (minScrollable > 0) {
    const scrollable = await page.evaluate(
      () => document.documentElement.scrollHeight - window.innerHeight,
    );
    expect(
      scrollable,
      'the page must be tall enough to scroll past the timeline top',
    ).toBeGreaterThan(minScrollable);
  }
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        const observer = new IntersectionObserver(([entry]) => {
          if (entry && !entry.isIntersecting && entry.boundingClientRect.top < 0) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(document.querySelector('.lb-sentinel')!);
      }),
  );
}

/** What the live replay says about itself (`GET /__admin/state`). */
/** The render window grows as the reader scrolls: scroll until every update is in the DOM. */
export async function renderAllUpdates(page: Page, total: number) {
  await expect
    .poll(
      // Counted by tag while scrolling: a role query walks the whole page, hundreds of hostile
      // bodies, on every poll. The articles' roles are checked once they are all there.
      () =>
        page.evaluate(() => {
          window.scrollTo(0, document.documentElement.scrollHeight);
          // The prototype's method: a hostile body must not be able to clobber it.
          return Document.prototype.querySelectorAll.call(document, 'article').length;
        }),
      // Hundreds of hostile bodies on a loaded machine: each poll renders one more window.
      { timeout: 60_000 },
    )
    .toBe(total);
  await expect(page.getByRole('article')).toHaveCount(total);
}

export interface ReplayState {
  next: string | null;
  editId: string | null;
  duplicateId: string | null;
}

export async function replayState(admin: Admin): Promise<ReplayState> {
  return (await admin.state()).replay as ReplayState;
}

/** Publishes replay steps one by one until the next one is `kind` (or the replay ends). */
export async function publishUntil(admin: Admin, kind: string | null) {
  for (let i = 0; i < 50 && (await replayState(admin)).next !== kind; i++) await admin.publish(1);
  expect((await replayState(admin)).next).toBe(kind);
}

/**
 * Moves the page's fake clock forward by `ms`, then on in one-second steps until `reached` holds.
 * A poll whose response is still being handled when the clock jumps sets its next timer after
 * the jump; the steps reach that timer without sleeping.
 */
export async function advanceClockUntil(page: Page, ms: number, reached: () => Promise<boolean>) {
  await page.clock.fastForward(ms);
  await expect
    .poll(async () => {
      if (await reached()) return true;
      await page.clock.fastForward(1_000);
      return false;
    })
    .toBe(true);
}
