import { useCallback, useEffect, useRef, useState } from 'react';

export const FIRST_WINDOW = 30;
const STEP = 60;

/**
 * How many updates to render. A blog of 10,000 updates renders its first screenful at once and
 * grows at the bottom as the reader scrolls (never above them, so nothing shifts). The window
 * starts again whenever the list itself changes meaning (a new filter or view).
 */
export function useRenderWindow(resetKey: string) {
  const [state, setState] = useState({ key: resetKey, size: FIRST_WINDOW });
  let size = state.size;
  if (state.key !== resetKey) {
    size = FIRST_WINDOW;
    setState({ key: resetKey, size });
  }
  const grow = useCallback(
    (atLeast = 0) => setState((s) => ({ key: s.key, size: Math.max(s.size + STEP, atLeast) })),
    [],
  );
  return { size, grow };
}

/** Calls `onNear` while the returned element is within ~2 screens of the viewport. */
export function useNearViewport(onNear: () => void, active: boolean, revision: number) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!active || !el) return;
    if (typeof IntersectionObserver === 'undefined') {
      // No way to know where the reader is: render everything rather than strand them.
      onNear();
      return;
    }
    // Observing afresh after every growth delivers a new first callback, so growth continues
    // while the end is still near (short items) without waiting for a scroll.
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (entry?.isIntersecting) onNear();
      },
      { rootMargin: '1500px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [onNear, active, revision]);
  return ref;
}
