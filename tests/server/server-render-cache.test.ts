// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPageRenderer } from '../../server/server-render.mjs';

// A stand-in for dist-ssr/render-page.js: it renders the feed text it loads, and counts renders.
const FAKE_RENDERER = `
globalThis.__renders = 0;
async function renderPage(input) {
  globalThis.__renders++;
  const feedUrl = new URL(input.pageUrl).searchParams.get('feed');
  const doc = await input.load(new URL(feedUrl, input.pageUrl).href, 'head');
  if (!doc) return undefined;
  await new Promise((resolve) => setTimeout(resolve, 5));
  return { root: '<p>' + doc.text + '</p>', head: '', title: 'Live', validator: doc.validator };
}
export const renderStandalonePage = renderPage;
export const renderFramePage = renderPage;
export const renderedHtmlStyles = 'p{}';
export function createFeedLoader() { return { load: async () => { throw new Error('no'); }, close() {} }; }
`;

const TEMPLATE =
  '<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body><div id="root"></div></body></html>';

declare global {
  var __renders: number;
}

interface Doc {
  text: string;
  validator: string | null;
  fetchedAt: number;
}

describe('server rendering: one render per page and feed version', () => {
  let dir: string;
  let doc: Doc;
  let renderer: ReturnType<typeof createPageRenderer>;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'render-cache-'));
    const module = path.join(dir, 'render-page.mjs');
    writeFileSync(module, FAKE_RENDERER);
    renderer = createPageRenderer({ module, maxRenders: 4 });
    doc = { text: 'first', validator: '"v1"', fetchedAt: 1_000 };
  });
  afterEach(() => {
    renderer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const request = (pageUrl = 'http://127.0.0.1/?feed=/feed.json', acceptLanguage = 'en') =>
    renderer.render({
      page: 'standalone',
      pageUrl,
      template: TEMPLATE,
      feedOrigins: [],
      acceptLanguage,
      load: () => Promise.resolve({ ...doc, maxAgeSeconds: 10 }),
    });

  it('answers repeated requests for an unchanged feed without rendering again', async () => {
    const first = await request();
    const second = await request();
    expect(globalThis.__renders).toBe(1);
    expect(second?.rep).toBe(first?.rep);
    expect(second?.rep.body.toString()).toContain('<p>first</p>');
    expect(second?.maxAgeSeconds).toBe(10);
  });

  it('renders again once the feed has a new version', async () => {
    await request();
    doc = { text: 'second', validator: '"v2"', fetchedAt: 2_000 };
    const next = await request();
    expect(globalThis.__renders).toBe(2);
    expect(next?.rep.body.toString()).toContain('<p>second</p>');
  });

  it('shares one render among readers who arrive together', async () => {
    const pages = await Promise.all([request(), request(), request(), request()]);
    expect(globalThis.__renders).toBe(1);
    expect(new Set(pages.map((p) => p?.rep)).size).toBe(1);
  });

  it('leaves pages to the browser while too many renders are under way', async () => {
    const addresses = Array.from(
      { length: 6 },
      (_, i) => `http://127.0.0.1/?feed=/feed.json&x=${i}`,
    );
    const pages = await Promise.all([...addresses.map((a) => request(a)), request(addresses[0])]);
    expect(globalThis.__renders).toBe(4);
    expect(pages.map((p) => p !== null)).toEqual([true, true, true, true, false, false, true]);
    // Once they are done, the next page is rendered again.
    expect(await request(addresses[5])).not.toBeNull();
  });

  it('keeps addresses and languages apart', async () => {
    await request('http://127.0.0.1/?feed=/feed.json', 'en');
    await request('http://127.0.0.1/?feed=/feed.json', 'uk');
    await request('http://127.0.0.1/?feed=/feed.json&topic=a', 'en');
    expect(globalThis.__renders).toBe(3);
  });

  it('gives readers who list the same first language one page', async () => {
    const first = await request(undefined, 'uk-UA,uk;q=0.9,en;q=0.8');
    const second = await request(undefined, 'uk-UA, de;q=0.5');
    expect(globalThis.__renders).toBe(1);
    expect(second?.rep).toBe(first?.rep);
  });

  it('does not keep a page whose feed has no validator to compare', async () => {
    doc = { text: 'unversioned', validator: null, fetchedAt: 1_000 };
    await request();
    await request();
    expect(globalThis.__renders).toBe(2);
  });

  it('keeps no more HTML than its budget: a large feed in many addresses is rendered again', async () => {
    renderer.close();
    renderer = createPageRenderer({
      module: path.join(dir, 'render-page.mjs'),
      maxKeptBytes: 2_500,
    });
    doc = { text: 'x'.repeat(800), validator: '"big"', fetchedAt: 1_000 };
    const page = (name: string) => request(`http://127.0.0.1/?feed=/feed.json&${name}`);
    await page('a');
    await page('b');
    await page('c'); // no room for three: the least recently used goes
    expect(globalThis.__renders).toBe(3);
    await page('b');
    expect(globalThis.__renders).toBe(3);
    await page('a');
    expect(globalThis.__renders).toBe(4);
  });

  it('renders again when the feed can no longer be read, and gives the browser the page', async () => {
    await request();
    const failing = await renderer.render({
      page: 'standalone',
      pageUrl: 'http://127.0.0.1/?feed=/feed.json',
      template: TEMPLATE,
      feedOrigins: [],
      acceptLanguage: 'en',
      load: () => Promise.resolve(undefined),
    });
    expect(failing).toBeNull();
    expect(globalThis.__renders).toBe(2);
  });
});
