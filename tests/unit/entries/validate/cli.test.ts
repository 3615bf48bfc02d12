import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, USAGE } from '../../../../src/entries/validate/cli';
import { readRepoFile } from '../../../support/feed-builders';

const ROOT = resolve(import.meta.dirname, '../../../..');

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    cwd: ROOT,
    now: () => Date.parse('2024-01-01T00:00:00Z'),
    htmlCheck: () => Promise.resolve(undefined),
  });
  return { code, out, err };
}

describe('live-blog-validate', () => {
  it('passes the demo feed: exit 0, and says so', async () => {
    const { code, out } = await run(['public/feeds/vilnius-2023.json']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Feed: public\/feeds\/vilnius-2023\.json\nRead: the head \(7 updates\)\./);
    expect(out).toMatch(/\nValid: no errors, no warnings\.\n$/);
    // The check it could not run is named, not silently left out.
    expect(out).toMatch(/Note: HTML the sanitiser would remove was not checked: .*jsdom/);
  });

  it('prints each problem with its path and rule, grouped by document, and exits 1', async () => {
    const { code, out } = await run(['tests/fixtures/feeds/invalid-items.json']);
    expect(code).toBe(1);
    expect(out).toContain(
      [
        '  error    $.items[4].date_published',
        '           Item dropped: date_published is not an RFC 3339 time ("14/08/2032 17:15").',
        '           Rule: docs/feed-format.md#invalid-input',
      ].join('\n'),
    );
    expect(out).toMatch(/\nNot valid: \d+ errors\.\n$/);
  });

  it('prints one JSON object with --json', async () => {
    const { code, out } = await run(['--json', 'tests/fixtures/feeds/invalid-items.json']);
    expect(code).toBe(1);
    const report = JSON.parse(out) as {
      valid: boolean;
      errors: number;
      warnings: number;
      problems: {
        severity: string;
        path: string;
        message: string;
        rule: string;
        document: string;
      }[];
    };
    expect(report.valid).toBe(false);
    expect(report.errors).toBe(report.problems.filter((p) => p.severity === 'error').length);
    expect(report.problems).toContainEqual({
      severity: 'error',
      document: 'tests/fixtures/feeds/invalid-items.json',
      path: '$.items[1].id',
      message: 'Item dropped: id must be a string.',
      rule: 'docs/feed-format.md#invalid-input',
    });
    // The fixture's items are dated 2032: in the future for this clock.
    expect(report.problems).toContainEqual(
      expect.objectContaining({ path: '$.items[0].date_published', severity: 'error' }),
    );
  });

  it('judges dates against --now instead of the clock', async () => {
    const fixture = 'tests/fixtures/feeds/rtl-arabic.json';
    const { code, out } = await run([fixture, '--now', '2030-02-10T12:00:00Z']);
    expect(code).toBe(0);
    expect(out).toMatch(/Valid: no errors/);
    expect((await run([fixture, '--now=2030-02-09T00:00:00Z'])).code).toBe(1);
  });

  it('exits 2 when the feed cannot be read, in JSON too', async () => {
    const plain = await run(['no/such/feed.json']);
    expect(plain.code).toBe(2);
    expect(plain.err).toMatch(/^live-blog-validate: Could not read file:.*no\/such\/feed\.json/);
    const json = await run(['no/such/feed.json', '--json']);
    expect(json.code).toBe(2);
    // The same members as a report, for a pipeline that reads .errors or .problems.
    expect(JSON.parse(json.out)).toEqual({
      valid: false,
      errors: 0,
      warnings: 0,
      problems: [],
      documents: [],
      notes: [],
      unreadable: expect.stringMatching(/Could not read/) as unknown,
    });
  });

  it('exits 2 with the usage for a wrong command line, and 0 for --help', async () => {
    for (const args of [
      [],
      ['--jsn', 'f.json'],
      ['a.json', 'b.json'],
      ['f.json', '--max-pages', 'all'],
      ['f.json', '--now', 'yesterday'],
    ]) {
      const { code, err } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(err).toContain(USAGE);
    }
    expect(await run(['--help'])).toEqual({ code: 0, out: USAGE, err: '' });
  });

  it('is documented in docs/feed-format.md with the options it has', () => {
    const docs = readRepoFile('docs/feed-format.md');
    for (const option of ['--json', '--max-pages', '--now']) expect(docs).toContain(option);
  });
});
