// The focus, when a poll takes its element away.
//
// An update retracted, or moved by an edit to another group or to the pinned area (React mounts
// it anew there), takes the focus with it, as does a key event's entry in the rail when the edit
// makes it an ordinary update: the browser leaves the focus on the page's body, and Tab starts
// again from the top of the page. So does a control that goes once used: "Retry now" when the
// feed comes back. The focus goes to the update where it now is, else to the timeline's top if it
// is on screen, else to the first update that is, without scrolling: the timeline's top far
// above sent the reader's next Tab there, and the page up to it, away from what they read.
// Installed for each widget with the landing code (keep-in-place.ts `install`, when the page is
// idle), where the widget is: in <live-blog>'s shadow root, a focus moved from one of its
// elements to another is not told to the document.

import { onScreen } from './on-screen';

/** Keeps the focus in `root` (a widget) when a poll takes its element away; returns what stops it. */
export function keepFocus(root: Element): () => void {
  const where = root.getRootNode();
  /** The focused element in the widget, and the id of its update's element. */
  let had: { el: Element; update: string | undefined } | undefined;
  const restoreFocus = () => {
    if (!had || had.el.isConnected) return;
    const { update } = had;
    had = undefined;
    const active = (where as Document | ShadowRoot).activeElement;
    if (active && active !== document.body) return;
    const moved = update && root.querySelector<HTMLElement>(`[id="${CSS.escape(update)}"]`);
    const top = root.querySelector<HTMLElement>('.lb-timeline__top');
    const to =
      moved || (top && onScreen(top.getBoundingClientRect()) ? top : (inSight(root) ?? top));
    if (to && to !== top && !to.hasAttribute('tabindex')) to.setAttribute('tabindex', '-1');
    to?.focus({ preventScroll: true });
  };
  const observer =
    typeof MutationObserver === 'undefined' ? undefined : new MutationObserver(restoreFocus);
  const onFocusIn = (e: Event) => {
    const el = e.composedPath()[0];
    const inside = el instanceof Element && root.contains(el);
    had = inside ? { el, update: el.closest('.lb-update')?.id } : undefined;
    observer?.disconnect();
    if (inside) observer?.observe(root, { childList: true, subtree: true });
  };
  // An element being removed may get a focusout too: only one still in place gave the focus up.
  const onFocusOut = (e: Event) => {
    const el = e.composedPath()[0];
    queueMicrotask(() => {
      if (had && had.el === el && had.el.isConnected) had = undefined;
    });
  };
  where.addEventListener('focusin', onFocusIn, true);
  where.addEventListener('focusout', onFocusOut, true);
  return () => {
    observer?.disconnect();
    where.removeEventListener('focusin', onFocusIn, true);
    where.removeEventListener('focusout', onFocusOut, true);
  };
}

/** The first update on the screen: where the reader is. */
function inSight(root: Element) {
  return [...root.querySelectorAll<HTMLElement>('.lb-update')].find((el) =>
    onScreen(el.getBoundingClientRect()),
  );
}
