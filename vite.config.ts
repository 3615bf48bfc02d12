import react from '@vitejs/plugin-react';
import type { RolldownOutput } from 'rolldown';
import { build, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { browserBuildPlugins } from './tooling/browser-build-plugins.mjs';

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
      "await import('/src/entries/embed/embed.ts');",
    ].join('\n'),
    '/embed-frame.js': "import '/src/entries/embed-frame/embed-frame.ts';",
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

const EARLY_ENTRY = 'src/entries/page/request-feed-early.ts';

/**
 * The standalone page's feed request starts from a tiny script of its own, ahead of the app's
 * bundle (src/capabilities/feed/early-feed-request.ts). It is built on its own, as one classic script with
 * nothing to import, and written into index.html early in <head> (right after the list of feed
 * origins it checks ?feed= against), so the request leaves as soon as the HTML has arrived rather
 * than one round trip later. The server allows it by its hash
 * (server/headers.mjs). In development it is served as a module from the sources.
 */
function earlyFeedRequest(): Plugin {
  let root = '.';
  let building = false;
  let code: string | undefined;
  return {
    name: 'live-blog:early-feed-request',
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
    },
    async buildStart() {
      if (!building) return;
      const result = await build({
        root,
        configFile: false,
        logLevel: 'warn',
        build: {
          write: false,
          target: 'es2022',
          lib: { entry: EARLY_ENTRY, formats: ['iife'], name: 'liveBlogEarlyFeedRequest' },
        },
      });
      const output = (Array.isArray(result) ? result[0] : result) as RolldownOutput;
      const chunk = output.output.find((c) => c.type === 'chunk' && c.isEntry);
      if (chunk?.type !== 'chunk') throw new Error(`${EARLY_ENTRY} did not build`);
      // Inside <script>, these would end the element or change how it is parsed.
      if (/<\/script|<!--/i.test(chunk.code)) throw new Error(`${EARLY_ENTRY} cannot be inlined`);
      code = chunk.code.trim();
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.filename.endsWith('/index.html')) return html;
        const tag = ctx.bundle
          ? `<script>${code}</script>`
          : `<script type="module" async src="/${EARLY_ENTRY}"></script>`;
        // After the list of feed origins, which the script reads while the page is parsed.
        const origins = /<meta name="live-blog-feed-origins" content="[^"]*"\s*\/?>/i;
        if (!origins.test(html)) {
          throw new Error('index.html needs <meta name="live-blog-feed-origins"> early in <head>');
        }
        return html.replace(origins, (meta) => `${meta}\n    ${tag}`);
      },
    },
  };
}

/**
 * V8's explicit compile hint (ADR 0007): nearly every function of a chunk the page loads at start
 * runs before the first update is on screen, so V8 compiles them all on the background thread
 * that streams the script in, instead of one by one on the main thread as the first render calls
 * them. Chunks loaded on demand keep lazy compilation. Other engines read a comment.
 */
const compileHint = (chunk: { isDynamicEntry: boolean }) =>
  chunk.isDynamicEntry ? '' : '//# allFunctionsCalledOnLoad';

/** Tests that run in Node, without a DOM: the pure core, the server and the validator's HTTP checks. */
const NODE_TESTS = [
  'tests/unit/core/**/*.test.ts',
  'tests/server/**/*.test.ts',
  'tests/unit/entries/validate/check-http.test.ts',
];

export default defineConfig({
  base: './',
  plugins: [
    react(),
    ...browserBuildPlugins(),
    earlyFeedRequest(),
    scriptEmbeds(),
    devScriptEmbeds(),
  ],
  build: {
    target: 'es2022',
    // Not linked from the files (as in vite.embed.config.ts): embed.html's assets/ ship without
    // their maps.
    sourcemap: 'hidden',
    // The notices of the packages bundled into dist/ (React, DOMPurify, …), which their licences
    // ask us to pass on; the minifier drops their banner comments (docs/decisions/0018).
    license: { fileName: 'THIRD-PARTY-LICENSES.md' },
    // A browser without <link rel="modulepreload"> (Safari before 17) simply fetches a chunk when
    // it is imported; the polyfill would add its bytes to every reader's first screen.
    // A lazy chunk's own imports are in the page's chunks, which are loaded already: nothing more
    // to preload for it.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
    rolldownOptions: {
      // The standalone page, and embed.html: the widget alone, for hosts that use an iframe.
      // dist/embed.js and dist/embed-frame.js follow (scriptEmbeds); dist-lib/ comes from
      // vite.lib.config.ts (npm run build).
      input: { index: 'index.html', embed: 'embed.html' },
      output: {
        postBanner: compileHint,
        // What both pages load is one chunk. Without this group, a lazy chunk that renders
        // (and so needs React's JSX runtime) splits React out into a chunk of its own, and every
        // reader pays for the seam (docs/decisions/0012).
        codeSplitting: { groups: [{ name: 'live-blog', minShareCount: 2 }] },
      },
    },
  },
  test: {
    setupFiles: ['tests/support/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    unstubEnvs: true,
    // Test files share workers and their environment (no fresh worker and jsdom per file):
    // tests/support/setup.ts gives each file fresh app modules and a blank page, and each test
    // leaves timers, globals and storage as it found them.
    pool: 'threads',
    isolate: false,
    projects: [
      {
        extends: true,
        test: { name: 'node', environment: 'node', include: NODE_TESTS },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          exclude: NODE_TESTS,
        },
      },
    ],
  },
});
