// Limits that keep a hostile or broken feed from freezing a reader's tab.
// A single document must still hold a 10,000-item blog (see docs/performance.md).

/** Bytes of one feed document (head or page); on its own for the page's inline early script. */
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

export const FEED_LIMITS = {
  /** Bytes of one feed document (head or page). */
  maxDocumentBytes: MAX_DOCUMENT_BYTES,
  /** Items in one document; the excess is dropped and reported. */
  maxItemsPerDocument: 20_000,
  /** Characters of one item's content_html or content_text; longer items are dropped. */
  maxItemContentChars: 200_000,
  /** Nesting depth of the JSON document; an item reaching deeper is dropped and reported. */
  maxDepth: 64,
  /** Nesting beyond which the whole document is refused (measured once it is parsed). */
  maxDocumentDepth: 1_000,
  /** Characters of a topic, person or speaker id (they go into URLs and DOM ids). */
  maxIdChars: 200,
  /** Characters of any short string (title, names, labels). */
  maxShortTextChars: 2_000,
  /** Topics, countries, people or speakers in one list. */
  maxListLength: 2_000,
  /** Attachments read from one item; the rest are ignored. */
  maxAttachments: 50,
  /** Embedded posts of one item (each behind its own gate); the excess is dropped. */
  maxEmbedsPerItem: 20,
} as const;

/**
 * Nesting depth of a parsed JSON value (a scalar is 0, `[]` is 1), walked without recursion and
 * abandoned as soon as it exceeds `stopAbove`.
 */
export function valueDepth(value: unknown, stopAbove = Infinity): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    const here = depth + 1;
    if (here > max) {
      max = here;
      if (max > stopAbove) return max;
    }
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, here]);
    }
  }
  return max;
}
