import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// The React library entry (import { LiveBlog } from 'live-blog'): dist-lib/live-blog.js, an ES
// module that leaves React and the other dependencies to the host's bundler. Types come from
// tsconfig.lib.json.
const external = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})];

export default defineConfig({
  plugins: [react()],
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist-lib',
    emptyOutDir: false,
    sourcemap: true,
    copyPublicDir: false,
    lib: {
      entry: 'src/entries/lib/live-blog.ts',
      formats: ['es'],
      fileName: 'live-blog',
    },
    rolldownOptions: {
      external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
    },
  },
});
