import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { FeedStore } from '../../core/feed/feed-store';
import type { FeedFetchError } from './fetch-feed-document';
import { feedQueryKey, getFeedSession, loadOlderPage, nextDelay, pollHead } from './feed-session';

export interface LiveFeed {
  readonly store: FeedStore | undefined;
  readonly error: FeedFetchError | undefined;
  /** When the next attempt after a failure is due (epoch ms). */
  readonly nextAttemptAt: number | undefined;
  readonly isLoading: boolean;
  /** Only a preview of the first document is in: counts and searches are not final yet. */
  readonly previewing: boolean;
  readonly retryNow: () => void;
  readonly loadOlder: () => Promise<void>;
}

const JUST_FETCHED_MS = 5_000;

function pageHidden() {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/** What the prefetch and every widget's query of one feed URL share: one fetch, one store. */
function headQuery(client: QueryClient, url: string) {
  const session = getFeedSession(client, url);
  // A large first document's preview is published while the query still fetches the rest.
  const publishPreview = (store: FeedStore) => client.setQueryData(feedQueryKey(url), store);
  return {
    queryKey: feedQueryKey(url),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      pollHead(session, signal, Date.now, publishPreview),
    // The session's store is the single authority (older pages merge into it too).
    structuralSharing: () => session.store,
    retry: false,
    networkMode: 'always',
  } as const;
}

/**
 * Starts loading a feed before React has rendered anything, so the request overlaps the first
 * render instead of following it (the standalone page calls this at start-up).
 */
export function prefetchFeed(client: QueryClient, url: string): void {
  void client.prefetchQuery(headQuery(client, url));
}

/**
 * Connects one feed URL to React: React Query is the clock and the cache (one fetch per URL
 * however many widgets show it); the pure poll policy decides the rhythm.
 */
export function useLiveFeed(url: string, options: { poll?: boolean } = {}): LiveFeed {
  const client = useQueryClient();
  const session = getFeedSession(client, url);
  const poll = options.poll ?? true;
  session.pollingDisabled = !poll;
  const query = useQuery<FeedStore, FeedFetchError>({
    ...headQuery(client, url),
    // Polls keep the data current; this only stops a widget mounting (or the page regaining
    // focus) right after a response from asking again, e.g. when the page's early request
    // answered before React first rendered.
    staleTime: JUST_FETCHED_MS,
    refetchInterval: () => nextDelay(session, pageHidden()) ?? false,
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: () => poll && session.store.meta?.status !== 'ended',
    refetchOnReconnect: () => poll,
    gcTime: 30_000,
  });
  const retryNow = useCallback(() => {
    void client.refetchQueries({ queryKey: feedQueryKey(url) }, { cancelRefetch: true });
  }, [client, url]);
  const loadOlder = useCallback(() => loadOlderPage(session, client, Date.now), [session, client]);
  // A preview stands in for its document only while the document is being read: once the
  // attempt is over, a preview still in place means the document could not be read.
  const partial = query.data?.complete === false;
  return {
    store: partial && !query.isFetching ? undefined : query.data,
    error: query.error ?? undefined,
    nextAttemptAt: query.error ? session.nextAttemptAt : undefined,
    isLoading: query.isPending,
    previewing: partial && query.isFetching,
    retryNow,
    loadOlder,
  };
}
