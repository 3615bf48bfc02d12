// @ts-check
/**
 * The rendered pages the renderer keeps (docs/decisions/0024), least recently used out first:
 * at most so many, and at most so many bytes of HTML. Every address with its own query string is
 * a page of its own, and a page carries its whole feed: bounded by count alone, a few hundred
 * requests for a large feed would hold gigabytes.
 */

/**
 * @template {{ rep: { body: Buffer } }} Page
 * @param {{ maxPages: number, maxBytes: number }} limits
 */
export function keptPages({ maxPages, maxBytes }) {
  /** A Map iterates in insertion order: re-inserting on use keeps the least recent first. */
  /** @type {Map<string, Page>} */
  const pages = new Map();
  let bytes = 0;

  /** @param {string} key */
  function forget(key) {
    const page = pages.get(key);
    if (!page) return;
    pages.delete(key);
    bytes -= page.rep.body.length;
  }

  return {
    /**
     * The page kept for `key`, now the most recently used.
     * @param {string} key
     */
    get(key) {
      const page = pages.get(key);
      if (page) {
        pages.delete(key);
        pages.set(key, page);
      }
      return page;
    },
    /**
     * Keeps `page` for `key` (none: forgets it), making room for it.
     * @param {string} key
     * @param {Page} [page]
     */
    set(key, page) {
      forget(key);
      // A page larger than all the room is not kept: it would push every other page out.
      if (!page || page.rep.body.length > maxBytes) return;
      pages.set(key, page);
      bytes += page.rep.body.length;
      for (const oldest of pages.keys()) {
        if (pages.size <= maxPages && bytes <= maxBytes) break;
        forget(oldest);
      }
    },
    get size() {
      return pages.size;
    },
    get bytes() {
      return bytes;
    },
  };
}
