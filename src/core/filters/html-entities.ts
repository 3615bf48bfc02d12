// Named character references in feed HTML, for the text read from it (search, the JSON-LD, the
// text fallback). The page shows every one right through DOMPurify; here are the ones CMSs write
// most for what a keyboard lacks. HTML has two thousand more: one not here stays as written.
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  euro: '€',
  pound: '£',
  szlig: 'ß',
  aelig: 'æ',
  oslash: 'ø',
};

// A letter and one mark: "&eacute;" is e with an acute, "&Scaron;" S with a caron.
const MARKS: Record<string, string> = {
  grave: '\u0300',
  acute: '\u0301',
  circ: '\u0302',
  tilde: '\u0303',
  uml: '\u0308',
  ring: '\u030a',
  caron: '\u030c',
  cedil: '\u0327',
};

/** The character a named reference (`eacute` of `&eacute;`) stands for, if it is one known here. */
export function namedReference(name: string): string | undefined {
  const marked = /^([A-Za-z])(grave|acute|circ|tilde|uml|ring|caron|cedil)$/.exec(name);
  if (marked) return (marked[1]! + MARKS[marked[2]!]!).normalize('NFC');
  // Those of HTML 4 that are also read in capitals ("&AMP;"). Own keys only: "&constructor;" is
  // no character.
  const key = Object.hasOwn(NAMED, name) ? name : name.toLowerCase();
  return Object.hasOwn(NAMED, key) ? NAMED[key] : undefined;
}
