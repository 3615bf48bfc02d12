import type { BodyRead } from './read-body';

/** The early request's answer: the response, and its body being read already. */
export interface EarlyFeedReply {
  readonly response: Response;
  /** Undefined for an answer that is not a document (an error status, a 304). */
  readonly body?: Promise<BodyRead> | undefined;
  /** Called for each piece of the body as it arrives (set by the poll that takes the reply). */
  arrived?: () => void;
}

export interface EarlyFeedRequest {
  readonly url: string;
  /** Rejects if the request failed or the early script broke: the poll then asks again. */
  readonly reply: Promise<EarlyFeedReply>;
  readonly abort: () => void;
}

// The early script is built on its own and inlined into index.html (vite.config.ts), so it
// shares no module with the app and hands its request over on the window. A Response and plain
// data cross, never an instance of our own classes: each bundle has its own copy of them.
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
