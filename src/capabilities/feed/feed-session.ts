import type { QueryClient, QueryKey } from '@tanstack/react-query';
import {
  emptyStore,
  gapPageUrl,
  mergeGapPage,
  mergeHead,
  mergePage,
  replacePreview,
  type FeedStore,
} from '../../core/feed/feed-store';
import { pageKey } from '../../core/feed/page-chain';
import type { FeedError } from '../../core/feed/feed-types';
import { nextPollDelayMs } from '../../core/live/poll-policy';
import { fullBudget, takeRequest, type RequestBudget } from '../../core/live/request-budget';
import { FeedFetchError, fetchFeedDocument } from './fetch-feed-document';
import { readDocument, type DocumentReading } from './read-document';

/** Pages followed at most to close a gap after the reader was away (50 pages ≈ 2,500 updates). */
const MAX_GAP_PAGES = 50;

/**
 * What the client knows of one feed URL beyond the store: the validator of the last document,
 * the poll rhythm and the failure streak. One per feed URL and QueryClient, so that several
 * widgets showing the same feed share one store and one poll.
 */
export interface FeedSession {
  readonly url: string;
  store: FeedStore;
  validator: string | undefined;
  maxAgeSeconds: number | undefined;
  failures: number;
  lastError: FeedFetchError | undefined;
  /** When the next poll is due after a failure (epoch ms), for "retrying in 40 s". */
  nextAttemptAt: number | undefined;
  /** Drawn once per client and kept, so every observer of this feed computes the same delay. */
  readonly jitter: number;
  pollingDisabled: boolean;
  olderLoading: Promise<void> | undefined;
  /** The store holds a preview of the first document (its first screen, first-screen.ts)
   * while the rest of it is checked. */
  previewing: boolean;
  /** The last first document could not be read after its preview was shown: no preview of the
   * next attempt, which would only show the same updates for a moment and take them away. */
  previewFailed: boolean;
  /** Every request beyond the head's polls (older pages, gap pages) is drawn from this. */
  pageBudget: RequestBudget;
}

const sessions = new WeakMap<QueryClient, Map<string, FeedSession>>();

export function feedQueryKey(url: string) {
  return ['live-blog-feed', url] as const;
}

export function getFeedSession(client: QueryClient, url: string): FeedSession {
  let byUrl = sessions.get(client);
  if (!byUrl) {
    sessions.set(client, (byUrl = new Map<string, FeedSession>()));
    // Release a feed's memory once no widget shows it (React Query removes it after gcTime).
    const map = byUrl;
    client.getQueryCache().subscribe((event) => {
      // The cache's queries are typed with `any`: the key is what feedQueryKey makes.
      const key = event.query.queryKey as QueryKey;
      if (event.type === 'removed' && key[0] === 'live-blog-feed') {
        map.delete(String(key[1]));
      }
    });
  }
  let session = byUrl.get(url);
  if (!session) {
    session = {
      url,
      store: emptyStore,
      validator: undefined,
      maxAgeSeconds: undefined,
      failures: 0,
      lastError: undefined,
      nextAttemptAt: undefined,
      jitter: Math.random(),
      pollingDisabled: false,
      olderLoading: undefined,
      previewing: false,
      previewFailed: false,
      pageBudget: fullBudget(-Infinity),
    };
    byUrl.set(url, session);
  }
  return session;
}

function asFetchError(error: unknown): FeedFetchError {
  return error instanceof FeedFetchError
    ? error
    : new FeedFetchError('network', 'The feed could not be reached.');
}

function fetchError(error: FeedError): FeedFetchError {
  return new FeedFetchError(error.kind === 'too-large' ? 'too-large' : 'invalid', error.message);
}

/** A document's whole reading as a feed; invalid items are reported in the console. */
function checkedFeed(url: string, reading: DocumentReading) {
  const parsed = reading.whole();
  if (!parsed.ok) throw fetchError(parsed.error);
  if (parsed.feed.rejected.length > 0) {
    console.warn(
      `[live-blog] ${parsed.feed.rejected.length} invalid item(s) dropped from ${url}`,
      parsed.feed.rejected,
    );
  }
  return parsed.feed;
}

/** Fetches an older page once the page-request budget allows (request-budget.ts). */
async function fetchPage(session: FeedSession, url: string, signal: AbortSignal, now: number) {
  const { budget, waitMs } = takeRequest(session.pageBudget, now);
  session.pageBudget = budget;
  if (waitMs > 0) await delay(waitMs, signal);
  const doc = await fetchFeedDocument(url, { signal });
  if (doc.kind === 'unchanged') return undefined;
  const feed = checkedFeed(url, readDocument(doc, false));
  return { feed, urls: [url, doc.url] as const };
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Resolves once the browser has painted what React commits next, and then has nothing more
 * urgent to do (or soon, in a tab that does not paint). React renders the first screen in a task
 * after this is called, so the first frame may come before it: the second one cannot.
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 300);
    if (typeof requestAnimationFrame !== 'function') return;
    const done = () => {
      clearTimeout(fallback);
      resolve();
    };
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (typeof requestIdleCallback === 'function') requestIdleCallback(done, { timeout: 100 });
        else setTimeout(done, 0);
      }),
    );
  });
}

