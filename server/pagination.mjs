// @ts-check
/**
 * JSON Feed pagination shared by the live replay and the static generator.
 *
 * Items are numbered 0..N-1 in publication order. Page k (1-based, oldest
 * first) holds items [(k-1)*pageSize, k*pageSize) and never changes once it
 * exists; the head holds the rest, which is always at least headSize items.
 * Because pages are frozen, the head also carries every tombstone and the
 * newer version of any paged item edited after its page was cut.
 */

/**
 * The fields of a JSON Feed item that the server and its tools read or write; a source feed's
 * other fields pass through as they are.
 * @typedef {{
 *   id: string,
 *   date_published?: string,
 *   date_modified?: string,
 *   title?: string,
 *   content_html?: string | null,
 *   content_text?: string,
 *   tags?: string[],
 *   _liveblog?: ItemExtension,
 *   [field: string]: unknown,
 * }} FeedItem
 * @typedef {{
 *   deleted?: boolean,
 *   pinned?: boolean,
 *   key_event?: boolean,
 *   topics?: string[],
 *   countries?: string[],
 *   speakers?: string[],
 *   dateline?: string,
 *   [field: string]: unknown,
 * }} ItemExtension
 * @typedef {{
 *   status?: string,
 *   poll_seconds?: number,
 *   coverage_start?: string,
 *   coverage_end?: string,
 *   [field: string]: unknown,
 * }} FeedExtension
 * @typedef {{
 *   version?: string,
 *   title?: string,
 *   home_page_url?: string,
 *   feed_url?: string,
 *   next_url?: string,
 *   language?: string,
 *   expired?: boolean,
 *   _liveblog?: FeedExtension,
 *   [field: string]: unknown,
 * }} FeedTop The top-level fields of a feed document, without its items.
 * @typedef {FeedTop & { version: string, title: string, items: FeedItem[] }} FeedDocument
 */

/**
 * @param {number} n items published so far
 * @param {number} headSize
 * @param {number} pageSize
 */
export function completePageCount(n, headSize, pageSize) {
  if (pageSize <= 0) return 0;
  return Math.max(0, Math.floor((n - headSize) / pageSize));
}

/**
 * @param {string} feedPath e.g. "/feeds/vilnius-2023.json"
 * @returns {string} e.g. "/feeds/vilnius-2023"
 */
export function pageDirPath(feedPath) {
  return feedPath.replace(/\.json$/i, '');
}

/**
 * @param {string} feedPath
 * @param {number} k 1-based page number
 */
export function pagePath(feedPath, k) {
  return `${pageDirPath(feedPath)}/page-${k}.json`;
}

/**
 * next_url of the head, relative to the head's own URL.
 * @param {string} feedPath
 * @param {number} k
 */
export function headNextUrl(feedPath, k) {
  const base = pageDirPath(feedPath).split('/').pop();
  return `${base}/page-${k}.json`;
}

/**
 * next_url of page k+1, relative to that page's URL (siblings in one folder).
 * @param {number} k
 */
export function pageNextUrl(k) {
  return `page-${k}.json`;
}

/** @param {FeedItem} item */
export function isTombstone(item) {
  return item?._liveblog?.deleted === true;
}

/**
 * Splits items into frozen pages and a head.
 *
 * @param {{
 *   items: FeedItem[],
 *   tombstones?: FeedItem[],
 *   headSize: number,
 *   pageSize: number,
 *   frozenPages?: FeedItem[][],
 * }} options
 *   items: current version of every published item, oldest publication
 *   first (a retracted item's slot holds its tombstone, so numbering never
 *   shifts). tombstones: extra tombstones that own no slot. frozenPages: pages
 *   cut earlier (oldest first, items in publication order); they are reused
 *   as they are, which is what keeps pages immutable across edits.
 * @returns {{ completePages: number, pages: FeedItem[][], head: FeedItem[] }}
 *   pages: oldest page first, each page's items newest first.
 *   head: newest first: the unpaged items, then newer versions of paged items,
 *   then slot-less tombstones.
 */
export function paginate({ items, tombstones = [], headSize, pageSize, frozenPages = [] }) {
  const completePages = completePageCount(items.length, headSize, pageSize);
  /** @type {FeedItem[][]} */
  const cut = [];
  for (let k = 0; k < completePages; k++) {
    cut.push(frozenPages[k] ?? items.slice(k * pageSize, (k + 1) * pageSize));
  }
  const pagedCount = completePages * pageSize;

  /** @type {FeedItem[]} */
  const head = [];
  const seen = new Set();
  for (let i = items.length - 1; i >= pagedCount; i--) {
    const item = /** @type {FeedItem} */ (items[i]);
    head.push(item);
    seen.add(item.id);
  }
  for (let i = pagedCount - 1; i >= 0; i--) {
    const current = /** @type {FeedItem} */ (items[i]);
    const frozen = cut[Math.floor(i / pageSize)]?.[i % pageSize];
    if ((current !== frozen || isTombstone(current)) && !seen.has(current.id)) {
      head.push(current);
      seen.add(current.id);
    }
  }
  for (const t of tombstones) {
    if (!seen.has(t.id)) {
      head.push(t);
      seen.add(t.id);
    }
  }
  return { completePages, pages: cut.map((p) => p.slice().reverse()), head };
}

/**
 * Builds the head and page documents of a paginated feed.
 *
 * @param {FeedTop} top top-level fields of the head (no items)
 * @param {{ completePages: number, pages: FeedItem[][], head: FeedItem[] }} paged
 * @param {string} feedPath URL path (or file path) of the head, ending in .json
 * @returns {{ head: FeedDocument, pages: { k: number, path: string, doc: FeedDocument }[] }}
 */
export function buildPagedDocuments(top, paged, feedPath) {
  const { items: _ignored, next_url: _old, ...rest } = top;
  /** @type {FeedDocument} */
  const head = /** @type {FeedDocument} */ ({ ...rest });
  if (paged.completePages > 0) head.next_url = headNextUrl(feedPath, paged.completePages);
  head.items = paged.head;

  const pages = paged.pages.map((items, i) => {
    const k = i + 1;
    return { k, path: pagePath(feedPath, k), doc: pageDocument(top, k, items) };
  });
  return { head, pages };
}

/**
 * A page repeats only what cannot go stale: status and polling belong to the
 * head alone, since a page is cached for a year.
 * @param {FeedTop} top
 * @param {number} k
 * @param {FeedItem[]} items newest first
 * @returns {FeedDocument}
 */
export function pageDocument(top, k, items) {
  /** @type {FeedTop} */
  const doc = { version: top.version ?? 'https://jsonfeed.org/version/1.1', title: top.title };
  if (top.home_page_url) doc.home_page_url = top.home_page_url;
  if (top.language) doc.language = top.language;
  if (k > 1) doc.next_url = pageNextUrl(k - 1);
  doc.items = items;
  return /** @type {FeedDocument} */ (doc);
}
