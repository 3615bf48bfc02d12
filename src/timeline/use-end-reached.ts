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
}

/**
 * Calls `onReached` while the returned element (the end of the timeline) is within `marginPx` of
 * the viewport, or above it: a reader who jumps to the bottom of a page taller than the timeline
 * (a long filter list beside it) passes the end without it ever coming into view.
 */
export function useEndReached(onReached: () => void, options: Options) {
  const { active, marginPx, revision, paused } = options;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!active || !el) return;
    if (typeof IntersectionObserver === 'undefined') {
      // No way to know where the reader is: go on rather than strand them.
      onReached();
      return;
    }
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (!entry) return;
        const above = entry.boundingClientRect.bottom < (entry.rootBounds?.top ?? 0);
        if (entry.isIntersecting || above) onReached();
      },
      { rootMargin: `${marginPx}px 0px` },
    );
    observer.observe(el);
    // The observer reports changes of intersection only: a jump from above the end to below it
    // is none. Chromium's observer can also miss the end coming into view while the page grows
    // under a busy main thread (seen in CI). A scroll that ends near or past the end counts too.
    let frame = 0;
    const onScroll = () => {
      if (frame !== 0 || paused?.()) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (el.getBoundingClientRect().top < window.innerHeight + marginPx) onReached();
      });
    };
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => {
      observer.disconnect();
      document.removeEventListener('scroll', onScroll, { capture: true });
      cancelAnimationFrame(frame);
    };
  }, [active, marginPx, revision, onReached, paused]);
  return ref;
}
