// @vitest-environment node
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, raw, start, type RunningServer, type Workspace } from './helpers';

// A stand-in for dist-ssr/render-page.js that shows the page address it is given (what the
// rendered page's permalinks, og:url and snapshot are made from) and whether the server read the
// page's feed as its own.
const FAKE_RENDERER = `
async function renderPage(input) {
  const page = new URL(input.pageUrl);
  const feed = new URL(page.searchParams.get('feed') ?? 'feeds/vilnius-2023.json', page).href;
  const doc = await input.load(feed, 'head');
  const root = '<p id="page">' + input.pageUrl + '</p><p id="feed">' + feed + (doc ? ' read' : ' unread') + '</p>';
  return { root, head: '', title: 'Live', validator: doc?.validator ?? null };
}
export const renderStandalonePage = renderPage;
export const renderFramePage = renderPage;
export const renderedHtmlStyles = 'p{}';
export function createFeedLoader() { return { load: async () => { throw new Error('no'); }, close() {} }; }
`;

const TEMPLATE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body><div id="root"></div></body></html>';

describe('the address a rendered page is made for', () => {
  let ws: Workspace;
  let server: RunningServer;
  let behindProxy: RunningServer;

  beforeAll(async () => {
    ws = makeWorkspace();
    writeFileSync(path.join(ws.dist, 'index.html'), TEMPLATE);
    writeFileSync(path.join(ws.dist, 'embed.html'), TEMPLATE);
    const ssrModule = path.join(ws.root, 'render-page.mjs');
    writeFileSync(ssrModule, FAKE_RENDERER);
    server = await start(ws, { ssr: true, ssrModule });
    behindProxy = await start(ws, {
      ssr: true,
      ssrModule,
      publicOrigin: 'https://news.example',
    });
  });
  afterAll(async () => {
    await Promise.all([server.close(), behindProxy.close()]);
    ws.cleanup();
  });

  const shown = async (base: string, target: string, headers: Record<string, string> = {}) => {
    const res = await raw(base, target, { headers });
    const html = res.body.toString('utf8');
    return {
      page: /<p id="page">([^<]*)<\/p>/.exec(html)?.[1],
      feed: /<p id="feed">([^<]*)<\/p>/.exec(html)?.[1],
    };
  };

  it('keeps a path that starts with "//" on this host, as the browser that asked has it', async () => {
    const own = new URL(server.url).host;
    const { page, feed } = await shown(server.url, '//evil.example/', { Host: own });
    expect(page).toBe(`http://${own}//evil.example/`);
    expect(feed).toBe(`http://${own}//evil.example/feeds/vilnius-2023.json unread`);
  });

  it('ignores a Host header that is not a host', async () => {
    const { page } = await shown(server.url, '/?topic=a', { Host: 'evil.example/#' });
    expect(page).toBe('http://127.0.0.1/?topic=a');
    const outOfRange = await shown(server.url, '/?topic=a', { Host: 'news.example:99999' });
    expect(outOfRange.page).toBe('http://127.0.0.1/?topic=a');
  });

  it('makes pages for the public origin behind a proxy, and still reads its own feeds', async () => {
    const internal = new URL(behindProxy.url).host;
    const { page, feed } = await shown(behindProxy.url, '/?topic=a', { Host: internal });
    expect(page).toBe('https://news.example/?topic=a');
    expect(feed).toBe('https://news.example/feeds/vilnius-2023.json read');
  });

  it("varies with the reader's language unless the address names a locale", async () => {
    const vary = async (query: string) =>
      (await raw(server.url, `/embed.html?feed=/feeds/vilnius-2023.json${query}`)).headers.vary;
    expect(await vary('&locale=uk')).toBe('Accept-Encoding');
    // A blank or malformed locale names none: the page is in the reader's.
    expect(await vary('&locale=')).toBe('Accept-Language, Accept-Encoding');
    expect(await vary('&locale=%20')).toBe('Accept-Language, Accept-Encoding');
    expect(await vary('&locale=not%20a%20tag')).toBe('Accept-Language, Accept-Encoding');
    expect(await vary('')).toBe('Accept-Language, Accept-Encoding');
  });

  it('refuses a public origin that is not an origin', async () => {
    await expect(start(ws, { publicOrigin: 'https://news.example/live' })).rejects.toThrow(
      /public origin/,
    );
  });
});
