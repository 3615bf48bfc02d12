// Where the reader is on a page of their own, kept in its history entry for Back and reload to
// land there (use-permalink-target.ts, keep-in-place.ts's restorePlace; decision 0033).
import { updateIdFromHash } from '../../core/timeline/element-ids';

/** Keeps the place in `root` as the reader reads; returns what stops it. */
export function keepPlaceWhileReading(root: Element): () => void {
  // A reload takes the entry as it was before the page unloads (Chromium): kept as the reader
  // stops scrolling, and again when leaving, for what came after.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const keep = () => {
    clearTimeout(timer);
    keepPlace(root);
  };
  const onScroll = () => {
    clearTimeout(timer);
    timer = setTimeout(keep, KEEP_AFTER_MS);
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') keep();
  };
  window.addEventListener('scroll', onScroll, { passive: true });
  // Hidden comes first, and a phone may discard a hidden page without a pagehide.
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('pagehide', keep);
  // Scrolled before this code came: kept now. At the top, a place still to land on stays.
  if (window.scrollY > 0) keep();
  return () => {
    clearTimeout(timer);
    window.removeEventListener('scroll', onScroll);
    document.removeEventListener('visibilitychange', onHidden);
    window.removeEventListener('pagehide', keep);
  };
}

/** How long scrolling rests before the place is kept: Safari allows few history writes. */
const KEEP_AFTER_MS = 500;

/**
 * Keeps in the history entry the update of `root` at the top of the viewport and how far its top
 * is from the viewport's (nothing at the top of the page), for Back and
 * reload to land there (use-permalink-target.ts). The browser's own restoration is off while
 * there is one: it restores a pixel offset, before the updates are in and at their real heights
 * (decision 0033).
 */
function keepPlace(root: Element) {
  let at: [string, number] | undefined;
  for (const el of window.scrollY > 0 ? root.querySelectorAll('.lb-update') : []) {
    const { top, bottom } = el.getBoundingClientRect();
    const id = updateIdFromHash(`#${el.id}`);
    if (bottom > 0 && id !== undefined) {
      at = [id, top];
      break;
    }
  }
  const state: unknown = history.state;
  try {
    history.replaceState({ ...(state instanceof Object ? state : {}), lbAt: at }, '');
    history.scrollRestoration = at ? 'manual' : 'auto';
  } catch {
    // Too many history writes (Safari): the last one kept stands.
  }
}
