import {
  emptyStore,
  gapPageUrl,
  mergeHead,
  mergePage,
  replacePreview,
  type FeedStore,
} from '../../core/feed/feed-store';
import type { LiveItem } from '../../core/feed/feed-types';
import { pageKey } from '../../core/feed/page-chain';
import { nextPollDelayMs } from '../../core/live/poll-policy';
import { fullBudget, type RequestBudget } from '../../core/live/request-budget';
import {
  FeedFetchError,
  fetchFeedDocument,
  type FetchedDocument,
  type ReceivedDocument,
} from './fetch-feed-document';
import { asFetchError, checkedFeed } from './fetch-page';
import type { GapResume } from './gap-walk';
import { loadPageCode } from './load-page-code';
import { readDocument } from './read-document';
import type { FeedSessionOptions, Prepare } from './feed-session-options';
import type { Revalidate } from './revalidation';

/**
 * One feed URL, framework-free: the merge store, the validator of the last document, paging and
 * the poll rhythm. Whoever shows the feed subscribes to its store; whoever keeps the clock (React
 * Query, use-live-feed.ts) calls `poll` when `nextDelay` says. Several widgets on one feed share
 * one session, so they show one store and agree on one rhythm.
 */
export class FeedSession {
  readonly url: string;
  readonly jitter: number;
  readonly #paint: (() => Promise<void>) | undefined;
  readonly #prepare: Prepare | undefined;
  #store: FeedStore = emptyStore;
  #validator: string | undefined;
  /** Set while the browser's cache has no copy of the document merged (revalidation.ts). */
  #unseenByCache: Revalidate | undefined;
  #maxAgeSeconds: number | undefined;
  #failures = 0;
  #lastError: FeedFetchError | undefined;
  #nextAttemptAt: number | undefined;
  #failedAt: number | undefined;
  /** When the last poll ended: the next one is due a delay after it. */
  #polledAt: number | undefined;
  #olderLoading: Promise<void> | undefined;
  /** Where the walk back after an absence stopped at a page that did not come (#walk). */
  #gap: GapResume | undefined;
  /** The last first document could not be read after its first screen was shown: the next
   * attempt is read whole, not shown for a moment and taken away again. */
  #firstScreenFailed = false;
  /** Every request beyond the head's polls (older pages, gap pages) is drawn from this. */
  #pageBudget: RequestBudget = fullBudget(-Infinity);
  readonly #listeners = new Set<() => void>();
  readonly #watchers = new Set<{ readonly poll: boolean }>();
  constructor(url: string, options: FeedSessionOptions = {}) {
    this.url = url;
    this.jitter = options.jitter ?? Math.random();
    this.#paint = options.paint;
    this.#prepare = options.prepare;
  }

  /** What the reader is shown. `complete: false` while only a first screen is in. */
  get store(): FeedStore {
    return this.#store;
  }
  get validator(): string | undefined {
    return this.#validator;
  }
  get failures(): number {
    return this.#failures;
  }
  get lastError(): FeedFetchError | undefined {
    return this.#lastError;
  }
  /** When the next poll is due after a failure (epoch ms), for "retrying in 40 s". */
  get nextAttemptAt(): number | undefined {
    return this.#nextAttemptAt;
  }
  /** When the last attempt failed (epoch ms): the wait for the next one starts there. */
  get failedAt(): number | undefined {
    return this.#failedAt;
  }

  /** Calls `listener` whenever the store changes; returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** The store once anything is in, for useSyncExternalStore. */
  readonly getSnapshot = (): FeedStore | undefined =>
    this.#store === emptyStore ? undefined : this.#store;

  /** A widget showing this feed says whether it wants live updates; returns the goodbye. Polled
   * while any widget wants it, or none has said (a request started before rendering). */
  watch(poll: boolean): () => void {
    const watcher = { poll };
    this.#watchers.add(watcher);
    return () => this.#watchers.delete(watcher);
  }