/**
 * Shows a large first document's first screen (first-screen.ts) before the whole of it is in:
 * `show` publishes that store, marked incomplete, then the browser paints it while the rest waits.
 */
async function showFirstScreen(
  session: FeedSession,
  reading: DocumentReading,
  now: () => number,
  show: (store: FeedStore) => void,
) {
  const first = reading.first;
  if (!first || first.items.length === 0) return;
  session.store = { ...mergeHead(emptyStore, first, now()), complete: false };
  session.previewing = true;
  show(session.store);
  await afterNextPaint();
}

/**
 * One poll: fetch the head, merge it, and close any gap by following `next_url`. `show`
 * publishes the first screen of a large first document before the whole of it is merged.
 */
export async function pollHead(
  session: FeedSession,
  signal: AbortSignal,
  now: () => number,
  show?: (store: FeedStore) => void,
): Promise<FeedStore> {
  try {
    const doc = await fetchFeedDocument(session.url, { signal, knownValidator: session.validator });
    session.maxAgeSeconds = doc.maxAgeSeconds;
    if (doc.kind === 'document') {
      const firstScreen =
        show !== undefined && session.store === emptyStore && !session.previewFailed;
      const reading = readDocument(doc, firstScreen);
      if (show && firstScreen) {
        await showFirstScreen(session, reading, now, show);
        signal.throwIfAborted();
      }
      const feed = checkedFeed(session.url, reading);
      // A preview only stands in for the document: what the reader held is what came before it.
      const held = session.previewing ? emptyStore : session.store;
      let gapUrl = gapPageUrl(held, feed);
      let store = session.previewing
        ? replacePreview(session.store, feed, now(), session.url)
        : mergeHead(session.store, feed, now(), session.url);
      // The head no longer reaches what the reader holds: walk back until it does, never to a
      // page already fetched, and not past a page that brings nothing new.
      for (let i = 0; gapUrl !== undefined && i < MAX_GAP_PAGES; i++) {
        if (store.fetched.has(pageKey(gapUrl))) break;
        const page = await fetchPage(session, gapUrl, signal, now());
        if (!page) break;
        const before = store;
        store = mergeGapPage(store, page.feed, now(), page.urls);
        if (store.items === before.items && store.tombstones === before.tombstones) break;
        gapUrl = gapPageUrl(held, page.feed);
      }
      session.store = store;
      session.validator = doc.validator;
      session.previewing = false;
      session.previewFailed = false;
    }
    session.failures = 0;
    session.lastError = undefined;
    session.nextAttemptAt = undefined;
    return session.store;
  } catch (error) {
    if (session.previewing) {
      // A document that cannot be read is not its preview: the preview goes (its store stays
      // marked incomplete, which the widget reads as nothing loaded).
      session.previewing = false;
      session.previewFailed = !signal.aborted;
      session.store = emptyStore;
    }
    if (signal.aborted && !(error instanceof FeedFetchError)) throw error;
    const failure = asFetchError(error);
    session.failures += 1;
    session.lastError = failure;
    const delay = nextDelay(session, false);
    session.nextAttemptAt = delay === null ? undefined : now() + delay;
    throw failure;
  }
}

export function nextDelay(session: FeedSession, hidden: boolean): number | null {
  if (session.pollingDisabled) return null;
  return nextPollDelayMs({
    pollSeconds: session.store.meta?.pollSeconds,
    maxAgeSeconds: session.maxAgeSeconds,
    hidden,
    ended: session.store.meta?.status === 'ended',
    failures: session.failures,
    retryAfterSeconds: session.lastError?.retryAfterSeconds,
    jitter: session.jitter,
  });
}

/** Loads the next older page into the store; concurrent calls share one request. */
export function loadOlderPage(
  session: FeedSession,
  client: QueryClient,
  now: () => number,
): Promise<void> {
  if (session.olderLoading) return session.olderLoading;
  const url = session.store.olderUrl;
  if (url === undefined) return Promise.resolve();
  const controller = new AbortController();
  session.olderLoading = fetchPage(session, url, controller.signal, now())
    .then((page) => {
      if (!page) return;
      session.store = mergePage(session.store, page.feed, now(), page.urls);
      client.setQueryData(feedQueryKey(session.url), session.store);
    })
    .finally(() => {
      session.olderLoading = undefined;
    });
  return session.olderLoading;
}
