import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FEED_LIMITS } from '../../../../src/core/feed/feed-limits';
import { offerEarlyFeedRequest } from '../../../../src/capabilities/feed/early-feed-request';
import { readFeedEarly } from '../../../../src/capabilities/feed/read-feed-early';
import {
  FeedFetchError,
  fetchFeedDocument,
} from '../../../../src/capabilities/feed/fetch-feed-document';
import { failure } from '../../../support/feed-fetch-failure';

const URL_ = 'https://feeds.example/live/head.json';
const FEED_TEXT = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Live',
  items: [],
});

function stubFetch(impl: (url: string, init: RequestInit) => Response | Promise<Response>) {
  // Like the real fetch, always a promise.
  const fn = vi.fn((url: string, init: RequestInit) => Promise.resolve(impl(url, init)));
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchFeedDocument', () => {
  it.each(['htps://feeds.example/live.json', 'javascript:alert(1)', 'data:application/json,{}'])(
    'asks nothing for %s and says the address is no web address, not that the connection is lost',
    async (address) => {
      const fetchMock = stubFetch(() => new Response(FEED_TEXT));
      const error = await failure(fetchFeedDocument(address));
      expect(fetchMock).not.toHaveBeenCalled();
      expect(error.kind).toBe('not-found');
      expect(error.message).toMatch(/not a web address/);
    },
  );

  it('reads a feed address relative to the page', async () => {
    const fetchMock = stubFetch(() => new Response(FEED_TEXT));
    await fetchFeedDocument('feeds/live.json');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('revalidates through the HTTP cache, without credentials, asking for a JSON Feed', async () => {
    const fetchMock = stubFetch(
      () =>
        new Response('{"a":1}', {
          headers: {
            'content-type': 'application/feed+json',
            etag: '"v1"',
            'cache-control': 'public, max-age=10',
          },
        }),
    );
    const doc = await fetchFeedDocument(URL_);
    expect(doc).toEqual({
      kind: 'document',
      text: '{"a":1}',
      url: URL_,
      validator: '"v1"',
      maxAgeSeconds: 10,
    });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(URL_);
    expect(init).toMatchObject({ cache: 'no-cache', credentials: 'omit' });
    expect((init.headers as Record<string, string>).Accept).toMatch(/^application\/feed\+json/);
  });

  it('reports the final URL after a redirect, for resolving relative links', async () => {
    stubFetch(() => {
      const response = new Response('{}', { headers: { 'content-type': 'application/json' } });
      Object.defineProperty(response, 'url', { value: 'https://cdn.example/feeds/head.json' });
      return response;
    });
    const doc = await fetchFeedDocument(URL_);
    expect(doc.kind === 'document' && doc.url).toBe('https://cdn.example/feeds/head.json');
  });

  it('a 304 is "unchanged"', async () => {
    stubFetch(
      () => new Response(null, { status: 304, headers: { 'cache-control': 'max-age=30' } }),
    );
    expect(await fetchFeedDocument(URL_, { knownValidator: '"v1"' })).toEqual({
      kind: 'unchanged',
      maxAgeSeconds: 30,
    });
  });

  it('a 200 whose ETag (or Last-Modified) matches the merged document is "unchanged"', async () => {
    stubFetch(() => new Response('{}', { headers: { etag: '"v1"' } }));
    expect((await fetchFeedDocument(URL_, { knownValidator: '"v1"' })).kind).toBe('unchanged');
    expect((await fetchFeedDocument(URL_, { knownValidator: '"v0"' })).kind).toBe('document');
    const lastModified = 'Wed, 12 Jul 2023 09:00:00 GMT';
    stubFetch(() => new Response('{}', { headers: { 'last-modified': lastModified } }));
    const doc = await fetchFeedDocument(URL_);
    expect(doc.kind === 'document' && doc.validator).toBe(lastModified);
    expect((await fetchFeedDocument(URL_, { knownValidator: lastModified })).kind).toBe(
      'unchanged',
    );
  });

  it('an HTML page (a proxy’s error page with status 200) is an error, not a feed', async () => {
    stubFetch(
      () =>
        new Response('<!doctype html>', {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        }),
    );
    const error = await failure(fetchFeedDocument(URL_));
    expect(error.kind).toBe('invalid');
    expect(error.message).toMatch(/web page/);
  });

  it.each([
    [404, 'not-found'],
    [410, 'not-found'],
    [429, 'busy'],
    [503, 'busy'],
    [500, 'http'],
    [502, 'http'],
  ])('HTTP %i is a "%s" failure with its status', async (status, kind) => {
    stubFetch(() => new Response('nope', { status }));
    const error = await failure(fetchFeedDocument(URL_));
    expect(error).toMatchObject({ kind, status });
  });

  it('reads Retry-After in seconds or as an HTTP date', async () => {
    stubFetch(() => new Response('', { status: 503, headers: { 'retry-after': '120' } }));
    expect((await failure(fetchFeedDocument(URL_))).retryAfterSeconds).toBe(120);
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    stubFetch(() => new Response('', { status: 429, headers: { 'retry-after': inTwoMinutes } }));
    const seconds = (await failure(fetchFeedDocument(URL_))).retryAfterSeconds!;
    expect(seconds).toBeGreaterThanOrEqual(118);
    expect(seconds).toBeLessThanOrEqual(120);
    stubFetch(() => new Response('', { status: 503, headers: { 'retry-after': 'soon' } }));
    expect((await failure(fetchFeedDocument(URL_))).retryAfterSeconds).toBeUndefined();
  });

  it('counts a Retry-After date from the server’s Date, whatever the reader’s clock says', async () => {
    for (const readerOff of [-3_600_000, 3_600_000]) {
      const serverNow = Date.now() - readerOff;
      const headers = {
        date: new Date(serverNow).toUTCString(),
        'retry-after': new Date(serverNow + 120_000).toUTCString(),
      };
      stubFetch(() => new Response('', { status: 503, headers }));
      expect((await failure(fetchFeedDocument(URL_))).retryAfterSeconds).toBe(120);
    }
  });

  it('refuses a body that declares itself too large, without reading it', async () => {
    const size = FEED_LIMITS.maxDocumentBytes + 1;
    stubFetch(() => new Response('{}', { headers: { 'content-length': String(size) } }));
    const error = await failure(fetchFeedDocument(URL_));
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(/larger than 25 MB/);
  });

  it('stops reading a streamed body once it passes the limit', async () => {
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        controller.enqueue(chunk);
      },
    });
    stubFetch(() => new Response(body));
    const error = await failure(fetchFeedDocument(URL_));
    expect(error.kind).toBe('too-large');
    // It gave up just past the limit instead of reading forever.
    expect(sent).toBeLessThan(FEED_LIMITS.maxDocumentBytes / chunk.byteLength + 5);
  });

  it('a network failure is a "network" failure', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    expect((await failure(fetchFeedDocument(URL_))).kind).toBe('network');
  });

  it('a server that does not answer in time is a "timeout"', async () => {
    stubFetch(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal!.addEventListener('abort', () => reject(init.signal!.reason as Error));
        }),
    );
    expect((await failure(fetchFeedDocument(URL_, { timeoutMs: 5 }))).kind).toBe('timeout');
  });

  describe('a body that arrives a piece every 5 s', () => {
    /** `pieces` of the body, then its end; the clock moves 5 s before each. */
    function steadily(pieces: number) {
      let sent = 0;
      stubFetch((_url, init) => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            init.signal!.addEventListener('abort', () => controller.error(init.signal!.reason));
          },
          pull(controller) {
            vi.setSystemTime(Date.now() + 5_000);
            if (sent === pieces) return controller.close();
            controller.enqueue(new TextEncoder().encode(sent++ === 0 ? FEED_TEXT : ' '));
          },
        });
        return new Response(body, { headers: { 'content-type': 'application/feed+json' } });
      });
      return { sent: () => sent };
    }
    // Only Date: the wait for the next piece (AbortSignal.timeout) keeps real time, in which the
    // pieces come at once.
    beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
    afterEach(() => vi.useRealTimers());

    it('loads, however long it takes, up to two minutes', async () => {
      steadily(20);
      expect((await fetchFeedDocument(URL_)).kind).toBe('document');
    });

    it('is given up after two minutes: one that goes on is a stream, not a document', async () => {
      // Eight minutes of it.
      const { sent } = steadily(96);
      expect((await failure(fetchFeedDocument(URL_))).kind).toBe('timeout');
      expect(sent()).toBeLessThan(30);
    });
  });

  it('a request out when the browser goes offline fails at once, as a "network" failure', async () => {
    stubFetch(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal!.addEventListener('abort', () => reject(init.signal!.reason as Error));
        }),
    );
    const pending = failure(fetchFeedDocument(URL_));
    window.dispatchEvent(new Event('offline'));
    expect((await pending).kind).toBe('network');
  });

  it('a caller’s abort is passed through as is (React Query cancelling), not as a failure', async () => {
    stubFetch(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal!.addEventListener('abort', () => reject(new DOMException('x', 'AbortError')));
        }),
    );
    const controller = new AbortController();
    const pending = fetchFeedDocument(URL_, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(pending).rejects.not.toBeInstanceOf(FeedFetchError);
  });
});

