// @ts-check
// The browser builds' ReactDOM client without what nothing in them reaches (docs/decisions/0055):
// - the names of two tables that no element of ours sets: the attribute aliases, by which a prop
//   whose attribute is spelt otherwise becomes that attribute (about eighty, nearly all SVG's:
//   `strokeWidth` → `stroke-width`), and the style properties whose numbers take no `px`
//   (`lineHeight: 1.5`). This keeps the names in KEPT_NAMES, and fails the build if a module of
//   ours names any other: without its entry, that prop would set an attribute of its own name,
//   which an SVG element does not read, or that style a length the browser ignores.
// - the resource hints (preload, preinit, preconnect…), which only ReactDOM's exports of those
//   names call, and the browser builds leave them out (0049). Their places in ReactDOM's
//   dispatcher take the ones it had before the client, which do nothing; the build fails if a
//   chunk calls one, or if those exports are kept.
// - view transitions: a commit starts one only for a `<ViewTransition>` in the tree, and the
//   browser builds leave React's export of it out (0049). The commit goes the way it goes without
//   one, and the build fails if that export is kept.
import { KEPT } from './react-exports-in-use.mjs';

const CLIENT = /[\\/]node_modules[\\/]react-dom[\\/]cjs[\\/]react-dom-client\.production\.js$/;

/**
 * The names kept of each table: those our modules name (the check cannot tell a prop from
 * another key: `order` is a setting's, `zoom` a viewer's), and HTML's aliases, for what ReactDOM
 * renders itself (its hoisted `<link>` and `<meta>`).
 */
export const KEPT_NAMES = {
  aliases: ['acceptCharset', 'htmlFor', 'httpEquiv', 'crossOrigin', 'vectorEffect'],
  unitless: ['order', 'zoom'],
};

/** @typedef {keyof typeof KEPT_NAMES} Table */

/**
 * Where each table is in the installed client, its names, and the table written anew.
 * @type {Record<Table, { at: RegExp, names: (found: string) => string[], write: (kept: string[], found: string) => string }>}
 */
const TABLES = {
  aliases: {
    at: /^var aliases = new Map\(\[\n((?:\s+\["[\w-]+", "[\w:-]+"\],?\n)+)\s+\]\),$/m,
    names: (found) => [...found.matchAll(/\["([\w-]+)", "[\w:-]+"\]/g)].map((m) => m[1] ?? ''),
    write: (kept, found) => {
      const entries = [...found.matchAll(/\["([\w-]+)", "[\w:-]+"\]/g)]
        .filter((m) => kept.includes(m[1] ?? ''))
        .map((m) => `  ${m[0]}`);
      return `var aliases = new Map([\n${entries.join(',\n')}\n]),`;
    },
  },
  unitless: {
    at: /^var unitlessNumbers = new Set\(\n\s+"([\w ]+)"\.split\(\n\s+" "\n\s+\)\n\);$/m,
    names: (found) => found.split(' '),
    write: (kept) => `var unitlessNumbers = new Set(${JSON.stringify(kept.join(' '))}.split(" "));`,
  },
};

/**
 * ReactDOM's client with only the kept names of a table, and the names it left out; undefined
 * where the installed file has no such table, or not every kept name in it (it is then left whole).
 * @param {string} code
 * @param {Table} table
 */
export function keepNames(code, table) {
  const { at, names, write } = TABLES[table];
  const found = at.exec(code);
  if (!found) return undefined;
  const all = names(found[1] ?? '');
  const kept = KEPT_NAMES[table];
  if (!kept.every((name) => all.includes(name))) return undefined;
  return {
    code:
      code.slice(0, found.index) +
      write(kept, found[1] ?? '') +
      code.slice(found.index + found[0].length),
    leftOut: all.filter((name) => !kept.includes(name)),
  };
}

/**
 * The left-out names a module names as a prop or a key (`strokeWidth=`, `strokeWidth:`,
 * `"strokeWidth"`): a prop or a style spelt so would lose its entry.
 * @param {string} code
 * @param {readonly string[]} leftOut
 */
export function leftOutNamed(code, leftOut) {
  return leftOut.filter((name) => new RegExp(`\\b${name}\\s*[=:]|["'\`]${name}["'\`]`).test(code));
}

/** The dispatcher's resource hints, by key, and the export of ReactDOM that calls each. */
export const HINTS = {
  D: 'prefetchDNS',
  C: 'preconnect',
  L: 'preload',
  m: 'preloadModule',
  X: 'preinit',
  S: 'preinit',
  M: 'preinitModule',
};

