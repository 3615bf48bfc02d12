// @ts-check
/**
 * The address of a page as the reader's browser has it, which the rendered page's links, its
 * og:url and the snapshot's feed URL are made from: the browser hydrates the page only when its
 * own feed URL is the snapshot's.
 */

/** A Host header as a browser sends it: a name or an address, and a port. */
const HOST = /^(?:[a-z\d.-]+|\[[a-f\d:.]+\])(?::\d{1,5})?$/i;

/**
 * The `publicOrigin` option: the origin readers reach the server at, when a CDN or proxy in
 * front of it terminates TLS or does not pass the Host on.
 * @param {string} value
 * @returns {string}
 */
export function parsePublicOrigin(value) {
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    url = null;
  }
  if (
    !url ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.href !== `${url.origin}/`
  ) {
    throw new TypeError(
      `the public origin must be an http(s) origin such as https://news.example.com, not ${JSON.stringify(value)}`,
    );
  }
  return url.origin;
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {string} [publicOrigin] from parsePublicOrigin
 * @returns {string}
 */
export function pageUrlOf(req, publicOrigin) {
  const host = req.headers.host;
  const origin = publicOrigin ?? `http://${host && HOST.test(host) ? host : '127.0.0.1'}`;
  const target = req.url ?? '/';
  // The path as sent, appended: resolved against the origin, "//other.example/" would name
  // another host, where the browser that asked has it as a path on this one.
  let path = '/';
  if (target.startsWith('/')) path = target;
  else if (URL.canParse(target)) {
    const absolute = new URL(target);
    path = absolute.pathname + absolute.search;
  }
  // A Host the pattern lets through may still be no host (a port out of range).
  for (const base of [origin, 'http://127.0.0.1']) {
    if (URL.canParse(base + path)) return new URL(base + path).href;
  }
  return 'http://127.0.0.1/';
}

/**
 * Whether the page's address names the language it is in (`locale=`); a blank or malformed tag
 * names none, and the page is in the reader's (src/entries/server/render-widget.tsx).
 * @param {string} pageUrl
 */
export function namesLocale(pageUrl) {
  const tag = new URL(pageUrl).searchParams.get('locale')?.trim();
  try {
    return Boolean(tag && Intl.getCanonicalLocales(tag).length > 0);
  } catch {
    return false;
  }
}
