import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateFeed } from '../../../../src/entries/validate/validate-feed';
import {
  RULES,
  type Problem,
  type Rule,
} from '../../../../src/entries/validate/validation-problem';
import { isoAt, tombstoneWire, wireFeed, wireItem } from '../../../support/feed-builders';

// The head against its older pages (docs/feed-format.md "Pagination", docs/scaling.md "The
// files"), as files: the head is head.json, its pages p2.json (first) and p1.json.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'validate-head-pages-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, doc: unknown) {
  writeFileSync(join(dir, name), JSON.stringify(doc));
}

async function problems(): Promise<readonly Problem[]> {
  const outcome = await validateFeed(pathToFileURL(join(dir, 'head.json')), 'head.json', {
    now: Date.parse('2024-01-01T00:00:00Z'),
    maxPages: 10,
    htmlProblem: undefined,
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.report.problems;
}

const problem = (
  document: string,
  severity: Problem['severity'],
  path: string,
  rule: Rule,
  message: RegExp,
) =>
  expect.objectContaining({
    document: document === 'head.json' ? document : join(dir, document),
    severity,
    path,
    rule,
    message: expect.stringMatching(message) as unknown,
  }) as unknown;

/** Items `from`…`to` (minutes), newest first. */
const items = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => wireItem(`u${to - i}`, to - i));

/** `u<minute>` edited at `at`, with a new body. */
const edit = (minute: number, at: number | undefined, body = 'Corrected') =>
  wireItem(`u${minute}`, minute, {
    content_html: `<p>${body}</p>`,
    ...(at === undefined ? {} : { date_modified: isoAt(at) }),
  });

describe('the head and its pages', () => {
  it('accepts an edit put back into the head, and reports it once the head’s copy is not newer', async () => {
    // The head's own u10 was edited where it is; u3 was edited after its page was cut (and that
    // page re-published with the same edit); u5 was retracted after its page was cut.
    const own = [...items(11, 19), edit(10, 12)];
    write(
      'head.json',
      wireFeed([...own, edit(3, 30), tombstoneWire('u5', 31)], { next_url: 'p2.json' }),
    );
    write('p2.json', wireFeed(items(5, 9), { next_url: 'p1.json' }));
    write('p1.json', wireFeed([items(4, 4)[0], edit(3, 30), ...items(0, 2)]));
    expect(await problems()).toEqual([]);

    // The page holds a newer edit than the head (date_modified 40 against 30), on the second page.
    write('p1.json', wireFeed([items(4, 4)[0], edit(3, 40, 'Later'), ...items(0, 2)]));
    expect(await problems()).toEqual([
      problem(
        'head.json',
        'error',
        '$.items[10].date_modified',
        RULES.pagination,
        /^"u3" is also in .*p1\.json \(\$\.items\[1\]\) with other content, and the head's copy is not newer/,
      ),
    ]);
  });

  it.each([
    ['with the same date_modified as the page’s copy', 30],
    ['without a date_modified', undefined],
  ])('reports an edit in the head %s', async (_, at) => {
    write('head.json', wireFeed([...items(10, 19), edit(7, at)], { next_url: 'p2.json' }));
    write('p2.json', wireFeed([...items(8, 9), edit(7, 30, 'First'), ...items(0, 6)]));
    expect(await problems()).toEqual([
      problem(
        'head.json',
        'error',
        '$.items[10].date_modified',
        RULES.pagination,
        /^"u7" is also in .*p2\.json \(\$\.items\[2\]\).*readers who load that page get its copy/,
      ),
    ]);
  });

  it('warns about a first page with updates newer than the head’s own oldest', async () => {
    // u2, of the second page, was put back into the head: the head's own updates start at u10.
    write('head.json', wireFeed([...items(10, 19), edit(2, 20)], { next_url: 'p2.json' }));
    write(
      'p2.json',
      wireFeed([wireItem('later', 15), wireItem('late', 14), ...items(3, 9)], {
        next_url: 'p1.json',
      }),
    );
    write('p1.json', wireFeed(items(0, 2)));
    expect(await problems()).toEqual([
      problem(
        'p2.json',
        'warning',
        '$.items[0].date_published',
        RULES.pagination,
        /^"later" \(and 1 more\) is newer than "u10", the head's oldest update that was never edited/,
      ),
    ]);
  });

  it('warns about updates both in the head and in its first page, never edited', async () => {
    write('head.json', wireFeed(items(10, 19), { next_url: 'p2.json' }));
    // Newer than the head's oldest, but reported as what they are: copies of the head's.
    write('p2.json', wireFeed([...items(14, 15), ...items(2, 9)]));
    expect(await problems()).toEqual([
      problem(
        'p2.json',
        'warning',
        '$.items[0]',
        RULES.scalingFiles,
        /^"u15" \(and 1 more\) is also in the head, never edited/,
      ),
    ]);
  });
});
