// The host's own Vite build: plain TSX, React's automatic JSX runtime, nothing else. Errors
// only: the bundler's notes on dependencies' 'use client' directives are not ours to act on.
export default {
  logLevel: 'error',
  oxc: { jsx: { runtime: 'automatic' } },
};
