// The licence notices of what we ship: every third-party package bundled into a shipped file of
// dist/ (found through the build's source maps, independently of the build's own list) must be
// in dist/THIRD-PARTY-LICENSES.md with its licence, and none may be GPL.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson } from './json.mjs';

const NOTICES = 'dist/THIRD-PARTY-LICENSES.md';

/**
 * The package names in a source map's sources.
 * @param {string} mapFile
 */
function bundledPackages(mapFile) {
  const map = /** @type {{ sources: string[] }} */ (readJson(mapFile));
  /** @type {Set<string>} */
  const names = new Set();
  for (const source of map.sources) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

/**
 * The JavaScript files of dist/ that the package ships (the demo page's own chunk aside).
 * @param {string} root
 */
function shippedScripts(root) {
  const dist = join(root, 'dist');
  const inDir = (/** @type {string} */ dir) =>
    readdirSync(join(dist, dir))
      .filter((f) => f.endsWith('.js') && !f.startsWith('index-'))
      .map((f) => join(dist, dir, f));
  return [
    join(dist, 'embed.js'),
    join(dist, 'embed-frame.js'),
    ...inDir('embed-chunks'),
    ...inDir('assets'),
  ];
}

/**
 * @param {string} root the project, after `npm run build`
 * @returns {{ problems: string[], packages: string[] }}
 */
export function licenceProblems(root) {
  const text = readFileSync(join(root, NOTICES), 'utf8');
  /** @type {Map<string, string>} */
  const listed = new Map();
  for (const m of text.matchAll(/^## (\S+) - \S+ \((.+)\)$/gm)) listed.set(m[1] ?? '', m[2] ?? '');
  const problems = [];
  /** @type {Set<string>} */
  const bundled = new Set();
  for (const file of shippedScripts(root)) {
    if (!existsSync(`${file}.map`)) {
      // The bundler's own runtime helpers come without a map, and with no package inside.
      if (!/rolldown-runtime-[\w-]+\.js$/.test(file)) problems.push(`no source map: ${file}`);
      continue;
    }
    for (const name of bundledPackages(`${file}.map`)) bundled.add(name);
  }
  for (const name of bundled) {
    const licence = listed.get(name);
    if (!licence) problems.push(`${name} is bundled but not in ${NOTICES}`);
    else if (/\bGPL\b|AGPL|LGPL/i.test(licence)) problems.push(`${name} is ${licence}`);
  }
  if (bundled.size === 0) problems.push('found no bundled package at all: are the maps built?');
  return { problems, packages: [...bundled].sort() };
}
