// An update retracted while the reader is at it goes at once, text and all (docs/feed-format.md,
// Tombstones), but what was below it would jump up under their eyes. Its place is held instead,
// with one line saying it was withdrawn, until none of it is on the screen; then it goes, and
// scroll anchoring makes up for it above the reader (docs/decisions/0036). It reaches as high as
// the update did, and down to where it ended or the screen does, whichever comes first: below
// the screen nothing moves that the reader sees, and they do not scroll through blank space.
//
// A plain element beside React's, as keep-focus.ts works on the DOM too: React does not read
// its parent's children after hydrating, and it goes with that parent. Part of the landing code
// (loaded when the page is idle): a retraction before that takes the update away at once.
import { messagesIn } from '../../shared/i18n/language';
import { withdrawnMessages } from './withdrawn-messages';

/** Holds the place of `el`, a retracted update's element, as it leaves the page. */
export function holdPlace(el: Element, locale: string): void {
  if (typeof IntersectionObserver === 'undefined') return;
  const doc = el.ownerDocument;
  const place = doc.createElement('div');
  place.className = 'lb-withdrawn';
  const { top, bottom } = el.getBoundingClientRect();
  place.style.height = `${Math.max(0, Math.min(bottom, doc.defaultView!.innerHeight) - top)}px`;
  place.appendChild(doc.createElement('p')).textContent = messagesIn(
    withdrawnMessages,
    locale,
  ).withdrawn;
  el.after(place);
  // Its first report says whether it is on the screen at all.
  new IntersectionObserver(([entry], observer) => {
    if (entry!.isIntersecting) return;
    observer.disconnect();
    place.remove();
  }).observe(place);
}
