// The XSS corpus (tests/fixtures/xss) against server-rendered pages: the standalone page and
// embed.html, with JavaScript off and on. Feed HTML is sanitised on the server (DOMPurify in
// jsdom): nothing may run or load, the served HTML itself may carry no event handler or script
// URL, and each update's sanitised body must be the markup the browser's own sanitiser makes.
// The CSP is off but for Trusted Types, as in xss.spec.ts: the sanitiser and React's escaping
// must hold on their own, while every HTML sink still takes only the sanitiser's output.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { JSDOM } from 'jsdom';
import { TRUSTED_TYPES_CSP } from '../../server/create-server.mjs';
import { expect, renderAllUpdates, test } from './fixtures';
import { buildXssFeed } from '../fixtures/xss/build-feed';
import { MAX_MORE_STEPS } from '../../src/core/filters/url-state';
import { reloadIfAppFails, startAppAfterPaint } from '../../server/start-after-paint.mjs';
import {
  domOffences,
  expectNothingHappened,
  poke,
  textMismatches,
  URL_ATTRS,
  watch,
} from './xss-checks';

const feedDir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-xss-ssr-'));
test.afterAll(() => rmSync(feedDir, { recursive: true, force: true }));
test.use({
  serverOptions: { mode: 'static', staticDir: feedDir, csp: 'trusted-types', ssr: true },
});

// The scripts each page may carry: as built, with the standalone page's app started after its
// first paint by the server (server/start-after-paint.mjs), embed.html's loaded again if it fails.
const PAGES = [
  {
    name: 'the standalone page',
    file: 'index.html',
    path: '',
    scripts: (built: string) => startAppAfterPaint(built).html,
  },
  {
    name: 'embed.html',
    file: 'embed.html',
    path: 'embed.html',
    scripts: (built: string) => reloadIfAppFails(built),
  },
] as const;

/** Every update rendered by the server: `more=` at its most covers the whole corpus. */
function hostilePage(serverUrl: string, pagePath: string) {
  const built = buildXssFeed(serverUrl);
  writeFileSync(path.join(feedDir, 'xss.json'), JSON.stringify(built.feed));
  const url = `${serverUrl}${pagePath}?feed=${encodeURIComponent('/fixtures/xss.json')}&more=${MAX_MORE_STEPS}`;
  return { built, url };
}

const SNAPSHOT = /<script type="application\/json" id="live-blog-snapshot">([^<]*)<\/script>/;
const JSON_LD = /<script type="application\/ld\+json" id="live-blog-json-ld">([^<]*)<\/script>/;

/**
 * What the served HTML, as sent, carries that it should not: an event handler or a script URL on
 * any element, a script the built page does not have, or a data block a payload could close.
 */
