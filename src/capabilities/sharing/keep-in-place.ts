/**
 * Lands a jump (permalink, key event, chart bar) on an update and keeps it there while the
 * layout around it settles, until the reader scrolls.
 *
 * Why: updates are `content-visibility: auto` with a 14em placeholder height (live-blog.css). A
 * jump far down grows the render window and scrolls to the update while the updates just
 * rendered for it still have that guessed height; a frame or two later the browser lays out the
 * ones near the viewport, and their real heights (two lines to a screenful) push the target down
 * or pull it up, by up to thousands of pixels. CSS scroll anchoring does not make up for that
 * first layout: in Chromium the target ended thousands of pixels off with the article
 * focused, with the sticky titles, the highlight's animation or `position: relative` switched
 * off, and with `overflow-anchor: auto` everywhere (it does make up for later changes, and for
 * the first layout once the reader has scrolled, but not during a smooth keyboard scroll), and
 * not every browser anchors.
 *
 * So, two parts:
 * - `layOutAbove`: before the scroll, the updates that will be on or near the screen above the
 *   target are laid out at their real heights (`content-visibility: visible` until the hold lets
 *   go), so the scroll lands on the final layout and nothing is left to settle;
 * - `keepInPlace`: for a few seconds after, whenever something around the target changes size
 *   (fonts, images, the chart above the timeline, an update further up coming into view; a
 *   ResizeObserver on its ancestors, which runs before paint, in a shadow root, and with a fake
 *   clock) and it moved by more than a pixel, it goes back to where it landed. It stops as soon
 *   as the reader scrolls (wheel, touch, a scrolling key, a pointer press, or the page scrolling
 *   with nothing moving under it, as a scrollbar drag does), once nothing has moved for
 *   QUIET_MS, after LIMIT_MS in any case, or when the target leaves the document.
 */

import { adoptStyles } from '../../shared/styles/adopt-styles';
import landingCss from './landing.css?inline';

import { keepFocusInSight } from './focus-in-sight';
import { keepFocus } from './keep-focus';
import { printAll } from './print-all';
import { keepPlaceWhileReading } from './reader-place';

export { permalinkMessages } from './permalink-messages';
export { holdPlaces } from './hold-places';

/**
 * Once this chunk is in (when the page is idle, use-permalink-target.ts): its styles where the
 * widget `root` is, before a jump's note shows, and printing every update; on a page of its
 * own (`own`), where the reader is, kept in its history entry. Returns what stops it.
 */
export function install(
  root: Element | null,
  grow: (atLeast: number) => void,
  own?: boolean,
): () => void {
  if (root) adoptStyles(root, landingCss);
  const printing = printAll(grow);
  // The focus kept when a poll takes its element away (keep-focus.ts), and the focus Tab moves
  // kept clear of the sticky titles and the notice (focus-in-sight.ts).
  const focus = root ? [keepFocus(root), keepFocusInSight(root)] : [];
  const stopPrinting = () => {
    printing();
    for (const stop of focus) stop();
  };
  if (!own || !root) return stopPrinting;
  const stopKeeping = keepPlaceWhileReading(root);
  return () => {
    stopPrinting();
    stopKeeping();
  };
}

const QUIET_MS = 1_000;
const LIMIT_MS = 5_000;
const SCROLL_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
  ' ',
  'Tab',
]);

/** Scrolls `el` to the top of its scrollers (its scroll-margin respected) without animation. */
export function scrollToTop(el: Element) {
  el.scrollIntoView({ block: 'start', behavior: 'instant' });
}

/**
 * Renders `el` and the elements matching `selector` before it (in its document or shadow root)
 * at their real size, until they add up to `px` of height above it. Returns the function that
 * gives them back to the stylesheet's `content-visibility`: call it after the browser has
 * rendered them once (their size is remembered from then on, `contain-intrinsic-size: auto`).
 */
export function layOutAbove(el: Element, selector: string, px: number): () => void {
  const root = el.getRootNode() as Document | ShadowRoot;
  const all = Array.from(root.querySelectorAll<HTMLElement>(selector));
  const touched: HTMLElement[] = [];
  let height = 0;
  for (let i = all.indexOf(el as HTMLElement); i >= 0 && height < px; i--) {
    const item = all[i]!;
    item.style.setProperty('content-visibility', 'visible');
    touched.push(item);
    if (item !== el) height += item.getBoundingClientRect().height;
  }
  return () => {
    for (const item of touched) item.style.removeProperty('content-visibility');
  };
}

/**
 * Holds `el`'s top where it is now; returns a function that lets go (idempotent). `onEnd` runs
 * once when it lets go, whatever the reason.
 */