const DISPATCHER =
  /^(ReactDOMSharedInternals\.d = \{\n {2}f: flushSyncWork,\n {2}r: requestFormReset,\n)((?: {2}[DCLmXSM]: \w+,?\n){7})\};$/m;

/**
 * ReactDOM's client whose dispatcher keeps the resource hints it had before (none of the
 * client's own, which nothing then reaches); undefined where it has no such dispatcher.
 * @param {string} code
 */
export function withoutHints(code) {
  const found = DISPATCHER.exec(code);
  if (!found) return undefined;
  const keys = Object.keys(HINTS);
  const hints = keys.map((key) => `  ${key}: previousDispatcher.${key}`).join(',\n');
  return code.replace(DISPATCHER, (_, start) => `${start}${hints}\n};`);
}

const VIEW_TRANSITION =
  /^ {2}shouldStartViewTransition\n {4}\? \(pendingViewTransition = startViewTransition\($/m;

/**
 * ReactDOM's client that commits without a view transition, or undefined where it has no such
 * commit. Only a `<ViewTransition>` asks for one, and React's export of it is left out (0049).
 * @param {string} code
 */
export function withoutViewTransitions(code) {
  const found = VIEW_TRANSITION.exec(code);
  if (!found) return undefined;
  return code.replace(VIEW_TRANSITION, (line) => line.replace('shouldStartViewTransition', '!1'));
}

/** A call of a resource hint through ReactDOM's dispatcher, in built code. */
const HINT_CALL = /\.d\.[DCLmXSM]\(/;

/** @returns {import('vite').Plugin} */
export function reactDomClientInUse() {
  /** @type {string[]} */
  let leftOut = [];
  /** Our modules, checked once the client is in: it may come after the modules that use it. */
  /** @type {Map<string, string>} */
  const ours = new Map();
  return {
    name: 'live-blog:react-dom-client-in-use',
    apply: 'build',
    buildStart() {
      ours.clear();
      const kept = KEPT['react-dom'].filter((name) => Object.values(HINTS).includes(name));
      if (kept.length > 0) {
        this.error(
          `ReactDOM's ${kept.join(', ')} kept (tooling/react-exports-in-use.mjs) while this build leaves the client's resource hints out: take HINTS off tooling/react-dom-client-in-use.mjs (docs/decisions/0055)`,
        );
      }
      if (KEPT.react.includes('ViewTransition')) {
        this.error(
          `React's ViewTransition kept (tooling/react-exports-in-use.mjs) while this build commits without view transitions: take withoutViewTransitions off tooling/react-dom-client-in-use.mjs (docs/decisions/0055)`,
        );
      }
    },
    transform(code, id) {
      if (CLIENT.test(id)) {
        let trimmed = code;
        leftOut = [];
        for (const table of /** @type {Table[]} */ (Object.keys(KEPT_NAMES))) {
          const result = keepNames(trimmed, table);
          if (result) {
            trimmed = result.code;
            leftOut.push(...result.leftOut);
          } else
            this.warn(
              `${id}: no ${table} table as tooling/react-dom-client-in-use.mjs expects: left whole`,
            );
        }
        const transitions = withoutViewTransitions(trimmed);
        if (transitions) trimmed = transitions;
        else
          this.warn(
            `${id}: no view transition as tooling/react-dom-client-in-use.mjs expects: left whole`,
          );
        const hints = withoutHints(trimmed);
        if (hints) trimmed = hints;
        else
          this.warn(
            `${id}: no dispatcher as tooling/react-dom-client-in-use.mjs expects: left whole`,
          );
        return trimmed === code ? null : { code: trimmed, map: null };
      }
      const script = /\.[cm]?[jt]sx?$/.test(id.split('?')[0] ?? '');
      if (script && !id.includes('node_modules') && !id.startsWith('\0')) ours.set(id, code);
      return null;
    },
    buildEnd(error) {
      if (error) return;
      for (const [id, code] of ours) {
        const names = leftOutNamed(code, leftOut);
        if (names.length > 0) {
          this.error(
            `${id} names ${names.join(', ')}, which this build leaves out of ReactDOM's attribute aliases or unitless styles: add it to KEPT_NAMES in tooling/react-dom-client-in-use.mjs (docs/decisions/0055)`,
          );
        }
      }
      ours.clear();
    },
    renderChunk(code, chunk) {
      if (HINT_CALL.test(code)) {
        this.error(
          `${chunk.fileName} calls a resource hint of ReactDOM (preload, preinit…), which this build leaves out of its client: take HINTS off tooling/react-dom-client-in-use.mjs (docs/decisions/0055)`,
        );
      }
      return null;
    },
  };
}
