// The live-blog-validate command as built (npm run build: dist-lib/live-blog-validate.js) run on
// the replay server's live feed, head and older pages, as a producer would run it on theirs.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const BIN = fileURLToPath(new URL('../../dist-lib/live-blog-validate.js', import.meta.url));

/** Runs the command; resolves with its exit status and output, whatever the status. */
function validate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

// Small heads and pages, so that the demo's updates make a chain of pages; the head's max-age
// as docs/scaling.md recommends it.
test.use({ serverOptions: { headSize: 2, pageSize: 2, headMaxAge: 10 } });

test('the replay server’s live feed is valid, head and pages', async ({ server }) => {
  server.replay!.publishAll();
  const feed = `${server.url}feeds/vilnius-2023.json`;

  const json = await validate([feed, '--json']);
  expect(json.stderr).toBe('');
  const report = JSON.parse(json.stdout) as {
    valid: boolean;
    errors: number;
    warnings: number;
    problems: unknown[];
    documents: { document: string; role: string; items: number; tombstones: number }[];
    notes: string[];
  };
  expect(report.problems).toEqual([]);
  expect(report).toMatchObject({ valid: true, errors: 0, warnings: 0, notes: [] });
  expect(json.code).toBe(0);
  // The whole chain was read: the head, then each page the replay has cut.
  const pages = server.replay!.state().pages;
  expect(report.documents.map((d) => d.role)).toEqual([
    'head',
    ...Array.from({ length: pages }, () => 'page'),
  ]);
  expect(pages).toBeGreaterThan(1);
  expect(report.documents[0]!.tombstones).toBe(1);

  const text = await validate([feed]);
  expect(text.code).toBe(0);
  expect(text.stdout).toContain(`Feed: ${feed}\nRead: the head (`);
  expect(text.stdout).toContain(`and ${pages} older pages (`);
  expect(text.stdout).toMatch(/\nValid: no errors, no warnings\.\n$/);
});

test('the same feed mid-replay, and a fixture that is not a feed', async ({ server, admin }) => {
  await admin.publish(2);
  const live = await validate([`${server.url}feeds/vilnius-2023.json`]);
  expect(live.stdout).toMatch(/\nValid: no errors, no warnings\.\n$/);
  expect(live.code).toBe(0);

  const broken = await validate([`${server.url}fixtures/not-a-feed.json`]);
  expect(broken.code).toBe(1);
  expect(broken.stdout).toContain('  error    $.version');
  expect(broken.stdout).toContain('Rule: docs/feed-format.md#top-level');
});
