import { describe, expect, it } from 'vitest';
import { problem } from '../../../support/validation-problem';
import { FEED_LIMITS } from '../../../../src/core/feed/feed-limits';
import { checkDocument } from '../../../../src/entries/validate/check-document';
import type { DocumentContext } from '../../../../src/entries/validate/document-context';
import {
  ProblemList,
  RULES,
  type Problem,
} from '../../../../src/entries/validate/validation-problem';
import {
  demoFeedText,
  fixtureText,
  isoAt,
  tombstoneWire,
  wireFeed,
  wireItem,
} from '../../../support/feed-builders';

/** After every date the builders make (2023), so that nothing is "in the future" by accident. */
const NOW = Date.parse('2024-01-01T00:00:00Z');
const BASE = 'https://feeds.example.com/live/test.json';

function problemsOf(doc: unknown, context: Partial<DocumentContext> = {}): Problem[] {
  const list = new ProblemList('test.json');
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
  checkDocument(text, { base: BASE, role: 'head', now: NOW, ...context }, list);
  return list.problems;
}

describe('checkDocument: what makes a document a feed', () => {
  it('passes the demo feed without a problem', () => {
    expect(problemsOf(demoFeedText())).toEqual([]);
  });

  it('reports a document that is not JSON, or an HTML page', () => {
    expect(problemsOf('{"version": ')).toEqual([
      problem('error', '$', RULES.invalidInput, /not valid JSON/),
    ]);
    expect(problemsOf('<!doctype html><h1>502</h1>')).toEqual([
      problem('error', '$', RULES.invalidInput, /web page instead of the feed/),
    ]);
  });

  it('reports a document over the size limit and one nested too deep', () => {
    const huge = JSON.stringify(wireFeed([wireItem('a', 0)])).padEnd(
      FEED_LIMITS.maxDocumentBytes + 1,
    );
    expect(problemsOf(huge)).toEqual([problem('error', '$', RULES.limits, /too large/)]);
    const deep = `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[],"x":${'['.repeat(1001)}${']'.repeat(1001)}}`;
    expect(problemsOf(deep)).toEqual([problem('error', '$', RULES.limits, /nested more than/)]);
  });

  it('names the member that makes it not a JSON Feed', () => {
    expect(problemsOf(fixtureText('not-a-feed.json'))).toEqual([
      problem('error', '$.version', RULES.topLevel, /version is missing/),
    ]);
    expect(problemsOf({ version: 'https://jsonfeed.org/version/1.1', items: [] })).toEqual([
      problem('error', '$.title', RULES.topLevel, /title is missing/),
    ]);
    expect(problemsOf({ version: 'https://jsonfeed.org/version/1.1', title: 't' })).toEqual([
      problem('error', '$.items', RULES.topLevel, /items is not a list/),
    ]);
  });

  it('warns about another JSON Feed version and a title the client ignores', () => {
    const problems = problemsOf({
      ...wireFeed([wireItem('a', 0)]),
      version: 'https://jsonfeed.org/version/1',
      title: 'x'.repeat(FEED_LIMITS.maxShortTextChars + 1),
    });
    expect(problems).toEqual([
      problem('warning', '$.version', RULES.topLevel),
      problem('warning', '$.title', RULES.invalidInput, /"Live updates"/),
    ]);
    expect(problemsOf(wireFeed([], { title: '  ' }))).toEqual([
      problem('warning', '$.title', RULES.topLevel, /blank/),
    ]);
  });
});

