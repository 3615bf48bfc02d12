// The package's command, `live-blog-validate`, as an installed package runs it: through the
// bin link npm made (the shebang, the executable bit, dependencies resolved from the host).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What is wrong with the installed command: it must pass a good feed (exit 0) and fail a
 * broken one (exit 1), citing rules from docs the package holds. A host without jsdom (an
 * optional peer) gets a note that the sanitiser check was skipped, not a crash.
 * @param {string} host the host app, with the tarball installed
 * @param {{ good: string, broken: string }} feeds paths of two feed files
 */
export function binProblems(host, feeds) {
  const bin = join(host, 'node_modules/.bin/live-blog-validate');
  /** @type {string[]} */
  const problems = [];
  for (const [feed, expected] of /** @type {const} */ ([
    [feeds.good, 0],
    [feeds.broken, 1],
  ])) {
    const run = spawnSync(bin, [feed], { cwd: host, encoding: 'utf8' });
    const noted = /Note: HTML the sanitiser would remove was not checked/.test(run.stdout);
    if (!existsSync(join(host, 'node_modules/jsdom')) && !noted) {
      problems.push(`live-blog-validate ${feed}: no note that the sanitiser check was skipped`);
    }
    // A producer follows each problem's rule into the docs: they must be in the package.
    const docs = new Set([...run.stdout.matchAll(/Rule: ([^#\s]+)/g)].map((m) => m[1] ?? ''));
    for (const doc of docs) {
      if (!existsSync(join(host, 'node_modules/live-blog', doc))) {
        problems.push(`live-blog-validate ${feed}: its rule ${doc} is not in the package`);
      }
    }
    if (run.status !== expected) {
      problems.push(
        `live-blog-validate ${feed}: exit ${run.status ?? run.signal}, expected ${expected}`,
        ...`${run.stdout}${run.stderr}${run.error ? String(run.error) : ''}`.trim().split('\n'),
      );
    }
  }
  return problems;
}
