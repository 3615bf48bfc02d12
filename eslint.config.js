import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The pure core (src/core) knows nothing of React, the DOM or the network: it is the part that
// is unit- and property-tested, and the part another front end could reuse.
const browserOnlyGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'fetch',
  'location',
  'history',
  'HTMLElement',
  'Element',
  'IntersectionObserver',
  'ResizeObserver',
  'requestAnimationFrame',
  'setTimeout',
  'setInterval',
];

// The layers of src/ (docs/architecture.md), each importing only from the ones before it:
// core ← shared ← capabilities ← widget ← entries. A capability does not import another one
// (the widget composes them), and an entry point not another one (what two share is in
// entries/common). Outside src/, the replay server stands alone, and bench/ and scripts/ share
// what they both need through tooling/.
const CAPABILITIES = ['feed', 'live', 'timeline', 'filters', 'story', 'sharing', 'embeds'];
const ENTRIES = ['page', 'frame', 'embed', 'embed-frame', 'lib', 'server', 'validate'];
const layer = (/** @type {string} */ message) => message + ' (docs/architecture.md)';
const LAYER_ZONES = [
  {
    target: './src/core',
    from: './src',
    except: ['./core'],
    message: layer('src/core is pure: it imports only from src/core'),
  },
  {
    target: './src/shared',
    from: './src',
    except: ['./core', './shared'],
    message: layer('src/shared imports only from src/core and src/shared'),
  },
  ...CAPABILITIES.map((name) => ({
    target: `./src/capabilities/${name}`,
    from: './src',
    except: ['./core', './shared', `./capabilities/${name}`],
    message: layer(
      `a capability imports only from src/core, src/shared and itself; the widget composes capabilities`,
    ),
  })),
  {
    target: './src/widget',
    from: './src/entries',
    message: layer('the widget does not import an entry point'),
  },
  ...ENTRIES.map((name) => ({
    target: `./src/entries/${name}`,
    from: './src/entries',
    except: [`./${name}`, './common'],
    message: layer(
      'an entry point imports no other entry point; shared code goes in entries/common',
    ),
  })),
  {
    target: './src/entries/common',
    from: './src/entries',
    except: ['./common'],
    message: layer('entries/common imports no entry point'),
  },
  {
    target: './src',
    from: ['./tests', './bench', './scripts', './server', './tooling'],
    message: layer('the app imports nothing from the tooling around it'),
  },
  {
    target: './server',
    from: ['./src', './tests', './bench', './scripts', './tooling'],
    message: layer('the replay server stands alone'),
  },
  {
    target: './tooling',
    from: ['./src', './tests', './bench', './scripts'],
    message: layer('tooling/ serves bench/ and scripts/, and imports neither'),
  },
  {
    target: './scripts',
    from: ['./src', './tests', './bench'],
    message: layer('scripts/ shares code with bench/ through tooling/'),
  },
  {
    target: './bench',
    from: ['./src', './tests', './scripts'],
    message: layer('bench/ shares code with scripts/ through tooling/'),
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-lib',
      'dist-ssr',
      'node_modules',
      'coverage',
      'test-results',
      'playwright-report',
      'bench-results',
      'docs',
      // The mutation run's reports and sandbox (npm run mutation).
      'reports',
      '.stryker-tmp',
      // A newsroom's app and page, checked with their own tsconfigs against the installed tarball.
      'tests/package/host',
      'tests/package/plain-host',
    ],
  },
  js.configs.recommended,
  // Rules that read the types, for every file, .mjs included: the project service finds a file's
  // TypeScript project through tsconfig.json (the .mjs files are in the node and browser-tools
  // projects, which allow and check JavaScript, typed with JSDoc).
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Both in recommendedTypeChecked; named here because they are why the types are read: a
      // promise nobody awaits or handles, and a promise where a callback's result is ignored.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle reads the files an import leads to: it must know how to parse TypeScript.
      'import-x/extensions': ['.ts', '.tsx', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { '@typescript-eslint/consistent-type-imports': 'error' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react-dom/*', '@tanstack/*', 'dompurify'],
              message: 'src/core is pure: no React, DOM or network libraries.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...browserOnlyGlobals.map((name) => ({
          name,
          message: 'src/core is pure: pass time, visibility and I/O in from the caller.',
        })),
      ],
    },
  },
  {
    // No barrel files and no cross-capability reach into another folder's internals through index files.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/index', './index', '../index'],
              message: 'Import the module itself, not a barrel file.',
            },
          ],
        },
      ],
    },
    ignores: ['src/core/**'],
  },
  {
    files: [
      'src/entries/server/**',
      'src/entries/validate/**',
      'server/**/*.mjs',
      'scripts/**/*.mjs',
      'tooling/**/*.mjs',
      '*.config.*',
      'tests/server/**',
      'tests/e2e/**',
      'tests/package/**',
      'bench/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
