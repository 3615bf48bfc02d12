import { focusManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveFeed } from '../../../../src/capabilities/feed/use-live-feed';
import { POLL_DEFAULT_SECONDS } from '../../../../src/core/live/poll-policy';
import { useNow } from '../../../../src/shared/time/use-now';
import { serve } from '../../../support/fake-feed-server';
import { wireFeed, wireItem } from '../../../support/feed-builders';

const HEAD = 'https://feeds.example/live/head.json';
const PAGE = 'https://feeds.example/live/page-1.json';
/** The default poll: the jitter is drawn in the middle of its range (Math.random below). */
const POLL_MS = POLL_DEFAULT_SECONDS * 1000;

let client: QueryClient;
const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={client}>{children}</QueryClientProvider>
);

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2023-07-12T10:00:00Z') });
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
  client = new QueryClient();
});

afterEach(() => {
  client.clear();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('useLiveFeed', () => {
  it('an older page loaded between polls does not put the next poll off', async () => {
    const fetchMock = serve({
      [HEAD]: { body: wireFeed([wireItem('b', 1)], { next_url: PAGE }), etag: '"1"' },
      [PAGE]: { body: wireFeed([wireItem('a', 0)]) },
    });
    const heads = () => fetchMock.mock.calls.filter(([url]) => url === HEAD).length;
    const { result } = renderHook(() => useLiveFeed(HEAD), { wrapper });
    await advance(0);
    expect(heads()).toBe(1);

    // The reader scrolls back to older updates most of a poll later.
    await advance(POLL_MS - 2_000);
    await act(() => result.current.loadOlder());
    expect(fetchMock.mock.calls.map(([url]) => url)).toContain(PAGE);
    expect(heads()).toBe(1);

    // The next poll comes when it was due, not a whole interval after the older page.
    await advance(2_000);
    expect(heads()).toBe(2);
  });

  it('polls once per interval: none before it is up, one when it is', async () => {
    const fetchMock = serve({ [HEAD]: { body: wireFeed([wireItem('a', 0)]), etag: '"1"' } });
    renderHook(() => useLiveFeed(HEAD), { wrapper });
    await advance(0);
    for (let poll = 2; poll <= 5; poll++) {
      await advance(POLL_MS - 1);
      expect(fetchMock).toHaveBeenCalledTimes(poll - 1);
      await advance(1);
      expect(fetchMock).toHaveBeenCalledTimes(poll);
    }
  });

  it('puts the relative times right with the first poll after a sleep with the page shown', async () => {
    serve({ [HEAD]: { body: wireFeed([wireItem('a', 0)]), etag: '"1"' } });
    const { result } = renderHook(() => ({ feed: useLiveFeed(HEAD), now: useNow() }), {
      wrapper,
    });
    await advance(POLL_MS / 2);
    // The machine sleeps for an hour: the clock moves on, no timer fires, no event says so.
    vi.setSystemTime(Date.now() + 60 * 60_000);
    await advance(POLL_MS / 2);
    // The poll due then answers 304; the times read an hour on, not up to a minute later.
    expect(result.current.now).toBe(Date.now());
  });

  it('asks again as soon as the connection is back, not after a request lost while offline', async () => {
    let items = [wireItem('a', 0)];
    let hang = false;
    const fetchMock = serve({ [HEAD]: { body: wireFeed([wireItem('a', 0)]), etag: '"1"' } });
    // The connection drops while the next poll is out: the request gets no answer at all.
    fetchMock.mockImplementation(
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((resolve, reject) => {
          if (hang) {
            init?.signal?.addEventListener('abort', () => reject(new TypeError('aborted')));
            return;
          }
          resolve(
            new Response(JSON.stringify(wireFeed(items)), {
              headers: { 'content-type': 'application/feed+json', etag: `"${items.length}"` },
            }),
          );
        }),
    );
    const { result } = renderHook(() => useLiveFeed(HEAD), { wrapper });
    await advance(0);
    expect([...(result.current.store?.items.keys() ?? [])]).toEqual(['a']);

    hang = true;
    await advance(POLL_MS);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await act(async () => {
      window.dispatchEvent(new Event('offline'));
      await vi.advanceTimersByTimeAsync(1_000);
    });

    // Back online, with news: it is asked for at once, not after the lost request's timeout.
    hang = false;
    items = [wireItem('b', 1), wireItem('a', 0)];
    await act(async () => {
      window.dispatchEvent(new Event('online'));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect([...(result.current.store?.items.keys() ?? [])].sort()).toEqual(['a', 'b']);
  });
});

describe('useLiveFeed while the feed waits out a failure', () => {
  /** The first failure's wait, as poll-policy.ts has it (no jitter: Math.random is 0.5). */
  const BACK_OFF_MS = 10_000;

  async function failed() {
    const fetchMock = serve({ [HEAD]: { body: 'busy', status: 503 } });
    const first = renderHook(() => useLiveFeed(HEAD), { wrapper });
    await advance(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(first.result.current.error).toBeDefined();
    return fetchMock;
  }

  it('a widget added meanwhile asks nothing before the countdown ends', async () => {
    const fetchMock = await failed();
    // The host adds a second widget of the same feed (a key-events box).
    renderHook(() => useLiveFeed(HEAD), { wrapper });
    await advance(BACK_OFF_MS - 1_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await advance(1_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('the reader coming back to the tab asks nothing before the countdown ends', async () => {
    const fetchMock = await failed();
    act(() => focusManager.setFocused(false));
    act(() => focusManager.setFocused(true));
    await advance(BACK_OFF_MS - 1_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await advance(1_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    act(() => focusManager.setFocused(undefined));
  });
});
