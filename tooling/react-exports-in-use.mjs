// @ts-check
import MagicString from 'magic-string';
import { parseAst } from 'vite';

// The browser builds' React and ReactDOM without the exports that nothing in them uses
// (docs/decisions/0049). Both packages ship CommonJS, which a bundler cannot tree-shake: every
// first screen carried React's Children helpers, class components, cloneElement, the form hooks,
// and ReactDOM's createPortal, preload and preinit, which neither the app nor its libraries call.
// This drops the `exports.name = …` of those from the two files; the minifier then drops the code
// only they reached. Every import of the two packages is checked against what is kept.

/** What each package keeps: what the app, React Query and ReactDOM's client import from it. */
export const KEPT = {
  react: [
    '__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE',
    'version',
    'Fragment',
    'StrictMode',
    'Suspense',
    'createContext',
    'createElement',
    'lazy',
    'memo',
    'useCallback',
    'useContext',
    'useDeferredValue',
    'useEffect',
    'useId',
    'useLayoutEffect',
    'useMemo',
    'useReducer',
    'useRef',
    'useState',
    'useSyncExternalStore',
  ],
  'react-dom': ['__DOM_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE', 'flushSync'],
};

/** @typedef {keyof typeof KEPT} Package */
/** @type {Record<Package, RegExp>} */
const FILES = {
  react: /[\\/]node_modules[\\/]react[\\/]cjs[\\/]react\.production\.js$/,
  'react-dom': /[\\/]node_modules[\\/]react-dom[\\/]cjs[\\/]react-dom\.production\.js$/,
};
const MENTIONS = /["'](?:react|react-dom)["']/;

/** @typedef {{ type: string, start: number, end: number } & Record<string, unknown>} Node */
/** @param {unknown} value @returns {value is Node} */
const isNode = (value) =>
  typeof value === 'object' &&
  value !== null &&
  typeof (/** @type {Node} */ (value).type) === 'string';
/** @param {Node | undefined} node @param {string} key */
const child = (node, key) => {
  const value = node?.[key];
  return isNode(value) ? value : undefined;
};
/** @param {Node | undefined} node @param {string} key */
const children = (node, key) => {
  const value = node?.[key];
  return Array.isArray(value) ? value.filter(isNode) : [];
};
/** An identifier's name, or a literal's value as text (`import { "memo" as m }`). */
/** @param {Node | undefined} node */
const nameOf = (node) => String(node?.type === 'Identifier' ? node.name : node?.value);
/** The package a declaration or call names, if it is one of the two. */
/** @param {Node | undefined} node @returns {Package | undefined} */
const packageOf = (node) => {
  const value = node?.value;
  return value === 'react' || value === 'react-dom' ? value : undefined;
};

/**
 * @param {Node} node
 * @param {(node: Node, parent: Node | undefined) => void} visit
 * @param {Node} [parent]
 */
function walk(node, visit, parent) {
  visit(node, parent);
  for (const value of Object.values(node)) {
    for (const next of Array.isArray(value) ? value : [value]) {
      if (isNode(next)) walk(next, visit, node);
    }
  }
}

/** @param {string} code @returns {Node} */
const parse = (code) => /** @type {Node} */ (/** @type {unknown} */ (parseAst(code)));

/**
 * The file of `pkg` with only the kept exports: each dropped one is a top-level
 * `exports.name = …;`.
 * @param {string} code
 * @param {Package} pkg
 */
export function keepExports(code, pkg) {
  const kept = new Set(KEPT[pkg]);
  const out = new MagicString(code);
  for (const statement of children(parse(code), 'body')) {
    const assignment = child(statement, 'expression');
    const target =
      assignment?.type === 'AssignmentExpression' ? child(assignment, 'left') : undefined;
    if (
      statement.type === 'ExpressionStatement' &&
      target?.type === 'MemberExpression' &&
      !target.computed &&
      nameOf(child(target, 'object')) === 'exports' &&
      !kept.has(nameOf(child(target, 'property')))
    ) {
      out.remove(statement.start, statement.end);
    }
  }
  return out;
}

/**
 * What `code` takes from React and ReactDOM, by package: the names it imports or reads from the
 * namespace it imported (`React.useState`, `require("react").version`). `*` when it uses a
 * package whole (passes the namespace on, re-exports it all, reads a computed name).
 * @param {string} code
 * @returns {Map<Package, Set<string>>}
 */
export function namesUsed(code) {
  /** @type {Map<Package, Set<string>>} */
  const used = new Map();
  /** @param {Package} pkg @param {string} name */
  const add = (pkg, name) => {
    const names = used.get(pkg) ?? new Set();
    used.set(pkg, names.add(name));
  };
  /** Namespaces bound to a package, by local name. @type {Map<string, Package>} */
  const namespaces = new Map();
  /** Their declarations, which are no use of them. @type {Set<Node>} */
  const declared = new Set();
  /** @param {Node | undefined} id @param {Package} pkg */
  const bind = (id, pkg) => {
    if (!id) return;
    namespaces.set(nameOf(id), pkg);
    declared.add(id);
  };
  const program = parse(code);
  walk(program, (node, parent) => {
    const pkg = packageOf(child(node, 'source'));
    if (node.type === 'ImportDeclaration' && pkg) {
      for (const s of children(node, 'specifiers')) {
        if (s.type === 'ImportSpecifier') add(pkg, nameOf(child(s, 'imported')));
        else bind(child(s, 'local'), pkg);
      }
    } else if (node.type === 'ExportNamedDeclaration' && pkg) {
      for (const s of children(node, 'specifiers')) add(pkg, nameOf(child(s, 'local')));
    } else if ((node.type === 'ExportAllDeclaration' || node.type === 'ImportExpression') && pkg) {
      add(pkg, '*');
    } else if (node.type === 'CallExpression' && nameOf(child(node, 'callee')) === 'require') {
      const required = packageOf(children(node, 'arguments')[0]);
      if (!required) return;
      const id = parent?.type === 'VariableDeclarator' ? child(parent, 'id') : undefined;
      if (id?.type === 'Identifier') bind(id, required);
      else if (parent?.type === 'MemberExpression' && parent.object === node && !parent.computed)
        add(required, nameOf(child(parent, 'property')));
      else add(required, '*');
    }
  });
  if (namespaces.size === 0) return used;
  walk(program, (node, parent) => {
    const pkg = node.type === 'Identifier' ? namespaces.get(nameOf(node)) : undefined;
    if (!pkg || declared.has(node)) return;
    const member = parent?.type === 'MemberExpression' && !parent.computed;
    // A property of that name (`x.React`, `{ React: 1 }`) is not the namespace.
    if ((member && parent.property === node) || parent?.key === node) return;
    if (member && parent.object === node) add(pkg, nameOf(child(parent, 'property')));
    else add(pkg, '*');
  });
  return used;
}

/** @returns {import('vite').Plugin} */
export function reactExportsInUse() {
  /** Where each name was first seen used. @type {Map<string, string>} */
  const users = new Map();
  return {
    name: 'live-blog:react-exports-in-use',
    apply: 'build',
    enforce: 'post',
    buildStart() {
      users.clear();
    },
    transform(code, id) {
      for (const pkg of /** @type {Package[]} */ (Object.keys(FILES))) {
        if (!FILES[pkg].test(id)) continue;
        const out = keepExports(code, pkg);
        return { code: out.toString(), map: out.generateMap({ hires: true, source: id }) };
      }
      if (!MENTIONS.test(code) || !/\.[cm]?[jt]sx?$/.test(id.split('?')[0] ?? '')) return null;
      for (const [pkg, names] of namesUsed(code)) {
        for (const name of names) {
          if (!users.has(`${pkg} ${name}`)) users.set(`${pkg} ${name}`, id);
        }
      }
      return null;
    },
    buildEnd(error) {
      if (error) return;
      for (const [key, id] of users) {
        const [pkg, name] = /** @type {[Package, string]} */ (key.split(' '));
        if (KEPT[pkg].includes(name)) continue;
        this.error(
          `${id} uses ${name === '*' ? 'the whole of' : `${name} of`} ${pkg}, which this build leaves out: add it to KEPT in tooling/react-exports-in-use.mjs (docs/decisions/0049)`,
        );
      }
    },
  };
}
