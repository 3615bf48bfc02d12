// @vitest-environment node
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateFeed, type Report } from '../../../../src/entries/validate/validate-feed';
import { RULES, type Problem } from '../../../../src/entries/validate/validation-problem';
import { wireFeed, wireItem } from '../../../support/feed-builders';

// A real HTTP server whose answers each test sets: the validator's HTTP checks read real
// headers, as a producer's CDN sends them.
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let routes: Map<string, Handler>;
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const handler = routes.get(req.url ?? '');
    if (handler) handler(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  // A test leaves a response unfinished on purpose (the oversized one).
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  routes = new Map();
});

const NOW = Date.parse('2024-01-01T00:00:00Z');

const WELL_SERVED = {
  'Content-Type': 'application/feed+json; charset=utf-8',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Retry-After',
};

/** Serves `doc` at `path` with `headers`; answers its own ETag with a 304 unless told not to. */
function serve(
  path: string,
  doc: unknown,
  headers: Record<string, string>,
  { answer304 = true } = {},
) {
  const body = typeof doc === 'string' ? doc : JSON.stringify(doc);
  routes.set(path, (req, res) => {
    const etag = headers.ETag;
    if (answer304 && etag !== undefined && req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
    } else res.writeHead(200, headers).end(body);
  });
}

