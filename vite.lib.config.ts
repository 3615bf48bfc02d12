import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// The React library entries (import { LiveBlog } from 'live-blog'), ES modules in dist-lib/ that
// leave React and the other dependencies to the host's bundler:
//   live-blog.js                 the client entry, defines <live-blog>
//   live-blog.react-server.js    what Server Components import (the react-server condition)
//   define-element-on-client.js  its client half
// The entries' 'use client' directives are kept at the top of their chunks.
// Types come from tooling/package/build-types.mjs (docs/decisions/0018).
const external = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})];

export default defineConfig({
  plugins: [react()],
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist-lib',
    emptyOutDir: true,
    // For our own debugging only: the package leaves the maps out (package.json "files"), and a
    // host's bundler maps its own output.
    sourcemap: 'hidden',
    copyPublicDir: false,
    lib: {
      entry: {
        'live-blog': 'src/entries/lib/live-blog.ts',
        'live-blog.react-server': 'src/entries/lib/live-blog.react-server.ts',
        'define-element-on-client': 'src/entries/lib/define-element-on-client.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
      output: {
        entryFileNames: '[name].js',
      },
    },
  },
});
