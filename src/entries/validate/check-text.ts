// What JSON.parse settles silently in a document's text: a member named twice in one object
// (the last one wins, the others vanish) and bytes that were not UTF-8 (decoded as U+FFFD, which
// readers then see as "�"). The text is already known to parse.
import { jsonPath, quote, RULES, type ProblemList } from './validation-problem';

type Frame =
  | { kind: 'object'; keys: Set<string>; key: string | undefined; expectKey: boolean }
  | { kind: 'array'; index: number };

interface Found {
  readonly path: string;
  readonly key?: string;
}

/** Where a string literal that starts at `start` (its opening quote) ends, past its closing quote. */
function stringEnd(text: string, start: number): number {
  let at = start;
  for (;;) {
    at = text.indexOf('"', at + 1);
    let backslashes = 0;
    while (text[at - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return at + 1;
  }
}

const segmentsOf = (stack: readonly Frame[]) =>
  stack.map((frame) => (frame.kind === 'array' ? frame.index : (frame.key ?? '')));

/** Scans parseable JSON text once, without recursion (documents may nest deeply). */
function scan(text: string) {
  const repeated: Found[] = [];
  const replaced: Found[] = [];
  const stack: Frame[] = [];
  let garbled = text.indexOf('\uFFFD');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (top?.kind === 'object' && top.expectKey) {
        const literal = text.slice(i + 1, end - 1);
        const key = literal.includes('\\') ? (JSON.parse(`"${literal}"`) as string) : literal;
        top.expectKey = false;
        top.key = key;
        if (top.keys.has(key)) repeated.push({ path: jsonPath(...segmentsOf(stack)), key });
        top.keys.add(key);
      }
      if (garbled !== -1 && garbled < end) {
        replaced.push({ path: jsonPath(...segmentsOf(stack)) });
        garbled = text.indexOf('\uFFFD', end);
      }
      i = end - 1;
    } else if (c === '{')
      stack.push({ kind: 'object', keys: new Set(), key: undefined, expectKey: true });
    else if (c === '[') stack.push({ kind: 'array', index: 0 });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',' && top?.kind === 'array') top.index++;
    else if (c === ',' && top?.kind === 'object') top.expectKey = true;
  }
  return { repeated, replaced };
}

const andMore = (n: number) => (n > 1 ? ` (and ${n - 1} more in this document)` : '');

/** Checks the text of a document that parses as JSON. */
export function checkText(text: string, list: ProblemList): void {
  const { repeated, replaced } = scan(text);
  const [twice] = repeated;
  if (twice) {
    list.error(
      twice.path,
      `The member ${quote(twice.key)} appears more than once in this object${andMore(repeated.length)}: clients keep only the last one and ignore the others. Name each member once.`,
      RULES.conventions,
    );
  }
  const [garbled] = replaced;
  if (garbled) {
    list.error(
      garbled.path,
      `This text holds U+FFFD ("�")${andMore(replaced.length)}: bytes that were not UTF-8 (a file saved as Windows-1252 or Latin-1?), which readers see as "�". Save and serve the feed as UTF-8; write \\ufffd if you mean the character itself.`,
      RULES.serving,
    );
  }
}
