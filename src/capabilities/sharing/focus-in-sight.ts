// The focus kept in sight when the reader moves it with Tab (WCAG 2.4.11).
//
// The browser scrolls an element it focuses only when the element is off screen. One under the
// topic or day title held at the top of the screen, under the "new updates" button, or behind
// the connection notice held at its foot is on screen, so it stays there: Shift+Tab up a phone's
// column of updates put the focus on a "Copy link" or a headline the title hid whole, and the
// reader saw no focus at all. After the browser's own scroll, the element is moved clear of what
// covers it. Only for Tab: a focus the widget moves itself (keep-focus.ts, a jump) keeps its
// place. Installed with the landing code (keep-in-place.ts), once for every widget of the page.

/** The widget's parts held over the updates while the page scrolls under them. */
const COVERS = '.lb-group__title,.lb-day__title,.lb-toast,.lb-notice--on';
/** Room (px) left between the element's focus ring and what covered it. */
const ROOM = 8;

/** The nearest ancestor that scrolls, across the shadow root; else the page. */
function scrollerOf(el: Element): Element | Window {
  for (let node = parentOf(el); node; node = parentOf(node)) {
    const { overflowY } = getComputedStyle(node);
    if (/auto|scroll/.test(overflowY) && node.scrollHeight > node.clientHeight) return node;
  }
  return window;
}

function parentOf(el: Element): Element | null {
  const root = el.getRootNode();
  return el.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
}

/** How far (px) to scroll so that nothing of the widget's covers `el`: up is negative. */
function uncoveringShift(el: Element, root: Element): number {
  const box = el.getBoundingClientRect();
  for (const cover of root.querySelectorAll(COVERS)) {
    if (cover.contains(el)) continue;
    const c = cover.getBoundingClientRect();
    const overlaps =
      c.height > 0 &&
      c.top < box.bottom &&
      c.bottom > box.top &&
      c.left < box.right &&
      c.right > box.left;
    if (!overlaps) continue;
    // Held at the top (its middle above the element's): scroll up; at the foot: down.
    return c.top + c.bottom < box.top + box.bottom
      ? box.top - c.bottom - ROOM
      : box.bottom - c.top + ROOM;
  }
  return 0;
}

if (typeof document !== 'undefined') {
  let tabbed = false;
  // Captured at the document: keys pressed in <live-blog> reach it (keys-stay-inside.ts lets Tab go).
  document.addEventListener('keydown', (e) => (tabbed = e.key === 'Tab'), true);
  document.addEventListener('pointerdown', () => (tabbed = false), true);
  document.addEventListener(
    'focusin',
    (e) => {
      if (!tabbed) return;
      tabbed = false;
      const el = e.composedPath()[0];
      const root = el instanceof Element ? el.closest('.lb-root') : null;
      if (!root) return;
      // The browser scrolls to the element after this event: measured once it has.
      requestAnimationFrame(() => {
        const shift = uncoveringShift(el as Element, root);
        if (shift) scrollerOf(el as Element).scrollBy(0, shift);
      });
    },
    true,
  );
}
