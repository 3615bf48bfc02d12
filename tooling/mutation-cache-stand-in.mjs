// @ts-check

/**
 * What the browser builds' QueryClient gets for a MutationCache (query-without-mutations.mjs,
 * docs/decisions/0034): the app never mutates, so there is never a mutation to find, resume or
 * clear. tests/server/query-without-mutations.test.ts holds these methods to what the installed
 * QueryClient calls.
 */
export class MutationCache {
  /** @returns {never[]} */
  findAll() {
    return [];
  }
  /** @returns {Promise<void>} */
  resumePausedMutations() {
    return Promise.resolve();
  }
  clear() {}
}
