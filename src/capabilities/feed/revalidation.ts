// Only for pages a server rendered (imported by the lazy hydrate-widget chunk): the first polls'
// question whether the document the page's HTML brought is still current.
import { FEED_REQUEST_INIT } from './read-body';

/**
 * The headers a poll asks about the document with `validator` with, as long as the browser's
 * cache has no copy of it (the page's HTML brought it): the cache keeps no answer to a request
 * with headers of ours either, so every poll asks that way, by the last document's validator.
 */
export type Revalidate = (validator: string | undefined) => Record<string, string> | undefined;

/**
 * The headers that ask whether the document with `validator` at `url` has changed, or undefined
 * when the poll should not ask that way. The browser's cache never saw the document, so the poll
 * names its validator itself; but a header of ours turns a request to another origin into one
 * behind a preflight, which a feed need not answer (docs/feed-format.md#serving), and every poll
 * would fail. There the poll is a plain one, and its ETag, equal to `validator`, spares reading
 * the body.
 */
export function revalidation(
  url: string,
  validator: string | null | undefined,
): Record<string, string> | undefined {
  if (!validator || new URL(url, location.href).origin !== location.origin) return undefined;
  // An entity tag is quoted ("…" or W/"…"); anything else is a Last-Modified date.
  const header = /^(W\/)?"/.test(validator) ? 'If-None-Match' : 'If-Modified-Since';
  return { ...FEED_REQUEST_INIT.headers, [header]: validator };
}
