import { lazy, type ComponentType } from 'react';

/** The first wait before a chunk that could not come is asked for again; each wait doubles. */
const RETRY_MS = 5_000;
const MAX_WAIT_MS = 300_000;

/**
 * A component from a lazy chunk. If the chunk cannot come (the link dropped while it loaded),
 * it is asked for again when the browser is back online, or after a wait that doubles, and the
 * part shows once it is in. Meanwhile it is pending: Suspense shows its fallback, or keeps the
 * server's HTML of it on a page being taken over. React.lazy would throw the error instead, and
 * with no boundary to stop it the whole widget would be unmounted, for good.
 */
export function lazyPart<P extends object>(importer: () => Promise<ComponentType<P>>) {
  return lazy(() => untilLoaded(importer, RETRY_MS).then((part) => ({ default: part })));
}

function untilLoaded<T>(importer: () => Promise<T>, waitMs: number): Promise<T> {
  return importer().catch((error: unknown) => {
    // A server has no `online` to wait for: the part fails there, and the browser renders it.
    if (typeof window === 'undefined') throw error;
    return new Promise<T>((resolve) => {
      const again = () => {
        clearTimeout(timer);
        removeEventListener('online', again);
        resolve(untilLoaded(importer, Math.min(waitMs * 2, MAX_WAIT_MS)));
      };
      const timer = setTimeout(again, waitMs);
      addEventListener('online', again);
    });
  });
}
