// The newsroom's feed server for the soak tests: a tiny HTTP server on 127.0.0.1 whose "now" the
// test sets from the page's simulated clock. It serves the head and its pages with ETag and 304,
// open CORS (the feed is on another origin than the page), and fails on demand: 503 with
// Retry-After, a connection reset, or a request that never answers.
import { createHash } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { headDocument, pageDocument, type FeedUrls } from './feed-documents';
import { createNewsroom, type Newsroom } from './newsroom';

export type Outage =
  | { readonly kind: 'busy'; readonly retryAfterSeconds: number }
  /** Requests alternately reset and left hanging (the client's own timeout ends them). */
  | { readonly kind: 'unreachable' };

export interface LoggedRequest {
  /** Simulated time (epoch ms) when the request arrived. */
  readonly at: number;
  readonly feed: string;
  /** 'head' or the page's index. */
  readonly doc: 'head' | number;
  readonly conditional: boolean;
  readonly outcome: 200 | 304 | 404 | 503 | 'reset' | 'hang';
  /** The updates a 200 or 304 gave the page (tombstones aside). */
  readonly ids?: readonly string[];
}

export interface FeedProducer {
  readonly origin: string;
  headUrl(feed: string): string;
  newsroom(feed: string): Newsroom;
  setNow(ms: number): void;
  readonly now: number;
  setOutage(outage: Outage | null): void;
  /** The newsroom publishes, edits and retracts nothing more from now on. */
  stopNews(): void;
  /** The time the documents are written at: now, or when the news stopped. */
  readonly newsAt: number;
  readonly log: readonly LoggedRequest[];
  /** The updates of `feed` the page was given from log entry `from` on. */
  updatesSent(feed: string, from: number): Set<string>;
  /** Requests held open right now (an 'unreachable' outage). */
  readonly hanging: number;
  /** Resolves when the next request is left hanging. */
  nextHang(signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Retry-After',
};

/** A feed of the producer: its name (`/feeds/<name>.json`), and when its first update is out. */
export interface FeedSpec {
  readonly name: string;
  readonly firstAt: number;
}

/** Each feed its own newsroom. */
export async function startFeedProducer(feeds: readonly FeedSpec[]): Promise<FeedProducer> {
  const newsrooms = new Map(
    feeds.map(({ name, firstAt }, i) => [name, createNewsroom(name, firstAt, i)]),
  );
  const salts = new Map(feeds.map(({ name }, i) => [name, i]));
  const firstAt = Math.min(...feeds.map((feed) => feed.firstAt));
  const log: LoggedRequest[] = [];
  const held = new Set<http.ServerResponse>();
  const events = new EventEmitter();
  let now = firstAt;
  let newsUntil = Infinity;
  let outage: Outage | null = null;
  let unreachableCount = 0;
  let origin = '';

  const urlsOf = (feed: string): FeedUrls => ({
    head: `${origin}/feeds/${feed}.json`,
    page: (index) => `${origin}/feeds/${feed}/page-${index}.json`,
  });

  function route(path: string): { feed: string; doc: 'head' | number } | undefined {
    const head = /^\/feeds\/([\w-]+)\.json$/.exec(path);
    if (head) return { feed: head[1]!, doc: 'head' };
    const page = /^\/feeds\/([\w-]+)\/page-(\d+)\.json$/.exec(path);
    if (page) return { feed: page[1]!, doc: Number(page[2]) };
    return undefined;
  }

  function documentFor(feed: string, doc: 'head' | number) {
    const newsroom = newsrooms.get(feed);
    if (!newsroom) return undefined;
    const salt = salts.get(feed)!;
    const at = Math.min(now, newsUntil);
    return doc === 'head'
      ? headDocument(newsroom, at, urlsOf(feed), salt)
      : pageDocument(newsroom, at, urlsOf(feed), doc, salt);
  }

  const server = http.createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...CORS,
        'Access-Control-Allow-Methods': 'GET',
        'Access-Control-Allow-Headers': 'Accept, If-None-Match, If-Modified-Since',
        'Access-Control-Max-Age': '86400',
      });
      res.end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://producer.invalid').pathname;
    const target = route(path);
    const conditional = req.headers['if-none-match'] !== undefined;
    const record = (outcome: LoggedRequest['outcome'], ids?: string[]) => {
      if (target)
        log.push({ at: now, feed: target.feed, doc: target.doc, conditional, outcome, ids });
    };
    const body = target && documentFor(target.feed, target.doc);
    if (!target || !body) {
      record(404);
      res.writeHead(404, { ...CORS, 'Content-Type': 'text/plain' });
      res.end('Not found\n');
      return;
    }
    if (outage?.kind === 'busy') {
      record(503);
      res.writeHead(503, {
        ...CORS,
        'Content-Type': 'text/plain',
        'Retry-After': String(outage.retryAfterSeconds),
      });
      res.end('Busy\n');
      return;
    }
    if (outage?.kind === 'unreachable') {
      if (unreachableCount++ % 2 === 0) {
        record('reset');
        req.socket.destroy();
      } else {
        record('hang');
        held.add(res);
        res.on('close', () => held.delete(res));
        events.emit('hang');
      }
      return;
    }
    const text = JSON.stringify(body);
    const etag = `"${createHash('sha1').update(text).digest('base64url').slice(0, 20)}"`;
    const headers = {
      ...CORS,
      'Content-Type': 'application/feed+json',
      'Cache-Control': target.doc === 'head' ? 'public, max-age=10' : 'public, max-age=60',
      ETag: etag,
    };
    // What the page gets either way: a 304 hands it the browser's copy of this very body.
    // Tombstones carry no date_published.
    const ids = body.items
      .filter((item) => 'date_published' in item)
      .map((item) => String(item.id));
    if (req.headers['if-none-match'] === etag) {
      record(304, ids);
      res.writeHead(304, headers);
      res.end();
      return;
    }
    record(200, ids);
    res.writeHead(200, headers);
    res.end(text);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    headUrl: (feed) => urlsOf(feed).head,
    newsroom: (feed) => newsrooms.get(feed)!,
    setNow(ms) {
      now = ms;
    },
    get now() {
      return now;
    },
    stopNews() {
      newsUntil = now;
    },
    get newsAt() {
      return Math.min(now, newsUntil);
    },
    setOutage(next) {
      // What hangs keeps hanging: the client's own timeout ends it.
      outage = next;
    },
    log,
    updatesSent(feed, from) {
      return new Set(log.slice(from).flatMap((r) => (r.feed === feed ? (r.ids ?? []) : [])));
    },
    get hanging() {
      return held.size;
    },
    async nextHang(signal) {
      await once(events, 'hang', { signal });
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
