// The tarball a newsroom installs: packed as `npm pack` packs it, and what it must (and must not)
// hold: the library, the embed files and their types, README, LICENSE, the licence notices and
// the docs the validator's rules cite.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseJson } from './json.mjs';

const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'dist/THIRD-PARTY-LICENSES.md',
  'dist-lib/live-blog.js',
  'dist-lib/live-blog.react-server.js',
  'dist-lib/define-element-on-client.js',
  'dist-lib/live-blog.d.ts',
  'dist-lib/live-blog.server.js',
  'dist-lib/live-blog.server.d.ts',
  'dist-lib/live-blog-validate.js',
  'dist-lib/live-blog.css',
  'dist/embed.js',
  'dist/embed.d.ts',
  'dist/embed-frame.js',
  'dist/embed-frame.d.ts',
  'dist/embed.html',
  'docs/feed-format.md',
  'docs/scaling.md',
];

// Anything else is the demo, source maps or a build's leftovers.
const ALLOWED = [
  /^(package\.json|README\.md|LICENSE)$/,
  /^dist-lib\/[\w.-]+\.(js|d\.ts)$/,
  /^dist-lib\/live-blog\.css$/,
  /^dist\/(embed|embed-frame)\.(js|d\.ts)$/,
  /^dist\/(embed\.html|THIRD-PARTY-LICENSES\.md)$/,
  // The contract for feed producers, which live-blog-validate's rules cite.
  /^docs\/(feed-format|scaling)\.md$/,
  /^dist\/embed-chunks\/[\w.-]+\.js$/,
  /^dist\/assets\/[\w.-]+\.(js|css)$/,
];

/**
 * Packs the built project (`npm run build` first: prepack would build it again) into `dir`.
 * @param {string} root
 * @param {string} dir
 */
export function pack(root, dir) {
  const out = execFileSync(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', dir],
    { cwd: root, encoding: 'utf8' },
  );
  const [info] = /** @type {{ filename: string, files: { path: string }[] }[]} */ (parseJson(out));
  if (!info) throw new Error('npm pack printed nothing');
  return { tarball: join(dir, info.filename), files: info.files.map((f) => f.path) };
}

/**
 * What is wrong with the tarball's list of files, if anything.
 * @param {string[]} files
 */
export function contentProblems(files) {
  const have = new Set(files);
  const missing = REQUIRED.filter((f) => !have.has(f)).map((f) => `missing: ${f}`);
  const stray = files
    .filter((f) => !ALLOWED.some((pattern) => pattern.test(f)))
    .map((f) => `not for the package: ${f}`);
  return [...missing, ...stray];
}

/**
 * The files embed.html loads must be in the package beside it (an iframe host serves dist/).
 * @param {string} distDir the installed package's dist/
 */
export function iframeFileProblems(distDir) {
  const html = readFileSync(join(distDir, 'embed.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
  if (refs.length === 0) return ['embed.html references no assets/'];
  return refs.filter((ref) => !existsSync(join(distDir, ref))).map((ref) => `missing: ${ref}`);
}

/**
 * Packed scripts that link to a source map the package does not hold: hosts' devtools and
 * bundlers (webpack's source-map-loader) would look for it and report it missing.
 * @param {string} root the packed project
 * @param {string[]} files the tarball's files
 */
export function mapLinkProblems(root, files) {
  const have = new Set(files);
  return files
    .filter((file) => file.endsWith('.js'))
    .flatMap((file) => {
      const link = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(root, file), 'utf8'));
      if (!link?.[1] || link[1].startsWith('data:')) return [];
      const map = posix.join(posix.dirname(file), link[1]);
      return have.has(map) ? [] : [`${file} links to ${link[1]}, not in the package`];
    });
}
