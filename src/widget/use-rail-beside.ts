import { useLayoutEffect, useState, type RefObject } from 'react';
import { useHydrated } from '../shared/hydration/use-hydrated';

/** The container width, in its own ems, from which the rail sits beside the timeline (live-blog.css). */
const RAIL_BESIDE_EM = 73.75;

/**
 * Whether the rail (activity chart, key events) sits beside the timeline rather than above it,
 * which needs the filters beside it too and a wide container: only there may the chart arrive a
 * moment after the updates without pushing them down.
 */
export function useRailBeside(root: RefObject<HTMLElement | null>, withFilters: boolean) {
  // A first guess from the window, right for a page that is all live blog, so that a first render
  // that already has the updates (the standalone page's early request) does not draw the chart
  // only to take it away before the paint; the container is measured before that paint.
  // Not while hydrating: the server's HTML was rendered without a window.
  const hydrated = useHydrated();
  const [measured, setWide] = useState<boolean>();
  const wide = measured ?? (hydrated && window.innerWidth >= RAIL_BESIDE_EM * rootFontSize());
  useLayoutEffect(() => {
    const container = root.current?.parentElement;
    if (!container) return;
    const measure = () => {
      const style = getComputedStyle(container);
      const width =
        container.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      setWide(width >= RAIL_BESIDE_EM * (parseFloat(style.fontSize) || 16));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(container);
    return () => observer.disconnect();
  }, [root]);
  return wide && withFilters;
}

function rootFontSize() {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}
