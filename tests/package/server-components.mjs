// Server Components, in the host app: under the react-server condition the package imports
// without React DOM or hooks, and a server component tree with LiveBlog renders to a Flight
// stream holding the <live-blog> element and a client reference that defines it in the browser;
// the client entry's server render is the element with its attributes.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { hostReact } from './host-app.mjs';
import { parseJson } from './json.mjs';

/**
 * @param {string} dir
 * @param {string[]} args
 */
const node = (dir, args) =>
  execFileSync(process.execPath, args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/**
 * Installs React's Flight bindings for the host's React (their webpack peer is for the bundler
 * plugin, which this does not use).
 * @param {string} dir
 */
export function installFlight(dir) {
  execFileSync(
    'npm',
    [
      'install',
      `react-server-dom-webpack@${hostReact(dir)}`,
      '--legacy-peer-deps',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ],
    { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/**
 * @param {string} dir the host app, with the package installed
 * @returns {string[]} what went wrong
 */
export function serverComponentProblems(dir) {
  const problems = [];
  const flight = node(dir, [
    '--conditions=react-server',
    '--no-warnings',
    '--experimental-loader',
    './server/client-references.mjs',
    join(dir, 'server/flight.mjs'),
  ]);
  const element = /"live-blog",null,(\{[^}]*\})/.exec(flight)?.[1];
  const attributes = element ? parseJson(element) : undefined;
  const expected = { feed: '/feeds/vilnius-2023.json', topic: 'nato', limit: '5' };
  if (JSON.stringify(attributes) !== JSON.stringify(expected)) {
    problems.push(`Flight stream without <live-blog ${JSON.stringify(expected)}>:\n${flight}`);
  }
  // The module that defines the element reaches the browser as a client reference (an I row).
  if (!/:I\[/.test(flight) || !/define-element-on-client\.js"/.test(flight)) {
    problems.push(
      `Flight stream without the client reference that defines the element:\n${flight}`,
    );
  }
  if (/^\w+:E\{/m.test(flight)) problems.push(`Flight stream with an error:\n${flight}`);
  const html = node(dir, [join(dir, 'server/ssr.mjs')]);
  if (html !== '<live-blog feed="/feeds/vilnius-2023.json" topic="nato" limit="5"></live-blog>') {
    problems.push(`server render of the client entry: ${html}`);
  }
  return problems;
}
