// The HTTP side of a feed document fetched from a URL: what docs/feed-format.md ("Serving") and
// docs/scaling.md ("The headers") ask of the head and of the pages.
import type { HttpFacts } from './load-document';
import { VALIDATOR_ORIGIN } from './load-document';
import { cut } from './terminal-text';
import { RULES, type ProblemList } from './validation-problem';

/** Hosts a browser trusts over plain http: no mixed content from an https page. */
const LOCAL_HOST = /^(localhost|[^.]+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Every address an answer came through: its redirects', then its own. */
const hops = (facts: HttpFacts): URL[] =>
  [...facts.redirects.map((hop) => hop.url), facts.url].map((url) => new URL(url));

/** The first of them a browser would ask over plain http (local hosts aside): from an https
 * page it blocks that request (mixed content). */
const plainHttpHop = (facts: HttpFacts): URL | undefined =>
  hops(facts).find((url) => url.protocol === 'http:' && !LOCAL_HOST.test(url.hostname));

/** A page is cached "for ever" from a day on; scaling.md recommends a year and `immutable`. */
const LONG_MAX_AGE = 86_400;
/** Clients poll the head at most this seldom, whatever max-age says (docs/feed-format.md). */
const MAX_POLL_SECONDS = 300;

/** `max-age` of a Cache-Control value: undefined when it has none. */
function maxAgeOf(cacheControl: string): number | undefined {
  const match = /(?:^|,)\s*(?:s-)?max-age\s*=\s*"?(\d+)/i.exec(cacheControl);
  return match ? Number(match[1]) : undefined;
}

function has(cacheControl: string, directive: string): boolean {
  return new RegExp(`(?:^|,)\\s*${directive}\\s*(?:,|=|$)`, 'i').test(cacheControl);
}

function checkContentType(headers: Headers, list: ProblemList): void {
  const type = headers.get('content-type');
  if (type === null) {
    list.warning(
      'HTTP Content-Type',
      'No Content-Type: send application/feed+json (application/json is accepted).',
      RULES.serving,
    );
    return;
  }
  const [essence = '', ...params] = type.split(';').map((part) => part.trim().toLowerCase());
  if (essence === 'text/html') {
    list.error(
      'HTTP Content-Type',
      `Content-Type ${cut(type)}: clients treat a text/html answer as an error page and never read it.`,
      RULES.serving,
    );
  } else if (essence !== 'application/feed+json' && essence !== 'application/json') {
    list.warning(
      'HTTP Content-Type',
      `Content-Type ${cut(type)}: send application/feed+json (application/json is accepted). Clients read the feed all the same, by its content.`,
      RULES.serving,
    );
  }
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    list.warning(
      'HTTP Content-Type',
      `charset=${cut(charset)}: feeds are UTF-8, and clients decode them as UTF-8 whatever the header says.`,
      RULES.serving,
    );
  }
}

function checkHeadCaching(
  cacheControl: string | null,
  pollSeconds: number | undefined,
  list: ProblemList,
) {
  const path = 'HTTP Cache-Control';
  if (cacheControl === null) {
    list.warning(
      path,
      'The head has no Cache-Control: send e.g. "public, max-age=10", so that a CDN answers the polls.',
      RULES.scalingHeaders,
    );
    return;
  }
  const maxAge = maxAgeOf(cacheControl);
  if (
    has(cacheControl, 'no-store') ||
    has(cacheControl, 'no-cache') ||
    maxAge === undefined ||
    maxAge === 0
  ) {
    list.warning(
      path,
      `Cache-Control "${cut(cacheControl)}": with no max-age every poll of every reader reaches the origin. Send e.g. "public, max-age=10".`,
      RULES.scalingHeaders,
    );
    return;
  }
  if (maxAge > MAX_POLL_SECONDS) {
    list.warning(
      path,
      `max-age=${maxAge} on the head: updates wait that long in caches, and clients poll at least every ${MAX_POLL_SECONDS} s anyway. Keep it near poll_seconds (5–15 s for a busy event).`,
      RULES.polling,
    );
  } else if (pollSeconds !== undefined && maxAge > pollSeconds) {
    list.warning(
      path,
      `max-age=${maxAge} is longer than _liveblog.poll_seconds (${pollSeconds}): clients wait for max-age instead. Align the two.`,
      RULES.polling,
    );
  }
}

