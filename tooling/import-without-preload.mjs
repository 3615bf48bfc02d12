// @ts-check

import { fileURLToPath } from 'node:url';
import MagicString from 'magic-string';

const PRELOAD_HELPER = '\0vite/preload-helper.js';
const PRELOAD_MARKER = '__VITE_PRELOAD__';

// What stands for Vite's helper: src/shared/code/load-chunk.ts, which imports a chunk that failed
// again under another address, and tells one its server no longer has. Each call is given its
// chunk's address in place of its preload list, and imports the address it is handed.
export const HELPER = `export { loadChunk as __vitePreload } from ${JSON.stringify(
  fileURLToPath(new URL('../src/shared/code/load-chunk.ts', import.meta.url)),
)};`;

// Vite's call, as rendered: `__vitePreload(() => import("./chunk-!~{00a}~.js")…, __VITE_PRELOAD__,
// import.meta.url)`, the helper under its own name where the chunk holds it (`loadChunk`).
const LAZY_IMPORT = /\b(__vitePreload|loadChunk)\(\(\) => import\(("[^"\\]*")\)/g;

/**
 * Vite wraps each `import()` of the browser builds in a helper that first preloads what the lazy
 * chunk imports. Ours import only what every entry has loaded already: the page build keeps
 * shared modules in one chunk that both HTML pages load (vite.config.ts), and embed.js holds
 * the modules its chunks share (src/entries/embed/embed.ts). So the helper only imports, and
 * can import again a chunk that failed (HELPER). The build fails if a lazy chunk ever imports a
 * script or stylesheet that is not loaded before it, which would not be fetched ahead, or if
 * Vite writes a call of another shape, which could not be imported again.
 * @returns {import('vite').Plugin}
 */
export function importWithoutPreload() {
  return {
    name: 'live-blog:import-without-preload',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      if (id === PRELOAD_HELPER) return HELPER;
    },
    renderChunk(code, chunk) {
      if (!code.includes(PRELOAD_MARKER)) return null;
      const out = new MagicString(code);
      let rewritten = 0;
      for (const match of code.matchAll(LAZY_IMPORT)) {
        const [call, helper, address = ''] = match;
        const end = match.index + call.length;
        const marker = code.indexOf(PRELOAD_MARKER, end);
        if (marker < 0) break;
        out.overwrite(match.index, end, `${helper}((address) => import(address)`);
        // Vite passes the importer's address only under a relative base; under another (`--base
        // /live/`) the chunk's address, which is relative to its importer, would resolve against
        // nothing and every lazy import would throw.
        const markerEnd = marker + PRELOAD_MARKER.length;
        const withBase = /^\s*,\s*import\.meta\.url\b/.test(code.slice(markerEnd, markerEnd + 40));
        out.overwrite(marker, markerEnd, withBase ? address : `${address}, import.meta.url`);
        rewritten += 1;
      }
      const calls = code.split(PRELOAD_MARKER).length - 1;
      if (rewritten !== calls) {
        this.error(
          `${chunk.fileName}: ${calls - rewritten} lazy import(s) of a shape that cannot be imported again (write import('./x').then(…))`,
        );
      }
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
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