describe('checkDocument: items the client drops', () => {
  it('says why each invalid item of the fixture is dropped, at its member', () => {
    const problems = problemsOf(fixtureText('invalid-items.json'), {
      now: Date.parse('2040-01-01T00:00:00Z'),
    });
    expect(problems).toEqual([
      problem('error', '$.items[1].id', RULES.invalidInput, /Item dropped: id must be a string/),
      problem(
        'error',
        '$.items[3].date_published',
        RULES.invalidInput,
        /date_published is missing/,
      ),
      problem(
        'error',
        '$.items[4].date_published',
        RULES.invalidInput,
        /not an RFC 3339 time \("14\/08\/2032 17:15"\)/,
      ),
      problem('error', '$.items[6]', RULES.invalidInput, /neither content_html nor content_text/),
      problem('error', '$.items[7].id', RULES.invalidInput, /\(42\)/),
    ]);
  });

  it('reports a repeated id at the later item, naming the first', () => {
    const problems = problemsOf(wireFeed([wireItem('a', 2), wireItem('b', 1), wireItem('a', 0)]));
    expect(problems).toEqual([
      problem('error', '$.items[2].id', RULES.invalidInput, /already used by \$\.items\[0\]/),
    ]);
  });

  it('reports content over the limit, and a tombstone whose deleted is not the boolean', () => {
    const long = 'x'.repeat(FEED_LIMITS.maxItemContentChars + 1);
    const problems = problemsOf(
      wireFeed([
        wireItem('a', 1, { content_html: long }),
        { id: 'b', _liveblog: { deleted: 'true' } },
      ]),
    );
    expect(problems).toEqual([
      problem('error', '$.items[0].content_html', RULES.limits, /longer than 200000/),
      problem(
        'error',
        '$.items[1].date_published',
        RULES.invalidInput,
        /must be true \(the boolean\)/,
      ),
    ]);
  });

  it('reports an item nested deeper than the limit', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < FEED_LIMITS.maxDepth; i++) deep = [deep];
    const problems = problemsOf(wireFeed([wireItem('a', 1), wireItem('b', 0, { extra: deep })]));
    expect(problems).toEqual([problem('error', '$.items[1]', RULES.limits, /nested more than 64/)]);
  });

  it('reports more items than a document may hold, once', () => {
    const items = Array.from({ length: FEED_LIMITS.maxItemsPerDocument + 2 }, (_, i) =>
      tombstoneWire(`t${i}`, 0),
    );
    const problems = problemsOf(wireFeed(items));
    expect(problems).toEqual([
      problem('error', `$.items[${FEED_LIMITS.maxItemsPerDocument}]`, RULES.limits, /drops the 2/),
    ]);
  });
});

describe('checkDocument: dates', () => {
  it('reports dates in the future as errors', () => {
    const problems = problemsOf(
      wireFeed([
        wireItem('a', 0, { date_published: '2024-01-01T03:00:00+01:00' }),
        wireItem('b', 0, { date_modified: '2024-02-01T00:00:00Z' }),
      ]),
    );
    expect(problems).toEqual([
      problem('error', '$.items[0].date_published', RULES.items, /in the future \(2 hours ahead/),
      problem('error', '$.items[1].date_modified', RULES.mergeRules, /every later edit/),
    ]);
  });

  it('allows a few minutes of clock skew', () => {
    const soon = new Date(NOW + 60_000).toISOString();
    expect(problemsOf(wireFeed([wireItem('a', 0, { date_published: soon })]))).toEqual([]);
  });

  it('warns about an unreadable date_modified and one before date_published', () => {
    const problems = problemsOf(
      wireFeed([
        wireItem('a', 5, { date_modified: '2023-07-12 10:05' }),
        wireItem('b', 4, { date_modified: isoAt(1) }),
      ]),
    );
    expect(problems).toEqual([
      problem('warning', '$.items[0].date_modified', RULES.mergeRules, /not an RFC 3339 time/),
      problem('warning', '$.items[1].date_modified', RULES.mergeRules, /before date_published/),
    ]);
  });

  it('reports items out of order once, at the first, with how many are', () => {
    const problems = problemsOf(
      wireFeed([wireItem('a', 5), wireItem('b', 6), wireItem('c', 1), wireItem('d', 2)]),
    );
    expect(problems).toEqual([
      problem('warning', '$.items[1].date_published', RULES.order, /and 1 more items/),
    ]);
  });
});

describe('checkDocument: tombstones', () => {
  it('warns about a tombstone without date_modified, and one beside its own update', () => {
    const problems = problemsOf(
      wireFeed([wireItem('a', 5), tombstoneWire('a'), tombstoneWire('b', 3)]),
    );
    expect(problems).toEqual([
      problem('warning', '$.items[1].date_modified', RULES.tombstones, /should carry/),
      problem('warning', '$.items[1]', RULES.tombstones, /tombstone wins/),
    ]);
  });
});
