// @ts-check

/**
 * What the browser builds' useQuery gets for React Query's Suspense, error-boundary and restoring
 * helpers (query-without-mutations.mjs, docs/decisions/0045). The app's queries never suspend,
 * never throw their errors to a boundary (the widget shows them), and no persister restores the
 * client: with those options off, the helpers do nothing, and these do nothing the same way.
 * tests/server/query-without-mutations.test.ts holds them to what the installed useQuery imports,
 * and the app's code to those options.
 */

export function ensureSuspenseTimers() {}
export function ensurePreventErrorBoundaryRetry() {}
export function useClearResetErrorBoundary() {}
export function fetchOptimistic() {}
export const shouldSuspend = () => false;
export const getHasError = () => false;

/** No QueryErrorResetBoundary: the default one, which nothing resets. */
const boundary = { clearReset() {}, reset() {}, isReset: () => false };
export const useQueryErrorResetBoundary = () => boundary;

/** No persister: the client is never being restored. */
export const useIsRestoring = () => false;
