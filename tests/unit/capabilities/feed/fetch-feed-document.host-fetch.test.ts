// A news page's own scripts often wrap window.fetch (monitoring, consent managers): some do not
// pass the request's signal on, some hold a request they block. The poll must still time out.
import { afterEach, expect, it, vi } from 'vitest';
import { fetchFeedDocument } from '../../../../src/capabilities/feed/fetch-feed-document';
import { failure } from '../../../support/feed-fetch-failure';

const URL_ = 'https://feeds.example/live/head.json';

afterEach(() => {
  vi.unstubAllGlobals();
});

it("times out a request the host's fetch holds and never settles, signal or not", async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => new Promise<Response>(() => {})),
  );
  expect((await failure(fetchFeedDocument(URL_, { timeoutMs: 5 }))).kind).toBe('timeout');
});

it("times out a body that stalls when the host's fetch dropped the signal", async () => {
  const stalled = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"version":'));
    },
  });
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(
        new Response(stalled, { headers: { 'content-type': 'application/feed+json' } }),
      ),
    ),
  );
  expect((await failure(fetchFeedDocument(URL_, { timeoutMs: 5 }))).kind).toBe('timeout');
});

it('gives the answer of a wrapped fetch that settles with a thenable of its own', async () => {
  const text = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'T',
    items: [],
  });
  const response = new Response(text, { headers: { 'content-type': 'application/feed+json' } });
  // An old Promise polyfill's object: only `then`.
  vi.stubGlobal(
    'fetch',
    vi.fn(() => ({ then: (ok: (r: Response) => void) => ok(response) })),
  );
  const doc = await fetchFeedDocument(URL_);
  expect(doc.kind === 'document' && doc.text).toBe(text);
});
