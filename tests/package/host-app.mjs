// A newsroom's Vite + React + TypeScript app in a temporary folder, with the tarball installed
// as a host installs it, at a given React version. The host's own tools (tsc, vite) are this
// project's: the host has the package, React and React's types in its node_modules, nothing else.
import { execFileSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson } from './json.mjs';

const TEMPLATE = new URL('./host', import.meta.url).pathname;
const PLAIN_TEMPLATE = new URL('./plain-host', import.meta.url).pathname;
const MODULES = new URL('../../node_modules/', import.meta.url).pathname;
const TSC = `${MODULES}typescript/bin/tsc`;
const VITE = `${MODULES}vite/bin/vite.js`;

/** @param {string} file a package.json */
const versionIn = (file) => /** @type {{ version: string }} */ (readJson(file)).version;
/** @param {string} name */
const versionOf = (name) => versionIn(`${MODULES}${name}/package.json`);

/**
 * @param {string} cwd
 * @param {string[]} args
 */
function npm(cwd, args) {
  // The npm cache is warm from the project's own install: no registry round trips for those.
  execFileSync(
    'npm',
    [...args, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    {
      cwd,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

/**
 * Copies the host app to `dir` and installs the tarball with React `react`.
 * @param {string} dir
 * @param {string} tarball
 * @param {string} react a version or range of react and react-dom
 */
export function createHost(dir, tarball, react) {
  cpSync(TEMPLATE, dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'newsroom-host', private: true, type: 'module' }, null, 2),
  );
  npm(dir, [
    'install',
    tarball,
    `react@${react}`,
    `react-dom@${react}`,
    `@types/react@${versionOf('@types/react')}`,
    `@types/react-dom@${versionOf('@types/react-dom')}`,
  ]);
}

/**
 * Copies the page without React to `dir` and installs the tarball alone: npm adds React, a peer
 * dependency, but not React's types.
 * @param {string} dir
 * @param {string} tarball
 */
export function createPlainHost(dir, tarball) {
  cpSync(PLAIN_TEMPLATE, dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'newsroom-plain-page', private: true, type: 'module' }, null, 2),
  );
  npm(dir, ['install', tarball]);
}

/**
 * Moves the host to another React version.
 * @param {string} dir
 * @param {string} react
 */
export function setReact(dir, react) {
  npm(dir, ['install', `react@${react}`, `react-dom@${react}`]);
}

/**
 * The React version the host now has.
 * @param {string} dir
 */
export function hostReact(dir) {
  // Read afresh: require() would remember the version from before a change.
  return versionIn(join(dir, 'node_modules/react/package.json'));
}

/**
 * Type-checks the host under one tsconfig (bundler, nodenext, node10, or bundler checking the
 * package's declarations too; `plain` for the page without React); throws with tsc's output.
 * @param {string} dir
 * @param {'bundler' | 'nodenext' | 'node10' | 'libcheck' | 'plain'} resolution
 */
export function typeCheck(dir, resolution) {
  execFileSync(process.execPath, [TSC, '-p', `tsconfig.${resolution}.json`], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Builds the host with Vite into dir/dist.
 * @param {string} dir
 */
export function buildHost(dir) {
  execFileSync(process.execPath, [VITE, 'build', '--config', 'vite.config.mjs'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
