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

describe('a member named twice in one object', () => {
  it('is an error at its path: the client keeps the last one, and shows another update', () => {
    const text = feedText().replace('"id":"a"', '"id":"a","id":"b"');
    expect(problemsOf(text)).toContainEqual(
      problem('error', '$.items[1].id', RULES.conventions, /"id" appears more than once.*last/),
    );
  });

  it('is told once per document, with how many more there are', () => {
    const text = feedText().replace(/"title":"Update (\w)"/g, '"title":"x","title":"Update $1"');
    const twice = problemsOf(text).filter((p) => p.rule === RULES.conventions);
    expect(twice).toEqual([problem('error', '$.items[0].title', RULES.conventions, /1 more/)]);
  });

  it('is not confused by the same name in other objects, escapes or nesting', () => {
    const doc = wireFeed([
      wireItem('b', 2, { _ext: { 'a"': [{ a: 1 }, { a: 2 }], 'a\\': 1, a: '"a":' } }),
      wireItem('a', 1),
    ]);
    expect(problemsOf(JSON.stringify(doc, null, 2))).toEqual([]);
  });
});

describe('text that was not UTF-8', () => {
  it('is an error at the string readers would see garbled', () => {
    const bytes = Buffer.from(feedText().replace('Body of a', 'Café olé'), 'latin1');
    expect(problemsOf(new TextDecoder().decode(bytes))).toEqual([
      problem('error', '$.items[1].content_html', RULES.serving, /U\+FFFD.*not UTF-8/),
    ]);
  });

  it('is not claimed for U+FFFD written as an escape, on purpose', () => {
    expect(problemsOf(feedText().replace('Body of a', '\\ufffd'))).toEqual([]);
  });
});
