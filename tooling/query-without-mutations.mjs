// @ts-check
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

// The browser builds' React Query without mutations (docs/decisions/0034), infinite queries
// (0038), or useQuery's Suspense and error boundaries (0045). Every QueryClient makes a
// MutationCache, and with it the code of mutations (their cache, state machine and retries);
// every Query can page as an infinite one; every useQuery carries the code to suspend, to throw
// to an error boundary and to wait for a persister. The app only ever reads one feed document per
// query, and shows its errors itself. This stands in for those imports.

const QUERY = /[\\/]@tanstack[\\/](query-core|react-query)[\\/]build[\\/]modern[\\/]/;
/** @param {string} file */
const standIn = (file) => fileURLToPath(new URL(file, import.meta.url));
export const STAND_IN = standIn('./mutation-cache-stand-in.mjs');
export const INFINITE_STAND_IN = standIn('./infinite-query-stand-in.mjs');
export const HOOK_STAND_IN = standIn('./query-hook-stand-in.mjs');
/**
 * Each import replaced, by the one module whose import it is (its package and name), and what
 * stands in.
 */
const REPLACED = [
  // Every QueryClient makes a MutationCache.
  ['./mutationCache.js', 'query-core', 'queryClient.js', STAND_IN],
  // Every Query can page as an infinite one (0038).
  ['./infiniteQueryBehavior.js', 'query-core', 'query.js', INFINITE_STAND_IN],
  // Every useQuery can suspend, throw to an error boundary, and wait for a persister (0045).
  ...['suspense', 'errorBoundaryUtils', 'QueryErrorResetBoundary', 'IsRestoringProvider'].map(
    (name) => [`./${name}.js`, 'react-query', 'useBaseQuery.js', HOOK_STAND_IN],
  ),
];
/**
 * React Query's own helpers that the hook's stand-in replaces: in a chunk, something other than
 * useQuery uses them (useSuspenseQuery, useQueries, QueryErrorResetBoundary, a persister's
 * provider), and it would not work with a useQuery that ignores them.
 */
const HOOK_HELPERS =
  /[\\/]react-query[\\/]build[\\/]modern[\\/](suspense|errorBoundaryUtils|QueryErrorResetBoundary|IsRestoringProvider)\.js$/;

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
      const dir = importer && QUERY.exec(importer);
      if (!importer || !dir) return null;
      const hit = REPLACED.find(
        ([file, pkg, by]) => source === file && dir[1] === pkg && basename(importer) === by,
      );
      return hit ? hit[3] : null;
    },
    renderChunk(code, chunk) {
      const helper = (chunk.moduleIds ?? []).find((id) => HOOK_HELPERS.test(id));
      if (helper) {
        this.error(
          `${chunk.fileName} uses ${basename(helper)} of React Query, which this build's useQuery leaves out: remove its stand-in (tooling/query-without-mutations.mjs, docs/decisions/0045)`,
        );
      }
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
