import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { browserBuildPlugins } from './tooling/browser-build-plugins.mjs';

// Script embeds, each ONE ES module added to dist/ after the main build:
//   vite build -c vite.embed.config.ts               → dist/embed.js (defines <live-blog>)
//   vite build -c vite.embed.config.ts --mode frame  → dist/embed-frame.js (sizes iframes)
// No CSS files and nothing a host must load: a host adds one <script>. Code only some readers
// need (a catalogue, the landing of a jump) is a chunk beside it in embed-chunks/, which embed.js
// loads itself when needed (docs/decisions/0012).
export default defineConfig(({ mode }) => {
  const frame = mode === 'frame';
  const name = frame ? 'embed-frame' : 'embed';
  return {
    plugins: frame ? [] : [react(), ...browserBuildPlugins()],
    // embed.js finds its chunks beside itself, wherever dist/ is served (a CDN path such as
    // /live-blog/embed.js), not at the host's root.
    base: './',
    // The main build already copied public/ into dist/.
    publicDir: false,
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: false,
      // Written for our own debugging, not linked: the package ships these files without their
      // maps, and a link to a missing map is a 404 in every host's devtools.
      sourcemap: 'hidden',
      copyPublicDir: false,
      cssCodeSplit: false,
      rolldownOptions: {
        input: { [name]: `src/entries/${name}/${name}.ts` },
        preserveEntrySignatures: false,
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'embed-chunks/[name]-[hash].js',
          // V8's explicit compile hint, as for the page's chunks (vite.config.ts): the element's
          // code runs on load, so it is compiled while the script streams in. Chunks loaded on
          // demand keep lazy compilation.
          postBanner: (chunk) => (frame || !chunk.isEntry ? '' : '//# allFunctionsCalledOnLoad'),
        },
      },
    },
  };
});
