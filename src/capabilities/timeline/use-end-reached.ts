import { useEffect, useRef } from 'react';

interface Options {
  /** Nothing is watched while false. */
  readonly active: boolean;
  /** How close (px) the element must come to the viewport. */
  readonly marginPx: number;
  /**
   * Watching starts afresh whenever this changes: the first report then says whether the end is
   * still near, so growth that did not fill the screen continues without waiting for a scroll.
   */
  readonly revision: number;
  /** Scrolls are ignored while this says so (e.g. after a failure, which waits for a click). */
  readonly paused?: () => boolean;
  /**
   * Reports in a row without the reader scrolling in between. Growth that fetches (older pages)
   * must not chain by itself faster than the reader scrolls: a page that fills nothing would
   * otherwise be followed by the next at once, for as long as the feed has pages.
   */
  readonly maxUnprompted?: number;
}

/**
 * Calls `onReached` while the returned element (the end of the timeline) is within `marginPx` of
 * the viewport, or above it: a reader who jumps to the bottom of a page taller than the timeline
 * (a long filter list beside it) passes the end without it ever coming into view.
 */
export function useEndReached(onReached: () => void, options: Options) {
  const { active, marginPx, revision, paused, maxUnprompted = Infinity } = options;
  const ref = useRef<HTMLDivElement>(null);
  // Kept across re-observations: only a scroll resets it.
  const unprompted = useRef(0);
  useEffect(() => {
    const el = ref.current;
    if (!active || !el) return;
    const report = () => {
      if (unprompted.current >= maxUnprompted) return;
      unprompted.current += 1;
      onReached();
    };
    if (typeof IntersectionObserver === 'undefined') {
      // No way to know where the reader is: go on rather than strand them.
      report();
      return;
    }
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (!entry) return;
        const above = entry.boundingClientRect.bottom < (entry.rootBounds?.top ?? 0);
        if (entry.isIntersecting || above) report();
      },
      { rootMargin: `${marginPx}px 0px` },
    );
    observer.observe(el);
    // The observer reports changes of intersection only: a jump from above the end to below it
    // is none. Chromium's observer can also miss the end coming into view while the page grows
    // under a busy main thread (seen in CI). A scroll that ends near or past the end counts too.
    let frame = 0;
    const onScroll = () => {
      unprompted.current = 0;
      if (frame !== 0 || paused?.()) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (el.getBoundingClientRect().top < window.innerHeight + marginPx) report();
      });
    };
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => {
      observer.disconnect();
      document.removeEventListener('scroll', onScroll, { capture: true });
      cancelAnimationFrame(frame);
    };
  }, [active, marginPx, revision, onReached, paused, maxUnprompted]);
  return ref;
}
