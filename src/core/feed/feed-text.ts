import { FEED_LIMITS } from './feed-limits';

// The rules every string of a feed is read by: how long it may be, what is trimmed, what counts
// as empty, and which ids can go into a URL or a DOM id.
export type RawObject = Record<string, unknown>;

export function isObject(x: unknown): x is RawObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function shortText(x: unknown): string | undefined {
  return typeof x === 'string' && x.length <= FEED_LIMITS.maxShortTextChars ? x : undefined;
}

/** Lone surrogates cannot go into a URL (encodeURIComponent throws) or be shown. */
export function isWellFormed(text: string): boolean {
  return !/\p{Cs}/u.test(text);
}

/** A list of strings, trimmed, without blanks or repeats; `ids` also holds them to id rules. */
export function textList(x: unknown, ids = false): string[] {
  if (!Array.isArray(x)) return [];
  const max = ids ? FEED_LIMITS.maxIdChars : FEED_LIMITS.maxShortTextChars;
  // A set, in the order of first appearance: a list of 2,000 that looked for each repeat in the
  // ones before took quadratic time, and lists that long in every item froze the page.
  const out = new Set<string>();
  for (const entry of x.slice(0, FEED_LIMITS.maxListLength)) {
    if (typeof entry !== 'string') continue;
    const t = entry.trim();
    if (t !== '' && t.length <= max && (!ids || isWellFormed(t))) out.add(t);
  }
  return [...out];
}

export function flag(x: unknown): boolean {
  return x === true;
}

/**
 * Text to show, with each lone surrogate (half of an emoji, from text a CMS cut by UTF-16 code
 * units) read as U+FFFD: a page the server renders carries it so (UTF-8 cannot hold it), and the
 * browser must render the same text, or React discards the page the server rendered.
 */
export function shownText(text: string): string {
  return text.replace(/\p{Cs}/gu, '\uFFFD');
}

/** Trimmed text to show, or undefined for nothing a reader would see. */
export function clean(text: string | undefined): string | undefined {
  const t = text?.trim();
  // Something to see: a character that is neither white space nor one of Unicode's format
  // characters (zero-width spaces and joiners, bidi marks and controls, the byte order mark, the
  // soft hyphen). Text of only those, pasted from a CMS, would be a headline or label of nothing.
  return t !== undefined && /[^\s\p{Cf}]/u.test(t) ? shownText(t) : undefined;
}
