import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Script embeds, each ONE self-contained ES module added to dist/ after the main build:
//   vite build -c vite.embed.config.ts               → dist/embed.js (defines <live-blog>)
//   vite build -c vite.embed.config.ts --mode frame  → dist/embed-frame.js (sizes iframes)
// No chunks and no CSS files: a host adds one <script> and nothing else.
export default defineConfig(({ mode }) => {
  const frame = mode === 'frame';
  const name = frame ? 'embed-frame' : 'embed';
  return {
    plugins: frame ? [] : [react()],
    // The main build already copied public/ into dist/.
    publicDir: false,
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: true,
      copyPublicDir: false,
      cssCodeSplit: false,
      rolldownOptions: {
        input: { [name]: `src/embed/${name}.ts` },
        preserveEntrySignatures: false,
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          codeSplitting: false,
          // V8's explicit compile hint, as for the page's chunks (vite.config.ts): the element's
          // code runs on load, so it is compiled while the script streams in.
          postBanner: frame ? '' : '//# allFunctionsCalledOnLoad',
        },
      },
    },
  };
});
