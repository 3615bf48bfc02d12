import react from '@vitejs/plugin-react';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

// The React library entries (import { LiveBlog } from 'live-blog'), ES modules in dist-lib/ that
// leave React and the other dependencies to the host's bundler:
//   live-blog.js                 the client entry, defines <live-blog>
//   live-blog.react-server.js    what Server Components import (the react-server condition)
//   define-element-on-client.js  its client half
//   live-blog.server.js          live-blog/server, for Node: the feed loader and renderLiveBlog
//   live-blog.css                what a server-rendered element's shadow root links to
// The entries' 'use client' directives are kept at the top of their chunks.
// Types come from tooling/package/build-types.mjs (docs/decisions/0018).
const external = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})];

/**
 * Writes live-blog.css from the built server entry's LIVE_BLOG_CSS: the very text the element's
 * styles are made of, through the same CSS pipeline, rather than a second list of files.
 */
function stylesheetFile(): Plugin {
  return {
    name: 'live-blog-stylesheet',
    apply: 'build',
    async writeBundle(options) {
      const dir = resolve(options.dir ?? 'dist-lib');
      const entry = pathToFileURL(join(dir, 'live-blog.server.js')).href;
      const { LIVE_BLOG_CSS } = (await import(entry)) as { LIVE_BLOG_CSS: string };
      writeFileSync(join(dir, 'live-blog.css'), LIVE_BLOG_CSS);
    },
  };
}

export default defineConfig({
  plugins: [react(), stylesheetFile()],
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
        'live-blog.server': 'src/entries/server/live-blog-server.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      // Node's modules too: only the server entry imports them.
      external: (id) =>
        id.startsWith('node:') || external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
      output: {
        entryFileNames: '[name].js',
      },
    },
  },
});
