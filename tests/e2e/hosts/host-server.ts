import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/** A page of a host site, with the response headers it is served with (e.g. its CSP). */
export interface HostPage {
  readonly html: string;
  readonly headers?: Record<string, string>;
}

export interface HostServer {
  /** `http://127.0.0.1:<port>/`: another origin than the replay server (another port). */
  readonly url: string;
  readonly origin: string;
  /** Adds or replaces a page at `path` (e.g. '/article.html'). */
  page(path: string, page: HostPage | string): string;
  /** Serves the files of `dir` under `prefix` (e.g. '/assets/'): the host's scripts and styles. */
  files(prefix: string, dir: string): void;
  close(): Promise<void>;
}

/**
 * A newsroom's site in miniature: serves the host pages a test writes, and nothing else. The
 * widget's script and the feed stay on the replay server, as they would on a CDN.
 */
export async function startHostServer(): Promise<HostServer> {
  const pages = new Map<string, HostPage>();
  const folders = new Map<string, string>();
  const types: Record<string, string> = {
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
  };
  const serveFile = async (file: string, res: http.ServerResponse) => {
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found\n');
    }
  };
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host.invalid').pathname;
    const folder = [...folders].find(([prefix]) => path.startsWith(prefix));
    const rest = folder && normalize(path.slice(folder[0].length));
    if (folder && rest && !rest.startsWith('..')) {
      void serveFile(join(folder[1], rest), res);
      return;
    }
    const page = pages.get(path);
    if (!page) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found\n');
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      ...page.headers,
    });
    res.end(page.html);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    page(path, page) {
      pages.set(path, typeof page === 'string' ? { html: page } : page);
      return `${origin}${path}`;
    },
    files(prefix, dir) {
      folders.set(prefix, dir);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A minimal HTML document around `body`. */
export function hostDocument(body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Host article</title>${head}</head>
<body>${body}</body>
</html>`;
}
