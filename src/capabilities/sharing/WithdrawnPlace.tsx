import { useEffect, useRef, useState } from 'react';
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
  useEffect(() => {
    // Its first report comes at once, on the screen as it was held: the line is said then, once.
    const observer = new IntersectionObserver(([entry]) => {
      if (entry!.isIntersecting) setSaid(true);
      else drop();
    });
    observer.observe(ref.current!);
    return () => observer.disconnect();
  }, [drop]);
  return (
    <div ref={ref} className="lb-withdrawn" style={{ height: place.height }}>
      <p aria-live="polite">{said && messagesIn(withdrawnMessages, locale).withdrawn}</p>
    </div>
  );
}
