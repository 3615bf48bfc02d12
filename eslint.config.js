import js from '@eslint/js';
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

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-lib',
      'node_modules',
      'coverage',
      'test-results',
      'playwright-report',
      'bench-results',
      'docs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
            {
              group: ['../../*', '!../../core/*'],
              message: 'src/core may import only from src/core.',
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
      'server/**/*.mjs',
      'scripts/**/*.mjs',
      '*.config.*',
      'tests/server/**',
      'tests/e2e/**',
      'bench/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
