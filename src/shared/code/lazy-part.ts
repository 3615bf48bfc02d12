import { lazy, useEffect, type ComponentType } from 'react';
import { codeGone } from './load-chunk';

/** The first wait before a chunk that could not come is asked for again; each wait doubles. */
const RETRY_MS = 5_000;
const MAX_WAIT_MS = 300_000;

/** Widgets on the page; failed parts wait to be asked for again only while there is one. */
let widgets = 0;
const waits = new Set<(run: boolean) => void>();

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
      let timer: ReturnType<typeof setTimeout> | undefined;
      const again = () => {
        wait(false);
        waits.delete(wait);
        resolve(untilLoaded(importer, Math.min(waitMs * 2, MAX_WAIT_MS)));
      };
      const wait = (run: boolean) => {
        clearTimeout(timer);
        removeEventListener('online', again);
        if (!run) return;
        timer = setTimeout(again, waitMs);
        addEventListener('online', again);
      };
      // Code its server no longer has never comes: the part stays pending, the page says reload.
      if (codeGone()) return;
      waits.add(wait);
      wait(widgets > 0);
    });
  });
}

/** Called by every widget: a part is asked for again only while a widget is on the page. */
export function useLazyParts() {
  useEffect(() => {
    if (!widgets++) waits.forEach((wait) => wait(true));
    return () => {
      if (!--widgets) waits.forEach((wait) => wait(false));
    };
  }, []);
}
