import type { Attachment } from '../../core/feed/feed-types';
import type { MediaMessages } from './media-messages';
import viewerCss from './gallery-viewer.css?inline';
import { adoptStyles } from '../../shared/styles/adopt-styles';

// A gallery's photos one at a time, in a native modal <dialog>: the browser traps focus, closes
// it on Escape and keeps it in the top layer (inside <live-blog>'s shadow root too). A chunk of
// its own, loaded on the first click on a thumbnail (UpdateMedia.tsx), and plain DOM: a chunk
// that imports React splits React out of the main bundle (docs/decisions/0014-…). The address
// does not change: the update's permalink stays what a reader shares.

export interface ViewerOptions {
  readonly photos: readonly Attachment[];
  readonly start: number;
  /** The update's headline: the dialog's name. */
  readonly label: string;
  /** The thumbnail that opened the viewer: focus goes back to it. */
  readonly opener: HTMLElement;
  /** Where the dialog goes: inside the widget, where its styles and theme apply. */
  readonly host: Element;
  /** The feed's language: of each photo's words (the position, "Photo 2 of 5", is ours). */
  readonly lang?: string | undefined;
  readonly messages: Pick<MediaMessages, 'photoOf' | 'previousPhoto' | 'nextPhoto' | 'closePhotos'>;
}

/** A horizontal move shorter than this (CSS pixels) is a tap, not a swipe. */
const SWIPE = 40;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.append(...children);
  return el;
}

function button(text: string, onClick: () => void) {
  const b = element('button', 'lb-button lb-button--secondary', text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** Opens the viewer at `start`; it removes itself when closed. */
export function openGalleryViewer(o: ViewerOptions): void {
  // A second click before the chunk came in must not open a second viewer.
  if (o.host.querySelector(':scope > .lb-viewer')) return;
  // Its styles come with it (constructable stylesheet), into the document or the shadow root.
  adoptStyles(o.host, viewerCss);
  const { photos, messages: t } = o;
  const total = photos.length;
  let index = o.start;
  let image = element('img');
  // Read out at each move: where the reader is, and what the photo shows.
  const caption = element('figcaption');
  caption.setAttribute('aria-live', 'polite');
  caption.setAttribute('aria-atomic', 'true');
  // It scrolls when the words are long (gallery-viewer.css): reachable by keyboard too.
  caption.tabIndex = 0;
  const figure = element('figure', 'lb-viewer__figure', image, caption);
  const dialog = element(
    'dialog',
    'lb-viewer',
    element(
      'div',
      'lb-viewer__top',
      button(t.closePhotos, () => dialog.close()),
    ),
    figure,
    element(
      'div',
      'lb-viewer__nav',
      button(t.previousPhoto, () => show(index - 1)),
      button(t.nextPhoto, () => show(index + 1)),
    ),
  );
  dialog.setAttribute('aria-label', o.label);
  // Which photo is shown is read out as the viewer opens too, not only at the first move. One
  // viewer at a time (modal), and an id is unique within its document or shadow root.
  caption.id = 'lb-viewer-caption';
  dialog.setAttribute('aria-describedby', caption.id);

  function show(i: number) {
    index = (i + total) % total;
    const photo = photos[index]!;
    // A new element each time: the previous photo never shows under the next one's words.
    const next = element('img', 'lb-viewer__image');
    next.src = photo.url;
    next.alt = photo.title ?? '';
    if (o.lang !== undefined) next.lang = o.lang;
    if (photo.width && photo.height) {
      next.width = photo.width;
      next.height = photo.height;
    }
    next.decoding = 'async';
    next.draggable = false;
    image.replaceWith(next);
    image = next;
    const words: (Node | string)[] = [
      element('span', 'lb-viewer__position', t.photoOf(index + 1, total)),
    ];
    if (photo.title) words.push(' ', feedWords(photo.title));
    if (photo.credit)
      words.push(' ', element('small', 'lb-media__credit', feedWords(photo.credit)));
    caption.replaceChildren(...words);
  }
  // Isolated from the words around it, and read out in the feed's language.
  function feedWords(text: string) {
    const bdi = element('bdi', undefined, text);
    if (o.lang !== undefined) bdi.lang = o.lang;
    return bdi;
  }
  // "Forward" is the way the text runs: ArrowLeft and a swipe to the right in Arabic.
  const forward = (towardsRight: boolean) =>
    show(index + (towardsRight === (getComputedStyle(dialog).direction !== 'rtl') ? 1 : -1));

  dialog.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    forward(e.key === 'ArrowRight');
  });
  let swipe: { id: number; x: number; y: number } | undefined;
  figure.addEventListener('pointerdown', (e) => {
    if (e.isPrimary && e.button === 0) swipe = { id: e.pointerId, x: e.clientX, y: e.clientY };
  });
  figure.addEventListener('pointercancel', () => (swipe = undefined));
  figure.addEventListener('pointerup', (e) => {
    const from = swipe;
    swipe = undefined;
    if (from?.id !== e.pointerId) return;
    const dx = e.clientX - from.x;
    if (Math.abs(dx) < SWIPE || Math.abs(dx) < Math.abs(e.clientY - from.y)) return;
    // A swipe to the left brings the photo on the right.
    forward(dx < 0);
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (o.opener.isConnected) o.opener.focus();
  });

  show(index);
  // A page's CSS `zoom` above the widget (a text-size control) scales viewport units too: the
  // photo would be taller than the screen, its caption and buttons below it.
  const zoom = (o.host as { currentCSSZoom?: number }).currentCSSZoom;
  if (zoom) dialog.style.setProperty('--lb-unzoom', `${1 / zoom}`);
  o.host.append(dialog);
  void placeInFrame(dialog).then(() => {
    if (dialog.isConnected) dialog.showModal();
  });
}

/**
 * In an iframe the reader may see only part of the frame's viewport: the iframe embed, sized to
 * its content (embed-frame.js), is as tall as the whole blog, and a centred dialog could open far
 * from where the reader is. There the dialog opens within the part they see, which only an
 * IntersectionObserver can tell across origins.
 */
async function placeInFrame(dialog: HTMLDialogElement) {
  if (window.parent === window || typeof IntersectionObserver === 'undefined') return;
  const seen = await new Promise<DOMRectReadOnly | undefined>((resolve) => {
    const observer = new IntersectionObserver(([entry]) => {
      observer.disconnect();
      resolve(entry?.intersectionRect);
    });
    observer.observe(document.body);
  });
  if (!seen || seen.height < 1 || seen.height >= window.innerHeight - 1) return;
  const gap = 8;
  dialog.style.setProperty('--lb-viewer-top', `${Math.round(seen.top + gap)}px`);
  dialog.style.setProperty('--lb-viewer-room', `${Math.round(seen.height - 2 * gap)}px`);
  // What is left for the photo besides the buttons and the caption.
  dialog.style.setProperty(
    '--lb-viewer-image',
    `${Math.max(120, Math.round(seen.height - 240))}px`,
  );
}
