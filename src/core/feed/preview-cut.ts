import { PREVIEW_ITEMS, PREVIEW_KEY_EVENTS, PREVIEW_MIN_BYTES } from './preview-size';

/**
 * Cutting the preview (preview-feed.ts) out of a large document's bytes, before any of it is
 * parsed, for as little as possible: the page's early script does it while the app's bundle
 * loads, and the app loads this module only when it has to cut a preview itself (ADR 0007).
 */

/** What a preview is cut from: where the items array sits, and the items it takes, in bytes. */
export interface PreviewCut {
  /** Offsets of the `[` that opens the items array and of the `]` that closes it. */
  readonly open: number;
  readonly close: number;
  /** [start, end) of each item the preview takes, in document order. */
  readonly elements: readonly (readonly [number, number])[];
}

export interface PreviewOptions {
  /** Bounds the items taken for being pinned, beyond the first ones. */
  readonly maxPinned?: number;
  /** How many of the first key events (`"key_event": true`) the preview takes. */
  readonly keyEvents?: number;
  /** Whether it takes the last item too. */
  readonly last?: boolean;
  /**
   * How far back from the end the cut reads an array that follows the items exactly. A longer
   * one is taken for the items array if it ends like it (see itemsArrayEnd).
   */
  readonly backtrackBytes?: number;
}

// The cut reads UTF-8 bytes, not text: every byte JSON's structure is made of is ASCII, and no
// byte of a multi-byte UTF-8 character is, so the bytes give the same structure as the text.
// Only the preview's bytes are decoded before the first paint.
const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const LOWER_P = 112;
const LOWER_K = 107;

function isSpace(c: number | undefined) {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** A byte of the UTF-8 byte order mark, which TextDecoder drops before the text starts. */
function isByteOrderMark(c: number) {
  return c === 0xef || c === 0xbb || c === 0xbf;
}

/** A byte of a number, true, false or null. */
function isScalarByte(c: number | undefined) {
  return (
    c !== undefined &&
    ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 45 || c === 43 || c === 46 || c === 69)
  );
}

/** An ASCII string as bytes. */
const asciiBytes = (ascii: string) => Uint8Array.from(ascii, (c) => c.charCodeAt(0));
const ITEMS_KEY = asciiBytes('"items"');
const PINNED_KEY = asciiBytes('"pinned"');
const KEY_EVENT_KEY = asciiBytes('"key_event"');
const TRUE = asciiBytes('true');
const ID_KEY = asciiBytes('"id"');

function bytesAt(body: Uint8Array, at: number, pattern: Uint8Array) {
  if (at < 0 || at + pattern.length > body.length) return false;
  for (let k = 0; k < pattern.length; k++) if (body[at + k] !== pattern[k]) return false;
  return true;
}

/** A string token [start, end) that is exactly the pattern. */
function tokenIs(body: Uint8Array, start: number, end: number, pattern: Uint8Array) {
  return end - start === pattern.length && bytesAt(body, start, pattern);
}

/** Backslashes just before `at`: an odd run escapes the byte at `at`. */
function backslashesBefore(body: Uint8Array, at: number) {
  let run = 0;
  while (at - 1 - run >= 0 && body[at - 1 - run] === BACKSLASH) run++;
  return run;
}

/** The closing quote of the string that opens at `start`; -1 if the body ends first. */
function stringEnd(body: Uint8Array, start: number) {
  let quote = start;
  do {
    quote = body.indexOf(QUOTE, quote + 1);
  } while (quote !== -1 && backslashesBefore(body, quote) % 2 === 1);
  return quote;
}

/**
 * The opening quote of the string that closes at `end`, read backwards. Exact from outside any
 * string: inside one, every quote is escaped, so the first unescaped quote before it opens it.
 */
function stringStart(body: Uint8Array, end: number) {
  let quote = end;
  do {
    if (quote === 0) return -1;
    quote = body.lastIndexOf(QUOTE, quote - 1);
  } while (quote !== -1 && backslashesBefore(body, quote) % 2 === 1);
  return quote;
}

function spaceBefore(body: Uint8Array, at: number) {
  let i = at;
  while (isSpace(body[i])) i--;
  return i;
}

function spaceAfter(body: Uint8Array, at: number) {
  let i = at;
  while (isSpace(body[i])) i++;
  return i;
}

