// @ts-check
// The browser builds' React Query without the methods nothing in them calls (docs/decisions/
// 0051). A class's methods are never tree-shaken, and most of the QueryClient's serve ways of
// using React Query that the widget does not have: it reads one feed document per query, with
// useQuery, prefetchQuery and refetchQueries, and never invalidates, resets, cancels or removes
// queries, reads their data back, pages infinitely, or mutates (0034, 0038). Each first screen
// carries all of them. This leaves out those methods, and fails the build if a chunk calls one.

const MODERN = /[\\/]@tanstack[\\/]query-core[\\/]build[\\/]modern[\\/](\w+)\.js$/;

/**
 * The methods that the browser builds leave out, by the query-core file of their class.
 * @type {Readonly<Record<string, readonly string[]>>}
 */
export const LEFT_OUT = {
  queryClient: [
    'isFetching',
    'isMutating',
    'getQueryData',
    'ensureQueryData',
    'getQueriesData',
    'setQueriesData',
    'getQueryState',
    'removeQueries',
    'resetQueries',
    'cancelQueries',
    'invalidateQueries',
    'query',
    'infiniteQuery',
    'fetchInfiniteQuery',
    'prefetchInfiniteQuery',
    'ensureInfiniteQueryData',
    'getDefaultOptions',
    'setDefaultOptions',
    'setMutationDefaults',
    'getMutationDefaults',
    'defaultMutationOptions',
  ],
  // For Suspense (0045) and for whoever holds an observer outside a hook.
  queryObserver: ['fetchOptimistic', 'getCurrentQuery'],
  query: ['invalidate'],
};

/**
 * The class's source without the methods named: each is a line that opens with the method's
 * name (one tab in, as the installed build writes them), through the next line that closes
 * a method (`}` one tab in). A method not found is left alone.
 * @param {string} code
 * @param {readonly string[]} names
 */
export function withoutMethods(code, names) {
  const lines = code.split('\n');
  const kept = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^\t(?:async )?(\w+)\(.*\{$/.exec(lines[i] ?? '');
    if (open && names.includes(/** @type {string} */ (open[1]))) {
      while (i < lines.length && lines[i] !== '\t}') i++;
      continue;
    }
    kept.push(lines[i]);
  }
  return kept.join('\n');
}

/** A call of a left-out method in built code: `.name(` or `?.name(`. */
const CALLS = new RegExp(`\\.(${Object.values(LEFT_OUT).flat().join('|')})\\(`);

/** @returns {import('vite').Plugin} */
export function queryClientInUse() {
  return {
    name: 'live-blog:query-client-in-use',
    apply: 'build',
    transform(code, id) {
      const file = MODERN.exec(id)?.[1];
      const names =
        file !== undefined && Object.hasOwn(LEFT_OUT, file) ? LEFT_OUT[file] : undefined;
      return names ? { code: withoutMethods(code, names), map: null } : null;
    },
    renderChunk(code, chunk) {
      const call = CALLS.exec(code);
      if (call) {
        this.error(
          `${chunk.fileName} calls React Query's ${call[1]}(), which this build leaves out: take it off LEFT_OUT in tooling/query-client-in-use.mjs (docs/decisions/0051)`,
        );
      }
      return null;
    },
  };
}
