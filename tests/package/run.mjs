// The package as a newsroom gets it (issue 17), checked after `npm run build`:
//   node tests/package/run.mjs
// Packs the tarball, lints it (publint, arethetypeswrong), checks its files and licence notices,
// type-checks a page without React that uses the script embed's types, installs it into a Vite +
// React + TypeScript host app at the newest and the lowest React the peer range allows,
// type-checks the host (bundler, nodenext, node10, and with skipLibCheck off), builds it and looks
// at the widget in Chromium, and renders it under Server Components; runs the installed
// live-blog-validate command on a good and a broken feed. Cleans up after itself.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binProblems } from './bin.mjs';
import {
  buildHost,
  createHost,
  createPlainHost,
  hostReact,
  setReact,
  typeCheck,
} from './host-app.mjs';
import { widgetProblems } from './in-chromium.mjs';
import { readJson } from './json.mjs';
import { licenceProblems } from './licences.mjs';
import { installFlight, serverComponentProblems } from './server-components.mjs';
import { contentProblems, iframeFileProblems, mapLinkProblems, pack } from './tarball.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
// The newest React the peer range allows, then the lowest.
const REACT_VERSIONS = ['19', '19.0.0'];
const FEED_TITLE = /** @type {{ title: string }} */ (
  readJson(join(ROOT, 'public/feeds/vilnius-2023.json'))
).title;

let passed = 0;
let failed = 0;
const started = Date.now();

/**
 * Runs one check; a check fails by throwing or by returning problems.
 * @param {string} name
 * @param {() => string[] | void | Promise<string[] | void>} check
 */
async function check(name, check) {
  const t0 = Date.now();
  let problems;
  try {
    problems = (await check()) ?? [];
  } catch (error) {
    const e = /** @type {{ message?: string, stdout?: string, stderr?: string }} */ (error);
    problems = [[e.message, e.stdout, e.stderr].filter(Boolean).join('\n')];
  }
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (problems.length === 0) {
    passed += 1;
    console.log(`  ok   ${name} (${seconds}s)`);
  } else {
    failed += 1;
    console.log(`  FAIL ${name} (${seconds}s)\n${problems.map((p) => `       ${p}`).join('\n')}`);
  }
}

/** @param {string} bin @param {string[]} args */
const run = (bin, args) =>
  void execFileSync(process.execPath, [join(ROOT, 'node_modules', bin), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const work = mkdtempSync(join(tmpdir(), 'live-blog-package-'));
try {
  const { tarball, files } = pack(ROOT, work);
  await check(`tarball holds the package and nothing else (${files.length} files)`, () =>
    contentProblems(files),
  );
  await check('no packed script links to a source map left out', () =>
    mapLinkProblems(ROOT, files),
  );
  await check('publint --strict', () => run('publint/src/cli.js', ['run', tarball, '--strict']));
  // ESM only (docs/decisions/0018): CommonJS resolutions are reported, not counted.
  await check('arethetypeswrong (bundler, node16, nodenext)', () =>
    // The stylesheet is an export for bundlers and servers to read, not a module with types.
    run('@arethetypeswrong/cli/dist/index.js', [
      tarball,
      '--profile',
      'esm-only',
      '--exclude-entrypoints',
      './live-blog.css',
    ]),
  );
  await check('licence notices list every bundled package, none GPL', () => {
    const { problems, packages } = licenceProblems(ROOT);
    console.log(`       bundled: ${packages.join(', ')}`);
    return problems;
  });

  await check('a page without React type-checks the script embed (skipLibCheck off)', () => {
    const plain = join(work, 'plain');
    createPlainHost(plain, tarball);
    typeCheck(plain, 'plain');
  });

  const host = join(work, 'host');
  for (const [i, react] of REACT_VERSIONS.entries()) {
    await check(`host installs the tarball with react@${react}`, () =>
      i === 0 ? createHost(host, tarball, react) : setReact(host, react),
    );
    const version = hostReact(host);
    if (i === 0) {
      await check('installed embed.html has its assets beside it', () =>
        iframeFileProblems(join(host, 'node_modules/live-blog/dist')),
      );
      await check('installed live-blog-validate passes the demo feed, fails a broken one', () =>
        binProblems(host, {
          good: join(ROOT, 'public/feeds/vilnius-2023.json'),
          broken: join(ROOT, 'tests/fixtures/feeds/invalid-items.json'),
        }),
      );
      await check('host type-checks (moduleResolution bundler)', () => typeCheck(host, 'bundler'));
      await check('host type-checks (moduleResolution nodenext)', () =>
        typeCheck(host, 'nodenext'),
      );
      await check('host type-checks (moduleResolution node10)', () => typeCheck(host, 'node10'));
      await check("host type-checks with the package's declarations (skipLibCheck off)", () =>
        typeCheck(host, 'libcheck'),
      );
    }
    await check(`React ${version}: host builds with Vite`, () => buildHost(host));
    await check(`React ${version}: widget shows the demo feed in Chromium`, () =>
      widgetProblems(host, FEED_TITLE),
    );
    await check(`React ${version}: Server Components render LiveBlog`, () => {
      installFlight(host);
      return serverComponentProblems(host);
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`\npackage checks in ${((Date.now() - started) / 1000).toFixed(0)}s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
