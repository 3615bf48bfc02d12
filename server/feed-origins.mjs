// @ts-check
/**
 * The `feedOrigins` option: the server writes a list of origins into the
 * `<meta name="live-blog-feed-origins">` of the HTML pages it serves (index.html, embed.html), as
 * a deployer would edit it in dist/, so that tests and demos can let ?feed= name feeds on other
 * origins without touching the build.
 */
import { Representation } from './http-caching.mjs';

const META = /(<meta\s+name="live-blog-feed-origins"\s+content=")[^"]*(")/i;

/**
 * The origins of `value` (space-separated, or a list), as the page reads them. An entry that is
 * not an http(s) origin is an error here, where the page would silently ignore it.
 * @param {string | string[]} value
 * @returns {string[]}
 */
export function parseFeedOriginsOption(value) {
  const entries = (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(/\s+/))
    .filter(Boolean);
  return entries.map((entry) => {
    let url;
    try {
      url = new URL(entry);
    } catch {
      url = null;
    }
    if (
      !url ||
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.href !== `${url.origin}/` ||
      url.host.includes('*')
    ) {
      throw new TypeError(
        `feed origins must be http(s) origins such as https://feeds.example.com, not ${JSON.stringify(entry)}`,
      );
    }
    return url.origin;
  });
}

/** @param {string} text */
function escapeAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * A function that gives an HTML page's representation with the meta's content replaced by
 * `feedOrigins` (made once per version of the file), or the page as it is when the option is not
 * set or the page has no such meta. Only the meta changes: the hashes of inline scripts, which
 * the CSP lists, stay the same.
 * @param {string | string[] | undefined} feedOrigins
 * @returns {(rep: Representation) => Representation}
 */
export function feedOriginsRewriter(feedOrigins) {
  if (feedOrigins === undefined) return (rep) => rep;
  const content = escapeAttribute(parseFeedOriginsOption(feedOrigins).join(' '));
  /** @type {WeakMap<Representation, Representation>} */
  const rewritten = new WeakMap();
  return (rep) => {
    let out = rewritten.get(rep);
    if (!out) {
      const html = rep.body.toString('utf8');
      out = META.test(html)
        ? new Representation(
            html.replace(META, (_, start, end) => `${start}${content}${end}`),
            { contentType: rep.contentType, lastModified: rep.lastModifiedMs },
          )
        : rep;
      rewritten.set(rep, out);
    }
    return out;
  };
}
