// @vitest-environment node
// The server-side feed loader against documents that are too large, servers that are too slow,
// and every fault the replay server can inject: a snapshot or a FeedLoadError, never a hang.
import type { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../../server/faults.mjs';
import {
  FeedLoadError,
  loadLiveBlogFeed,
  type FeedSnapshot,
  type LoadFeedOptions,
} from '../../src/entries/server/load-live-blog-feed';
import {
  clearLog,
  makeFeedFiles,
  originOf,
  requestLog,
  startFeedServer,
  startRawServer,
  startTinyServer,
  type FeedFiles,
  type TinyServer,
} from './feed-loader-helpers';
import { admin, type RunningServer } from './helpers';

let files: FeedFiles;
let server: RunningServer;
let origin: string;
const at = (name: string) => `${server.url}fixtures/${name}`;

beforeAll(async () => {
  files = makeFeedFiles();
  server = await startFeedServer(files);
  origin = originOf(server.url);
});
afterAll(async () => {
  await server.close();
  files.cleanup();
});
beforeEach(() => clearLog(server));

/** The snapshot, or the FeedLoadError it failed with (any other error fails the test). */
async function outcome(
  url: string,
  options: LoadFeedOptions,
): Promise<FeedSnapshot | FeedLoadError> {
  try {
    return await loadLiveBlogFeed(url, options);
  } catch (error) {
    if (error instanceof FeedLoadError) return error;
    throw error;
  }
}

const reasonOf = (result: FeedSnapshot | FeedLoadError) =>
  result instanceof FeedLoadError ? result.reason : 'snapshot';

describe('size', () => {
  const LIMIT = 64 * 1024;
  const MiB = 1024 * 1024;
  let tiny: TinyServer;
  let endless: TinyServer;
  const body = (bytes: number) => Buffer.alloc(bytes, 'a');
  beforeAll(async () => {
    tiny = await startTinyServer((req, res) => {
      const [, kind = '', size = '0'] = /^\/(\w+)\/(\d+)$/.exec(req.url ?? '') ?? [];
      const bytes = Number(size);
      if (kind === 'length') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': bytes });
        res.end(body(bytes));
      } else if (kind === 'chunked') {
        // No Content-Length: Node sends it chunked, in pieces.
        res.writeHead(200, { 'Content-Type': 'application/json' });
        for (let sent = 0; sent < bytes; sent += 8192)
          res.write(body(Math.min(8192, bytes - sent)));
        res.end();
      } else if (kind === 'bomb') {
        // Small on the wire, `bytes` once decompressed; Content-Length honest and small. Large
        // sizes are gzip members of 1 MiB each, one after the other (a valid gzip body).
        const zipped =
          bytes % MiB === 0 && bytes > MiB
            ? Buffer.concat(Array<Buffer>(bytes / MiB).fill(gzipSync(body(MiB))))
            : gzipSync(body(bytes));
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Encoding': 'gzip',
          'Content-Length': zipped.length,
        });
        res.end(zipped);
      }
    });
    // Close-delimited (neither Content-Length nor chunked), and it never stops: plain bytes, or
    // gzip members of nothing at all, which never decompress to a single byte.
    const emptyMembers = Buffer.concat(Array<Buffer>(512).fill(gzipSync(Buffer.alloc(0))));
    endless = await startRawServer((socket: Socket, path: string) => {
      const zipped = path === '/empty-gzip';
      socket.write(
        'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n' +
          (zipped ? 'Content-Encoding: gzip\r\n\r\n' : '\r\n'),
      );
      const pump = () => {
        while (!socket.destroyed && socket.write(zipped ? emptyMembers : body(16 * 1024)));
        if (!socket.destroyed) socket.once('drain', pump);
      };
      pump();
    });
  });
  afterAll(async () => {
    await tiny.close();
    await endless.close();
  });
  const options = () => ({
    allowedOrigins: [tiny.origin, endless.origin, origin],
    allowPrivateAddresses: true,
    maxBytes: LIMIT,
  });

  it.each(['length', 'chunked', 'bomb'])(
    'takes %s bodies up to maxBytes, not a byte more',
    async (kind) => {
      const fits = await outcome(`${tiny.origin}/${kind}/${LIMIT}`, options());
      expect(reasonOf(fits)).toBe('snapshot');
      expect((fits as FeedSnapshot).text).toHaveLength(LIMIT);
      const over = await outcome(`${tiny.origin}/${kind}/${LIMIT + 1}`, options());
      expect(reasonOf(over)).toBe('too-large');
    },
  );

  it('stops a decompression bomb early', async () => {
    const started = performance.now();
    const error = await outcome(`${tiny.origin}/bomb/${512 * MiB}`, options());
    expect(reasonOf(error)).toBe('too-large');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it.each(['/plain', '/empty-gzip'])(
    'stops a body with no declared length that never ends (%s)',
    async (path) => {
      const error = await outcome(endless.origin + path, { ...options(), timeoutMs: 20_000 });
      expect(reasonOf(error)).toBe('too-large');
    },
  );

  it('applies the limit to the decompressed body the replay server sends', async () => {
    const error = await outcome(at('big.json'), { ...options(), maxBytes: 100_000 });
    expect(reasonOf(error)).toBe('too-large');
    // Small on the wire: only the decompressed size is over the limit.
    const [entry] = await requestLog(server);
    expect(entry?.encoding).toBe('br');
    expect(Buffer.byteLength(files.files['big.json']!)).toBeGreaterThan(100_000);
    const fits = await outcome(at('big.json'), { ...options(), maxBytes: 250_000 });
    expect((fits as FeedSnapshot).text).toBe(files.files['big.json']);
  });
});