export function keepInPlace(
  el: Element,
  onEnd: () => void = () => {},
  place: () => void = () => scrollToTop(el),
): () => void {
  const maybeView = el.ownerDocument.defaultView;
  if (!maybeView || typeof maybeView.ResizeObserver === 'undefined') {
    onEnd();
    return () => {};
  }
  const view = maybeView;
  const ancestors = composedAncestors(el);
  const page = el.ownerDocument.scrollingElement;
  const scrollers = [
    ...ancestors.filter(
      (a) => a !== page && /(auto|scroll|overlay)/.test(view.getComputedStyle(a).overflowY),
    ),
    ...(page ? [page] : []),
  ];
  const scrolled = () => scrollers.reduce((sum, s) => sum + s.scrollTop, 0);
  const top = () => el.getBoundingClientRect().top;

  let wanted = top();
  let lastTop = wanted;
  let lastScroll = scrolled();
  let stopped = false;
  let rendered = false;

  const check = () => {
    if (stopped) return;
    if (!el.isConnected) {
      stop();
      return;
    }
    const dScroll = scrolled() - lastScroll;
    // The page scrolled and the target moved with it, by as much: nothing changed size, so
    // someone scrolled. (Layout shifts move the target without scrolling; scroll anchoring
    // scrolls without moving it.)
    if (Math.abs(dScroll) > 1 && Math.abs(top() - lastTop + dScroll) < 1) {
      stop();
      return;
    }
    if (Math.abs(top() - wanted) > 1) {
      place();
      quiet();
      // Where it can be: near the end of the page it may not reach the top.
      wanted = top();
    }
    lastTop = top();
    lastScroll = scrolled();
  };

  const onKey = (e: KeyboardEvent) => {
    if (SCROLL_KEYS.has(e.key)) stop();
  };
  const observer = new view.ResizeObserver(() => {
    rendered = true;
    check();
  });
  for (const a of ancestors) observer.observe(a);
  const options = { capture: true, passive: true } as const;
  view.addEventListener('wheel', stop, options);
  view.addEventListener('touchstart', stop, options);
  view.addEventListener('pointerdown', stop, options);
  view.addEventListener('keydown', onKey, options);
  view.addEventListener('scroll', check, options);

  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  function quiet() {
    clearTimeout(quietTimer);
    quietTimer = setTimeout(stop, QUIET_MS);
  }
  quiet();
  const limitTimer = setTimeout(stop, LIMIT_MS);

  function stop() {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    view.removeEventListener('wheel', stop, options);
    view.removeEventListener('touchstart', stop, options);
    view.removeEventListener('pointerdown', stop, options);
    view.removeEventListener('keydown', onKey, options);
    view.removeEventListener('scroll', check, options);
    clearTimeout(quietTimer);
    clearTimeout(limitTimer);
    if (rendered) onEnd();
    else afterRendering(el, onEnd);
  }
  return stop;
}

/** Runs `callback` after the browser's next rendering of `el` (its ResizeObserver step). */
function afterRendering(el: Element, callback: () => void) {
  const observer = new ResizeObserver(() => {
    observer.disconnect();
    callback();
  });
  observer.observe(el);
}

/** The element's ancestors up to the root element, through shadow roots (an embed's host). */
function composedAncestors(el: Element): Element[] {
  const out: Element[] = [];
  let node: Node | null = el.parentNode;
  while (node) {
    if (node instanceof ShadowRoot) node = node.host;
    else if (node.nodeType === Node.ELEMENT_NODE) {
      out.push(node as Element);
      node = node.parentNode;
    } else node = null;
  }
  return out;
}

/** How long a target keeps its highlight (live-blog.css fades it over the same time). */
const HIGHLIGHT_MS = 4_000;

/**
 * Lands a jump on `el`: lays out what is above it, scrolls it to the top, keeps it there, focuses
 * and highlights it. Returns what takes the hold and the highlight away. `shared`: the page's
 * address asked, which every <live-blog> of the page reads; when one before this one in the page
 * shows the update too, the landing is that one's, so that the page lands in one place.
 */
export function land(el: HTMLElement, shared?: boolean, at?: number): () => void {
  if (at !== undefined) return restorePlace(el, at);
  const host = (el.getRootNode() as ShadowRoot).host;
  for (const other of shared ? document.querySelectorAll('live-blog') : []) {
    if (other === host) break;
    if (other.shadowRoot?.getElementById(el.id)) return () => {};
  }
  const restore = layOutAbove(el, '.lb-update', 2 * window.innerHeight);
  scrollToTop(el);
  const letGo = keepInPlace(el, restore);
  // Focus: where keyboard and screen-reader users go on from. An article is not focusable by
  // itself (UpdateArticle gives it no tabindex).
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
  adoptStyles(el, landingCss);
  el.classList.add('lb-update--target');
  const timer = setTimeout(() => el.classList.remove('lb-update--target'), HIGHLIGHT_MS);
  return () => {
    letGo();
    clearTimeout(timer);
    el.classList.remove('lb-update--target');
  };
}

/**
 * Back or reload: `el`'s top again `at` px below the viewport's, held while the layout settles;
 * quietly, as the reader left it. Not when the reader has scrolled already. The updates above it
 * are laid out a frame before the scroll: in the same frame, the browser would count the blocks
 * they grew as shifted in view.
 */
function restorePlace(el: HTMLElement, at: number): () => void {
  if (window.scrollY > 0) return () => {};
  const restore = layOutAbove(el, '.lb-update', 2 * window.innerHeight);
  let letGo: (() => void) | undefined;
  const place = () =>
    window.scrollBy({ top: el.getBoundingClientRect().top - at, behavior: 'instant' });
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (letGo || window.scrollY > 0) return restore();
      place();
      letGo = keepInPlace(el, restore, place);
    }),
  );
  return () => {
    letGo ??= restore;
    letGo();
  };
}
