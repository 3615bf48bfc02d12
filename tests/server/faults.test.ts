// @vitest-environment node
import http from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminRefusal, isLoopbackAddress } from '../../server/admin.mjs';
import { HUGE_BYTES, parseFault } from '../../server/faults.mjs';
import {
  admin,
  getJson,
  isTombstone,
  makeSourceFeed,
  makeWorkspace,
  raw,
  start,
  walkChain,
  type AdminAnswers,
  type Feed,
  type RunningServer,
  type Workspace,
} from './helpers';

const FEED = '/feeds/vilnius-2023.json';

describe('admin access check', () => {
  it('accepts only loopback addresses', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(a)).toBe(true);
    for (const a of [
      '10.0.0.1',
      '192.168.1.2',
      '::ffff:10.0.0.1',
      '172.16.0.1',
      'fe80::1',
      '',
      undefined,
      '1127.0.0.1',
    ]) {
      expect(isLoopbackAddress(a)).toBe(false);
    }
  });

  it('refuses remote clients, foreign Host names and cross-origin browsers', () => {
    const ok = { host: '127.0.0.1:8080' };
    expect(adminRefusal({ remoteAddress: '127.0.0.1', headers: ok })).toBeNull();
    expect(adminRefusal({ remoteAddress: '::1', headers: { host: '[::1]:8080' } })).toBeNull();
    expect(
      adminRefusal({ remoteAddress: '127.0.0.1', headers: { host: 'localhost:8080' } }),
    ).toBeNull();
    expect(
      adminRefusal({
        remoteAddress: '127.0.0.1',
        headers: { ...ok, origin: 'http://127.0.0.1:8080' },
      }),
    ).toBeNull();
    expect(adminRefusal({ remoteAddress: '192.168.1.20', headers: ok })).toMatch(/loopback/);
    expect(
      adminRefusal({ remoteAddress: '127.0.0.1', headers: { host: 'rebind.example:8080' } }),
    ).toMatch(/Host/);
    expect(
      adminRefusal({
        remoteAddress: '127.0.0.1',
        headers: { ...ok, origin: 'https://evil.example' },
      }),
    ).toMatch(/cross-origin/);
    expect(
      adminRefusal({ remoteAddress: '127.0.0.1', headers: { ...ok, origin: 'null' } }),
    ).toMatch(/cross-origin/);
    expect(
      adminRefusal({
        remoteAddress: '127.0.0.1',
        headers: { ...ok, 'sec-fetch-site': 'cross-site' },
      }),
    ).toMatch(/cross-site/);
  });

  it('validates fault requests', () => {
    expect(parseFault({ kind: '503' })).toEqual({
      kind: '503',
      times: null,
      retryAfter: 30,
      pages: false,
    });
    expect(parseFault({ kind: 'hang', times: 2, pages: true })).toMatchObject({
      times: 2,
      pages: true,
    });
    expect(() => parseFault({ kind: 'teapot' })).toThrow(/unknown fault kind/);
    expect(() => parseFault({ kind: '500', times: 0 })).toThrow(/times/);
    expect(() => parseFault(null)).toThrow();
  });
});

