import { useEffect, useState, type RefObject } from 'react';

/**
 * Where an element of the widget is, against the viewport: in view (0), passed (its top, below
 * 0: above the viewport) or not yet reached (its top, above 0). The top of the timeline in view
 * or not yet reached: new items at the top shift nothing the reader is looking at. The end in
 * view or passed: the same where arrivals go, read oldest first; not passed: the reader is not
 * on the host's page below the widget.
 */
export function useViewportPlace(sentinel: RefObject<Element | null>): number {
  const [where, setWhere] = useState(0);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry) setWhere(entry.isIntersecting ? 0 : entry.boundingClientRect.top);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [sentinel]);
  return where;
}
