// Mutation testing of the pure core (npm run mutation; docs/reliability.md, "Mutation testing").
// Slow, so not part of CI: run it by hand after changing src/core or its tests.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/core/**/*.ts'],
  testRunner: 'vitest',
  // Only the core's own tests, in Node (vitest.core.config.ts).
  vitest: { configFile: 'vitest.core.config.ts', related: false },
  coverageAnalysis: 'perTest',
  // The machine is shared: at most two workers (one while others are busy: --concurrency 1).
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 10000,
  // A mutant in a module's top level (a constant, a table) needs every test file reloaded and
  // rerun; the report lists them as ignored (docs/reliability.md).
  ignoreStatic: true,
  ignorePatterns: ['docs', 'bench', 'dist', 'dist-lib', 'dist-ssr', 'test-results'],
};