/**
 * The innermost `{` or `[` still open at `from`, read backwards (exact from outside any string);
 * -1 when the walk would go below `floor`.
 */
function enclosingOpener(body: Uint8Array, from: number, floor: number) {
  let depth = 0;
  for (let i = from; i >= floor; i--) {
    const c = body[i];
    if (c === QUOTE) {
      i = stringStart(body, i);
      if (i < floor) return -1;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth++;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth-- === 0) return i;
    }
  }
  return -1;
}

/** The `{` or `[` that the `}` or `]` at `end` closes; -1 when it lies below `floor`. */
function openerOf(body: Uint8Array, end: number, floor: number) {
  return enclosingOpener(body, end - 1, floor);
}

/**
 * Reads the object that opens at `start` forwards: the offset just past its `}`, and whether it
 * has an `"id"` member of its own; undefined if the body ends first.
 */
function objectAt(body: Uint8Array, start: number) {
  let depth = 0;
  let hasId = false;
  for (let i = start; i < body.length; i++) {
    const c = body[i];
    if (c === QUOTE) {
      const end = stringEnd(body, i);
      if (end === -1) return undefined;
      if (
        depth === 1 &&
        tokenIs(body, i, end + 1, ID_KEY) &&
        body[spaceAfter(body, end + 1)] === COLON
      )
        hasId = true;
      i = end;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (--depth === 0) return { end: i + 1, hasId };
    }
  }
  return undefined;
}

/** What one pass from the start learnt (see scanHead). */
interface HeadScan {
  /** The items array's `[`, and its `]` (-1 when the scan stopped first). */
  readonly open: number;
  readonly close: number;
  /** [start, end) of each item read. */
  readonly elements: [number, number][];
  /** Offsets, in order, of every string `"pinned"` inside the items read. */
  readonly pinned: number[];
  /** Where the scan stopped inside the items array (just after a comma); -1 at the end. */
  readonly stoppedAt: number;
}

/**
 * One structural pass from the start of the document (strings are jumped over with indexOf). It
 * stops inside the items array once it has read more than `stopAfter` items; otherwise it reads
 * to the end and checks that the document is one object with one items array. Undefined when it
 * is not, or when the items array is missing.
 */
function scanHead(body: Uint8Array, stopAfter: number): HeadScan | undefined {
  let started = false;
  let ended = false;
  let depth = 0;
  let pendingKey = -1;
  let pendingKeyEnd = -1;
  let itemsKeys = 0;
  // The key of the member being read at the top level: is it "items"?
  let memberIsItems = false;
  let inItems = false;
  let open = -1;
  let close = -1;
  const elements: [number, number][] = [];
  const pinned: number[] = [];
  let elementStart = -1;
  let lastEnd = 0;
  const n = body.length;
  let i = 0;
  while (i < n) {
    if (depth > 2) {
      // Inside an item only strings and brackets matter: skip the rest in a tight loop.
      let c = body[i]!;
      while (
        c !== QUOTE &&
        c !== OPEN_BRACE &&
        c !== CLOSE_BRACE &&
        c !== OPEN_BRACKET &&
        c !== CLOSE_BRACKET
      ) {
        if (++i === n) return undefined;
        c = body[i]!;
      }
    }
    const c = body[i]!;
    const at = i;
    i++;
    if (isSpace(c) || (!started && isByteOrderMark(c))) continue;
    if (ended || (!started && c !== OPEN_BRACE)) return undefined;
    started = true;
    if (pendingKey !== -1) {
      // A string at depth 1 followed by a colon is a top-level key.
      if (c === COLON) {
        memberIsItems = tokenIs(body, pendingKey, pendingKeyEnd, ITEMS_KEY);
        if (memberIsItems) itemsKeys++;
      }
      pendingKey = -1;
    }
    if (depth === 2 && inItems) {
      if (c === COMMA || c === CLOSE_BRACKET) {
        if (elementStart !== -1) elements.push([elementStart, lastEnd]);
        elementStart = -1;
        if (c === COMMA && elements.length > stopAfter && itemsKeys === 1)
          return { open, close, elements, pinned, stoppedAt: i };
      } else if (elementStart === -1) {
        elementStart = at;
      }
    }
    lastEnd = at + 1;
    if (c === QUOTE) {
      const end = stringEnd(body, at);
      if (end === -1) return undefined;
      i = end + 1;
      lastEnd = i;
      if (depth === 1) {
        pendingKey = at;
        pendingKeyEnd = i;
      } else if (inItems && depth > 2 && tokenIs(body, at, i, PINNED_KEY)) {
        pinned.push(at);
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth === 2) {
        inItems = c === OPEN_BRACKET && memberIsItems;
        if (inItems) open = at;
        elementStart = -1;
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 2 && inItems) close = at;
      depth--;
      if (depth === 1) inItems = false;
      if (depth === 0) ended = true;
    } else if (c === COMMA && depth === 1) {
      memberIsItems = false;
    }
  }
  // A second "items" member would win in JSON.parse: too odd to preview.
  if (!ended || itemsKeys !== 1 || open === -1 || close === -1) return undefined;
  return { open, close, elements, pinned, stoppedAt: -1 };
}

