import { defineConfig } from 'vite';

// The live-blog-validate command (src/entries/validate/main.ts), for Node: one file in
// dist-lib/ beside the library, named by package.json "bin". Built after the library, whose
// build empties dist-lib/; on its own, so that the library's chunks stay as they are
// (docs/decisions/0026). Dependencies stay in node_modules: dompurify is the package's own, and
// jsdom, an optional peer, is imported only when the command runs.
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/entries/validate/main.ts',
    outDir: 'dist-lib',
    emptyOutDir: false,
    target: 'node20',
    copyPublicDir: false,
    rolldownOptions: {
      output: {
        entryFileNames: 'live-blog-validate.js',
        banner: '#!/usr/bin/env node',
      },
    },
  },
});
