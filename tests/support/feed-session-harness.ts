// One feed session per test, on a client of its own, as the feed-session tests need it.
import { QueryClient } from '@tanstack/react-query';
import { vi } from 'vitest';
import { type FeedSession } from '../../src/capabilities/feed/feed-session';
import { getFeedSession } from '../../src/capabilities/feed/feed-sessions';

/** A fresh client and the session of `url` on it; the session's warnings are not printed. */
export function startSession(url: string): { client: QueryClient; session: FeedSession } {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const client = new QueryClient();
  return { client, session: getFeedSession(client, url) };
}

/** Ends what startSession began and what the test stubbed. */
export function endSession(client: QueryClient): void {
  client.clear();
  vi.unstubAllGlobals();
  vi.useRealTimers();
}

/** A signal nobody aborts. */
export const signal = () => new AbortController().signal;