/**
 * The `]` of the items array, read backwards from the end of the document over the members that
 * follow it (exact: the end is outside any string). The walk stops at the first array too long
 * to read back within `backtrack` bytes: that one is the items array if it ends like it (its
 * last element an object with an "id"). Undefined for anything else, a second "items" member
 * included.
 */
function itemsArrayEnd(body: Uint8Array, open: number, floor: number, backtrack: number) {
  const last = spaceBefore(body, body.length - 1);
  if (body[last] !== CLOSE_BRACE) return undefined;
  let i = last - 1;
  for (;;) {
    const end = spaceBefore(body, i);
    if (end < floor) return undefined;
    const c = body[end];
    let start: number;
    if (c === CLOSE_BRACKET) {
      start = openerOf(body, end, Math.max(open, end - backtrack));
      if (start === -1) return looksLikeItemsEnd(body, end, floor) ? end : undefined;
      // Read back to its `[`: the items array itself, or another one after it.
      if (start === open) return end;
    } else if (c === CLOSE_BRACE) {
      start = openerOf(body, end, floor);
    } else if (c === QUOTE) {
      start = stringStart(body, end);
    } else {
      start = end;
      while (isScalarByte(body[start - 1])) start--;
      if (!isScalarByte(c)) return undefined;
    }
    if (start < floor) return undefined;
    const colon = spaceBefore(body, start - 1);
    const keyEnd = spaceBefore(body, colon - 1);
    if (body[colon] !== COLON || body[keyEnd] !== QUOTE) return undefined;
    const keyStart = stringStart(body, keyEnd);
    if (keyStart < floor || tokenIs(body, keyStart, keyEnd + 1, ITEMS_KEY)) return undefined;
    const comma = spaceBefore(body, keyStart - 1);
    if (body[comma] !== COMMA) return undefined;
    i = comma - 1;
  }
}

/** The `]` at `end` closes a list whose last element is an object with an "id", as items are. */
function looksLikeItemsEnd(body: Uint8Array, end: number, floor: number) {
  const last = lastItem(body, end, floor);
  return last !== undefined && objectAt(body, last[0])?.hasId === true;
}

function isElementStart(body: Uint8Array, at: number) {
  const before = body[spaceBefore(body, at - 1)];
  return before === COMMA || before === OPEN_BRACKET;
}

/** Bytes the reads around "pinned" may still cost (see itemAround). */
interface Allowance {
  bytes: number;
}

/**
 * The item around the string `"pinned"` at `token`, read backwards from it (exact: the token is
 * outside any string) to the innermost object in a list that has an "id" of its own. Every byte
 * read is taken from `allowance`: in a document of odd items (none with an "id"), each "pinned"
 * would otherwise cost a read back to `floor`. Null when the allowance runs out.
 */
function itemAround(body: Uint8Array, token: number, floor: number, allowance: Allowance) {
  const stop = Math.max(floor, token - allowance.bytes);
  for (
    let i = enclosingOpener(body, token - 1, stop);
    i !== -1;
    i = enclosingOpener(body, i - 1, stop)
  ) {
    if (body[i] !== OPEN_BRACE || !isElementStart(body, i)) continue;
    // An object around the token, in a list: the item, or an object in a list inside it.
    const object = objectAt(body, i);
    allowance.bytes -= token - i + (object ? object.end - token : 0);
    if (allowance.bytes < 0) return null;
    const next = body[spaceAfter(body, object?.end ?? 0)];
    if (object?.hasId && (next === COMMA || next === CLOSE_BRACKET))
      return [i, object.end] as const;
  }
  allowance.bytes -= token - stop;
  return stop > floor || allowance.bytes < 0 ? null : undefined;
}

