import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { HeldPlace } from '../../core/timeline/held-place';
import { messagesIn } from '../../shared/i18n/language';
import { useLocale } from '../../shared/i18n/use-messages';
import { withdrawnMessages } from './withdrawn-messages';

/**
 * The place of an update retracted under the reader's eyes (hold-places.ts): as tall as it was,
 * so that nothing below it moves, with one quiet line kept in sight while the reader is within
 * it (landing.css). It goes once none of it is on the screen: above the reader, the browser's
 * scroll anchoring makes up for it; below, nothing in sight moves.
 */
export function WithdrawnPlace({ place }: { readonly place: HeldPlace }) {
  const locale = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  // The live region is there before its words: one added with them is not announced.
  const [said, setSaid] = useState(false);
  const { drop } = place;
  // Gone above the reader: a browser without scroll anchoring (or a page that turned it off)
  // would move what they read up by its height; the page is scrolled by as much as it goes.
  const above = useRef(false);
  useEffect(() => {
    // Its first report comes at once, on the screen as it was held: the line is said then, once.
    const observer = new IntersectionObserver(([entry]) => {
      if (entry!.isIntersecting) return setSaid(true);
      above.current = entry!.boundingClientRect.bottom <= 0;
      drop();
    });
    observer.observe(ref.current!);
    return () => observer.disconnect();
  }, [drop]);
  const { height } = place;
  useLayoutEffect(
    () => () => {
      const root = document.scrollingElement;
      if (above.current && root && getComputedStyle(root).overflowAnchor !== 'auto')
        root.scrollTop -= height;
    },
    [height],
  );
  return (
    <div ref={ref} className="lb-withdrawn" style={{ height }}>
      <p aria-live="polite">{said && messagesIn(withdrawnMessages, locale).withdrawn}</p>
    </div>
  );
}