describe('time', () => {
  let slow: TinyServer;
  beforeAll(async () => {
    // Headers at once, then a byte every 50 ms: each step is quick, the whole is not.
    slow = await startTinyServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    });
  });
  afterAll(() => slow.close());

  it('gives up on a body that trickles in past timeoutMs', async () => {
    const started = performance.now();
    const error = await outcome(`${slow.origin}/feed.json`, {
      allowedOrigins: [slow.origin],
      allowPrivateAddresses: true,
      timeoutMs: 300,
    });
    const elapsed = performance.now() - started;
    expect(reasonOf(error)).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1500);
  });
});

describe('faults on the wire', () => {
  const TIMEOUT = 300;
  const options = () => ({
    allowedOrigins: [origin],
    allowPrivateAddresses: [origin],
    timeoutMs: TIMEOUT,
  });
  afterEach(() => admin(server, 'DELETE', 'fault'));

  // What a caller gets for each fault kind (server/faults.mjs): a snapshot of the file (the fault
  // serves it in static mode, or is no fault on the wire), or a FeedLoadError.
  const EXPECTED: Record<(typeof FAULT_KINDS)[number], string> = {
    '500': 'http',
    '502': 'http',
    '503': 'http',
    '429': 'http',
    '404': 'http',
    hang: 'timeout',
    reset: 'network',
    truncate: 'network',
    html200: 'content-type',
    'wrong-content-type': 'snapshot', // text/plain: the client reads it too
    '304-no-validator': 'http', // a 304 with no document to keep
    stale: 'snapshot', // static mode: the file as it is
    huge: 'too-large', // 50 MiB, over the default limit: refused from its Content-Length
    skip: 'snapshot', // needs the replay: refused (409) in static mode
  };

  it('knows every fault kind', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...FAULT_KINDS].sort());
  });

  it.each(FAULT_KINDS)('%s: a snapshot or a FeedLoadError, in time', async (kind) => {
    const set = await admin(server, 'POST', 'fault', { kind, times: 1 });
    expect(set.status).toBe(kind === 'skip' ? 409 : 200);
    const started = performance.now();
    const result = await outcome(at('live.json'), options());
    expect(performance.now() - started).toBeLessThan(TIMEOUT + 1000);
    expect(reasonOf(result)).toBe(EXPECTED[kind]);
    if (result instanceof FeedLoadError) {
      if (result.reason === 'http') expect(result.status).toBe(Number(kind.slice(0, 3)));
    } else {
      expect(result.text).toBe(files.files['live.json']);
    }
    const log = await requestLog(server);
    expect(log).toHaveLength(1);
    expect(log[0]?.fault).toBe(kind === 'skip' ? null : kind);
  });
});
