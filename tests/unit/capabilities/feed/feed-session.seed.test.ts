import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getFeedSession } from '../../../../src/capabilities/feed/feed-sessions';
import { FeedFetchError } from '../../../../src/capabilities/feed/fetch-feed-document';
import { sortedItems } from '../../../../src/core/feed/feed-store';
import { wireFeed, wireItem } from '../../../support/feed-builders';

// A server-rendered page brings the feed document along: the session starts from it, and its
// first poll asks whether it is still current (the browser's cache never saw it), with the
// headers the page gives it (revalidation.ts).

const HEAD = 'https://feeds.example/live/head.json';
const AT = 1_700_000_000_000;
const client = new QueryClient();

afterEach(() => {
  client.clear();
  vi.unstubAllGlobals();
});

const doc = (text: string, validator = '"v1"') => ({ text, validator, fetchedAt: AT });

describe('seed', () => {
  it('shows the document at once and makes the first poll conditional', async () => {
    const session = getFeedSession(client, `${HEAD}?a`);
    await session.seed(doc(JSON.stringify(wireFeed([wireItem('a', 0)]))), (validator) => ({
      'If-None-Match': validator ?? '',
    }));
    expect(sortedItems(session.store).map((i) => i.id)).toEqual(['a']);
    expect(session.store.changedAt).toBe(AT);

    const seen: Headers[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => {
        seen.push(new Headers(init.headers));
        return Promise.resolve(new Response(null, { status: 304 }));
      }),
    );
    const store = session.store;
    await session.poll(new AbortController().signal);
    expect(seen[0]?.get('if-none-match')).toBe('"v1"');
    expect(session.store).toBe(store);
    // Still unseen by the cache after a 304: the next poll asks the same way.
    await session.poll(new AbortController().signal);
    expect(seen[1]?.get('if-none-match')).toBe('"v1"');
  });

  it('keeps asking with the newer validator once a poll brings a newer document', async () => {
    // Answers to requests with headers of ours bypass the browser's cache: a plain poll after
    // one would find nothing there to revalidate, and the feed would come in full every time.
    const session = getFeedSession(client, `${HEAD}?c`);
    await session.seed(doc(JSON.stringify(wireFeed([wireItem('a', 0)]))), (validator) => ({
      'If-None-Match': validator ?? '',
    }));
    const seen: Headers[] = [];
    const newer = JSON.stringify(wireFeed([wireItem('b', 60), wireItem('a', 0)]));
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => {
        seen.push(new Headers(init.headers));
        return Promise.resolve(
          seen.length === 1
            ? new Response(newer, { headers: { ETag: '"v2"' } })
            : new Response(null, { status: 304 }),
        );
      }),
    );
    await session.poll(new AbortController().signal);
    expect(sortedItems(session.store).map((i) => i.id)).toEqual(['b', 'a']);
    await session.poll(new AbortController().signal);
    expect(seen[1]?.get('if-none-match')).toBe('"v2"');
  });

  it('reads the unchanged document whole once where it may not ask, for the cache to keep', async () => {
    // A feed on another origin: a plain poll, which the browser's cache answers only once it
    // holds a body read to its end. Cancelled, the feed would come in full on every poll.
    const session = getFeedSession(client, `${HEAD}?d`);
    const text = JSON.stringify(wireFeed([wireItem('a', 0)]));
    await session.seed(doc(text), () => undefined);
    const reads: { pulled: number; cancelled: boolean }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(() => {
        const read = { pulled: 0, cancelled: false };
        reads.push(read);
        const pieces = [text.slice(0, 10), text.slice(10)];
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            const piece = pieces[read.pulled++];
            if (piece === undefined) controller.close();
            else controller.enqueue(new TextEncoder().encode(piece));
          },
          cancel() {
            read.cancelled = true;
          },
        });
        return Promise.resolve(new Response(body, { headers: { ETag: '"v1"' } }));
      }),
    );
    const store = session.store;
    await session.poll(new AbortController().signal);
    expect(session.store).toBe(store);
    expect(reads[0]).toEqual({ pulled: 3, cancelled: false });
    // Now in the cache: later answers with the same validator are not read again.
    await session.poll(new AbortController().signal);
    expect(reads[1]?.cancelled).toBe(true);
  });

  it('refuses a document the parser refuses, leaving the session empty', async () => {
    const session = getFeedSession(client, `${HEAD}?b`);
    await expect(session.seed(doc('{"not":"a feed"}'))).rejects.toBeInstanceOf(FeedFetchError);
    expect(session.getSnapshot()).toBeUndefined();
  });
});
