import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { afterNextPaint } from './after-next-paint';
import { FeedSession } from './feed-session';
import type { Prepare } from './feed-session-options';

const sessions = new WeakMap<QueryClient, Map<string, FeedSession>>();

export function feedQueryKey(url: string) {
  return ['live-blog-feed', url] as const;
}

/**
 * The one session of a feed URL in a QueryClient, made on first use (with `prepare`, see
 * feed-session.ts). Its store is mirrored into the feed's query, so the query cache holds what
 * the reader sees.
 */
export function getFeedSession(client: QueryClient, url: string, prepare?: Prepare): FeedSession {
  let byUrl = sessions.get(client);
  if (!byUrl) {
    sessions.set(client, (byUrl = new Map<string, FeedSession>()));
    // The session's store is the single authority: the query holds that very object.
    client.setQueryDefaults(['live-blog-feed'], { structuralSharing: false });
    // Release a feed's memory once no widget shows it (React Query removes it after gcTime).
    const map = byUrl;
    client.getQueryCache().subscribe((event) => {
      const key = event.query.queryKey as QueryKey;
      if (event.type === 'removed' && key[0] === 'live-blog-feed') map.delete(String(key[1]));
    });
  }
  let session = byUrl.get(url);
  if (!session) {
    const made = new FeedSession(url, { paint: afterNextPaint, prepare });
    const queryKey = feedQueryKey(url);
    made.subscribe(() => {
      const store = made.getSnapshot();
      if (store) client.setQueryData(queryKey, store);
    });
    byUrl.set(url, (session = made));
  }
  return session;
}