  get polling(): boolean {
    if (this.#watchers.size === 0) return true;
    for (const watcher of this.#watchers) if (watcher.poll) return true;
    return false;
  }

  /** Milliseconds to the next poll, or null for none (ended, or nobody wants polling). */
  nextDelay(hidden: boolean): number | null {
    if (!this.polling) return null;
    return nextPollDelayMs({
      pollSeconds: this.#store.meta?.pollSeconds,
      maxAgeSeconds: this.#maxAgeSeconds,
      hidden,
      ended: this.#store.meta?.status === 'ended',
      failures: this.#failures,
      retryAfterSeconds: this.#lastError?.retryAfterSeconds,
      jitter: this.jitter,
    });
  }

  /** Milliseconds from `now` to the next poll, counted from the end of the last one (an older
   * page loaded meanwhile does not put it off). Null for none. */
  untilNextPoll(hidden: boolean, now: number = Date.now()): number | null {
    const delay = this.nextDelay(hidden);
    if (delay === null || this.#polledAt === undefined) return delay;
    // Overdue (the machine slept): at once, as far as a timer can say so. A clock put back
    // since (a wrong clock corrected) counts as no time gone, not as hours still to wait.
    return Math.min(delay, Math.max(1, this.#polledAt + delay - now));
  }

  /** One poll: fetch the head, merge it, and close any gap by following `next_url`. */
  async poll(signal: AbortSignal, now: () => number = Date.now): Promise<FeedStore> {
    // A walk back that stopped at a page goes on at this poll; one that stops now, at the next.
    const gap = this.#gap;
    try {
      const revalidate = this.#unseenByCache?.(this.#validator);
      const doc = await fetchFeedDocument(this.url, {
        signal,
        knownValidator: this.#validator,
        revalidate,
        // The cache keeps only a body read whole: else every poll would be answered in full.
        cacheBody: !!this.#unseenByCache,
      });
      // The browser answers its own revalidations with the stored 200: a 304 to a reader who
      // holds nothing is the server's mistake, and would leave the page waiting in silence.
      if (doc.kind === 'unchanged' && this.#store === emptyStore)
        throw new FeedFetchError('http', '', { status: 304 });
      this.#maxAgeSeconds = doc.maxAgeSeconds;
      if (doc.kind === 'document') await this.#take(doc, signal, now);
      if (gap && gap === this.#gap)
        this.#publish((await this.#walk((s) => s, gap, [], signal, now))(this.#store));
      if (!revalidate) this.#unseenByCache = undefined;
      this.#failures = 0;
      this.#lastError = undefined;
      this.#nextAttemptAt = undefined;
      return this.#store;
    } catch (error) {
      if (this.#store.complete === false) {
        // A document that cannot be read is not its first screen: the screen goes.
        this.#firstScreenFailed = !signal.aborted;
        this.#publish(emptyStore);
      }
      if (signal.aborted && !(error instanceof FeedFetchError)) throw error;
      const failure = asFetchError(error);
      // Failures in a tunnel never reached the server: back online, its back-off starts afresh.
      this.#failures = this.#lastError?.offline && !failure.offline ? 1 : this.#failures + 1;
      this.#lastError = failure;
      const delay = this.nextDelay(false);
      this.#failedAt = now();
      this.#nextAttemptAt = delay === null ? undefined : this.#failedAt + delay;
      throw failure;
    } finally {
      this.#polledAt = now();
    }
  }

  /**
   * Starts from the server's document (read where it found it), as a first poll would; polls ask
   * with `revalidate`'s headers, or else read it whole once for the cache. Throws FeedFetchError.
   */
  async seed(doc: ReceivedDocument, revalidate: Revalidate = () => undefined): Promise<void> {
    if (this.#store !== emptyStore) return;
    const feed = checkedFeed(this.url, readDocument({ url: this.url, ...doc }, false));
    await this.#ready(feed.items);
    this.#validator = doc.validator ?? undefined;
    this.#unseenByCache = revalidate;
    this.#maxAgeSeconds = doc.maxAgeSeconds;
    this.#publish(mergeHead(emptyStore, feed, doc.fetchedAt, this.url));
  }

  /**
   * Adds the older page the store asks for next (`store.olderUrl`), fetched by the server for a
   * page's `older=`, as loadOlder would, received at `at`. Throws FeedFetchError.
   */
  async seedPage(doc: FetchedDocument & { kind: 'document' }, at: number): Promise<void> {
    const url = this.#store.olderUrl;
    if (url === undefined || pageKey(url) !== pageKey(doc.url)) return;
    const feed = checkedFeed(doc.url, readDocument(doc, false));
    await this.#ready(feed.items);
    this.#publish(mergePage(this.#store, feed, at, [doc.url]));
  }

  /** Loads the next older page into the store; concurrent calls share one request. */
  loadOlder(now: () => number = Date.now): Promise<void> {
    if (this.#olderLoading) return this.#olderLoading;
    const url = this.#store.olderUrl;
    if (url === undefined) return Promise.resolve();
    // Done before publishing: a subscriber may ask for the next page as soon as it sees this one.
    const done = () => {
      this.#olderLoading = undefined;
    };
    this.#olderLoading = this.#fetchPage(url, new AbortController().signal, now).then(
      async (page) => {
        if (page) await this.#ready(page.feed.items);
        done();
        if (page) this.#publish(mergePage(this.#store, page.feed, now(), page.urls));
        // A page of updates held already (cut from the head since) would show nothing: go on.
        if (page && this.#store.emptyPages > 0) return this.loadOlder(now);
      },
      (error: unknown) => {
        done();
        throw error;
      },
    );
    return this.#olderLoading;
  }

  async #take(doc: FetchedDocument & { kind: 'document' }, signal: AbortSignal, now: () => number) {
    const paint = this.#paint;
    const firstScreen =
      paint !== undefined && this.#store === emptyStore && !this.#firstScreenFailed;
    const reading = readDocument(doc, firstScreen);
    if (paint && reading.first && reading.first.items.length > 0) {
      await this.#ready(reading.first.items, signal);
      this.#publish({ ...mergeHead(emptyStore, reading.first, now()), complete: false });
      await paint();
      signal.throwIfAborted();
    }
    const feed = checkedFeed(this.url, reading);
    // A first screen only stands in for its document: what the reader held came before it.
    const partial = this.#store.complete === false;
    const head = (s: FeedStore) => (partial ? replacePreview : mergeHead)(s, feed, now(), this.url);
    const held = partial ? emptyStore : this.#store;
    const url = gapPageUrl(held, feed);
    const from = url === undefined ? undefined : { url, held };
    const replay = await this.#walk(head, from, feed.items, signal, now);
    this.#validator = doc.validator;
    this.#firstScreenFailed = false;
    // Replayed onto the store now: an older page loaded meanwhile stays.
    this.#publish(replay(this.#store));
  }

  /** The walk back after an absence (gap-walk.ts) onto `base`, once `items` and what came are
   * ready. Where a page does not come, the next poll goes on from it; not without its code. */
  async #walk(
    base: (store: FeedStore) => FeedStore,
    from: GapResume | undefined,
    items: readonly LiveItem[],
    signal: AbortSignal,
    now: () => number,
  ) {
    const code = from && (await loadPageCode().catch(() => {}));
    const page = (url: string) => this.#fetchPage(url, signal, now);
    const gap = code
      ? await code.walkGap(base(this.#store), from, page, signal, now)
      : { steps: [], arrived: [] };
    if (from) this.#gap = gap.resume;
    await this.#ready([...items, ...gap.arrived], signal);
    return (store: FeedStore) => gap.steps.reduce((s, step) => step(s), base(store));
  }

  /** Waits for the code these items need before they are shown (`prepare`), if any. */
  async #ready(items: readonly LiveItem[], signal?: AbortSignal) {
    const preparing = this.#prepare?.(items);
    if (!preparing) return;
    await preparing;
    signal?.throwIfAborted();
  }

  /** A page of the chain; its code comes at the first (loadPageCode), or the page cannot. */
  async #fetchPage(url: string, signal: AbortSignal, now: () => number) {
    const { fetchPage } = await loadPageCode();
    return fetchPage(url, this.#pageBudget, signal, now(), (budget) => {
      this.#pageBudget = budget;
    });
  }

  #publish(store: FeedStore) {
    if (store === this.#store) return;
    this.#store = store;
    for (const listener of this.#listeners) listener();
  }
}
