import { defineConfig } from 'vitest/config';

/**
 * The tests of the pure core (src/core) alone, in Node: no DOM, no React. The mutation run
 * (stryker.config.mjs) runs them against every mutant, so they must be quick and must need
 * nothing the core does not.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/core/**/*.test.ts'],
    restoreMocks: true,
  },
});
