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

/** A body's bytes, or how much of it arrived before it passed the limit (the rest is left). */
export type BodyRead = { readonly bytes: Uint8Array } | { readonly tooLarge: number };

export async function readBody(response: Response, limit: number): Promise<BodyRead> {
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length > limit) {
    await response.body?.cancel();
    return { tooLarge: length };
  }
  if (!response.body) return { bytes: new Uint8Array(await response.arrayBuffer()) };
  const reader = response.body.getReader();
  const pieces: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      return { tooLarge: received };
    }
    pieces.push(value);
  }
  if (pieces.length === 1) return { bytes: pieces[0]! };
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.byteLength;
  }
  return { bytes };
}
