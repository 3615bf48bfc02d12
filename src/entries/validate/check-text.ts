// What JSON.parse settles silently in a document's text: bytes that were not UTF-8, decoded as
// U+FFFD, which readers then see as "�". Where they are is found in the parsed value, not by
// reading the text a second way: one parser, as in the client (docs/decisions/0008).
import { jsonPath, RULES, type ProblemList } from './validation-problem';

const REPLACED = '\uFFFD';

/** JSON paths of the strings (values or member names) that hold `char`, in document order. */
function pathsWith(json: unknown, char: string): string[] {
  const found: string[] = [];
  // Depth-first with a stack of its own: the document's nesting limit was checked, but a walk
  // need not depend on it.
  const stack: { value: unknown; at: readonly (string | number)[] }[] = [{ value: json, at: [] }];
  while (stack.length > 0) {
    const { value, at } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes(char)) found.push(jsonPath(...at));
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], at: [...at, i] });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, member] = entries[i]!;
        if (key.includes(char)) found.push(jsonPath(...at, key));
        stack.push({ value: member, at: [...at, key] });
      }
    }
  }
  return found;
}

const andMore = (n: number) => (n > 1 ? ` (and ${n - 1} more in this document)` : '');

/**
 * Checks the text of a document that parsed as `json`. A U+FFFD written as the escape \ufffd is
 * the producer's choice, and is not in the text as such.
 */
export function checkText(text: string, json: unknown, list: ProblemList): void {
  if (text.includes('\\u0000')) checkNul(text, list);
  if (!text.includes(REPLACED)) return;
  const paths = pathsWith(json, REPLACED);
  list.error(
    paths[0] ?? '$',
    `This text holds U+FFFD ("�")${andMore(paths.length)}: bytes that were not UTF-8 (a file saved as Windows-1252 or Latin-1?), which readers see as "�". Save and serve the feed as UTF-8; write \\ufffd if you mean the character itself.`,
    RULES.serving,
  );
}

/**
 * U+0000 written as \u0000, which the client reads as U+FFFD (docs/feed-format.md,
 * "Conventions"). The parsed value no longer holds it: only a document whose text has the
 * escape is parsed a second time, as written.
 */
function checkNul(text: string, list: ProblemList): void {
  let written: unknown;
  try {
    written = JSON.parse(text);
  } catch {
    return;
  }
  const paths = pathsWith(written, '\u0000');
  if (paths.length === 0) return;
  list.warning(
    paths[0]!,
    `This text holds U+0000 (\\u0000)${andMore(paths.length)}: HTML cannot carry it, so clients read it as U+FFFD and readers see "�". Leave it out.`,
    RULES.conventions,
  );
}
