import { useCallback, useState } from 'react';

export const FIRST_WINDOW = 10;
export const STEP = 60;

/** The window after `steps` steps: what a page asked for with `more=` starts with. */
export function windowAfter(steps: number): number {
  return FIRST_WINDOW + steps * STEP;
}

/** The steps a window of `size` has taken, counting one begun as taken. */
export function stepsTaken(size: number): number {
  return Math.max(0, Math.ceil((size - FIRST_WINDOW) / STEP));
}

/**
 * How many updates to render. A blog of 10,000 updates renders about a screenful first, so that
 * the first paint does not wait for updates below the fold, and grows at the bottom as the end
 * comes near (never above the reader, so nothing shifts). The window
 * starts again whenever the list itself changes meaning (a new filter or view). `initialSize`: the
 * first window, larger when the page's address asked for more (rendered so by the server too).
 */
export function useRenderWindow(resetKey: string, initialSize = FIRST_WINDOW) {
  const [state, setState] = useState({ key: resetKey, size: initialSize });
  let size = state.size;
  if (state.key !== resetKey) {
    size = FIRST_WINDOW;
    setState({ key: resetKey, size });
  }
  const grow = useCallback(
    (atLeast = 0, step = STEP) =>
      setState((s) => ({ key: s.key, size: Math.max(s.size + step, atLeast) })),
    [],
  );
  return { size, grow };
}
