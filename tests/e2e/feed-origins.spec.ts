// ?feed= on the standalone page and on embed.html: anyone can send a link, so a feed is shown
// only if it is http(s) on the page's own origin or on an origin listed in the page's
// <meta name="live-blog-feed-origins"> (src/core/feed/feed-origins.ts). Anything else is refused
// before any request leaves. The pages are served without the CSP here, as a CDN or an object
// store would serve dist/: the CSP would stop a data: feed by itself, and the check must not
// lean on it.
import type { Page } from '@playwright/test';
import { startServer } from '../../server/create-server.mjs';
import { expectNoAxeViolations } from './fixtures';
import { expect, test as base } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';

type RunningServer = Awaited<ReturnType<typeof startServer>>;

/** A second server: another origin (another port), with open CORS on its feeds. */
const test = base.extend<{ other: RunningServer }>({
  serverOptions: { csp: false },
  // eslint-disable-next-line no-empty-pattern
  other: async ({}, use) => {
    const other = await startServer({
      port: 0,
      mode: 'static',
      distDir: 'dist',
      staticDir: 'tests/fixtures/feeds',
      admin: true,
    });
    await use(other);
    await other.close();
  },
});

const SPOOF_TITLE = 'Newsroom live: a made-up blog';
const DATA_FEED = `data:application/json,${encodeURIComponent(
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: SPOOF_TITLE,
    items: [
      {
        id: 'spoof',
        title: 'A made-up update',
        content_text: 'Made up.',
        date_published: '2023-07-12T06:00:00Z',
      },
    ],
  }),
)}`;
const MARS_TITLE = 'Meridian lander: landing day (fictional test feed)';
const REFUSED_HEADING = 'This live blog cannot be shown';
const REFUSED_TEXT =
  'This page shows live blogs from its own site only. The feed address in this link is not allowed here.';

/** Every request the page makes (any frame, any scheme that reaches the network layer). */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

async function expectRefused(page: Page) {
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: REFUSED_HEADING })).toBeVisible();
  await expect(main).toContainText(REFUSED_TEXT);
  // Nothing of the link's feed on the page: no title, no address, no link.
  await expect(page.getByText(SPOOF_TITLE)).toHaveCount(0);
  await expect(page.getByRole('link')).toHaveCount(0);
  await expect(page.getByRole('article')).toHaveCount(0);
  expect(await page.content()).not.toContain('data:application/json');
  await page.waitForLoadState('networkidle');
}

/** Only the page's own files were requested: no feed at all, and nothing elsewhere. */
function expectOnlyPageFiles(urls: string[], server: RunningServer) {
  const origin = new URL(server.url).origin;
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) {
    expect(url.startsWith(`${origin}/`), `requested ${url}`).toBe(true);
    expect(new URL(url).pathname, `requested ${url}`).not.toMatch(/^\/(feeds|fixtures)\//);
  }
}

async function expectNoRequestsTo(other: RunningServer) {
  const res = await fetch(`${other.url}__admin/requests`);
  const body = (await res.json()) as { requests: unknown[] } | unknown[];
  expect(Array.isArray(body) ? body : body.requests).toEqual([]);
}