describe('in a browser without AbortSignal.any (Safari before 17.4)', () => {
  const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any')!;
  beforeEach(() => {
    Reflect.deleteProperty(AbortSignal, 'any');
  });
  afterEach(() => {
    Object.defineProperty(AbortSignal, 'any', any);
  });
  const hanging = () =>
    stubFetch(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal!.addEventListener('abort', () => reject(new DOMException('x', 'AbortError')));
        }),
    );

  it('reads the feed', async () => {
    stubFetch(() => new Response(FEED_TEXT));
    expect((await fetchFeedDocument(URL_)).kind).toBe('document');
  });

  it('passes a caller’s abort through as is', async () => {
    hanging();
    const controller = new AbortController();
    const pending = fetchFeedDocument(URL_, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(pending).rejects.not.toBeInstanceOf(FeedFetchError);
  });

  it('gives up on a server that does not answer, as a "timeout"', async () => {
    hanging();
    expect((await failure(fetchFeedDocument(URL_, { timeoutMs: 5 }))).kind).toBe('timeout');
  });
});

describe("the standalone page's early request", () => {
  const feedResponse = (body: string) =>
    new Response(body, { headers: { 'content-type': 'application/feed+json', etag: '"e1"' } });

  /** What the page's first script does: read the feed at once and offer the answer. */
  function startEarly(url = URL_) {
    const controller = new AbortController();
    const abort = vi.fn(() => controller.abort());
    offerEarlyFeedRequest({ url, reply: readFeedEarly(url, controller.signal), abort });
    return { abort };
  }

  it('is taken by the first fetch of its URL, and only by that one', async () => {
    const fetchMock = stubFetch(() => feedResponse('{"early":true}'));
    startEarly();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ cache: 'no-cache', credentials: 'omit' });

    const first = await fetchFeedDocument(URL_);
    expect(first.kind === 'document' && first.text).toBe('{"early":true}');
    expect(first.kind === 'document' && first.validator).toBe('"e1"');
    expect(fetchMock).toHaveBeenCalledTimes(1);

    fetchMock.mockImplementation(() => Promise.resolve(feedResponse('{"poll":2}')));
    const second = await fetchFeedDocument(URL_);
    expect(second.kind === 'document' && second.text).toBe('{"poll":2}');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('is left alone by requests for other URLs (older pages)', async () => {
    const fetchMock = stubFetch((url) => feedResponse(JSON.stringify({ url })));
    startEarly();
    const page = await fetchFeedDocument('https://feeds.example/live/page-1.json');
    expect(page.kind === 'document' && page.text).toContain('page-1');
    const head = await fetchFeedDocument(URL_);
    expect(head.kind === 'document' && head.text).toContain('head.json');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('fails like any request: the poll that takes it reports what went wrong', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    startEarly();
    expect((await failure(fetchFeedDocument(URL_))).kind).toBe('network');

    stubFetch(() => new Response('', { status: 503, headers: { 'retry-after': '30' } }));
    startEarly();
    const busy = await failure(fetchFeedDocument(URL_));
    expect(busy).toMatchObject({ kind: 'busy', status: 503, retryAfterSeconds: 30 });
  });

  it('is replaced by an ordinary request if the early script broke', async () => {
    const fetchMock = stubFetch(() => feedResponse('{"own":true}'));
    offerEarlyFeedRequest({
      url: URL_,
      reply: Promise.reject(new Error('early script failed')),
      abort: () => {},
    });
    const doc = await fetchFeedDocument(URL_);
    expect(doc.kind === 'document' && doc.text).toBe('{"own":true}');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("is bound by the poll's timeout while its body arrives, too", async () => {
    stubFetch((_url, init) => {
      // Headers come at once; the body never ends, until the request is aborted.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"items":['));
          init.signal!.addEventListener('abort', () => controller.error(init.signal!.reason));
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/feed+json' } });
    });
    const { abort } = startEarly();
    expect((await failure(fetchFeedDocument(URL_, { timeoutMs: 5 }))).kind).toBe('timeout');
    expect(abort).toHaveBeenCalled();
  });

  it("is still bound by the poll's timeout: a hanging early request is aborted", async () => {
    stubFetch(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal!.addEventListener('abort', () => reject(init.signal!.reason as Error));
        }),
    );
    const { abort } = startEarly();
    expect((await failure(fetchFeedDocument(URL_, { timeoutMs: 5 }))).kind).toBe('timeout');
    expect(abort).toHaveBeenCalled();
  });
});