/** Is this machine little-endian (every browser's is): how byte pairs read as 16-bit numbers. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const pair = (first: number, second: number) =>
  LITTLE_ENDIAN ? first | (second << 8) : (first << 8) | second;
const QUOTE_P = pair(QUOTE, LOWER_P);
const P_I = pair(LOWER_P, 105);

/**
 * Where the strings `"pinned"` in [from, to) may start (the caller checks them). It looks two
 * bytes at a time: `"p` at an even offset, or `pi` just after an odd one. Both pairs are rare in
 * text, so the search costs little more than one native scan of the bytes, where looking at every
 * "p" or every quote would cost a call for each.
 */
function* pinnedTokens(body: Uint8Array, from: number, to: number) {
  if (body.byteOffset % 2 !== 0) {
    for (
      let p = body.indexOf(LOWER_P, from + 1);
      p !== -1 && p < to;
      p = body.indexOf(LOWER_P, p + 1)
    )
      if (body[p - 1] === QUOTE) yield p - 1;
    return;
  }
  const pairs = new Uint16Array(body.buffer, body.byteOffset, body.length >> 1);
  let even = pairs.indexOf(QUOTE_P, (from + 1) >> 1);
  let odd = pairs.indexOf(P_I, (from + 2) >> 1);
  for (;;) {
    const atEven = even === -1 ? Infinity : 2 * even;
    const atOdd = odd === -1 ? Infinity : 2 * odd - 1;
    const at = Math.min(atEven, atOdd);
    if (at >= to) return;
    if (at === atEven) {
      yield at;
      even = pairs.indexOf(QUOTE_P, even + 1);
    } else {
      if (body[at] === QUOTE) yield at;
      odd = pairs.indexOf(P_I, odd + 1);
    }
  }
}

/**
 * Where the preview's items sit: the first `count` items in document order, and those that may be
 * pinned. The document is read exactly from the start as far as those first items, and from the
 * end back to the items array; the rest, usually nearly all of a large document, is only searched
 * for `"pinned"`, and the items around those are read back from there (ADR 0007). The whole
 * document is parsed afterwards, so a preview that misses an odd layout costs speed, never data.
 */
export function previewCut(
  body: Uint8Array,
  count: number,
  { maxPinned = 20, keyEvents = 0, last = false, backtrackBytes = 65_536 }: PreviewOptions = {},
): PreviewCut | undefined {
  const head = scanHead(body, count);
  if (!head || head.elements.length <= count) return undefined;
  let close = head.close;
  if (head.stoppedAt !== -1) {
    const end = itemsArrayEnd(body, head.open, head.stoppedAt, backtrackBytes);
    if (end === undefined) return undefined;
    close = end;
  }
  const chosen: (readonly [number, number])[] = head.elements.slice(0, count);
  // A "pinned" string is the key, or now and then a value: a false positive costs one extra
  // item in the preview, never a wrong one.
  let k = count;
  for (const at of head.pinned) {
    if (chosen.length - count >= maxPinned) break;
    while (k < head.elements.length && head.elements[k]![1] <= at) k++;
    if (k === head.elements.length) break;
    const element = head.elements[k]!;
    if (element[0] <= at) {
      chosen.push(element);
      k++;
    }
  }
  if (head.stoppedAt !== -1) {
    // Reading around "pinned" may cost as much as the document once more, no more.
    const allowance = { bytes: body.length };
    let from = head.stoppedAt;
    for (const token of pinnedTokens(body, head.stoppedAt, close)) {
      if (chosen.length - count >= maxPinned) break;
      // An unescaped quote followed by `pinned"` can only open a string in JSON.
      if (token < from || !isPinnedToken(body, token)) continue;
      const item = itemAround(body, token, head.stoppedAt, allowance);
      // Out of allowance: a pinned item may be missing, so no preview at all.
      if (item === null) return undefined;
      if (!item) continue;
      chosen.push(item);
      from = item[1];
    }
  }
  // The first screen's rail takes its final shape from the preview too, or it would grow above
  // the updates on a phone once the rest arrives: the first key events it lists, and the last
  // update, the oldest, which sets the activity chart's span.
  const rail = keyEventItems(body, head, close, keyEvents, chosen);
  if (rail === null) return undefined;
  chosen.push(...rail);
  const oldest = !last
    ? undefined
    : head.stoppedAt === -1
      ? head.elements.at(-1)
      : lastItem(body, close, head.stoppedAt);
  if (oldest) chosen.push(oldest);
  return { open: head.open, close, elements: inDocumentOrder(chosen) };
}

