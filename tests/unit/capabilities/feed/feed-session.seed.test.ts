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
    await session.seed(doc(JSON.stringify(wireFeed([wireItem('a', 0)]))), {
      'If-None-Match': '"v1"',
    });
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

  it('refuses a document the parser refuses, leaving the session empty', async () => {
    const session = getFeedSession(client, `${HEAD}?b`);
    await expect(session.seed(doc('{"not":"a feed"}'))).rejects.toBeInstanceOf(FeedFetchError);
    expect(session.getSnapshot()).toBeUndefined();
  });
});
