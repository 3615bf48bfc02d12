// Reading a feed response: shared by every request and by the standalone page's early script,
// which inlines this module (keep it small: it counts in that page's bundle budget).

/**
 * How every feed request is made: `cache: "no-cache"` makes the browser revalidate with
 * If-None-Match / If-Modified-Since, so an unchanged feed costs a 304 and no cache-busting query
 * string defeats CDNs.
 */
export const FEED_REQUEST_INIT = {
  cache: 'no-cache',
  credentials: 'omit',
  headers: { Accept: 'application/feed+json, application/json;q=0.9, */*;q=0.1' },
} as const satisfies RequestInit;

/** A body as text, or how much of it arrived before it passed the limit (the rest is left). */
export type BodyRead = { readonly text: string } | { readonly tooLarge: number };

/**
 * Reads and decodes (UTF-8) a body piece by piece as it arrives, counting its bytes against
 * `limit`: decoding while waiting for the network, in pieces the decoder keeps one-byte where it
 * can, is cheaper than decoding the whole body at the end. `arrived` hears of each piece.
 */
export async function readBody(
  response: Response,
  limit: number,
  arrived?: () => void,
): Promise<BodyRead> {
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length > limit) {
    await response.body?.cancel();
    return { tooLarge: length };
  }
  const decoder = new TextDecoder();
  if (!response.body) return { text: decoder.decode(await response.arrayBuffer()) };
  const reader = response.body.getReader();
  const pieces: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    arrived?.();
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      return { tooLarge: received };
    }
    pieces.push(decoder.decode(value, { stream: true }));
  }
  pieces.push(decoder.decode());
  return { text: pieces.join('') };
}
