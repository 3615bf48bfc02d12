import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PlainFeedHost {
  readonly origin: string;
  /** How many CORS preflights (OPTIONS) it was sent. */
  readonly preflights: () => number;
  close(): Promise<void>;
}

/**
 * A feed host that sends what docs/feed-format.md#serving asks of one and no more (an object
 * store or CDN): each GET passed on to `upstream` (the replay server) with its validators, and a
 * CORS preflight answered without Access-Control-Allow-Headers, so a request that needs one fails.
 */
export async function startPlainFeedHost(upstream: string): Promise<PlainFeedHost> {
  let preflights = 0;
  const server = http.createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      preflights += 1;
      res.writeHead(204, { 'Access-Control-Allow-Origin': '*' });
      res.end();
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ['if-none-match', 'if-modified-since', 'accept']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    void fetch(new URL(req.url ?? '/', upstream), { headers }).then(async (answer) => {
      const out: Record<string, string> = {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Expose-Headers': 'ETag, Retry-After',
      };
      for (const name of ['content-type', 'etag', 'last-modified', 'cache-control']) {
        const value = answer.headers.get(name);
        if (value !== null) out[name] = value;
      }
      res.writeHead(answer.status, out);
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    preflights: () => preflights,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
