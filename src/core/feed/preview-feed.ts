import { jsonStringEnd } from './feed-limits';
import type { ParsedFeed } from './feed-types';
import { parseFeed } from './parse-feed';

/**
 * The first screen of a large document before the whole of it is parsed. Parsing 10,000 items
 * takes a few hundred milliseconds, while the reader first sees a few of them; so the client
 * shows a preview first and parses the rest after that has painted (ADR 0007).
 *
 * The preview is a small document cut out of the large one: every top-level member except the
 * items, the first `count` items in document order (the newest, in a feed that lists them newest
 * first, as feeds do) and every item that may be pinned, so that the top of the page does not
 * move when the rest arrives. It is read by parseFeed like any document, so it passes the same
 * checks; the caller merges the whole document afterwards, which keeps these items' identity.
 */

/** Where each item of the top-level `items` array sits in the text. */
interface ItemsLayout {
  /** Index of the `[` that opens the items array, and of the `]` that closes it. */
  readonly open: number;
  readonly close: number;
  /** [start, end) of each element. */
  readonly elements: readonly (readonly [number, number])[];
}

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

function isSpace(c: number) {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Finds the top-level `items` array and its elements with one structural pass (strings are
 * jumped over). Undefined for anything but an object with one well-formed items array: the
 * caller then simply parses the whole document.
 */
export function itemsLayout(text: string): ItemsLayout | undefined {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== OPEN_BRACE) return undefined;
  let depth = 0;
  let lastKey: string | undefined;
  let open = -1;
  let close = -1;
  let elementStart = -1;
  const elements: [number, number][] = [];
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = jsonStringEnd(text, i);
      if (end === -1) return undefined;
      // A string at depth 1 followed by a colon is a top-level key.
      if (depth === 1) {
        let j = end + 1;
        while (isSpace(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) === COLON) {
          lastKey = text.slice(i + 1, end);
          // A second "items" member would win in JSON.parse: too odd to preview.
          if (lastKey === 'items' && open !== -1) return undefined;
        }
      }
      if (depth === 2 && open !== -1 && close === -1 && elementStart === -1) elementStart = i;
      i = end;
      continue;
    }
    if (isSpace(c)) continue;
    if (depth === 2 && open !== -1 && close === -1) {
      if (c === COMMA || c === CLOSE_BRACKET) {
        if (elementStart !== -1) elements.push([elementStart, trimEnd(text, i)]);
        elementStart = -1;
      } else if (elementStart === -1) {
        elementStart = i;
      }
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth === 2 && c === OPEN_BRACKET && lastKey === 'items' && open === -1) open = i;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 2 && open !== -1 && close === -1 && c === CLOSE_BRACKET) close = i;
      depth--;
      if (depth === 0) {
        // Only whitespace may follow the document.
        for (let j = i + 1; j < text.length; j++)
          if (!isSpace(text.charCodeAt(j))) return undefined;
        return open !== -1 && close !== -1 ? { open, close, elements } : undefined;
      }
    } else if (c === COMMA && depth === 1) {
      lastKey = undefined;
    }
  }
  return undefined;
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

/**
 * The preview document's text, or undefined when the document has no more items than the
 * preview would hold (then there is nothing to gain) or cannot be laid out.
 * @param maxPinned bounds the extra items taken for being pinned.
 */
export function previewDocument(text: string, count: number, maxPinned = 20): string | undefined {
  const layout = itemsLayout(text);
  if (!layout || layout.elements.length <= count) return undefined;
  const chosen: (readonly [number, number])[] = layout.elements.slice(0, count);
  // `"pinned"` outside a string can only be a key (or a string value): a false positive costs
  // one extra item in the preview, never a wrong one.
  let pinned = 0;
  let from = layout.elements[count]![0];
  let k = count;
  while (pinned < maxPinned) {
    const at = text.indexOf('"pinned"', from);
    if (at === -1 || at > layout.close) break;
    while (k < layout.elements.length && layout.elements[k]![1] <= at) k++;
    if (k === layout.elements.length) break;
    const element = layout.elements[k]!;
    if (element[0] <= at) {
      if (text.charCodeAt(at - 1) !== BACKSLASH) {
        chosen.push(element);
        pinned++;
      }
      from = element[1];
      k++;
    } else {
      from = at + 1;
    }
  }
  const items = chosen.map(([start, end]) => text.slice(start, end)).join(',');
  return `${text.slice(0, layout.open)}[${items}]${text.slice(layout.close + 1)}`;
}

/**
 * A first document at least this long (about 1,500 updates) is shown from a preview of its newest
 * updates while the rest is parsed.
 */
export const PREVIEW_MIN_CHARS = 1_000_000;
/** Enough for the first screen and the render window's first growth. */
export const PREVIEW_ITEMS = 60;

/** The preview document of a first document large enough to need one; otherwise undefined. */
export function largeDocumentPreview(text: string): string | undefined {
  return text.length < PREVIEW_MIN_CHARS ? undefined : previewDocument(text, PREVIEW_ITEMS);
}

/** A preview document, read and checked like any document; undefined when it shows nothing. */
export function parsePreview(doc: string, baseUrl?: string): ParsedFeed | undefined {
  const result = parseFeed(doc, baseUrl);
  return result.ok && result.feed.items.length > 0 ? result.feed : undefined;
}

/** The preview, read and checked like any document; undefined when there is none to show. */
export function previewFeed(text: string, count: number, baseUrl?: string): ParsedFeed | undefined {
  const doc = previewDocument(text, count);
  return doc === undefined ? undefined : parsePreview(doc, baseUrl);
}
