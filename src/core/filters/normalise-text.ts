import { namedReference } from './html-entities';

// Letters that Unicode does not decompose into a base letter and a mark, and curly apostrophes.
// Upper case already makes one of ß and SS, ı and i, ς and σ (so "ΚΑΣ" finds "Κασσελάκης").
const FOLD: Record<string, string> = {
  Ø: 'O',
  Ł: 'L',
  Đ: 'D',
  Ð: 'D',
  Ħ: 'H',
  Ŧ: 'T',
  Æ: 'AE',
  Œ: 'OE',
  ẞ: 'SS',
  Þ: 'TH',
  '‘': "'",
  '’': "'",
};

// What search ignores: the marks of no script of their own (accents, Arabic harakat), Hebrew
// points, the Arabic tatweel, and invisible format characters (soft hyphen, zero-width joiners).
// Not the vowel signs of Indic or Thai scripts, nor kana voicing marks: without them it is
// another word ("कम" is not "काम", "ハン" not "パン").
const IGNORED = /(?![\u3099\u309a])[\p{sc=Zinh}\u0591-\u05c7\u0640\p{Cf}]/gu;

// Decimal digits of other scripts (NFKD folds only full-width and mathematical ones): a reader's
// keyboard may type "٢٠٢٣" for a feed's "2023", or the other way round. Unicode puts each
// script's digits 0 to 9 in a row: a digit's value is its place in that row.
function digitValue(digit: string): string {
  let at = digit.codePointAt(0)!;
  let place = 0;
  while (/\p{Nd}/u.test(String.fromCodePoint(--at))) place++;
  return String(place % 10);
}

// Search is case- and accent-insensitive: "sanchez" finds "Sánchez", "orsted" finds "Ørsted".
export function normaliseText(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(IGNORED, '')
      .replace(/[^\P{Nd}0-9]/gu, digitValue)
      // Composed again, so that a query is not found inside a syllable: "하" is not in "한".
      .normalize('NFC')
      .toUpperCase()
      .replace(/[ØŁĐÐĦŦÆŒẞÞ‘’]/g, (c) => FOLD[c] ?? c)
  );
}

// Phrasing elements that do not break a word: "H<sub>2</sub>O" reads "H2O", "<b>Nato</b>'s" reads
// "Nato's". Every other tag (a paragraph, a line break, an image) separates words.
const INLINE = new Set(
  'a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u var wbr'.split(
    ' ',
  ),
);

/**
 * The words of an HTML fragment, for searching and for naming an update: text, never markup (HTML
 * for display goes through DOMPurify).
 */
export function htmlToSearchText(html: string): string {
  // Feed text is hostile: a pattern that reads on from every "<" to the end and then fails takes
  // quadratic time. So each one ends at the end too: a script or style left open runs to it (as
  // in a browser); "<" with no ">" after it is no tag, and stays as it is.
  return html
    .replace(/<(script|style)[\s\S]*?(?:<\/\1>|$)/gi, ' ')
    .replace(/<\/?([a-z][a-z0-9-]*)\b[^>]*(>|$)/gi, (tag, name: string, end: string) =>
      end ? (INLINE.has(name.toLowerCase()) ? '' : ' ') : tag,
    )
    .replace(/<[^>]*(>|$)/g, (tag, end: string) => (end ? ' ' : tag))
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, code: string) => {
      if (code[0] === '#') {
        // "#x41" reads as 0x41, "#65" as 065 (which Number takes as decimal); past 0x10ffff, or
        // Infinity, it is no character.
        const n = Number(`0${code.slice(1)}`);
        return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : ' ';
      }
      return namedReference(code) ?? whole;
    });
}

/**
 * The words of a query. Quotation marks are not part of them (`"a b"` finds `a` and `b`); an
 * apostrophe inside a word is. Splitting a word more can only find more, never less.
 */
export function searchTerms(query: string): string[] {
  return normaliseText(query)
    .split(/[\s"„\p{Pi}\p{Pf}]+|\B'|'\B/u)
    .filter(Boolean);
}
