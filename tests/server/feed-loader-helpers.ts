// What the tests of the server-side feed loader (src/entries/server) share: the replay server in
// static mode with a few feed files, and tiny servers that misbehave in ways it cannot.
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../server/create-server.mjs';
import { FeedLoadError } from '../../src/entries/server/load-live-blog-feed';
import { admin, type AdminAnswers, type RunningServer } from './helpers';

/** A feed document with non-ASCII text, large enough that the server compresses it. */
export function feedText(title: string, items = 12): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title,
      items: Array.from({ length: items }, (_, i) => ({
        id: `u${i}`,
        content_text: `Atnaujinimas ${i}: Šiaulių žinios — «ąčęėįšųūž» 🎉 ${'·'.repeat(i)}`,
        date_published: new Date(Date.UTC(2024, 4, 6, 5, i)).toISOString(),
      })),
    },
    null,
    2,
  );
}

export interface FeedFiles {
  /** Folder served under /fixtures/. */
  dir: string;
  /** What each file under /fixtures/ holds, by path below it. */
  files: Record<string, string>;
  cleanup(): void;
}

/** A temporary fixtures folder; `big.json` is 200 KB of very compressible JSON. */
export function makeFeedFiles(): FeedFiles {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'liveblog-loader-'));
  const files: Record<string, string> = {
    'live.json': feedText('Tiesiogiai: Vilnius'),
    'other.json': feedText('Another live blog', 3),
    'third.json': feedText('A third live blog', 4),
    'paged/page-1.json': feedText('An immutable page', 2),
    'big.json': JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Big',
      items: [{ id: 'big', content_text: 'x'.repeat(200_000) }],
    }),
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return { dir, files, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The replay server serving `files` in static mode; faults apply to /fixtures/live.json. */
export function startFeedServer(files: FeedFiles): Promise<RunningServer> {
  return startServer({
    port: 0,
    mode: 'static',
    distDir: path.join(files.dir, 'no-dist'),
    staticDir: files.dir,
    feedPath: '/fixtures/live.json',
    admin: true,
  });
}

export const originOf = (url: string) => new URL(url).origin;

/** The feed requests the server has logged since the log was last cleared. */
export async function requestLog(server: RunningServer) {
  const { json } = await admin<AdminAnswers['requests']>(server, 'GET', 'requests');
  return json.requests;
}

export async function clearLog(server: RunningServer): Promise<void> {
  await admin(server, 'DELETE', 'requests');
}

export interface TinyServer {
  origin: string;
  /** Paths requested, in order. */
  hits: string[];
  close(): Promise<void>;
}

async function listen(server: net.Server): Promise<Omit<TinyServer, 'hits'>> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A node:http server on 127.0.0.1 answering with `handler`. */
export async function startTinyServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<TinyServer> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    handler(req, res);
  });
  const running = await listen(server);
  return { ...running, hits };
}

/** A TCP server that answers every connection by hand once it has read the request head. */
export async function startRawServer(
  answer: (socket: net.Socket, path: string) => void,
): Promise<TinyServer> {
  const hits: string[] = [];
  const server = net.createServer((socket) => {
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      const path = head.split(' ')[1] ?? '';
      hits.push(path);
      answer(socket, path);
    };
    socket.on('data', onData);
    socket.on('error', () => {});
  });
  const running = await listen(server);
  return { ...running, hits };
}

/** The FeedLoadError a load failed with (anything else fails the test). */
export async function failure(promise: Promise<unknown>): Promise<FeedLoadError> {
  const error = await promise.then(
    () => new Error('expected the load to fail'),
    (e: unknown) => e,
  );
  if (!(error instanceof FeedLoadError)) throw error;
  return error;
}
