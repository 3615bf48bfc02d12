import { useCallback, useState } from 'react';

export const FIRST_WINDOW = 10;
const STEP = 60;

/**
 * How many updates to render. A blog of 10,000 updates renders about a screenful first, so that
 * the first paint does not wait for updates below the fold, and grows at the bottom as the end
 * comes near (never above the reader, so nothing shifts). The window
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
    (atLeast = 0, step = STEP) =>
      setState((s) => ({ key: s.key, size: Math.max(s.size + step, atLeast) })),
    [],
  );
  return { size, grow };
}