function checkPageCaching(cacheControl: string | null, list: ProblemList) {
  const maxAge = cacheControl === null ? undefined : maxAgeOf(cacheControl);
  const immutable = cacheControl !== null && has(cacheControl, 'immutable');
  const uncached =
    cacheControl !== null && (has(cacheControl, 'no-store') || has(cacheControl, 'no-cache'));
  if (uncached || !(immutable || (maxAge !== undefined && maxAge >= LONG_MAX_AGE))) {
    list.warning(
      'HTTP Cache-Control',
      `${cacheControl === null ? 'No Cache-Control' : `Cache-Control "${cut(cacheControl)}"`} on an older page: a page never changes, so it should be cached for good ("public, max-age=31536000, immutable").`,
      RULES.scalingHeaders,
    );
  }
}

function varies(headers: Headers, name: string): boolean {
  const vary = (headers.get('vary') ?? '').split(',').map((v) => v.trim().toLowerCase());
  return vary.includes(name) || vary.includes('*');
}

function checkCors(headers: Headers, list: ProblemList): void {
  const allow = headers.get('access-control-allow-origin');
  if (allow === null) {
    list.warning(
      'HTTP Access-Control-Allow-Origin',
      'No Access-Control-Allow-Origin: the widget embedded on other sites cannot read the feed. Send "Access-Control-Allow-Origin: *".',
      RULES.serving,
    );
    return;
  }
  if (allow.trim() !== '*' && allow.trim() !== VALIDATOR_ORIGIN) {
    list.warning(
      'HTTP Access-Control-Allow-Origin',
      `Access-Control-Allow-Origin: ${cut(allow)}: only that site may embed the widget. Send "*" (requests carry no credentials).`,
      RULES.serving,
    );
  } else if (allow.trim() === VALIDATOR_ORIGIN && !varies(headers, 'origin')) {
    // An answer made for one Origin, kept by a shared cache, is given to readers on every site.
    list.warning(
      'HTTP Access-Control-Allow-Origin',
      'Access-Control-Allow-Origin repeats the request’s Origin, and Vary does not name Origin: a CDN keeps the answer made for one site (or for none) and gives it to readers on others, whose browsers then refuse it. Send "Access-Control-Allow-Origin: *".',
      RULES.serving,
    );
  }
  const exposed = (headers.get('access-control-expose-headers') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());
  const hidden = (name: string) => !exposed.includes(name) && !exposed.includes('*');
  // Retry-After says how long to back off on a 429 or 503; on another site, hidden, it is
  // never seen, and clients retry on their own schedule however busy the server says it is.
  const retryAfter = hidden('retry-after')
    ? ' Nor is Retry-After: clients there cannot see how long a busy server asks them to wait.'
    : '';
  if (headers.has('etag') && hidden('etag')) {
    list.warning(
      'HTTP Access-Control-Expose-Headers',
      `ETag is not in Access-Control-Expose-Headers: a client on another site cannot see it, and reads every unchanged head again.${retryAfter} Send "Access-Control-Expose-Headers: ETag, Retry-After".`,
      RULES.serving,
    );
  } else if (retryAfter) {
    list.warning(
      'HTTP Access-Control-Expose-Headers',
      'Retry-After is not in Access-Control-Expose-Headers: a client on another site cannot see how long a busy server (429, 503) asks it to wait, and retries on its own schedule. Send "Access-Control-Expose-Headers: ETag, Retry-After".',
      RULES.serving,
    );
  }
}