for (const [name, path] of [
  ['the standalone page', ''],
  ['embed.html', 'embed.html'],
] as const) {
  test.describe(name, () => {
    test('refuses a data: feed, requests nothing, and passes axe', async ({ page, server }) => {
      const urls = recordRequests(page);
      const warnings: string[] = [];
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      await page.goto(`${server.url}${path}?feed=${encodeURIComponent(DATA_FEED)}`);
      await expectRefused(page);
      expectOnlyPageFiles(urls, server);
      expect(urls.some((u) => u.startsWith('data:'))).toBe(false);
      // The deployer learns why, in the console.
      expect(warnings.join('\n')).toContain('live-blog-feed-origins');
      await expectNoAxeViolations(page);
    });

    test('refuses in the language asked for (?locale=uk), and passes axe', async ({
      page,
      server,
    }) => {
      await page.goto(`${server.url}${path}?feed=${encodeURIComponent(DATA_FEED)}&locale=uk`);
      const main = page.getByRole('main');
      await expect(
        main.getByRole('heading', { level: 1, name: 'Цю онлайн-трансляцію неможливо показати' }),
      ).toBeVisible();
      await expect(main).toHaveAttribute('lang', 'uk');
      await expect(page.getByText(REFUSED_HEADING)).toHaveCount(0);
      await expectNoAxeViolations(page);
    });

    test('refuses a feed on another origin with open CORS, and never requests it', async ({
      page,
      server,
      other,
    }) => {
      const feed = `${other.url}fixtures/mars-landing.json`;
      // The feed is there, and any origin may read it: only the page's rule keeps it out.
      expect((await fetch(feed)).headers.get('access-control-allow-origin')).toBe('*');
      await fetch(`${other.url}__admin/requests`, { method: 'DELETE' });
      const urls = recordRequests(page);
      await page.goto(`${server.url}${path}?feed=${encodeURIComponent(feed)}`);
      await expectRefused(page);
      await expect(page.getByText(MARS_TITLE)).toHaveCount(0);
      expectOnlyPageFiles(urls, server);
      await expectNoRequestsTo(other);
    });

    test('refuses a protocol-relative address and user-info tricks', async ({
      page,
      server,
      other,
    }) => {
      const host = new URL(other.url).host;
      const own = new URL(server.url).host;
      for (const feed of [
        `//${host}/fixtures/mars-landing.json`,
        `http://${own}@${host}/fixtures/mars-landing.json`,
      ]) {
        const urls = recordRequests(page);
        await page.goto(`${server.url}${path}?feed=${encodeURIComponent(feed)}`);
        await expectRefused(page);
        expectOnlyPageFiles(urls, server);
      }
      await expectNoRequestsTo(other);
    });

    test('shows a feed on another origin once the page lists that origin', async ({
      page,
      other,
    }) => {
      // Served as a deployer would configure it: the origin in the page's meta, with the CSP on
      // (the meta is rewritten, the inline script's hash must still match).
      const allowing = await startServer({
        port: 0,
        intervalMs: 0,
        distDir: 'dist',
        feedOrigins: other.url,
      });
      try {
        const violations: string[] = [];
        page.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
        });
        const feed = `${other.url}fixtures/mars-landing.json`;
        await page.goto(`${allowing.url}${path}?feed=${encodeURIComponent(feed)}&poll=off`);
        await expect(page.getByRole('heading', { level: 1, name: MARS_TITLE })).toBeVisible();
        await expect(page.getByRole('article').first()).toBeVisible();
        await expect(page.getByText(REFUSED_HEADING)).toHaveCount(0);
        expect(violations).toEqual([]);
        // The same origin spelt in capitals is the same origin.
        const spelt = feed.replace('http://127.0.0.1', 'HTTP://127.0.0.1');
        await page.goto(`${allowing.url}${path}?feed=${encodeURIComponent(spelt)}&poll=off`);
        await expect(page.getByRole('heading', { level: 1, name: MARS_TITLE })).toBeVisible();
        // Another origin, still not listed, is still refused.
        await page.goto(`${allowing.url}${path}?feed=${encodeURIComponent(DATA_FEED)}`);
        await expectRefused(page);
      } finally {
        await allowing.close();
      }
    });
  });
}

test('without ?feed=, the standalone page still shows the demo next to it', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await expect(page.getByRole('article')).toHaveCount(3);
});

test('<live-blog feed> stays open: the host page chooses its feed', async ({
  page,
  server,
  other,
  host,
}) => {
  // A host site of its own, the widget from the first server, the feed from a third origin that
  // no page lists.
  const url = host.page(
    '/article.html',
    hostDocument(
      `<h1>An article</h1>
       <live-blog feed="${other.url}fixtures/mars-landing.json" poll="off"></live-blog>`,
      `<script type="module" src="${server.url}embed.js"></script>`,
    ),
  );
  await page.goto(url);
  await expect(page.locator('live-blog').getByRole('article').first()).toBeVisible();
  await expect(page.locator('live-blog')).toContainText(MARS_TITLE);
});