/**
 * The items of the first `wanted` key events, in document order (those among `known` are not
 * read again); null when reading around them would cost more than the document once more.
 */
function keyEventItems(
  body: Uint8Array,
  head: HeadScan,
  close: number,
  wanted: number,
  known: readonly (readonly [number, number])[],
) {
  const items: (readonly [number, number])[] = [];
  if (wanted <= 0) return items;
  const allowance = { bytes: body.length };
  const within =
    (token: number) =>
    ([start, end]: readonly [number, number]) =>
      start < token && token < end;
  let from = head.open;
  for (
    let k = body.indexOf(LOWER_K, head.open);
    k !== -1 && k < close && items.length < wanted;
    k = body.indexOf(LOWER_K, k + 1)
  ) {
    const token = k - 1;
    if (token < from || !isKeyEventToken(body, token)) continue;
    const item =
      head.stoppedAt === -1 || token < head.stoppedAt
        ? head.elements.find(within(token))
        : (known.find(within(token)) ?? itemAround(body, token, head.stoppedAt, allowance));
    if (item === null) return null;
    if (!item) continue;
    items.push(item);
    from = item[1];
  }
  return items;
}

/** `"key_event": true`, unescaped. */
function isKeyEventToken(body: Uint8Array, token: number) {
  if (!isUnescapedString(body, token, KEY_EVENT_KEY)) return false;
  const colon = spaceAfter(body, token + KEY_EVENT_KEY.length);
  return body[colon] === COLON && bytesAt(body, spaceAfter(body, colon + 1), TRUE);
}

/** The last element of the list that closes at `close`, if it is an object. */
function lastItem(body: Uint8Array, close: number, floor: number) {
  const end = spaceBefore(body, close - 1);
  if (body[end] !== CLOSE_BRACE) return undefined;
  const start = openerOf(body, end, floor);
  return start !== -1 && isElementStart(body, start) ? ([start, end + 1] as const) : undefined;
}

function inDocumentOrder(elements: (readonly [number, number])[]) {
  const sorted = [...elements].sort((a, b) => a[0] - b[0]);
  return sorted.filter((element, i) => i === 0 || element[0] !== sorted[i - 1]![0]);
}

function isPinnedToken(body: Uint8Array, token: number) {
  return isUnescapedString(body, token, PINNED_KEY);
}

/** `quoted` (a string with its quotes) at `token`, its opening quote not escaped. */
function isUnescapedString(body: Uint8Array, token: number, quoted: Uint8Array) {
  return bytesAt(body, token, quoted) && backslashesBefore(body, token) % 2 === 0;
}

/**
 * The preview document's text: every top-level member except the items, and the items of the
 * cut. Undefined when the document has no more items than the preview would hold (then there is
 * nothing to gain) or cannot be cut (see previewCut). Only the preview's bytes are decoded.
 */
export function previewDocument(
  body: Uint8Array,
  count: number,
  options?: PreviewOptions,
): string | undefined {
  return previewText(body, previewCut(body, count, options));
}

function previewText(body: Uint8Array, cut: PreviewCut | undefined) {
  if (!cut) return undefined;
  const decoder = new TextDecoder();
  const text = (start: number, end: number) => decoder.decode(body.subarray(start, end));
  const items = cut.elements.map(([start, end]) => text(start, end)).join(',');
  return `${text(0, cut.open)}[${items}]${text(cut.close + 1, body.length)}`;
}

/** The preview document of a first document large enough to need one; otherwise undefined. */
export function largeDocumentPreview(body: Uint8Array): string | undefined {
  if (body.length < PREVIEW_MIN_BYTES) return undefined;
  return previewDocument(body, PREVIEW_ITEMS, { keyEvents: PREVIEW_KEY_EVENTS, last: true });
}
