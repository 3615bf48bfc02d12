// @ts-check
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

// The browser builds' React Query without mutations (docs/decisions/0034) or infinite queries
// (0038). Every QueryClient makes a MutationCache, and with it the code of mutations (their cache,
// state machine and retries); every Query can page as an infinite one. The app only ever reads
// one feed document per query. This stands in for those two imports.

const CORE = /[\\/]@tanstack[\\/]query-core[\\/]build[\\/]modern[\\/]/;
/** @param {string} file */
const standIn = (file) => fileURLToPath(new URL(file, import.meta.url));
export const STAND_IN = standIn('./mutation-cache-stand-in.mjs');
export const INFINITE_STAND_IN = standIn('./infinite-query-stand-in.mjs');
/** Each import replaced, by the one query-core module whose import it is, and what stands in. */
const REPLACED = [
  // Every QueryClient makes a MutationCache.
  ['./mutationCache.js', 'queryClient.js', STAND_IN],
  // Every Query can page as an infinite one (0038).
  ['./infiniteQueryBehavior.js', 'query.js', INFINITE_STAND_IN],
];

/**
 * Code that would use the cache for real (useMutation, hydrating mutations) calls this; the
 * QueryClient's own method is a definition, `getMutationCache() {`, not a call.
 */
const USES_MUTATIONS = /\.getMutationCache\(\)/;
/** An infinite query's observer (useInfiniteQuery and its kin) defines this; nothing else does. */
const USES_INFINITE_QUERIES = /\bfetchNextPage\b/;

/** @returns {import('vite').Plugin} */
export function queryWithoutMutations() {
  return {
    name: 'live-blog:query-without-mutations',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !CORE.test(importer)) return null;
      const hit = REPLACED.find(([file, by]) => source === file && basename(importer) === by);
      return hit ? hit[2] : null;
    },
    renderChunk(code, chunk) {
      if (USES_MUTATIONS.test(code)) {
        this.error(
          `${chunk.fileName} uses mutations, which this build leaves out: remove queryWithoutMutations() (tooling/query-without-mutations.mjs, docs/decisions/0034)`,
        );
      }
      if (USES_INFINITE_QUERIES.test(code)) {
        this.error(
          `${chunk.fileName} uses infinite queries, which this build leaves out: remove the stand-in for infiniteQueryBehavior (tooling/query-without-mutations.mjs, docs/decisions/0038)`,
        );
      }
      return null;
    },
  };
}
