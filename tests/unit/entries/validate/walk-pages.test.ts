import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateFeed, type Report } from '../../../../src/entries/validate/validate-feed';
import { RULES, type Problem } from '../../../../src/entries/validate/validation-problem';
import { tombstoneWire, wireFeed, wireItem } from '../../../support/feed-builders';

// A paged feed as files: the head names its newest page relatively, as the replay server does.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'validate-pages-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = Date.parse('2024-01-01T00:00:00Z');

function write(name: string, doc: unknown) {
  writeFileSync(join(dir, name), JSON.stringify(doc));
}

async function validate(maxPages = 1000): Promise<Report> {
  const outcome = await validateFeed(pathToFileURL(join(dir, 'head.json')), 'head.json', {
    now: NOW,
    maxPages,
    htmlProblem: undefined,
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.report;
}

const problem = (document: string, severity: Problem['severity'], path: string, message: RegExp) =>
  expect.objectContaining({
    document: document === 'head.json' ? document : join(dir, document),
    severity,
    path,
    rule: RULES.pagination,
    message: expect.stringMatching(message) as unknown,
  }) as unknown;

/** Items `from`…`to` (minutes), newest first. */
const items = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => wireItem(`u${to - i}`, to - i));

describe('following next_url', () => {
  it('reads a well-formed chain to its end, and finds nothing wrong', async () => {
    write('head.json', wireFeed(items(20, 29), { next_url: 'head/page-2.json' }));
    mkdirSync(join(dir, 'head'));
    write('head/page-2.json', wireFeed(items(10, 19), { next_url: 'page-1.json' }));
    write('head/page-1.json', wireFeed(items(0, 9)));
    const report = await validate();
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.documents.map((d) => [d.role, d.items])).toEqual([
      ['head', 10],
      ['page', 10],
      ['page', 10],
    ]);
  });

  it('reports a next_url that leads back into the chain, where it does', async () => {
    write('head.json', wireFeed(items(10, 19), { next_url: 'page-1.json' }));
    write('page-1.json', wireFeed(items(0, 9), { next_url: 'head.json#again' }));
    const report = await validate();
    expect(report.problems).toEqual([
      problem(
        'page-1.json',
        'error',
        '$.next_url',
        /Leads back to head\.json, already in the chain/,
      ),
    ]);
    expect(report.valid).toBe(false);
  });

  it('reports a head whose next_url is itself', async () => {
    write('head.json', wireFeed(items(0, 9), { next_url: './head.json' }));
    expect((await validate()).problems).toEqual([
      problem('head.json', 'error', '$.next_url', /Leads back to head\.json/),
    ]);
  });

  it('reports a page that cannot be loaded, or is not a feed', async () => {
    write('head.json', wireFeed(items(10, 19), { next_url: 'missing.json' }));
    expect((await validate()).problems).toEqual([
      problem('head.json', 'error', '$.next_url', /could not be loaded/),
    ]);
    write('head.json', wireFeed(items(10, 19), { next_url: 'page-1.json' }));
    write('page-1.json', { title: 'Not a feed', items: [] });
    expect((await validate()).problems).toEqual([
      expect.objectContaining({
        document: join(dir, 'page-1.json'),
        severity: 'error',
        path: '$.version',
      }),
    ]);
  });

  it('stops where three pages in a row bring nothing new, as clients do', async () => {
    write('head.json', wireFeed(items(0, 9), { next_url: 'p3.json' }));
    write('p3.json', wireFeed(items(5, 9), { next_url: 'p2.json' }));
    write('p2.json', wireFeed(items(0, 4), { next_url: 'p1.json' }));
    write('p1.json', wireFeed(items(0, 4), { next_url: 'p0.json' }));
    write('p0.json', wireFeed(items(0, 4)));
    const report = await validate();
    const alsoInHead = (document: string, first: string) =>
      expect.objectContaining({
        document: join(dir, document),
        path: '$.items[0]',
        rule: RULES.scalingFiles,
        message: expect.stringMatching(
          `^"${first}" \\(and 4 more\\) is also in the head`,
        ) as unknown,
      }) as unknown;
    expect(report.problems).toEqual([
      problem('p3.json', 'warning', '$.items', /brings no update/),
      alsoInHead('p3.json', 'u9'),
      problem('p2.json', 'warning', '$.items', /brings no update/),
      alsoInHead('p2.json', 'u4'),
      problem(
        'p1.json',
        'error',
        '$.items',
        /3 pages in a row .* clients stop following next_url here/,
      ),
    ]);
    expect(report.documents).toHaveLength(4);
  });

  it('warns about a page newer than the one before it, an update in two pages, a tombstone only in a page', async () => {
    write('head.json', wireFeed(items(30, 39), { next_url: 'p2.json' }));
    write('p2.json', wireFeed(items(10, 19), { next_url: 'p1.json' }));
    write('p1.json', wireFeed([...items(18, 25), tombstoneWire('gone', 5)]));
    const report = await validate();
    expect(report.problems).toEqual([
      problem(
        'p1.json',
        'warning',
        '$.items[0].date_published',
        /newer than the oldest of the page before it/,
      ),
      expect.objectContaining({
        document: join(dir, 'p1.json'),
        path: '$.items[6]',
        rule: RULES.scalingFiles,
        message: expect.stringMatching(/"u19" \(and 1 more\) is also in .*p2\.json/) as unknown,
      }),
      problem('p1.json', 'warning', '$.items[8]', /tombstone of "gone" is not in the head/),
    ]);
  });

  it('warns about a page read the other way from the head: tags as topics, or not', async () => {
    const tagged = (from: number, to: number) =>
      items(from, to).map((item) => ({ ...item, tags: ['budget'] }));
    const live = { _liveblog: { topics: [{ id: 'vote' }] } };
    write('head.json', wireFeed(tagged(10, 19), { ...live, next_url: 'page-1.json' }));
    write('page-1.json', wireFeed(tagged(0, 9)));
    expect((await validate()).problems).toEqual([
      expect.objectContaining({
        document: join(dir, 'page-1.json'),
        severity: 'warning',
        path: '$.items[0].tags',
        rule: RULES.plainJsonFeed,
        message: expect.stringMatching(
          /no _liveblog anywhere, unlike the head: .* tags of its 10 updates become their topics/,
        ) as unknown,
      }),
    ]);
    write('page-1.json', wireFeed(tagged(0, 9), { _liveblog: {} }));
    expect((await validate()).problems).toEqual([]);
  });

  it('reports a page whose next_url is not http(s)', async () => {
    write('head.json', wireFeed(items(10, 19), { next_url: 'page-1.json' }));
    write('page-1.json', wireFeed(items(0, 9), { next_url: 'javascript:older()' }));
    expect((await validate()).problems).toEqual([
      problem('page-1.json', 'error', '$.next_url', /not an http\(s\) URL/),
    ]);
  });

  it('warns about a head that holds more than 99 updates', async () => {
    write('head.json', wireFeed(items(0, 99)));
    expect((await validate()).problems).toEqual([
      expect.objectContaining({
        document: 'head.json',
        path: '$.items',
        rule: RULES.scalingFiles,
        message: expect.stringMatching(/holds 100 updates/) as unknown,
      }),
    ]);
  });

  it('follows at most --max-pages pages, and says where it stopped', async () => {
    write('head.json', wireFeed(items(20, 29), { next_url: 'p2.json' }));
    write('p2.json', wireFeed(items(10, 19), { next_url: 'p1.json' }));
    write('p1.json', wireFeed(items(0, 9)));
    const report = await validate(1);
    expect(report.documents).toHaveLength(2);
    expect(report.notes).toContainEqual(expect.stringMatching(/Stopped after 1 pages .*p1\.json/));
    expect((await validate(0)).notes).toContainEqual(expect.stringMatching(/--max-pages 0/));
  });
});
