import { useCallback, useEffect, useRef, useState } from 'react';
import { useHydrated } from '../../shared/hydration/use-hydrated';
import { useChunkMessages, useMessages } from '../../shared/i18n/use-messages';
import { olderMessages } from './older-messages';
import { useEndReached } from './use-end-reached';

interface Props {
  readonly hasOlder: boolean;
  /** The older pages stopped short of the first update (a next_url loop): said once, calmly. */
  readonly broken?: boolean;
  readonly onLoad: () => Promise<void>;
  /**
   * At the end of a newest-first list: loads by itself when the reader scrolls near. Otherwise at
   * the top of an oldest-first list, where it waits for a click: a page goes in below it.
   */
  readonly auto: boolean;
  /**
   * The same page with one more older page, which its server renders: the way there until the
   * page runs script (or without JavaScript), when the button takes over.
   */
  readonly href?: string | undefined;
}

/** How close (px) the end of the timeline must come for the next page to load by itself. */
const NEAR_PX = 800;
/** Pages that load by themselves in a row while the reader does not scroll. */
const MAX_UNPROMPTED_PAGES = 3;
/** Tries of a failed page by itself, the first after RETRY_MS, each wait twice the last. */
const MAX_RETRIES = 4;
const RETRY_MS = 5_000;

/** The feed's older pages: a button (and, at the end of the list, a scroll trigger). */
export function OlderUpdates({ hasOlder, broken = false, onLoad, auto, href }: Props) {
  const t = { ...useMessages(), ...useChunkMessages(olderMessages) };
  const hydrated = useHydrated();
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  // Bumped by each page that loads: observing afresh reports whether the end is still near, so a
  // page that did not fill the screen is followed by the next without waiting for a scroll.
  const [loaded, setLoaded] = useState(0);
  const busy = useRef(false);
  // Read by the scroll listener; state would re-observe, and so retry, on failing.
  const failed = useRef(false);
  // Tries by itself since the last page that came.
  const retries = useRef(0);
  const load = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    failed.current = false;
    setState('loading');
    onLoad()
      .then(
        () => {
          retries.current = 0;
          setState('idle');
          setLoaded((n) => n + 1);
        },
        () => {
          failed.current = true;
          setState('failed');
        },
      )
      .finally(() => {
        busy.current = false;
      });
  }, [onLoad]);
  const isFailed = useCallback(() => failed.current, []);
  // A failed page is asked for again by itself: when the browser comes back online, and while
  // it is online after a growing wait; a few times, then only by the button.
  useEffect(() => {
    if (state !== 'failed' || retries.current >= MAX_RETRIES) return;
    const again = () => {
      retries.current += 1;
      load();
    };
    const timer = setTimeout(() => navigator.onLine && again(), RETRY_MS << retries.current);
    addEventListener('online', again);
    return () => {
      clearTimeout(timer);
      removeEventListener('online', again);
    };
  }, [state, load]);
  const sentinel = useEndReached(load, {
    active: auto && hasOlder,
    marginPx: NEAR_PX,
    revision: loaded,
    paused: isFailed,
    maxUnprompted: MAX_UNPROMPTED_PAGES,
  });
  // The last page asked for at the top: the button gives way to a note, which takes the focus
  // the button had (nothing else to go on from).
  const reached = useRef<HTMLParagraphElement>(null);
  const clicked = !auto && loaded > 0 && !hasOlder;
  useEffect(() => {
    if (clicked) reached.current?.focus();
  }, [clicked]);
  if (!hasOlder) {
    return broken || clicked ? (
      <div className="lb-older">
        <p className="lb-older__error" tabIndex={-1} ref={reached}>
          {broken ? t.olderFailed : t.allLoaded}
        </p>
      </div>
    ) : null;
  }
  if (!hydrated && href !== undefined) {
    return (
      // The same element as the button's, watched from hydration on.
      <div className="lb-older" ref={sentinel}>
        <a href={href} className="lb-button lb-button--secondary">
          {auto ? t.showOlder : t.showEarlier}
        </a>
      </div>
    );
  }
  return (
    <div className="lb-older" ref={sentinel}>
      {/* An alert: said as it comes, though the focus stays on the button. */}
      {state === 'failed' && (
        <p className="lb-older__error" role="alert">
          {t.olderFailed}
        </p>
      )}
      {/* Not `disabled` while loading: that would drop the focus to the page (load() waits).
          Nor busy: its new name, "Loading…", is what the reader should hear. */}
      <button
        type="button"
        className="lb-button lb-button--secondary"
        onClick={load}
        aria-disabled={state === 'loading'}
      >
        {state === 'loading' ? t.loadingOlder : auto ? t.showOlder : t.showEarlier}
      </button>
    </div>
  );
}
