// @ts-check

const PRELOAD_HELPER = '\0vite/preload-helper.js';
const PRELOAD_MARKER = '__VITE_PRELOAD__';

/**
 * Vite wraps each `import()` of the browser builds in a helper that first preloads what the lazy
 * chunk imports. Ours import only what every entry has loaded already: the page build keeps
 * shared modules in one chunk that both HTML pages load (vite.config.ts), and embed.js holds
 * the modules its chunks share (src/entries/embed/embed.ts). The helper only ever called the
 * import, and every reader downloaded it with the first screen: here it is the bare call. The
 * build fails if a lazy chunk ever imports a script or stylesheet that is not loaded before it,
 * which the bare call would not fetch ahead.
 * @returns {import('vite').Plugin}
 */
export function importWithoutPreload() {
  return {
    name: 'live-blog:import-without-preload',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      if (id === PRELOAD_HELPER) return 'export const __vitePreload = (load) => load();';
    },
    // Vite would write each import's list of files to preload in place of this marker, and the
    // bare call reads none: none is written. Padded to the marker's length, `void 0` keeps every
    // column, and so the source map, where it was.
    renderChunk(code) {
      if (!code.includes(PRELOAD_MARKER)) return null;
      return {
        code: code.replaceAll(PRELOAD_MARKER, 'void 0'.padEnd(PRELOAD_MARKER.length)),
        map: null,
      };
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = Object.values(bundle);
        const chunks = new Map(files.flatMap((f) => (f.type === 'chunk' ? [[f.fileName, f]] : [])));
        /** A chunk and what it imports, transitively: all loaded before it runs. @param {string} name */
        const withImports = (name) => {
          const seen = new Set([name]);
          for (const current of seen)
            for (const i of chunks.get(current)?.imports ?? []) seen.add(i);
          return seen;
        };
        const entries = [...chunks.values()]
          .filter((c) => c.isEntry)
          .map((c) => withImports(c.fileName));
        const loaded = (/** @type {string} */ name) => entries.every((e) => e.has(name));
        const pages = files.filter((f) => f.type === 'asset' && f.fileName.endsWith('.html'));
        const linked = (/** @type {string} */ css) =>
          pages.length > 0 &&
          pages.every((p) => p.type === 'asset' && String(p.source).includes(`/${css}"`));
        for (const chunk of chunks.values()) {
          if (!chunk.isDynamicEntry) continue;
          const missing = [...withImports(chunk.fileName)].flatMap((name) => [
            ...(name === chunk.fileName || loaded(name) ? [] : [name]),
            ...[...(chunks.get(name)?.viteMetadata?.importedCss ?? [])].filter((c) => !linked(c)),
          ]);
          if (missing.length > 0) {
            this.error(`${chunk.fileName} needs ${missing.join(', ')}, not loaded before it`);
          }
        }
      },
    },
  };
}
