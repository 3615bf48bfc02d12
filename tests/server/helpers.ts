import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../server/create-server.mjs';
import type { RequestLogEntry } from '../../server/create-server.mjs';
import type { FeedDocument as Feed, FeedItem } from '../../server/pagination.mjs';
import type { ReplayState } from '../../server/replay.mjs';

export type StartOptions = NonNullable<Parameters<typeof startServer>[0]>;
export type RunningServer = Awaited<ReturnType<typeof startServer>>;
export type { FeedItem, FeedDocument as Feed } from '../../server/pagination.mjs';

/** A small source feed: n items an hour apart, most with several paragraphs. */
export function makeSourceFeed(n = 8): Feed {
  const start = Date.parse('2023-07-12T06:00:00Z');
  const items: FeedItem[] = [];
  for (let i = 0; i < n; i++) {
    items.push({
      id: `item-${String(i + 1).padStart(2, '0')}`,
      title: `Update ${i + 1}`,
      content_html:
        i % 3 === 1
          ? `<p>Single paragraph of update ${i + 1}.</p>`
          : `<p>First paragraph of update ${i + 1}.</p><p>Second paragraph of update ${i + 1}.</p>`,
      date_published: new Date(start + i * 3_600_000).toISOString(),
      _liveblog: { topics: [i % 2 ? 'alpha' : 'beta'], countries: ['LT'] },
    });
  }
  // Source order is newest first, as a real feed is; the replay must sort.
  items.reverse();
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Test source feed',
    home_page_url: 'https://example.com/live/test',
    feed_url: 'https://example.com/feeds/test.json',
    _liveblog: {
      status: 'ended',
      poll_seconds: 30,
      timezone: 'Europe/Vilnius',
      coverage_start: '2023-07-12T05:00:00Z',
      coverage_end: '2023-07-12T20:00:00Z',
      topics: [
        { id: 'alpha', label: 'Alpha' },
        { id: 'beta', label: 'Beta' },
      ],
      countries: [{ code: 'LT', name: 'Lithuania' }],
      people: [{ id: 'someone', name: 'Sōme Öne', role: 'Speaker', country: 'LT' }],
    },
    items,
  };
}

export interface Workspace {
  root: string;
  dist: string;
  fixtures: string;
  feedFile: string;
  cleanup(): void;
}

/** A temp folder with a fake built app, a source feed and a fixtures folder. */
export function makeWorkspace(feed: Feed = makeSourceFeed(), { withIndex = true } = {}): Workspace {
  const root = mkdtempSync(path.join(os.tmpdir(), 'liveblog-server-'));
  const dist = path.join(root, 'dist');
  const fixtures = path.join(root, 'fixtures');
  const write = (file: string, body: string | Buffer) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, body);
  };
  if (withIndex) {
    write(
      path.join(dist, 'index.html'),
      '<!DOCTYPE html><html><head><script type="module" src="/assets/app-3f9a1c.js"></script></head><body><div id="root"></div></body></html>',
    );
  }
  write(
    path.join(dist, 'assets', 'app-3f9a1c.js'),
    `console.log(${JSON.stringify('x'.repeat(2000))});`,
  );
  write(path.join(dist, 'assets', 'style-9c2e.css'), 'body { margin: 0; }\n'.repeat(50));
  write(path.join(dist, 'embed.js'), 'window.liveBlogEmbed = true;\n');
  write(path.join(dist, 'feeds', 'media', 'clip.webm'), 'not really a video');
  write(path.join(dist, 'embed.html'), '<!DOCTYPE html><title>embed</title>');
  write(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  write(path.join(dist, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  write(path.join(dist, 'photo.webp'), Buffer.from('RIFF0000WEBP'));
  write(path.join(dist, 'font.woff2'), Buffer.from('wOF2'));
  write(path.join(dist, '.env'), 'SECRET=dotfile');
  write(path.join(dist, 'feeds', 'vilnius-2023.json'), JSON.stringify(feed));
  write(
    path.join(dist, 'feeds', 'other', 'page-1.json'),
    JSON.stringify({ ...feed, items: feed.items.slice(0, 1) }),
  );
  write(path.join(root, 'secret.txt'), 'TOP SECRET outside dist');
  write(
    path.join(fixtures, 'bad.json'),
    '{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [',
  );
  write(path.join(fixtures, 'nested', 'page-2.json'), JSON.stringify(feed));
  const feedFile = path.join(root, 'source.json');
  write(feedFile, JSON.stringify(feed));
  return {
    root,
    dist,
    fixtures,
    feedFile,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Starts a server on a random port with replay timers off. */
export async function start(ws: Workspace, options: StartOptions = {}): Promise<RunningServer> {
  return startServer({
    port: 0,
    distDir: ws.dist,
    feedFile: ws.feedFile,
    staticDir: ws.fixtures,
    intervalMs: 0,
    // HTTP behaviour only, the same with or without a build of the renderer: server rendering is
    // tested on the built app in the browser tests (tests/e2e/server-render*.spec.ts).
    ssr: false,
    ...options,
  });
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A request that sends the path exactly as written (fetch would normalise
 * "/../") and returns the raw, undecoded body.
 */
export function raw(
  baseUrl: string,
  pathAndQuery: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: pathAndQuery, method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function getJson(url: string, init?: RequestInit): Promise<Feed> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as Feed;
}

/** What the admin endpoints answer (server/admin.mjs), as far as the tests read it. */
export interface AdminAnswers {
  state: { replay: ReplayState | null };
  fault: { replay?: ReplayState };
  requests: { requests: RequestLogEntry[] };
  canary: { hits: { method: string; path: string }[] };
}

/** Calls the admin API; `json` is typed as `T` says the endpoint answers (AdminAnswers). */
export async function admin<T = unknown>(
  server: RunningServer,
  method: string,
  endpoint: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  // A connection of its own (raw): a fault test may have the server drop the sockets that a
  // pooled fetch would reuse for the next call.
  const res = await raw(server.url, `/__admin/${endpoint}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: JSON.parse(res.body.toString('utf8') || 'null') as T };
}

/** Every item reachable from a head by following next_url, as [document URL, item] pairs. */
export async function walkChain(headUrl: string): Promise<{ docs: { url: string; doc: Feed }[] }> {
  const docs: { url: string; doc: Feed }[] = [];
  let url: string | null = headUrl;
  while (url) {
    const doc = await getJson(url);
    docs.push({ url, doc });
    url = typeof doc.next_url === 'string' ? new URL(doc.next_url, url).href : null;
    if (docs.length > 10_000) throw new Error('next_url loop');
  }
  return { docs };
}

export const isTombstone = (item: FeedItem) => item._liveblog?.deleted === true;
