// @ts-check
import { KEPT } from './react-exports-in-use.mjs';

// React ships CommonJS: an ES module's `useState(…)` or JSX (`jsx(…)`) from it becomes
// `(0,m.useState)(…)` in the bundle, a property read at every call, some 330 of them on a first
// screen. Modules outside node_modules import React and its JSX runtime through an ES module
// that binds each export once (docs/decisions/0051), so every call is a plain one. A name the
// app imports that this module lacks fails the build (a missing export): add it to KEPT.

const FACADE = '\0live-blog:react-bindings:';
/** What each facade binds: React's kept exports (0049), and the JSX runtime's. */
export const BOUND = {
  react: KEPT.react.filter((name) => !name.startsWith('__')),
  'react/jsx-runtime': ['jsx', 'jsxs', 'Fragment'],
};

/** @param {string} pkg @param {readonly string[]} names */
export function facade(pkg, names) {
  return [
    `import real from ${JSON.stringify(pkg)};`,
    `export const { ${names.join(', ')} } = real;`,
    `export default real;`,
  ].join('\n');
}

/** @returns {import('vite').Plugin} */
export function reactBindings() {
  return {
    name: 'live-blog:react-bindings',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!Object.hasOwn(BOUND, source) || !importer) return null;
      if (importer.startsWith(FACADE) || /[\\/]node_modules[\\/]/.test(importer)) return null;
      return FACADE + source;
    },
    load(id) {
      if (!id.startsWith(FACADE)) return null;
      const pkg = /** @type {keyof typeof BOUND} */ (id.slice(FACADE.length));
      return facade(pkg, BOUND[pkg]);
    },
  };
}