describe('admin API and faults', () => {
  let ws: Workspace;
  let server: RunningServer;
  let feedUrl: string;
  beforeAll(async () => {
    ws = makeWorkspace(makeSourceFeed(12));
    server = await start(ws, { admin: true, initialItems: 3, headSize: 5, pageSize: 5 });
    feedUrl = new URL(FEED, server.url).href;
  });
  beforeEach(async () => {
    await admin(server, 'DELETE', 'fault');
    await admin(server, 'POST', 'reset');
    await admin(server, 'DELETE', 'requests');
  });
  afterAll(async () => {
    await server.close();
    ws.cleanup();
  });

  it('refuses cross-origin and foreign-Host admin requests over HTTP', async () => {
    const cross = await raw(server.url, '/__admin/state', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(cross.status).toBe(403);
    const rebind = await raw(server.url, '/__admin/state', { headers: { Host: 'evil.example' } });
    expect(rebind.status).toBe(403);
  });

  it('publishes, resets and reports state', async () => {
    expect((await admin<AdminAnswers['state']>(server, 'GET', 'state')).json.replay).toMatchObject({
      published: 3,
      phase: 'live',
    });
    expect((await admin(server, 'POST', 'publish')).json).toMatchObject({ published: 4 });
    expect((await admin(server, 'POST', 'publish', { count: 2 })).json).toMatchObject({
      published: 6,
    });
    expect((await getJson(feedUrl)).items).toHaveLength(6);
    expect((await admin(server, 'POST', 'publish', { count: 0 })).status).toBe(400);
    expect((await admin(server, 'POST', 'reset')).json).toMatchObject({ published: 3 });
    expect((await admin(server, 'POST', 'fault', { kind: 'nope' })).status).toBe(400);
    expect((await admin(server, 'GET', 'nothing-here')).status).toBe(404);
  });

  it('logs feed requests', async () => {
    const first = await fetch(feedUrl, { headers: { 'Accept-Encoding': 'gzip' } });
    await first.arrayBuffer();
    await fetch(feedUrl, { headers: { 'If-None-Match': first.headers.get('etag')! } });
    const { requests } = (await admin<AdminAnswers['requests']>(server, 'GET', 'requests')).json;
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      path: FEED,
      status: 200,
      ifNoneMatch: false,
      encoding: 'gzip',
    });
    expect(requests[0]!.bytes).toBeGreaterThan(0);
    expect(requests[1]).toMatchObject({ path: FEED, status: 304, bytes: 0, ifNoneMatch: true });
    expect(Date.parse(requests[1]!.time)).not.toBeNaN();
    await admin(server, 'DELETE', 'requests');
    expect(
      (await admin<AdminAnswers['requests']>(server, 'GET', 'requests')).json.requests,
    ).toHaveLength(0);
  });

  it.each([
    ['500', 500],
    ['502', 502],
    ['404', 404],
  ])('fault %s answers with that status, with CORS', async (kind, status) => {
    await admin(server, 'POST', 'fault', { kind });
    const res = await fetch(feedUrl);
    expect(res.status).toBe(status);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    await res.arrayBuffer();
  });

  it.each(['503', '429'])('fault %s sends Retry-After', async (kind) => {
    await admin(server, 'POST', 'fault', { kind, retryAfter: 7 });
    const res = await fetch(feedUrl);
    expect(res.status).toBe(Number(kind));
    expect(res.headers.get('retry-after')).toBe('7');
    await res.arrayBuffer();
    await admin(server, 'POST', 'fault', { kind });
    expect((await raw(server.url, FEED)).headers['retry-after']).toBe('30');
  });

  it('counts "times" and clears itself, and DELETE clears at once', async () => {
    await admin(server, 'POST', 'fault', { kind: '500', times: 2 });
    expect((await raw(server.url, FEED)).status).toBe(500);
    expect((await raw(server.url, FEED)).status).toBe(500);
    expect((await raw(server.url, FEED)).status).toBe(200);
    await admin(server, 'POST', 'fault', { kind: '500' });
    expect((await raw(server.url, FEED)).status).toBe(500);
    await admin(server, 'DELETE', 'fault');
    expect((await raw(server.url, FEED)).status).toBe(200);
  });

  it('applies to pages only with "pages": true', async () => {
    await admin(server, 'POST', 'publish', { count: 9 });
    const page = '/feeds/vilnius-2023/page-1.json';
    await admin(server, 'POST', 'fault', { kind: '503' });
    expect((await raw(server.url, page)).status).toBe(200);
    expect((await raw(server.url, FEED)).status).toBe(503);
    await admin(server, 'POST', 'fault', { kind: '503', pages: true });
    expect((await raw(server.url, page)).status).toBe(503);
  });

  it('hang never answers until the client aborts', async () => {
    await admin(server, 'POST', 'fault', { kind: 'hang' });
    const err = await fetch(feedUrl, { signal: AbortSignal.timeout(300) }).catch((e: unknown) => e);
    expect((err as Error).name).toBe('TimeoutError');
    await admin(server, 'DELETE', 'fault');
    expect((await raw(server.url, FEED)).status).toBe(200);
    const log = (await admin<AdminAnswers['requests']>(server, 'GET', 'requests')).json.requests;
    expect(log[0]).toMatchObject({ fault: 'hang', status: null, completed: false });
  });

  it('reset destroys the connection', async () => {
    await admin(server, 'POST', 'fault', { kind: 'reset' });
    await expect(fetch(feedUrl)).rejects.toThrow();
  });

  it('truncate sends the headers and half the body, then drops the connection', async () => {
    const full = await raw(server.url, FEED);
    await admin(server, 'POST', 'fault', { kind: 'truncate' });
    const got = await new Promise<{
      status: number;
      length: number;
      received: number;
      error: boolean;
    }>((resolve) => {
      const req = http.get(feedUrl, { agent: false }, (res) => {
        let received = 0;
        res.on('data', (c: Buffer) => (received += c.length));
        const done = (error: boolean) =>
          resolve({
            status: res.statusCode ?? 0,
            length: Number(res.headers['content-length']),
            received,
            error,
          });
        res.on('end', () => done(false));
        res.on('error', () => done(true));
        res.on('aborted', () => done(true));
      });
      req.on('error', () => resolve({ status: 0, length: 0, received: 0, error: true }));
    });
    expect(got.status).toBe(200);
    expect(got.error).toBe(true);
    expect(got.length).toBe(full.body.length);
    expect(got.received).toBe(Math.floor(full.body.length / 2));
    // fetch sees it as a failed body read.
    const res = await fetch(feedUrl);
    await expect(res.json()).rejects.toThrow();
  });

  it('html200 answers with a CDN error page as 200 text/html', async () => {
    await admin(server, 'POST', 'fault', { kind: 'html200' });
    const res = await fetch(feedUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const text = await res.text();
    expect(text).toMatch(/^<!DOCTYPE html>/);
    expect((): unknown => JSON.parse(text)).toThrow();
  });

  it('wrong-content-type sends a valid feed as text/plain', async () => {
    await admin(server, 'POST', 'fault', { kind: 'wrong-content-type' });
    const res = await fetch(feedUrl);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(3);
  });

  it('304-no-validator answers 304 without validators to an unconditional request', async () => {
    await admin(server, 'POST', 'fault', { kind: '304-no-validator' });
    const res = await raw(server.url, FEED);
    expect(res.status).toBe(304);
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['last-modified']).toBeUndefined();
    expect(res.body.length).toBe(0);
  });

  it('stale serves the version from before the last two publications, with its own ETag', async () => {
    const v1 = await raw(server.url, FEED);
    await admin(server, 'POST', 'publish');
    await admin(server, 'POST', 'publish');
    await admin(server, 'POST', 'publish');
    const current = await raw(server.url, FEED);
    expect((JSON.parse(current.body.toString()) as Feed).items).toHaveLength(6);
    await admin(server, 'POST', 'fault', { kind: 'stale' });
    const stale = await raw(server.url, FEED, {
      headers: { 'If-None-Match': current.headers.etag as string },
    });
    expect(stale.status).toBe(200);
    expect((JSON.parse(stale.body.toString()) as Feed).items).toHaveLength(4);
    expect(stale.headers.etag).not.toBe(current.headers.etag);
    expect(stale.headers.etag).not.toBe(v1.headers.etag);
  });

  it('huge streams a valid 50 MB feed', async () => {
    await admin(server, 'POST', 'fault', { kind: 'huge', times: 1 });
    const res = await fetch(feedUrl, { headers: { 'Accept-Encoding': 'identity' } });
    expect(res.headers.get('content-length')).toBe(String(HUGE_BYTES));
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBe(HUGE_BYTES);
    const doc = JSON.parse(body.toString('utf8')) as Feed;
    expect(doc.items.length).toBe(4);
    expect(doc.items[0]!.content_text!.length).toBeGreaterThan(HUGE_BYTES - 100_000);
  }, 30_000);

  it('skip publishes 120 updates at once; next_url leads back to what the client held', async () => {
    const held = await getJson(feedUrl);
    const heldIds = held.items.map((i) => i.id);
    const { json } = await admin<AdminAnswers['fault']>(server, 'POST', 'fault', { kind: 'skip' });
    expect(json.replay!.items).toBe(3 + 120); // 9 source items, one duplicate, 110 fillers
    expect(json.replay!.fillers).toBe(110);
    const head = await getJson(feedUrl);
    expect(head.items.some((i) => heldIds.includes(i.id))).toBe(false);
    expect(head.items[0]!.title).toMatch(/^Replay filler update \d+$/);
    expect(head.next_url).toBeTruthy();
    const { docs } = await walkChain(feedUrl);
    const all = new Set(docs.flatMap((d) => d.doc.items.map((i) => i.id)));
    for (const id of heldIds) expect(all.has(id)).toBe(true);
    for (const source of makeSourceFeed(12).items) expect(all.has(source.id)).toBe(true);
    // The replay still finishes afterwards.
    server.replay!.publishAll();
    const end = await getJson(feedUrl);
    expect(end._liveblog!.status).toBe('ended');
    expect(end.items.some(isTombstone)).toBe(true);
  });

  it('records canary hits without admin and lists them with admin', async () => {
    await admin(server, 'DELETE', 'canary');
    const res = await fetch(new URL('/__canary/img-onerror?x=1', server.url));
    expect(res.status).toBe(204);
    const { hits } = (await admin<AdminAnswers['canary']>(server, 'GET', 'canary')).json;
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ method: 'GET', path: '/__canary/img-onerror?x=1' });
  });
});

describe('closing', () => {
  let ws: Workspace;
  afterEach(() => ws.cleanup());

  it('close() ends hanging requests and keep-alive sockets', async () => {
    ws = makeWorkspace();
    const server = await start(ws, { admin: true });
    await admin(server, 'POST', 'fault', { kind: 'hang' });
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve) =>
      http.get(new URL('/embed.js', server.url), { agent }, (res) =>
        res.resume().on('end', resolve),
      ),
    );
    const hung = new Promise<string>((resolve) => {
      const req = http.get(new URL(FEED, server.url), { agent: false }, () => resolve('answered'));
      req.on('error', () => resolve('dropped'));
    });
    await expect
      .poll(
        async () =>
          (await admin<AdminAnswers['requests']>(server, 'GET', 'requests')).json.requests.length,
      )
      .toBe(1);
    await server.close();
    expect(await hung).toBe('dropped');
    agent.destroy();
  });

  it('canary works without admin; admin endpoints stay hidden', async () => {
    ws = makeWorkspace();
    const server = await start(ws);
    try {
      expect((await fetch(new URL('/__canary/x', server.url))).status).toBe(204);
      expect((await fetch(new URL('/__admin/canary', server.url))).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
