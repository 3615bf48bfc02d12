import type { FetchFailureKind, FetchedDocument } from './fetch-feed-document';

/** How an early request ended: the document, or why there is none. */
export type EarlyFeedReply =
  | { readonly ok: true; readonly doc: FetchedDocument }
  | {
      readonly ok: false;
      readonly error: {
        readonly kind: FetchFailureKind;
        readonly message: string;
        readonly status?: number;
        readonly retryAfterSeconds?: number;
      };
    };

export interface EarlyFeedRequest {
  readonly url: string;
  /** Rejects only if the early script itself broke: the poll then simply asks again. */
  readonly reply: Promise<EarlyFeedReply>;
  readonly abort: () => void;
}

// The early script is built on its own and inlined into index.html (vite.config.ts), so it
// shares no module with the app and hands its request over on the window. Plain data crosses,
// not class instances: each bundle has its own FeedFetchError.
const SLOT = Symbol.for('live-blog.early-feed-request');
type Slot = { [SLOT]?: EarlyFeedRequest };

/**
 * The standalone page fetches and reads its feed from a tiny first script, long before the app's
 * bundle has arrived (src/app/request-feed-early.ts, docs/decisions/0007).
 */
export function offerEarlyFeedRequest(request: EarlyFeedRequest): void {
  const slot = globalThis as Slot;
  slot[SLOT]?.abort();
  slot[SLOT] = request;
}

/** The early request for `url`, handed out once; every later request is the caller's own. */
export function takeEarlyFeedRequest(url: string): EarlyFeedRequest | undefined {
  const slot = globalThis as Slot;
  const pending = slot[SLOT];
  if (pending?.url !== url) return undefined;
  delete slot[SLOT];
  return pending;
}
