// @ts-check
// The browser builds' ReactDOM client without what nothing in them reaches (docs/decisions/00XX):
// - the attribute aliases that no element of ours sets. ReactDOM turns a prop whose attribute is
//   spelt otherwise into that attribute by a table of about eighty names, nearly all of them
//   SVG's (`strokeWidth` → `stroke-width`). This keeps the entries in KEPT_ALIASES, and fails the
//   build if a module of ours names any other: without its alias, that prop would set an
//   attribute of the prop's own name, which an SVG element does not read.
// - the resource hints (preload, preinit, preconnect…), which only ReactDOM's exports of those
//   names call, and the browser builds leave them out (0049). Their places in ReactDOM's
//   dispatcher take the ones it had before the client, which do nothing; the build fails if a
//   chunk calls one, or if those exports are kept.
import { KEPT } from './react-exports-in-use.mjs';

const CLIENT = /[\\/]node_modules[\\/]react-dom[\\/]cjs[\\/]react-dom-client\.production\.js$/;

/**
 * The aliases kept: those our modules name (the check cannot tell a prop from another key:
 * `pointerEvents` is a keyframe's), and HTML's, for what ReactDOM renders itself (its hoisted
 * `<link>` and `<meta>`).
 */
export const KEPT_ALIASES = [
  'acceptCharset',
  'htmlFor',
  'httpEquiv',
  'crossOrigin',
  'vectorEffect',
  'pointerEvents',
];

const TABLE = /^var aliases = new Map\(\[\n((?:\s+\["[\w-]+", "[\w:-]+"\],?\n)+)\s+\]\),$/m;
const ENTRY = /\["([\w-]+)", "[\w:-]+"\]/g;

/**
 * ReactDOM's client with only the kept aliases, and the names it left out; undefined where the
 * installed file has no such table (it is then left whole).
 * @param {string} code
 */
export function keepAliases(code) {
  const table = TABLE.exec(code);
  if (!table) return undefined;
  /** @type {string[]} */
  const all = [...(table[1] ?? '').matchAll(ENTRY)].map((m) => /** @type {string} */ (m[1]));
  if (!KEPT_ALIASES.every((name) => all.includes(name))) return undefined;
  const entries = [...(table[1] ?? '').matchAll(ENTRY)]
    .filter((m) => KEPT_ALIASES.includes(/** @type {string} */ (m[1])))
    .map((m) => `  ${m[0]}`);
  const kept = `var aliases = new Map([\n${entries.join(',\n')}\n]),`;
  return {
    code: code.slice(0, table.index) + kept + code.slice(table.index + table[0].length),
    leftOut: all.filter((name) => !KEPT_ALIASES.includes(name)),
  };
}

/**
 * The left-out aliases a module names as a prop or a key (`strokeWidth=`, `strokeWidth:`,
 * `"strokeWidth"`): a prop spelt so would lose its alias.
 * @param {string} code
 * @param {readonly string[]} leftOut
 */
export function aliasesNamed(code, leftOut) {
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
          `ReactDOM's ${kept.join(', ')} kept (tooling/react-exports-in-use.mjs) while this build leaves the client's resource hints out: take HINTS off tooling/react-dom-client-in-use.mjs (docs/decisions/00XX)`,
        );
      }
    },
    transform(code, id) {
      if (CLIENT.test(id)) {
        const aliases = keepAliases(code);
        const hints = withoutHints(aliases?.code ?? code);
        if (!aliases || !hints) {
          this.warn(
            `${id}: ${aliases ? 'no dispatcher' : 'no alias table'} where tooling/react-dom-client-in-use.mjs looks: left as it is`,
          );
        }
        leftOut = aliases?.leftOut ?? [];
        const trimmed = hints ?? aliases?.code;
        return trimmed === undefined ? null : { code: trimmed, map: null };
      }
      const script = /\.[cm]?[jt]sx?$/.test(id.split('?')[0] ?? '');
      if (script && !id.includes('node_modules') && !id.startsWith('\0')) ours.set(id, code);
      return null;
    },
    buildEnd(error) {
      if (error) return;
      for (const [id, code] of ours) {
        const names = aliasesNamed(code, leftOut);
        if (names.length > 0) {
          this.error(
            `${id} names ${names.join(', ')}, whose attribute alias this build leaves out of ReactDOM: add it to KEPT_ALIASES in tooling/react-dom-client-in-use.mjs (docs/decisions/00XX)`,
          );
        }
      }
      ours.clear();
    },
    renderChunk(code, chunk) {
      if (HINT_CALL.test(code)) {
        this.error(
          `${chunk.fileName} calls a resource hint of ReactDOM (preload, preinit…), which this build leaves out of its client: take HINTS off tooling/react-dom-client-in-use.mjs (docs/decisions/00XX)`,
        );
      }
      return null;
    },
  };
}
