// Text from a feed or a server, made safe to print. A hostile feed (or the server that serves
// it) must not write to the producer's terminal: an ESC or a C1 control (U+009B is a CSI on many
// terminals) would start an escape sequence that can recolour, clear or retitle it, a line break
// could fake a line of the report ("Valid: no errors"), and bidirectional controls reorder what
// the producer reads. Each is shown as the escape a producer would write in JSON (\u001b).

/**
 * C0 (line breaks and tabs included), DEL, C1, the bidirectional marks, embeddings, overrides
 * and isolates, and lone surrogates, which a terminal shows as nothing or as garbage.
 */
function unprintable(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x61c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    (code >= 0xd800 && code <= 0xdfff)
  );
}

const escaped = (char: string) => {
  const code = char.charCodeAt(0);
  return unprintable(code) ? `\\u${code.toString(16).padStart(4, '0')}` : char;
};

// Everything but printable ASCII is looked at; with the u flag a pair is one character and a
// lone surrogate is one of its own.
const NOT_ASCII = /[^\u0020-\u007e]/gu;

/** One line of the terminal report: every character that is not plain text escaped. */
export function printable(text: string): string {
  return text.replace(NOT_ASCII, escaped);
}

/**
 * JSON for a pipe or a terminal: JSON.stringify escapes C0 controls and lone surrogates, not
 * DEL, C1 or bidirectional controls. Those can stand only inside strings, where an escape means
 * the same character: the document parses to the same value.
 */
export function printableJson(json: string): string {
  // Its own line breaks and indentation are the only C0 left in it: kept.
  return json.replace(NOT_ASCII, (char) => (char < ' ' ? char : escaped(char)));
}

/** A value from outside (a header, a tag name), cut to `max` characters for one line. */
export function cut(text: string, max = 60): string {
  if (text.length <= max) return text;
  // Not between the halves of a surrogate pair.
  const end = /[\ud800-\udbff]/.test(text[max - 2] ?? '') ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}
