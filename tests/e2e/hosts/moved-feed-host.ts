import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MovedFeedHost {
  readonly origin: string;
  /** The address the page names: it redirects to the document, in another folder. */
  readonly feedPath: string;
  close(): Promise<void>;
}

/** A 1×1 transparent PNG, for the document's relative image. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/**
 * A feed host that moved its feed: `/live` answers 302 to `/coverage/2026/feed.json`, whose
 * updates name their link, image and a link in their body relative to that document, as a feed may (docs/feed-format.md: relative URLs resolve against the document's URL).
 */
export async function startMovedFeedHost(): Promise<MovedFeedHost> {
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag' };
  const feed = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'A feed that moved',
    items: [1, 2].map((n) => ({
      id: `moved-${n}`,
      title: `Update ${n}`,
      url: `story-${n}.html`,
      image: 'photo.png',
      content_html: `<p>Body ${n}. <a href="more-${n}.html">More</a></p>`,
      date_published: `2026-05-01T1${n}:00:00Z`,
    })),
  });
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    if (path === '/live') {
      res.writeHead(302, { ...cors, Location: '/coverage/2026/feed.json' });
      res.end();
    } else if (path === '/coverage/2026/feed.json') {
      res.writeHead(200, {
        ...cors,
        'Content-Type': 'application/feed+json',
        ETag: '"moved-v1"',
        'Cache-Control': 'no-cache',
      });
      res.end(feed);
    } else if (path === '/coverage/2026/photo.png') {
      res.writeHead(200, { ...cors, 'Content-Type': 'image/png' });
      res.end(PIXEL);
    } else {
      res.writeHead(404, cors);
      res.end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    feedPath: '/live',
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