/** The headers of a head or a page (status and body are checked by whoever loaded it). */
export function checkResponse(
  facts: HttpFacts,
  role: 'head' | 'page',
  pollSeconds: number | undefined,
  list: ProblemList,
): void {
  const { headers } = facts;
  const plain = plainHttpHop(facts);
  if (role === 'head' && plain !== undefined) {
    list.warning(
      'HTTP URL',
      `The head is requested over http (${plain.href}): on an https page, which nearly every site is, browsers block it (mixed content) and the widget cannot load the feed. Serve it over https.`,
      RULES.serving,
    );
  }
  checkContentType(headers, list);
  const cacheControl = headers.get('cache-control');
  if (role === 'head') checkHeadCaching(cacheControl, pollSeconds, list);
  else checkPageCaching(cacheControl, list);
  if (cacheControl !== null && has(cacheControl, 'private')) {
    list.warning(
      'HTTP Cache-Control',
      `Cache-Control "${cut(cacheControl)}": "private" keeps the answer out of CDNs and shared caches, so every reader's request reaches the origin. Send "public".`,
      RULES.scalingHeaders,
    );
  }
  if (!headers.has('etag') && !headers.has('last-modified')) {
    list.warning(
      'HTTP ETag',
      'Neither ETag nor Last-Modified: clients cannot ask "has it changed?", and every poll downloads the whole document.',
      RULES.serving,
    );
  }
  const etag = headers.get('etag');
  if (etag !== null && !/^(W\/)?".*"$/.test(etag)) {
    list.warning(
      'HTTP ETag',
      `ETag ${cut(etag)} is not quoted: an entity tag is "${cut(etag)}" (or W/"${cut(etag)}"). Clients take an unquoted one for a Last-Modified date and send it as If-Modified-Since, which servers ignore: an unchanged feed then costs the whole document, not a 304.`,
      RULES.serving,
    );
  }
  checkCors(headers, list);
  const bare = facts.redirects.filter((hop) => !hop.headers.has('access-control-allow-origin'));
  for (const hop of bare) {
    list.warning(
      'HTTP Access-Control-Allow-Origin',
      `The redirect from ${hop.url} (${hop.status}) has no Access-Control-Allow-Origin: on other sites the browser stops there, and the embedded widget cannot load the feed. Send "Access-Control-Allow-Origin: *" on the redirect too, or point embeds at ${facts.url}.`,
      RULES.serving,
    );
  }
}

/** The answer to the head's own validator (conditionalStatus): it should be a 304. */
export function checkConditional(
  answer: { readonly header: string; readonly status: number; readonly same: boolean } | undefined,
  list: ProblemList,
): void {
  if (answer === undefined || answer.status === 304) return;
  if (answer.status < 200 || answer.status > 299) {
    // The browser revalidates what it holds (the client asks with cache: "no-cache"), so from
    // the second poll on, each one gets this answer.
    list.error(
      `HTTP ${answer.header}`,
      `The head answered ${answer.status} to ${answer.header} with its own validator: readers' polls ask it so from the second on (their browser revalidates what it holds), fail, and never bring an update. Answer 304 Not Modified, or the document when it changed.`,
      RULES.serving,
    );
    return;
  }
  if (!answer.same) return;
  list.warning(
    `HTTP ${answer.header}`,
    `The head answered ${answer.status} to ${answer.header} with its own validator: an unchanged feed should cost a 304 Not Modified, not the whole document.`,
    RULES.serving,
  );
}

/**
 * Why no reader's browser can load a page of the chain that the head led to, or undefined.
 * `head` is where the head was read from (after redirects), `page` the page's answer.
 */
export function unreachablePage(head: string, page: HttpFacts): string | undefined {
  const from = new URL(head);
  // A file's readers are not known: nor is where its pages are served from.
  if (from.protocol !== 'http:' && from.protocol !== 'https:') return undefined;
  // The widget's page is on https wherever the head is: an http request from it is blocked.
  const plain = plainHttpHop(page);
  if (from.protocol === 'https:' && plain !== undefined) {
    return `The page is requested over http (${plain.href}) while the head is on https: browsers block it on every https page (mixed content), and readers never get older updates. Use https.`;
  }
  // The head's own origin may be the widget's; a page on another one is cross-origin for
  // every reader, wherever the widget is.
  const elsewhere = hops(page).some((url) => url.origin !== from.origin);
  if (elsewhere && !page.headers.has('access-control-allow-origin')) {
    return `The page is on another origin than the head (${new URL(page.url).origin}) and sends no Access-Control-Allow-Origin: browsers refuse it to every reader, even on the head's own site, and readers never get older updates. Send "Access-Control-Allow-Origin: *".`;
  }
  return undefined;
}
