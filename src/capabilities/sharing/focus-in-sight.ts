// The focus kept in sight when the reader moves it with Tab (WCAG 2.4.11).
//
// The browser scrolls an element it focuses only when the element is off screen. One under the
// topic or day title held at the top of the screen, under the "new updates" button, or behind
// the connection notice held at its foot is on screen, so it stays there: Shift+Tab up a phone's
// column of updates put the focus on a "Copy link" or a headline the title hid whole, and the
// reader saw no focus at all. And an update the browser lays out only as it scrolls to it
// (`content-visibility: auto`) may take another height then, moving the element it focused
// off the screen again. So, in the frames after the browser's scroll, an element covered or off
// the screen is brought to the middle of it, as the browser brings one from off the screen. Only
// for Tab: a focus the widget moves itself (keep-focus.ts, a jump) keeps its place. Installed
// for each widget with the landing code (keep-in-place.ts `install`).

import { onScreen } from './on-screen';

/** The widget's parts held over the updates while the page scrolls under them. */
const COVERS = '.lb-group__title,.lb-day__title,.lb-toast,.lb-notice--on';
/** Frames in which the element is looked at after the browser's scroll. */
const FRAMES = 6;

/** Whether `el` is off the screen, or hidden under one of the widget's parts. */
function outOfSight(el: Element, root: Element): boolean {
  const box = el.getBoundingClientRect();
  if (!onScreen(box)) return true;
  return [...root.querySelectorAll(COVERS)].some((cover) => {
    if (cover.contains(el)) return false;
    const c = cover.getBoundingClientRect();
    return (
      c.height > 0 &&
      c.top < box.bottom &&
      c.bottom > box.top &&
      c.left < box.right &&
      c.right > box.left
    );
  });
}

/**
 * Keeps the focus that Tab moves in `root` (a widget) in sight; returns what stops it. Heard
 * where the widget is (its shadow root, else the document): a focus moved within a shadow root
 * is not told to the document.
 */
export function keepFocusInSight(root: Element): () => void {
  const where = root.getRootNode();
  let tabbed = false;
  const onKey = (e: Event) => (tabbed = (e as KeyboardEvent).key === 'Tab');
  const onPointer = () => (tabbed = false);
  const onFocus = (e: Event) => {
    const el = e.composedPath()[0];
    if (!tabbed || !(el instanceof Element) || !root.contains(el)) return;
    tabbed = false;
    const look = (frames: number) =>
      requestAnimationFrame(() => {
        if (!el.matches(':focus')) return;
        if (outOfSight(el, root)) el.scrollIntoView({ block: 'center' });
        if (frames > 1) look(frames - 1);
      });
    look(FRAMES);
  };
  where.addEventListener('keydown', onKey, true);
  where.addEventListener('pointerdown', onPointer, true);
  where.addEventListener('focusin', onFocus, true);
  return () => {
    where.removeEventListener('keydown', onKey, true);
    where.removeEventListener('pointerdown', onPointer, true);
    where.removeEventListener('focusin', onFocus, true);
  };
}
