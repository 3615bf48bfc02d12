import { useCallback, useEffect, useRef, useState } from 'react';
import { useMessages } from '../i18n/use-messages';

interface Props {
  readonly hasOlder: boolean;
  readonly onLoad: () => Promise<void>;
  /** Load by itself when the reader scrolls near the end. */
  readonly auto: boolean;
}

/** The end of the timeline: a button (and scroll trigger) for the feed's older pages. */
export function OlderUpdates({ hasOlder, onLoad, auto }: Props) {
  const t = useMessages();
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  // Bumped by each page that loads: observing afresh reports whether the end is still near, so a
  // page that did not fill the screen is followed by the next without waiting for a scroll.
  const [loaded, setLoaded] = useState(0);
  const sentinel = useRef<HTMLDivElement>(null);
  const busy = useRef(false);
  const load = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    setState('loading');
    onLoad()
      .then(
        () => {
          setState('idle');
          setLoaded((n) => n + 1);
        },
        () => setState('failed'),
      )
      .finally(() => {
        busy.current = false;
      });
  }, [onLoad]);
  useEffect(() => {
    const el = sentinel.current;
    if (!auto || !hasOlder || !el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (entry?.isIntersecting) load();
      },
      { rootMargin: '800px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [auto, hasOlder, load, loaded]);
  if (!hasOlder) return null;
  return (
    <div className="lb-older" ref={sentinel}>
      {state === 'failed' && <p className="lb-older__error">{t.olderFailed}</p>}
      <button
        type="button"
        className="lb-button lb-button--secondary"
        onClick={load}
        disabled={state === 'loading'}
        aria-busy={state === 'loading'}
      >
        {state === 'loading' ? t.loadingOlder : t.showOlder}
      </button>
    </div>
  );
}
