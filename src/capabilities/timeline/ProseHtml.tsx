import { useLayoutEffect, useRef, useState } from 'react';
import type { SafeHtml } from '../../shared/dom/dom-window';
import { lazyCode } from '../../shared/code/lazy-code';

// React sets a body's HTML once; an edit's is applied by hand, keeping what did not change
// (morph-body.ts), as replacing every node defeats the browser's scroll anchoring. Its code comes
// at the first edit of an update on screen; if it cannot, the body is replaced whole.
const morph = lazyCode(() => import('./morph-body'));

/** A piece of an update's body: sanitised feed HTML in a `div` that React owns. */
export function ProseHtml({ html }: { readonly html: SafeHtml }) {
  const [first] = useState(html);
  const ref = useRef<HTMLDivElement>(null);
  const shown = useRef(html);
  /** What the body's nodes were last made from. */
  const applied = useRef(html);
  useLayoutEffect(() => {
    if (String(html) === String(shown.current)) return;
    shown.current = html;
    const el = ref.current!;
    const apply = () => {
      // A later edit that came while the code loaded is the one to show.
      if (shown.current !== html) return;
      const code = morph.current();
      if (code) code.morphHtml(el, html, applied.current);
      else el.innerHTML = html as string;
      applied.current = html;
    };
    if (morph.current()) apply();
    else void morph.load().then(apply);
  }, [html]);
  return <div ref={ref} className="lb-prose" dangerouslySetInnerHTML={{ __html: first }} />;
}
