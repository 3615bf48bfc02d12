import { MAX_DOCUMENT_BYTES } from '../../core/feed/feed-limits';
import type { EarlyFeedReply } from './early-feed-request';
import { FEED_REQUEST_INIT, readBody } from './read-body';

/**
 * Requests the first document and reads its body at once, so that the download never waits for
 * the app; what the answer means is left to the poll that takes it (fetch-feed-document.ts).
 */
export function readFeedEarly(url: string, signal: AbortSignal): Promise<EarlyFeedReply> {
  return fetch(url, { ...FEED_REQUEST_INIT, signal }).then((response) => {
    // The poll that takes the reply hears of each piece (fetch-feed-document.ts).
    let reply: EarlyFeedReply;
    const body = response.ok
      ? readBody(response, MAX_DOCUMENT_BYTES, () => reply.arrived?.())
      : undefined;
    // Untaken, a failure is nobody's error.
    body?.catch(() => {});
    return (reply = { response, body });
  });
}
