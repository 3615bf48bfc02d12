// The host's own Vite build: plain TSX, React's automatic JSX runtime, nothing else. Errors
// only: the bundler's notes on dependencies' 'use client' directives are not ours to act on.
// Two pages: the React app, and a page that imports the script embed through the bundler.
export default {
  logLevel: 'error',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    rollupOptions: { input: ['index.html', 'bundled-embed.html'] },
  },
};
