import { useEffect, useState, type RefObject } from 'react';

/**
 * True while the top of the timeline is in view, or not yet reached (the reader is above it):
 * in both cases, new items at the top shift nothing the reader is looking at.
 */
export function useAtTop(sentinel: RefObject<Element | null>): boolean {
  const [atTop, setAtTop] = useState(true);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => {
      if (!entry) return;
      setAtTop(entry.isIntersecting || entry.boundingClientRect.top > 0);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [sentinel]);
  return atTop;
}
