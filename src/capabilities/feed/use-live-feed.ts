import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { FeedStore } from '../../core/feed/feed-store';
import { catchUpClocks } from '../../shared/time/use-now';
import type { FeedSession } from './feed-session';
import type { Prepare } from './feed-session-options';
import { feedQueryKey, getFeedSession } from './feed-sessions';
import type { FeedFetchError } from './fetch-feed-document';

export interface LiveFeed {
  /** Undefined until anything is in; `complete: false` while only a first screen is. */
  readonly store: FeedStore | undefined;
  readonly error: FeedFetchError | undefined;
  /** When the next attempt after a failure is due (epoch ms). */
  readonly nextAttemptAt: number | undefined;
  /** When that failure happened (epoch ms). */
  readonly failedAt: number | undefined;
  readonly isLoading: boolean;
  readonly retryNow: () => void;
  readonly loadOlder: () => Promise<void>;
}

const JUST_FETCHED_MS = 5_000;

function pageHidden() {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/** What the prefetch and every widget's query of one feed URL share: one fetch, one store. */
function headQuery(session: FeedSession) {
  return {
    queryKey: feedQueryKey(session.url),
    // Whatever the answer, the relative times shown are put right too (after a sleep).
    queryFn: ({ signal }: { signal: AbortSignal }) => session.poll(signal).finally(catchUpClocks),
    retry: false,
    networkMode: 'always',
  } as const;
}

/**
 * Starts loading a feed before React has rendered anything, so the request overlaps the first
 * render instead of following it (the standalone page calls this at start-up).
 */
export function prefetchFeed(client: QueryClient, url: string, prepare?: Prepare): void {
  void client.prefetchQuery(headQuery(getFeedSession(client, url, prepare)));
}

/**
 * Connects one feed URL to React: the session (feed-session.ts) holds the store and the poll
 * policy; React Query is the clock (one fetch per URL however many widgets show it).
 */
export function useLiveFeed(
  url: string,
  options: { readonly poll?: boolean; readonly prepare?: Prepare } = {},
): LiveFeed {
  const client = useQueryClient();
  const session = getFeedSession(client, url, options.prepare);
  const poll = options.poll ?? true;
  // While the feed waits out a failure (back-off, Retry-After), a widget mounting or the page
  // regaining focus asks nothing: the countdown stands ("Retry now" and going online do ask).
  const waited = () => (session.nextAttemptAt ?? 0) <= Date.now();
  // Before useQuery, so that its first schedule already knows this widget's wish.
  useEffect(() => session.watch(poll), [session, poll]);
  const store = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
  const query = useQuery<FeedStore, FeedFetchError>({
    ...headQuery(session),
    // Polls keep the data current; this only stops a widget mounting (or the page regaining
    // focus) right after a response from asking again, e.g. when the page's early request
    // answered before React first rendered.
    staleTime: JUST_FETCHED_MS,
    // React Query starts the interval afresh on every change to the query, an older page's
    // included: the session counts from the last poll instead. While one runs, the whole delay
    // (started afresh when it ends).
    refetchInterval: (query) =>
      (query.state.fetchStatus === 'fetching'
        ? session.nextDelay(pageHidden())
        : session.untilNextPoll(pageHidden())) ?? false,
    refetchIntervalInBackground: true,
    refetchOnMount: waited,
    // A first load that failed waits as well: its next try is the interval's.
    retryOnMount: false,
    refetchOnWindowFocus: () =>
      session.polling && session.store.meta?.status !== 'ended' && waited(),
    refetchOnReconnect: () => session.polling,
    gcTime: 30_000,
  });
  const retryNow = useCallback(() => {
    void client.refetchQueries({ queryKey: feedQueryKey(url) }, { cancelRefetch: true });
  }, [client, url]);
  const loadOlder = useCallback(() => session.loadOlder(), [session]);
  // A query that has never had data forgets its error while it tries again: the session keeps
  // it until a poll answers, so a failed first load stays on screen, and is not said again, at
  // each try.
  const error = query.error ?? (store === undefined ? session.lastError : undefined);
  return {
    store,
    error,
    nextAttemptAt: error ? session.nextAttemptAt : undefined,
    failedAt: error ? session.failedAt : undefined,
    isLoading: store === undefined && query.isPending && !error,
    retryNow,
    loadOlder,
  };
}