function servedOffences(html: string, template: string): string[] {
  const out: string[] = [];
  // The data blocks must hold whole: a payload that closed one would leave JSON that breaks.
  const snapshot = SNAPSHOT.exec(html);
  if (!snapshot) out.push('no snapshot');
  else if (!(JSON.parse(snapshot[1]!) as { text?: string }).text) out.push('no document');
  const jsonLd = JSON_LD.exec(html);
  if (jsonLd) JSON.parse(jsonLd[1]!);
  // Every tag as written, outside scripts (checked below as elements), its quoted values taken
  // out (text there is text): no on* attribute.
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  for (const [tag] of markup.matchAll(/<[a-zA-Z][^>]*>/g)) {
    const names = tag.replace(/"[^"]*"|'[^']*'/g, '""');
    if (/[\s"'/]on[a-z]+\s*=/i.test(names)) out.push(`handler in ${tag.slice(0, 120)}`);
  }
  // The same HTML parsed (jsdom runs and loads nothing): attributes with entities decoded.
  const doc = new JSDOM(html).window.document;
  const own = new JSDOM(template).window.document;
  const builtIn = new Set([...own.querySelectorAll('*')].map((el) => el.outerHTML));
  for (const el of doc.querySelectorAll('*')) {
    const found: string[] = [];
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const where = `<${el.tagName.toLowerCase()}> ${el.closest('article')?.id ?? ''}`;
      if (name.startsWith('on')) found.push(`${where} has ${name}`);
      if (name === 'srcdoc' || name === 'srcset') found.push(`${where} has ${name}`);
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(attr.value.replace(/[\s\p{Cc}]/gu, ''));
      if (URL_ATTRS.includes(name) && scheme && !/^(https?|mailto)$/i.test(scheme[1]!)) {
        found.push(`${where} has ${name}=${attr.value.slice(0, 80)}`);
      }
    }
    // The page as built may (its icon is a data: URL). Serialised only then: an element's
    // outerHTML is its whole subtree.
    if (found.length > 0 && !builtIn.has(el.outerHTML)) out.push(...found);
  }
  for (const script of doc.querySelectorAll('script')) {
    const data = ['live-blog-snapshot', 'live-blog-json-ld'].includes(script.id);
    if (!data && !builtIn.has(script.outerHTML))
      out.push(`script ${script.outerHTML.slice(0, 80)}`);
  }
  for (const el of doc.querySelectorAll(
    '#root :is(iframe, frame, object, embed, base, link, meta, style)',
  )) {
    out.push(`<${el.tagName.toLowerCase()}> in the rendered widget`);
  }
  return out;
}

/** Each update's sanitised bodies (`.lb-prose`) by article id, in `page`. */
function bodiesIn(page: Page, html?: string): Promise<Record<string, string>> {
  return page.evaluate((served) => {
    // The served HTML, parsed inert as the browser parses it; or the live page.
    const doc =
      served === undefined ? document : new DOMParser().parseFromString(served, 'text/html');
    const out: Record<string, string> = {};
    for (const article of doc.querySelectorAll('article[id]')) {
      const bodies = [...article.querySelectorAll('.lb-prose')].map((el) => el.innerHTML);
      out[article.id] = bodies.join('\n');
    }
    return out;
  }, html);
}

/**
 * The bodies of the served HTML, parsed by Chromium in a blank page of a context of its own: the
 * app's page enforces Trusted Types (DOMParser takes no string there), and a page opened beside
 * it would count as a popup.
 */
async function servedBodies(browser: Browser, html: string): Promise<Record<string, string>> {
  const context = await browser.newContext();
  try {
    return await bodiesIn(await context.newPage(), html);
  } finally {
    await context.close();
  }
}

/** Ids whose bodies differ between `a` and `b` (an id missing from one counts). */
function differing(a: Record<string, string>, b: Record<string, string>): string[] {
  const ids = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...ids]
    .filter((id) => a[id] !== b[id])
    .map((id) => `${id.slice(0, 40)}: ${a[id]?.slice(0, 120)} ≠ ${b[id]?.slice(0, 120)}`);
}

for (const target of PAGES) {
  test.describe(`${target.name}, rendered by the server`, () => {
    test.describe('with JavaScript off', () => {
      test.use({ javaScriptEnabled: false });

      test('serves no handler or script URL, loads nothing, shows text as text', async ({
        page,
        context,
        server,
      }) => {
        test.setTimeout(120_000);
        const { built, url } = hostilePage(server.url, target.path);
        const seen = watch(page, context);
        const res = await page.goto(url);
        // The response as it came over the wire, before any parser saw it.
        const html = (await res?.text()) ?? '';
        expect(res?.headers()['content-security-policy']).toBe(TRUSTED_TYPES_CSP);
        const template = target.scripts(readFileSync(path.join('dist', target.file), 'utf8'));
        expect(servedOffences(html, template)).toEqual([]);

        await expect(page.getByRole('heading', { level: 1 })).toHaveText(built.feedTitle);
        await expect(page.getByRole('article')).toHaveCount(built.items.length);
        await expectNothingHappened(page, seen, server.url);
        expect(await domOffences(page)).toEqual([]);
        expect(await textMismatches(page, built.items)).toEqual([]);
      });
    });

    test('with JavaScript on: runs nothing, and hydrates and re-renders the same bodies', async ({
      page,
      context,
      browser,
      server,
    }) => {
      test.setTimeout(180_000);
      const { built, url } = hostilePage(server.url, target.path);
      const seen = watch(page, context);
      const html = (await (await page.goto(url))?.text()) ?? '';
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(built.feedTitle);
      const served = await servedBodies(browser, html);
      expect(Object.keys(served)).toHaveLength(built.items.length);
      await poke(page);

      // Another view makes every update afresh: the browser's sanitiser, not the server's HTML.
      // The switch answers once the page is hydrated (a click before that does nothing).
      const latest = page.getByRole('button', { name: 'Latest' });
      await expect(async () => {
        await latest.click();
        await expect(latest).toHaveAttribute('aria-pressed', 'true', { timeout: 1_000 });
      }).toPass({ timeout: 60_000 });
      await renderAllUpdates(page, built.items.length);
      await poke(page);
      expect(differing(served, await bodiesIn(page))).toEqual([]);

      await expectNothingHappened(page, seen, server.url);
      expect(await domOffences(page)).toEqual([]);
      expect(await textMismatches(page, built.items)).toEqual([]);
    });
  });
}
