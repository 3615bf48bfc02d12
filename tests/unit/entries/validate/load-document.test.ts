// @vitest-environment node
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDocument } from '../../../../src/entries/validate/load-document';
import { wireFeed, wireItem } from '../../../support/feed-builders';

// The validator waits for a feed as the client does: for each piece of the body, not for the
// whole of it, and no longer than the client would in all.
const FEED_TEXT = JSON.stringify(wireFeed([wireItem('a', 1)]));
const HEADERS = { 'Content-Type': 'application/feed+json' };

let server: Server;
let origin: string;
let answer: (res: ServerResponse) => void;
beforeAll(async () => {
  server = createServer((_req, res) => answer(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(() => vi.useRealTimers());

describe('loading a feed from a URL', () => {
  it('reads a body that arrives slowly but steadily, for longer than the wait for a piece', async () => {
    answer = (res) => {
      res.writeHead(200, HEADERS);
      res.write(FEED_TEXT);
      let sent = 0;
      const pieces = setInterval(() => {
        res.write(' ');
        if (++sent === 40) {
          clearInterval(pieces);
          res.end();
        }
      }, 25);
    };
    const loaded = await loadDocument(new URL('/slow', origin), fetch, 400);
    expect(loaded).toMatchObject({ kind: 'document' });
    expect(loaded.kind === 'document' && JSON.parse(loaded.text)).toEqual(JSON.parse(FEED_TEXT));
  });

  it('gives up on a server that falls silent, and says so', async () => {
    answer = (res) => {
      res.writeHead(200, HEADERS);
      res.write(FEED_TEXT.slice(0, 10));
    };
    const loaded = await loadDocument(new URL('/silent', origin), fetch, 100);
    expect(loaded).toMatchObject({
      kind: 'failed',
      message: `Nothing arrived from ${origin}/silent for 0.1 s: clients give up then.`,
    });
  });

  it('gives up on a body still coming after two minutes, as the client does (a stream)', async () => {
    // Only Date: each piece moves the clock 5 s, the wait for the next piece keeps real time.
    vi.useFakeTimers({ toFake: ['Date'] });
    let sent = 0;
    const endless: typeof fetch = (_url, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          init!.signal!.addEventListener('abort', () => controller.error(init!.signal!.reason));
        },
        pull(controller) {
          vi.setSystemTime(Date.now() + 5_000);
          if (sent === 96) return controller.close();
          controller.enqueue(new TextEncoder().encode(sent++ === 0 ? FEED_TEXT : ' '));
        },
      });
      return Promise.resolve(new Response(body, { headers: HEADERS }));
    };
    const loaded = await loadDocument(new URL('https://feeds.example/live.json'), endless);
    expect(loaded).toMatchObject({
      kind: 'failed',
      message:
        'https://feeds.example/live.json was still sending after 120 s: clients give up then, taking it for a stream, not a document.',
    });
    expect(sent).toBeLessThan(30);
  });

  it('says on one line why https failed, not in OpenSSL’s trace', async () => {
    answer = (res) => res.writeHead(200, HEADERS).end(FEED_TEXT);
    const url = new URL(origin.replace('http:', 'https:'));
    const loaded = await loadDocument(url);
    expect(loaded).toEqual({
      kind: 'failed',
      location: url.href,
      message: expect.stringMatching(
        /: TLS failed \(ERR_SSL_[A-Z_]+\): is the server speaking https at this address, with a certificate for it\?$/,
      ) as unknown,
    });
  });
});
