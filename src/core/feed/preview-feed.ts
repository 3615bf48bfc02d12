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

/** Where each item of the top-level `items` array sits in the document, in bytes. */
export interface ItemsLayout {
  /** Offset of the `[` that opens the items array, and of the `]` that closes it. */
  readonly open: number;
  readonly close: number;
  /** [start, end) of each element. */
  readonly elements: readonly (readonly [number, number])[];
  /** Offsets, in order, of every string `"pinned"` inside an item (a key, or a stray value). */
  readonly pinned: readonly number[];
}

/**
 * Finds the items array in a document that arrives in pieces: `push` each piece of the body as
 * it arrives, then `finish` with the whole body. The work is then done while the network is slow,
 * not after the last byte.
 *
 * It reads UTF-8 bytes, not text: every byte JSON's structure is made of is ASCII, and no byte of
 * a multi-byte UTF-8 character is, so the bytes give the same structure as the text. Decoding the
 * whole document can then wait until after the preview has painted.
 */
export interface ItemsLayoutScanner {
  push(piece: Uint8Array): void;
  /** Undefined for anything but an object with one well-formed items array. */
  finish(body: Uint8Array): ItemsLayout | undefined;
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

/** A byte of the UTF-8 byte order mark, which TextDecoder drops before the text starts. */
function isByteOrderMark(c: number) {
  return c === 0xef || c === 0xbb || c === 0xbf;
}

/** An ASCII string as bytes. */
const asciiBytes = (ascii: string) => Uint8Array.from(ascii, (c) => c.charCodeAt(0));
const ITEMS_KEY = asciiBytes('"items"');
const PINNED_KEY = asciiBytes('"pinned"');

function bytesAt(body: Uint8Array, at: number, pattern: Uint8Array) {
  if (at < 0 || at + pattern.length > body.length) return false;
  for (let k = 0; k < pattern.length; k++) if (body[at + k] !== pattern[k]) return false;
  return true;
}

interface TopLevelArray {
  /** [start, end) of the key's string token, quotes included. */
  readonly key: readonly [number, number] | undefined;
  readonly open: number;
  close: number;
  readonly elements: [number, number][];
}

/**
 * One structural pass over the bytes (strings are jumped over with indexOf), resumable at any
 * byte. Every top-level key and top-level array is noted by position; which key says "items" is
 * read from the whole body at the end.
 */
export function itemsLayoutScanner(): ItemsLayoutScanner {
  let offset = 0;
  let started = false;
  let ended = false;
  let invalid = false;
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  // Backslashes that ended the previous piece inside a string: they may escape its first quote.
  let carriedBackslashes = 0;
  let pendingKey: [number, number] | undefined;
  let lastKey: [number, number] | undefined;
  const keys: [number, number][] = [];
  const arrays: TopLevelArray[] = [];
  // Strings inside items as long as "pinned": checked against the whole body at the end.
  const pinnedCandidates: number[] = [];
  let current: TopLevelArray | undefined;
  let elementStart = -1;
  let lastNonSpaceEnd = 0;

  function push(piece: Uint8Array) {
    const base = offset;
    offset += piece.length;
    if (invalid) return;
    // The state in locals for the loop (much faster than closure variables), written back after.
    let d = depth;
    let quoted = inString;
    let elStart = elementStart;
    let lastEnd = lastNonSpaceEnd;
    let array = current;
    const n = piece.length;
    let i = 0;
    scan: while (i < n) {
      if (quoted) {
        const quote = piece.indexOf(QUOTE, i);
        let run = 0;
        const from = quote === -1 ? n : quote;
        while (from - 1 - run >= i && piece[from - 1 - run] === BACKSLASH) run++;
        if (from - run === i && i === 0) run += carriedBackslashes;
        carriedBackslashes = 0;
        if (quote === -1) {
          carriedBackslashes = run;
          break;
        }
        i = quote + 1;
        if (run % 2 === 1) continue;
        quoted = false;
        lastEnd = base + i;
        if (d === 1) pendingKey = [stringStart, base + i];
        else if (d > 2 && lastEnd - stringStart === PINNED_KEY.length)
          pinnedCandidates.push(stringStart);
        continue;
      }
      if (d > 2) {
        // Inside an item only strings and brackets matter: skip the rest in a tight loop.
        let c = piece[i]!;
        while (
          c !== QUOTE &&
          c !== OPEN_BRACE &&
          c !== CLOSE_BRACE &&
          c !== OPEN_BRACKET &&
          c !== CLOSE_BRACKET
        ) {
          if (++i === n) break scan;
          c = piece[i]!;
        }
      }
      const c = piece[i]!;
      const at = base + i;
      i++;
      if (isSpace(c) || (!started && isByteOrderMark(c))) continue;
      if (ended || (!started && c !== OPEN_BRACE)) {
        invalid = true;
        break;
      }
      started = true;
      if (pendingKey !== undefined) {
        // A string at depth 1 followed by a colon is a top-level key.
        if (c === COLON) {
          keys.push(pendingKey);
          lastKey = pendingKey;
        }
        pendingKey = undefined;
      }
      if (d === 2 && array) {
        if (c === COMMA || c === CLOSE_BRACKET) {
          if (elStart !== -1) array.elements.push([elStart, lastEnd]);
          elStart = -1;
        } else if (elStart === -1) {
          elStart = at;
        }
      }
      lastEnd = at + 1;
      if (c === QUOTE) {
        quoted = true;
        stringStart = at;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        d++;
        if (d === 2) {
          array = undefined;
          if (c === OPEN_BRACKET) {
            array = { key: lastKey, open: at, close: -1, elements: [] };
            arrays.push(array);
          }
          elStart = -1;
        }
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (d === 2 && array && c === CLOSE_BRACKET) array.close = at;
        d--;
        if (d === 1) array = undefined;
        if (d === 0) ended = true;
      } else if (c === COMMA && d === 1) {
        lastKey = undefined;
      }
    }
    depth = d;
    inString = quoted;
    elementStart = elStart;
    lastNonSpaceEnd = lastEnd;
    current = array;
  }

  function finish(body: Uint8Array): ItemsLayout | undefined {
    if (invalid || !ended || inString || body.length !== offset) return undefined;
    const isItems = (key: readonly [number, number] | undefined) =>
      key !== undefined && key[1] - key[0] === ITEMS_KEY.length && bytesAt(body, key[0], ITEMS_KEY);
    // A second "items" member would win in JSON.parse: too odd to preview.
    if (keys.filter(isItems).length !== 1) return undefined;
    const items = arrays.find((a) => isItems(a.key));
    if (!items || items.close === -1) return undefined;
    const pinned = pinnedCandidates.filter(
      (at) => at > items.open && at < items.close && bytesAt(body, at, PINNED_KEY),
    );
    return { open: items.open, close: items.close, elements: items.elements, pinned };
  }

  return { push, finish };
}

/** The layout of a whole body in one pass (see itemsLayoutScanner). */
export function itemsLayout(body: Uint8Array): ItemsLayout | undefined {
  const scanner = itemsLayoutScanner();
  scanner.push(body);
  return scanner.finish(body);
}

/**
 * The preview document's text, or undefined when the document has no more items than the
 * preview would hold (then there is nothing to gain) or cannot be laid out. Only the preview's
 * bytes are decoded.
 * @param maxPinned bounds the extra items taken for being pinned.
 */
export function previewDocument(
  body: Uint8Array,
  count: number,
  maxPinned = 20,
  layout = itemsLayout(body),
): string | undefined {
  if (!layout || layout.elements.length <= count) return undefined;
  const chosen: (readonly [number, number])[] = layout.elements.slice(0, count);
  // A "pinned" string is the key, or now and then a value: a false positive costs one extra
  // item in the preview, never a wrong one.
  let k = count;
  for (const at of layout.pinned) {
    if (chosen.length - count >= maxPinned) break;
    while (k < layout.elements.length && layout.elements[k]![1] <= at) k++;
    if (k === layout.elements.length) break;
    const element = layout.elements[k]!;
    if (element[0] <= at) {
      chosen.push(element);
      k++;
    }
  }
  const decoder = new TextDecoder();
  const text = (start: number, end: number) => decoder.decode(body.subarray(start, end));
  const items = chosen.map(([start, end]) => text(start, end)).join(',');
  return `${text(0, layout.open)}[${items}]${text(layout.close + 1, body.length)}`;
}

/**
 * A first document at least this large (about 1,500 updates) is shown from a preview of its
 * newest updates while the rest is parsed.
 */
export const PREVIEW_MIN_BYTES = 1_000_000;
/** Enough for the first screen (the render window starts at 10 updates), with room to spare. */
export const PREVIEW_ITEMS = 60;

/** The preview document of a first document large enough to need one; otherwise undefined. */
export function largeDocumentPreview(body: Uint8Array, layout?: ItemsLayout): string | undefined {
  if (body.length < PREVIEW_MIN_BYTES) return undefined;
  return previewDocument(body, PREVIEW_ITEMS, undefined, layout);
}

/** A preview document, read and checked like any document; undefined when it shows nothing. */
export function parsePreview(doc: string, baseUrl?: string): ParsedFeed | undefined {
  const result = parseFeed(doc, baseUrl);
  return result.ok && result.feed.items.length > 0 ? result.feed : undefined;
}
