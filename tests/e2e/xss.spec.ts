// Hostile content: a feed whose every string field carries an XSS payload (tests/fixtures/xss),
// loaded into the standalone app in Chromium. Nothing may run, load, navigate or open a dialog,
// and text fields must show the payloads as literal characters. The first run turns the
// server's CSP off but for Trusted Types: the sanitiser and React's escaping must hold on their
// own (Trusted Types let its output through), and the CSP is a second wall, tested separately below.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { TRUSTED_TYPES_CSP } from '../../server/create-server.mjs';
import { expect, renderAllUpdates, test, trustedTypesViolations } from './fixtures';
import { buildXssFeed } from '../fixtures/xss/build-feed';
import { PAYLOADS } from '../fixtures/xss/payloads';
import {
  canaryHits,
  domOffences,
  expectNothingHappened,
  poke,
  textMismatches,
  watch,
} from './xss-checks';

const feedDir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-xss-'));
test.afterAll(() => rmSync(feedDir, { recursive: true, force: true }));

function serveHostileFeed(serverUrl: string) {
  const built = buildXssFeed(serverUrl);
  writeFileSync(path.join(feedDir, 'xss.json'), JSON.stringify(built.feed));
  return built;
}

test.describe('a feed full of XSS payloads, without the CSP', () => {
  test.use({ serverOptions: { mode: 'static', staticDir: feedDir, csp: 'trusted-types' } });

  test('runs nothing, requests nothing, and shows text fields as text', async ({
    page,
    context,
    server,
  }) => {
    test.setTimeout(120_000);
    const built = serveHostileFeed(server.url);
    expect(built.payloadCount).toBeGreaterThanOrEqual(100);
    const seen = watch(page, context);
    const start = `${server.url}?feed=${encodeURIComponent('/fixtures/xss.json')}`;
    const response = await page.goto(start);
    // Without the CSP the sanitiser is the only wall, which is the point of this run. Trusted
    // Types stay on: they pass what the sanitiser made, and a string reaching a sink fails the test.
    expect(response?.headers()['content-security-policy']).toBe(TRUSTED_TYPES_CSP);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(built.feedTitle);
    await renderAllUpdates(page, built.items.length);
    await poke(page);
    for (const article of (await page.getByRole('article').all()).slice(0, 12)) {
      await article.hover();
    }

    await expectNothingHappened(page, seen, server.url);
    expect(await domOffences(page)).toEqual([]);
    expect(await textMismatches(page, built.items)).toEqual([]);
    // A title of "<b>x</b>" reads as those eight characters, with no bold element.
    const bold = page.locator('h3', { hasText: '<b>x</b>' }).first();
    await expect(bold).toHaveText('<b>x</b>');
    await expect(bold.locator('b')).toHaveCount(0);

    // The filters put payloads into labels, the URL and the search box.
    await page.getByRole('button', { name: 'Latest' }).click();
    await renderAllUpdates(page, built.items.length);
    await poke(page);
    await page.getByRole('button', { name: 'By topic' }).click();
    const topic = page.getByRole('group', { name: 'Topic' }).getByRole('checkbox').first();
    await topic.check();
    await expect(page.locator('.lb-result-count')).toContainText('of');
    await page.getByRole('group', { name: 'Country' }).getByRole('checkbox').nth(3).check();
    await page.getByRole('group', { name: 'Speaker' }).getByRole('checkbox').nth(5).check();
    await page
      .getByRole('searchbox', { name: 'Search updates' })
      .fill('<img src=x onerror=alert(1)>');
    await expect(page).toHaveURL(/q=/);
    await expect(page.getByText('No updates match these filters.')).toBeVisible();
    await poke(page);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(page.locator('.lb-result-count')).toHaveText(`${built.items.length} updates`);

    // A shared link carrying payloads in every parameter and in the hash.
    const hostileLink = new URL(start);
    hostileLink.searchParams.set('q', '"><svg onload=alert(1)>');
    hostileLink.searchParams.set('topic', '<img src=x onerror=alert(1)>');
    hostileLink.searchParams.set('speaker', 'javascript:alert(1)');
    hostileLink.hash = `update-${encodeURIComponent('"><img src=x onerror=alert(1)>')}`;
    await page.goto(hostileLink.href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(built.feedTitle);
    await poke(page);

    await expectNothingHappened(page, seen, server.url);
    expect(await domOffences(page)).toEqual([]);
  });

  test('the corpus is live: inserted raw, its payloads do run and hit the canary', async ({
    page,
    server,
  }) => {
    // Guards the test above against a corpus that could not fire anyway.
    const built = buildXssFeed(server.url);
    const first = built.feed.items as { content_html?: string }[];
    const html = first.flatMap((item) => (item.content_html ? [item.content_html] : []));
    page.on('dialog', (dialog) => void dialog.dismiss());
    // A same-origin page without the app or a CSP, as a naive host would be.
    await page.goto(`${server.url}no-such-file.txt`);
    await page.setContent(
      `<!doctype html><body><div class="lb-prose">${html.join('\n<hr>\n')}</div></body>`,
    );
    await poke(page);
    await expect.poll(() => page.evaluate(() => window.__pwned)).toBe(true);
    const fired = async () =>
      new Set((await canaryHits(server.url)).map((p) => p.split('/')[2])).size;
    // About 80 of the 181 fire in Chromium 156 this way (the rest need a click, an old browser, or
    // are clobbering and text payloads); the floor leaves room for browser changes.
    await expect.poll(fired).toBeGreaterThanOrEqual(60);
    test
      .info()
      .annotations.push({ type: 'payloads fired raw', description: String(await fired()) });
  });
});

test.describe('Content-Security-Policy', () => {
  async function recordViolations(page: Page) {
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  }

  test('the standalone app works under the strict CSP with no violation', async ({
    page,
    server,
    admin,
  }) => {
    await recordViolations(page);
    await page.clock.install();
    const response = await page.goto(server.url);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("object-src 'none'");
    // The page's one inline script (the early feed request) is allowed by its hash alone.
    expect(csp).not.toContain('unsafe-inline');
    await expect(page.getByRole('article')).toHaveCount(3);
    await expect(page.getByRole('status').first()).toHaveText(/^Live/);
    // Filters, views and a live arrival all work under the policy.
    await page.getByRole('button', { name: 'Latest' }).click();
    await page.getByRole('group', { name: 'Topic' }).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await admin.publish(1);
    await page.clock.fastForward(17_000);
    await expect(page.getByRole('article')).toHaveCount(4);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  });

  test.describe('Trusted Types', () => {
    // These tests provoke violations on purpose, and count them themselves.
    test.use({ serverOptions: { mode: 'static' }, allowTrustedTypesViolations: true });
    for (const { name, path: pagePath } of [
      { name: 'the standalone page', path: '' },
      { name: 'embed.html', path: 'embed.html?feed=feeds/vilnius-2023.json' },
    ]) {
      test(`${name}: bodies go in as the policy's HTML, and a sink fed a string is refused`, async ({
        page,
        server,
      }) => {
        const response = await page.goto(`${server.url}${pagePath}`);
        const csp = (response?.headers()['content-security-policy'] ?? '').split('; ');
        expect(csp).toContain("require-trusted-types-for 'script'");
        expect(csp).toContain('trusted-types live-blog live-blog-json-ld');
        await expect(page.getByRole('article')).toHaveCount(7);
        // The demo's quotes are elements: the bodies are HTML, not text, and no sink refused them.
        await expect(page.locator('.lb-prose blockquote')).toHaveCount(5);
        expect(await trustedTypesViolations(page)).toEqual([]);

        // Any other script of the page: a string is refused, and so is a policy of its own (or
        // the widget's name again), so nothing but the sanitiser can make HTML for a sink.
        const outcomes = await page.evaluate(() => {
          const attempt = (run: () => void) => {
            try {
              run();
              return 'accepted';
            } catch (error) {
              return error instanceof TypeError ? 'TypeError' : String(error);
            }
          };
          const tt = (
            window as unknown as {
              trustedTypes: { createPolicy(name: string, rules: object): unknown };
            }
          ).trustedTypes;
          const rules = { createHTML: (s: string) => s };
          return [
            attempt(() => (document.createElement('div').innerHTML = '<b>x</b>')),
            attempt(() => tt.createPolicy('live-blog', rules)),
            attempt(() => tt.createPolicy('dompurify', rules)),
            attempt(() => tt.createPolicy('default', rules)),
          ];
        });
        expect(outcomes).toEqual(['TypeError', 'TypeError', 'TypeError', 'TypeError']);
        await expect
          .poll(() => trustedTypesViolations(page))
          .toEqual([
            expect.stringMatching(/^require-trusted-types-for: .*innerHTML\|<b>x<\/b>$/),
            'trusted-types: live-blog',
            'trusted-types: dompurify',
            'trusted-types: default',
          ]);
      });
    }
  });

  test.describe('with the hostile feed', () => {
    test.use({ serverOptions: { mode: 'static', staticDir: feedDir } });
    test('the policy is a second wall: nothing loads or runs', async ({ page, server }) => {
      const built = serveHostileFeed(server.url);
      await recordViolations(page);
      await page.goto(`${server.url}?feed=${encodeURIComponent('/fixtures/xss.json')}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(built.feedTitle);
      await renderAllUpdates(page, built.items.length);
      await poke(page);
      // Chromium reports inline handlers, inline styles and <base> even while the sanitiser
      // parses the HTML in an inert document (docs/security.md), so those reports are expected
      // here. Any other directive (a script, frame, object, image, fetch, form or eval blocked)
      // would mean hostile markup reached the live page and tried to act.
      const parseTime = /^(script-src-attr|style-src-attr|style-src-elem|base-uri) /;
      const violations = (await page.evaluate(() => window.__cspViolations)) ?? [];
      expect(violations.filter((v) => !parseTime.test(v))).toEqual([]);
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      expect(await canaryHits(server.url)).toEqual([]);
    });
  });
});

test('the corpus has at least 100 distinct payloads', () => {
  expect(new Set(PAYLOADS.map((p) => p.name)).size).toBe(PAYLOADS.length);
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(100);
});

test.describe('limits on a hostile or broken feed', () => {
  test.use({ serverOptions: { mode: 'static', staticDir: feedDir } });

  const item = (i: number, extra: Record<string, unknown> = {}) => ({
    id: `limit-${i}`,
    title: `Update ${i}`,
    content_text: `Body of update ${i}.`,
    date_published: new Date(Date.parse('2023-07-12T06:00:00Z') + i * 1000).toISOString(),
    ...extra,
  });
  const feedOf = (items: unknown[]) => ({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Limits',
    items,
  });

  async function open(page: Page, serverUrl: string, name: string, body: string) {
    writeFileSync(path.join(feedDir, name), body);
    await page.goto(`${serverUrl}?feed=${encodeURIComponent(`/fixtures/${name}`)}&poll=off`);
  }

  test('an item whose HTML is too long is dropped and counted; the rest renders', async ({
    page,
    server,
  }) => {
    const long = `<p>${'x'.repeat(200_000)}</p>`;
    const items = [item(1), item(2, { content_html: long }), item(3)];
    await open(page, server.url, 'long-html.json', JSON.stringify(feedOf(items)));
    await expect(page.getByRole('article')).toHaveCount(2);
    await expect(page.locator('p:has(> [role=status])')).toContainText(
      '1 update could not be shown',
    );
  });

  test('a document with too many items keeps the first 20,000 and counts the rest', async ({
    page,
    server,
  }) => {
    const items = Array.from({ length: 20_005 }, (_, i) => item(20_005 - i));
    await open(page, server.url, 'many.json', JSON.stringify(feedOf(items)));
    await expect(page.locator('.lb-result-count')).toHaveText('20,000 updates');
    await expect(page.locator('p:has(> [role=status])')).toContainText(
      '5 updates could not be shown',
    );
    await expect(page.getByRole('heading', { name: 'Update 20005' })).toBeVisible();
  });

  test('an item nested too deep is dropped on its own; the rest renders', async ({
    page,
    server,
  }) => {
    const deep = '['.repeat(100) + ']'.repeat(100);
    const text = JSON.stringify(feedOf([item(1), item(2), item(3)])).replace(
      '"id":"limit-2"',
      `"id":"limit-2","_extra":${deep}`,
    );
    await open(page, server.url, 'deep-item.json', text);
    await expect(page.getByRole('article')).toHaveCount(2);
    await expect(page.locator('p:has(> [role=status])')).toContainText(
      '1 update could not be shown',
    );
  });

  test('a document nested absurdly deep, or too large, is refused with a clear message', async ({
    page,
    server,
  }) => {
    const abyss = `{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[${'['.repeat(5000)}${']'.repeat(5000)}]}`;
    await open(page, server.url, 'abyss.json', abyss);
    await expect(page.getByRole('alert')).toContainText('This live blog could not be loaded.');
    await expect(page.getByRole('alert')).toContainText(/nested more than [\d,]+ levels deep/);

    const padding = 'x'.repeat(26 * 1024 * 1024);
    await open(
      page,
      server.url,
      'too-large.json',
      JSON.stringify(feedOf([item(1, { content_text: padding })])),
    );
    await expect(page.getByRole('alert')).toContainText('This live blog could not be loaded.');
    await expect(page.getByRole('alert')).toContainText(/larger than 25 MB/);
  });
});
