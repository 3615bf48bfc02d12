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

/**
 * `npm run dev`: the example host pages load /embed.js and /embed-frame.js from the sources.
 * They are plain files from public/, so /embed.js first installs what React Fast Refresh expects
 * of a page that Vite transformed (its "preamble"), then imports the element.
 */
function devScriptEmbeds(): Plugin {
  const modules: Record<string, string> = {
    '/embed.js': [
      "import RefreshRuntime from '/@react-refresh';",
      'RefreshRuntime.injectIntoGlobalHook(window);',
      'window.$RefreshReg$ = () => {};',
      'window.$RefreshSig$ = () => (type) => type;',
      'window.__vite_plugin_react_preamble_installed__ = true;',
      "await import('/src/embed/embed.ts');",
    ].join('\n'),
    '/embed-frame.js': "import '/src/embed/embed-frame.ts';",
  };
  return {
    name: 'live-blog:dev-script-embeds',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const body = modules[req.url?.split('?')[0] ?? ''];
        if (body === undefined) return next();
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(body);
      });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), scriptEmbeds(), devScriptEmbeds()],
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
