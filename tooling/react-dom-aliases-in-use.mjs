// @ts-check
// The browser builds' ReactDOM without the attribute aliases that no element of ours sets
// (docs/decisions/00XX). ReactDOM turns a prop whose attribute is spelt otherwise into that
// attribute by a table of about eighty names, nearly all of them SVG's (`strokeWidth` →
// `stroke-width`), which every first screen carried. This keeps the entries in KEPT_ALIASES, and
// fails the build if a module of ours names a prop of any other entry: without its alias, that
// prop would set an attribute of the prop's own name, which an SVG element does not read.

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

/** @returns {import('vite').Plugin} */
export function reactDomAliasesInUse() {
  /** @type {string[]} */
  let leftOut = [];
  /** Our modules, checked once the client is in: it may come after the modules that use it. */
  /** @type {Map<string, string>} */
  const ours = new Map();
  return {
    name: 'live-blog:react-dom-aliases-in-use',
    apply: 'build',
    buildStart() {
      ours.clear();
    },
    transform(code, id) {
      if (CLIENT.test(id)) {
        const result = keepAliases(code);
        if (!result) {
          this.warn(
            `${id}: no alias table where tooling/react-dom-aliases-in-use.mjs looks: left whole`,
          );
          return null;
        }
        leftOut = result.leftOut;
        return { code: result.code, map: null };
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
            `${id} names ${names.join(', ')}, whose attribute alias this build leaves out of ReactDOM: add it to KEPT_ALIASES in tooling/react-dom-aliases-in-use.mjs (docs/decisions/00XX)`,
          );
        }
      }
      ours.clear();
    },
  };
}
