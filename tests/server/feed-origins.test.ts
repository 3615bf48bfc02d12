// @vitest-environment node
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../server/create-server.mjs';
import { parseFeedOriginsOption } from '../../server/feed-origins.mjs';
import { makeWorkspace, start, type RunningServer, type Workspace } from './helpers';

const EARLY = 'window.early = fetch("feeds/vilnius-2023.json");';
const page = (origins: string) =>
  `<!doctype html><html><head><meta charset="utf-8" />
    <meta name="live-blog-feed-origins" content="${origins}" />
    <script>${EARLY}</script></head><body><div id="root"></div></body></html>`;

describe('feedOrigins: the list of other feed origins in the pages served', () => {
  let ws: Workspace;
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    ws.cleanup();
  });

  function writePages() {
    writeFileSync(path.join(ws.dist, 'index.html'), page(''));
    writeFileSync(path.join(ws.dist, 'embed.html'), page('https://kept.example'));
  }

  it('writes the origins into the meta of index.html and embed.html; the CSP hash still holds', async () => {
    ws = makeWorkspace();
    writePages();
    server = await start(ws, { feedOrigins: 'https://Feeds.example.com  http://127.0.0.1:9999/' });
    const hash = `'sha256-${createHash('sha256').update(EARLY).digest('base64')}'`;
    for (const file of ['/', '/index.html', '/embed.html']) {
      const res = await fetch(new URL(file, server.url));
      const html = await res.text();
      expect(html).toContain(
        '<meta name="live-blog-feed-origins" content="https://feeds.example.com http://127.0.0.1:9999" />',
      );
      expect(html).toContain(`<script>${EARLY}</script>`);
      // The meta is not a script: the inline script's hash is the same, and the page's own.
      expect(res.headers.get('content-security-policy')).toBe(
        CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' ${hash}`),
      );
      // Validators belong to the body actually sent.
      const again = await fetch(new URL(file, server.url), {
        headers: { 'If-None-Match': res.headers.get('etag')! },
      });
      expect(again.status).toBe(304);
    }
  });

  it('takes a list, and leaves the pages as they are without the option', async () => {
    ws = makeWorkspace();
    writePages();
    server = await start(ws, { feedOrigins: ['https://a.example', 'https://b.example'] });
    expect(await (await fetch(server.url)).text()).toContain(
      'content="https://a.example https://b.example"',
    );
    await server.close();
    server = await start(ws);
    expect(await (await fetch(server.url)).text()).toContain(
      '<meta name="live-blog-feed-origins" content="" />',
    );
    expect(await (await fetch(new URL('/embed.html', server.url))).text()).toContain(
      'content="https://kept.example"',
    );
  });

  it('an empty list empties the meta: the pages allow their own origin only', async () => {
    ws = makeWorkspace();
    writePages();
    server = await start(ws, { feedOrigins: '' });
    expect(await (await fetch(new URL('/embed.html', server.url))).text()).toContain(
      '<meta name="live-blog-feed-origins" content="" />',
    );
  });
});

// Without a server (and its workspace) to clean up after.
describe('the --feed-origins option', () => {
  it.each([
    'feeds.example.com',
    'https://cdn.example/feeds/',
    'https://*.example.com',
    'ftp://feeds.example.com',
    'https://user@feeds.example.com',
  ])('refuses %s: only http(s) origins', (entry) => {
    expect(() => parseFeedOriginsOption(entry)).toThrow(/http\(s\) origins/);
  });
});