async function validate(path: string): Promise<Report> {
  const outcome = await validateFeed(new URL(path, origin), path, {
    now: NOW,
    maxPages: 10,
    htmlProblem: undefined,
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.report;
}

const problem = (path: string, severity: Problem['severity'], rule: string, message: RegExp) =>
  expect.objectContaining({
    path,
    severity,
    rule,
    message: expect.stringMatching(message) as unknown,
  }) as unknown;

const head = (extra: Record<string, unknown> = {}) =>
  wireFeed([wireItem('b', 2), wireItem('a', 1)], { _liveblog: { poll_seconds: 15 }, ...extra });

describe('the HTTP checks', () => {
  it('find nothing wrong with a head and a page served as docs/scaling.md says', async () => {
    serve('/feed.json', head({ next_url: 'feed/page-1.json' }), {
      ...WELL_SERVED,
      ETag: '"v1"',
      'Cache-Control': 'public, max-age=10',
    });
    serve('/feed/page-1.json', wireFeed([wireItem('p', 0)]), {
      ...WELL_SERVED,
      ETag: '"p1"',
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
    const report = await validate('/feed.json');
    expect(report.problems).toEqual([]);
    expect(report.documents.map((d) => d.document)).toEqual([
      '/feed.json',
      `${origin}/feed/page-1.json`,
    ]);
  });

  it('warn about a head with no feed type, no caching, no validator and no CORS', async () => {
    serve('/feed.json', head(), { 'Content-Type': 'text/plain' });
    expect((await validate('/feed.json')).problems).toEqual([
      problem(
        'HTTP Content-Type',
        'warning',
        RULES.serving,
        /text\/plain: send application\/feed\+json/,
      ),
      problem('HTTP Cache-Control', 'warning', RULES.scalingHeaders, /no Cache-Control/),
      problem('HTTP ETag', 'warning', RULES.serving, /Neither ETag nor Last-Modified/),
      problem(
        'HTTP Access-Control-Allow-Origin',
        'warning',
        RULES.serving,
        /embedded on other sites/,
      ),
    ]);
  });

  it('report a text/html answer as an error: clients take it for an error page', async () => {
    serve('/feed.json', head(), {
      ...WELL_SERVED,
      'Content-Type': 'text/html',
      ETag: '"1"',
      'Cache-Control': 'max-age=10',
    });
    const report = await validate('/feed.json');
    expect(report.problems).toEqual([
      problem('HTTP Content-Type', 'error', RULES.serving, /error page/),
    ]);
    expect(report.valid).toBe(false);
  });

  it('warn when an unchanged head costs a whole document instead of a 304', async () => {
    serve(
      '/feed.json',
      head(),
      { ...WELL_SERVED, ETag: '"v1"', 'Cache-Control': 'max-age=10' },
      { answer304: false },
    );
    expect((await validate('/feed.json')).problems).toEqual([
      problem('HTTP If-None-Match', 'warning', RULES.serving, /answered 200 to If-None-Match/),
    ]);
  });

  it('report a head that answers a conditional request with an error: every later poll fails', async () => {
    for (const [path, validator, status] of [
      ['/etag.json', { ETag: '"v1"' }, 412],
      ['/date.json', { 'Last-Modified': 'Mon, 01 Jan 2024 00:00:00 GMT' }, 500],
    ] as const) {
      routes.set(path, (req, res) => {
        const headers = { ...WELL_SERVED, 'Cache-Control': 'max-age=10', ...validator };
        if (req.headers['if-none-match'] ?? req.headers['if-modified-since'])
          res.writeHead(status, headers).end();
        else res.writeHead(200, headers).end(JSON.stringify(head()));
      });
      const report = await validate(path);
      expect(report.problems).toEqual([
        problem(
          `HTTP ${'ETag' in validator ? 'If-None-Match' : 'If-Modified-Since'}`,
          'error',
          RULES.serving,
          new RegExp(`^The head answered ${status} to If-.*: readers' polls ask it so`),
        ),
      ]);
      expect(report.valid).toBe(false);
    }
  });

  it('warn about CORS for one site only, an ETag hidden from other sites, a max-age past poll_seconds', async () => {
    serve('/feed.json', head(), {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': 'https://news.example.com',
      ETag: '"v1"',
      'Cache-Control': 'public, max-age=60',
    });
    expect((await validate('/feed.json')).problems).toEqual([
      problem(
        'HTTP Cache-Control',
        'warning',
        RULES.polling,
        /longer than _liveblog\.poll_seconds \(15\)/,
      ),
      problem('HTTP Access-Control-Allow-Origin', 'warning', RULES.serving, /only that site/),
      problem('HTTP Access-Control-Expose-Headers', 'warning', RULES.serving, /cannot see it/),
    ]);
  });

  it('warn about an Origin echoed without Vary: Origin, which a CDN hands to other sites', async () => {
    const echoing = (vary: string | undefined) => (req: IncomingMessage, res: ServerResponse) => {
      const headers = {
        ...WELL_SERVED,
        'Access-Control-Allow-Origin': req.headers.origin ?? '',
        ETag: '"v1"',
        'Cache-Control': 'max-age=10',
        ...(vary ? { Vary: vary } : {}),
      };
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, headers).end();
      else res.writeHead(200, headers).end(JSON.stringify(head()));
    };
    routes.set('/echo.json', echoing(undefined));
    routes.set('/varied.json', echoing('Accept-Encoding, Origin'));
    expect((await validate('/echo.json')).problems).toEqual([
      problem(
        'HTTP Access-Control-Allow-Origin',
        'warning',
        RULES.serving,
        /repeats the request’s Origin, and Vary does not name Origin/,
      ),
    ]);
    expect((await validate('/varied.json')).problems).toEqual([]);
  });

  it('warn about a private head or page, which no CDN keeps', async () => {
    const page = {
      ...WELL_SERVED,
      ETag: '"p1"',
      'Cache-Control': 'private, max-age=31536000, immutable',
    };
    serve('/p1.json', wireFeed([wireItem('a', 1)]), page);
    serve('/feed.json', wireFeed([wireItem('b', 2)], { next_url: '/p1.json' }), {
      ...WELL_SERVED,
      ETag: '"v1"',
      'Cache-Control': 'Private, max-age=10',
    });
    const report = await validate('/feed.json');
    const privately = /"private" keeps the answer out of CDNs and shared caches/;
    expect(report.problems).toEqual([
      expect.objectContaining({
        document: '/feed.json',
        path: 'HTTP Cache-Control',
        message: expect.stringMatching(privately) as unknown,
      }),
      expect.objectContaining({
        document: `${origin}/p1.json`,
        path: 'HTTP Cache-Control',
        message: expect.stringMatching(privately) as unknown,
      }),
    ]);
  });

  it('warn when Retry-After is hidden from other sites: embeds cannot honour a busy server', async () => {
    const exposing = (names: string) => ({
      ...WELL_SERVED,
      'Access-Control-Expose-Headers': names,
      ETag: '"v1"',
      'Cache-Control': 'max-age=10',
    });
    serve('/etag-only.json', head(), exposing('ETag'));
    expect((await validate('/etag-only.json')).problems).toEqual([
      problem(
        'HTTP Access-Control-Expose-Headers',
        'warning',
        RULES.serving,
        /^Retry-After is not in Access-Control-Expose-Headers: .*429, 503/,
      ),
    ]);
    serve('/any.json', head(), exposing('*'));
    expect((await validate('/any.json')).problems).toEqual([]);
  });

  it('warn about a charset other than UTF-8, a head not cached at all, or cached too long', async () => {
    serve('/feed.json', head(), {
      ...WELL_SERVED,
      'Content-Type': 'application/feed+json; charset=iso-8859-1',
      ETag: '"v1"',
      'Cache-Control': 'no-cache',
    });
    expect((await validate('/feed.json')).problems).toEqual([
      problem('HTTP Content-Type', 'warning', RULES.serving, /charset=iso-8859-1/),
      problem(
        'HTTP Cache-Control',
        'warning',
        RULES.scalingHeaders,
        /every poll of every reader reaches the origin/,
      ),
    ]);
    serve('/slow.json', head(), {
      ...WELL_SERVED,
      ETag: '"v1"',
      'Cache-Control': 'public, max-age=600',
    });
    expect((await validate('/slow.json')).problems).toEqual([
      problem('HTTP Cache-Control', 'warning', RULES.polling, /max-age=600 on the head/),
    ]);
  });

  it('warn about an older page that is not cacheable for good', async () => {
    serve('/feed.json', head({ next_url: '/page-1.json' }), {
      ...WELL_SERVED,
      ETag: '"v1"',
      'Cache-Control': 'max-age=10',
    });
    serve('/page-1.json', wireFeed([wireItem('p', 0)]), {
      ...WELL_SERVED,
      ETag: '"p1"',
      'Cache-Control': 'no-cache',
    });
    expect((await validate('/feed.json')).problems).toEqual([
      expect.objectContaining({
        document: `${origin}/page-1.json`,
        path: 'HTTP Cache-Control',
        severity: 'warning',
        rule: RULES.scalingHeaders,
        message: expect.stringMatching(/immutable/) as unknown,
      }),
    ]);
  });

  it('warn about an unquoted ETag: clients send it back as If-Modified-Since', async () => {
    serve('/feed.json', head(), { ...WELL_SERVED, ETag: 'v1', 'Cache-Control': 'max-age=10' });
    expect((await validate('/feed.json')).problems).toEqual([
      problem('HTTP ETag', 'warning', RULES.serving, /ETag v1 is not quoted.*"v1"/),
    ]);
  });

  it('warn about a redirect without CORS: embeds on other sites stop at it', async () => {
    serve('/feed.json', head(), { ...WELL_SERVED, ETag: '"v1"', 'Cache-Control': 'max-age=10' });
    routes.set('/old.json', (_req, res) => res.writeHead(301, { Location: '/feed.json' }).end());
    routes.set('/moved.json', (_req, res) =>
      res.writeHead(302, { Location: '/feed.json', 'Access-Control-Allow-Origin': '*' }).end(),
    );
    expect((await validate('/old.json')).problems).toEqual([
      problem(
        'HTTP Access-Control-Allow-Origin',
        'warning',
        RULES.serving,
        new RegExp(
          `redirect from ${origin}/old\\.json \\(301\\).*point embeds at ${origin}/feed\\.json`,
        ),
      ),
    ]);
    expect((await validate('/moved.json')).problems).toEqual([]);
  });

  it('stop at a redirect to another scheme, as browsers do, rather than read what it names', async () => {
    const doc = encodeURIComponent(JSON.stringify(head()));
    routes.set('/data.json', (_req, res) =>
      res
        .writeHead(302, {
          Location: `data:application/feed+json,${doc}`,
          'Access-Control-Allow-Origin': '*',
        })
        .end(),
    );
    const outcome = await validateFeed(new URL('/data.json', origin), '/data.json', {
      now: NOW,
      maxPages: 10,
      htmlProblem: undefined,
    });
    expect(outcome).toEqual({
      ok: false,
      message: expect.stringMatching(
        new RegExp(`^Could not load ${origin}/data\\.json: .*redirects to a data: URL`),
      ) as unknown,
    });
  });

  it('report a page on another origin without CORS: no reader can load it, wherever the widget is', async () => {
    const page = (path: string) => `${origin.replace('127.0.0.1', 'localhost')}${path}`;
    const PAGE = { ...WELL_SERVED, ETag: '"p1"', 'Cache-Control': 'max-age=31536000, immutable' };
    const older = wireFeed([wireItem('a', 1)]);
    serve(
      '/bare.json',
      older,
      Object.fromEntries(Object.entries(PAGE).filter(([name]) => !name.startsWith('Access'))),
    );
    serve('/open.json', older, PAGE);
    const served = { ...WELL_SERVED, ETag: '"v1"', 'Cache-Control': 'max-age=10' };
    serve('/feed.json', wireFeed([wireItem('b', 2)], { next_url: page('/bare.json') }), served);
    serve('/fine.json', wireFeed([wireItem('b', 2)], { next_url: page('/open.json') }), served);
    routes.set('/same.json', (_req, res) =>
      res.writeHead(301, { Location: page('/bare.json') }).end(),
    );
    serve('/moved.json', wireFeed([wireItem('b', 2)], { next_url: '/same.json' }), served);
    for (const head of ['/feed.json', '/moved.json']) {
      expect((await validate(head)).problems, head).toContainEqual(
        problem(
          '$.next_url',
          'error',
          RULES.pagination,
          new RegExp(`another origin than the head \\(${page('')}\\) and sends no Access-Control`),
        ),
      );
    }
    expect((await validate('/fine.json')).problems).toEqual([]);
  });

  it('report an http page after an https head: browsers block it as mixed content', async () => {
    const ok = (doc: unknown, headers: Record<string, string>) =>
      new Response(JSON.stringify(doc), { headers: { ...WELL_SERVED, ...headers } });
    const fetch = ((url: URL | string) =>
      Promise.resolve(
        String(url).startsWith('https://feeds.example/')
          ? ok(wireFeed([wireItem('b', 2)], { next_url: 'http://cdn.example/p1.json' }), {
              ETag: '"v1"',
              'Cache-Control': 'max-age=10',
            })
          : ok(wireFeed([wireItem('a', 1)]), { 'Cache-Control': 'max-age=31536000' }),
      )) as typeof globalThis.fetch;
    const outcome = await validateFeed(new URL('https://feeds.example/head.json'), 'head', {
      now: NOW,
      maxPages: 10,
      htmlProblem: undefined,
      fetch,
    });
    expect(outcome.ok && outcome.report.problems).toContainEqual(
      problem(
        '$.next_url',
        'error',
        RULES.pagination,
        /over http \(http:\/\/cdn\.example\/p1\.json\) while the head is on https/,
      ),
    );
  });

  it('warn about a head served over http, out of reach of https pages; localhost is fine', async () => {
    const fetch = (() =>
      Promise.resolve(
        new Response(JSON.stringify(head()), {
          headers: { ...WELL_SERVED, 'Cache-Control': 'max-age=10', 'Last-Modified': 'x' },
        }),
      )) as typeof globalThis.fetch;
    const check = async (url: string) => {
      const outcome = await validateFeed(new URL(url), url, {
        now: NOW,
        maxPages: 0,
        htmlProblem: undefined,
        fetch,
      });
      return outcome.ok ? outcome.report.problems.filter((p) => p.path === 'HTTP URL') : [];
    };
    expect(await check('http://feeds.example/head.json')).toEqual([
      problem(
        'HTTP URL',
        'warning',
        RULES.serving,
        /over http .* browsers block it \(mixed content\)/,
      ),
    ]);
    expect(await check('https://feeds.example/head.json')).toEqual([]);
    expect(await check('http://localhost:8080/head.json')).toEqual([]);
  });

  it('report a document over the size limit from its Content-Length, without reading it', async () => {
    routes.set('/huge.json', (_req, res) => {
      res.writeHead(200, { ...WELL_SERVED, 'Content-Length': String(30 * 1024 * 1024) });
      res.write('{"version":');
    });
    const report = await validate('/huge.json');
    expect(report.problems).toContainEqual(
      problem('$', 'error', RULES.limits, /larger than the client's limit of 25 MB/),
    );
  });

  it('say that a head which answers an error status could not be read', async () => {
    const outcome = await validateFeed(new URL('/gone.json', origin), '/gone.json', {
      now: NOW,
      maxPages: 0,
      htmlProblem: undefined,
    });
    expect(outcome).toEqual({ ok: false, message: `${origin}/gone.json answered 404 Not Found.` });
  });
});
