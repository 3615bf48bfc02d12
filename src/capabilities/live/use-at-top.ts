import { useEffect, useState, type RefObject } from 'react';

/**
 * True while the top of the timeline is in view, or not yet reached (the reader is above it):
 * in both cases, new items at the top shift nothing the reader is looking at. With `end`, the
 * same for the end of the timeline (in view, or passed): where arrivals go, read oldest first.
 */
export function useAtTop(sentinel: RefObject<Element | null>, end = false): boolean {
  const [atTop, setAtTop] = useState(true);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => {
      if (!entry) return;
      const { top, bottom } = entry.boundingClientRect;
      setAtTop(entry.isIntersecting || (end ? bottom < 0 : top > 0));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [sentinel, end]);
  return atTop;
}
