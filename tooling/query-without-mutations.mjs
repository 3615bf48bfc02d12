// @ts-check
import { fileURLToPath } from 'node:url';

// The browser builds' QueryClient without mutations (docs/decisions/0034). Every QueryClient makes
// a MutationCache, and with it the code of mutations (their cache, state machine and retries),
// though the app only ever reads feeds. This stands in for that one import.

const MUTATION_CACHE = './mutationCache.js';
export const STAND_IN = fileURLToPath(new URL('./mutation-cache-stand-in.mjs', import.meta.url));
/** query-core's QueryClient: the one importer whose MutationCache is replaced. */
const QUERY_CLIENT = /[\\/]@tanstack[\\/]query-core[\\/]build[\\/]modern[\\/]queryClient\.js$/;

/**
 * Code that would use the cache for real (useMutation, hydrating mutations) calls this; the
 * QueryClient's own method is a definition, `getMutationCache() {`, not a call.
 */
const USES_MUTATIONS = /\.getMutationCache\(\)/;

/** @returns {import('vite').Plugin} */
export function queryWithoutMutations() {
  return {
    name: 'live-blog:query-without-mutations',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === MUTATION_CACHE && importer && QUERY_CLIENT.test(importer)) return STAND_IN;
      return null;
    },
    renderChunk(code, chunk) {
      if (USES_MUTATIONS.test(code)) {
        this.error(
          `${chunk.fileName} uses mutations, which this build leaves out: remove queryWithoutMutations() (tooling/query-without-mutations.mjs, docs/decisions/0034)`,
        );
      }
      return null;
    },
  };
}
