import react from '@vitejs/plugin-react';
import { build, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * After the page build, the script embeds (vite.embed.config.ts) are built into the same dist/,
 * so that a plain `vite build` leaves a complete dist/ (the browser tests load dist/embed.js).
 */
function scriptEmbeds(): Plugin {
  let watching = false;
  let root = '.';
  return {
    name: 'live-blog:script-embeds',
    apply: 'build',
    configResolved(config) {
      watching = Boolean(config.build.watch);
      root = config.root;
    },
    async closeBundle() {
      if (watching) return;
      for (const mode of ['production', 'frame']) {
        await build({ root, configFile: `${root}/vite.embed.config.ts`, mode, logLevel: 'warn' });
      }
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), scriptEmbeds()],
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      // The standalone page, and embed.html: the widget alone, for hosts that use an iframe.
      // dist/embed.js and dist/embed-frame.js follow (scriptEmbeds); dist-lib/ comes from
      // vite.lib.config.ts (npm run build).
      input: { index: 'index.html', embed: 'embed.html' },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/server/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
  },
});
