// The chain of older pages (JSON Feed `next_url`) as the client walks it. A feed's pages are
// untrusted: a next_url may point back at the head, at itself or around a cycle, or a server may
// hand out endless distinct URLs for the same items. Each reader would then fetch pages
// non-stop. So no page URL is requested twice in a session, and a walk that keeps bringing
// nothing new stops.

/** Pages in a row that add nothing before the walk stops (a server that repeats itself). */
export const MAX_EMPTY_PAGES = 3;

/**
 * The key under which two URLs are the same request: resolved, without the fragment (which is
 * never sent). Anything that is not an absolute URL stays as it is.
 */
export function pageKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/** Where the older pages go on from here. */
export interface OlderCursor {
  /** The next page to request: never one already fetched. */
  readonly url: string | undefined;
  /** The chain stopped before its end: it looped, or pages kept adding nothing. */
  readonly broken: boolean;
}

/**
 * Follows `next` past pages already fetched (`fetched`: page key → that page's own next_url) to
 * the first page not yet requested. A cycle among fetched pages ends the chain as broken; a
 * fetched page without next_url ends it normally (everything is loaded).
 */
export function followChain(
  fetched: ReadonlyMap<string, string | undefined>,
  next: string | undefined,
): OlderCursor {
  const passed = new Set<string>();
  let url = next;
  while (url !== undefined) {
    const key = pageKey(url);
    if (!fetched.has(key)) return { url, broken: false };
    if (passed.has(key)) return { url: undefined, broken: true };
    passed.add(key);
    url = fetched.get(key);
  }
  return { url: undefined, broken: false };
}

/** Records that `urls` (as requested, and as answered after redirects) led to `next`. */
export function withFetched(
  fetched: ReadonlyMap<string, string | undefined>,
  urls: readonly string[],
  next: string | undefined,
): ReadonlyMap<string, string | undefined> {
  const keys = urls.map(pageKey);
  if (keys.every((key) => fetched.has(key) && fetched.get(key) === next)) return fetched;
  const out = new Map(fetched);
  for (const key of keys) out.set(key, next);
  return out;
}
