import { describe, expect, it } from 'vitest';
import { problem } from '../../../support/validation-problem';
import { checkDocument } from '../../../../src/entries/validate/check-document';
import {
  ProblemList,
  RULES,
  type Problem,
} from '../../../../src/entries/validate/validation-problem';
import { wireFeed, wireItem } from '../../../support/feed-builders';

const NOW = Date.parse('2024-01-01T00:00:00Z');

function problemsOf(text: string): Problem[] {
  const list = new ProblemList('test.json');
  checkDocument(text, { base: 'https://feeds.example/live.json', role: 'head', now: NOW }, list);
  return list.problems;
}

const feedText = () => JSON.stringify(wireFeed([wireItem('b', 2), wireItem('a', 1)]));

describe('text that was not UTF-8', () => {
  it('is an error at the string readers would see garbled', () => {
    const bytes = Buffer.from(feedText().replace('Body of a', 'Café olé'), 'latin1');
    expect(problemsOf(new TextDecoder().decode(bytes))).toEqual([
      problem('error', '$.items[1].content_html', RULES.serving, /U\+FFFD.*not UTF-8/),
    ]);
  });

  it('is told once per document, with how many more there are', () => {
    const text = feedText().replace('Body of a', 'Caf\uFFFD').replace('Body of b', 'ol\uFFFD');
    expect(problemsOf(text)).toEqual([
      problem('error', '$.items[0].content_html', RULES.serving, /1 more/),
    ]);
  });

  it('is not claimed for U+FFFD written as an escape, on purpose', () => {
    expect(problemsOf(feedText().replace('Body of a', '\\ufffd'))).toEqual([]);
  });

  it('warns about U+0000 written as \\u0000: clients read it as U+FFFD', () => {
    const text = feedText().replace('Body of b', 'a\\u0000b').replace('Update a', 'T\\u0000');
    expect(problemsOf(text)).toEqual([
      problem(
        'warning',
        '$.items[0].content_html',
        RULES.conventions,
        /^This text holds U\+0000 \(\\u0000\) \(and 1 more in this document\): .*readers see "�"/,
      ),
    ]);
    // An escaped backslash before "u0000" is text, not the character.
    expect(problemsOf(feedText().replace('Body of a', '\\\\u0000'))).toEqual([]);
  });
});
