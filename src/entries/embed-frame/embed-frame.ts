// dist/embed-frame.js: the host page's half of the iframe embed. It sizes every
// <iframe data-live-blog> to its content's height, from the frame's own messages
// (src/embed/frame-protocol.ts), and passes a host's consent to embeds on to the frame. No
// globals; safe to load twice.
import { CONSENT_EVENT } from '../../core/embeds/host-consent';
import { readProviderGrant, type ProviderGrant } from '../../core/embeds/provider-grant';
import { CONSENT_MESSAGE, HELLO_MESSAGE, readHeightMessage } from '../common/frame-protocol';

const SELECTOR = 'iframe[data-live-blog]';

function frameOrigin(iframe: HTMLIFrameElement): string | undefined {
  // A sandbox without allow-same-origin gives the frame an opaque origin, which messages carry
  // as 'null' and which no targetOrigin but '*' reaches; the window check alone then names it.
  if (iframe.hasAttribute('sandbox') && !iframe.sandbox.contains('allow-same-origin'))
    return 'null';
  try {
    return new URL(iframe.src, document.baseURI).origin;
  } catch {
    return undefined;
  }
}

/** The host's last word on embeds per iframe, said again whenever the frame (re)loads. */
const consents = new WeakMap<HTMLIFrameElement, ProviderGrant>();

function sendConsent(iframe: HTMLIFrameElement) {
  const providers = consents.get(iframe);
  const origin = frameOrigin(iframe);
  if (providers === undefined || origin === undefined) return;
  // To the frame's origin alone; a frame still loading is reached by its load event.
  iframe.contentWindow?.postMessage(
    { type: CONSENT_MESSAGE, providers },
    origin === 'null' ? '*' : origin,
  );
}

function greet(iframe: HTMLIFrameElement) {
  // The hello carries nothing: '*' is safe here, and it reaches a frame that loaded before this
  // script ran (whose first heights went unheard) without a console error if it has not loaded yet.
  iframe.contentWindow?.postMessage({ type: HELLO_MESSAGE }, '*');
  sendConsent(iframe);
}

/**
 * What the iframe's `height` holds besides its content: its padding and border where the page's
 * styles size boxes by their border (`box-sizing: border-box`, in most CSS resets). Left out, a
 * frame with a border or padding would cut that much off the end of the blog, with no scroll bar
 * to reach it.
 */
function frameEdges(iframe: HTMLIFrameElement): number {
  const style = getComputedStyle(iframe);
  if (style.boxSizing !== 'border-box') return 0;
  return ['padding-top', 'padding-bottom', 'border-top-width', 'border-bottom-width'].reduce(
    (sum, name) => sum + (parseFloat(style.getPropertyValue(name)) || 0),
    0,
  );
}

window.addEventListener('message', (event) => {
  const height = readHeightMessage(event.data);
  if (height === undefined) return;
  for (const iframe of document.querySelectorAll<HTMLIFrameElement>(SELECTOR)) {
    if (event.source !== iframe.contentWindow) continue;
    if (event.origin !== frameOrigin(iframe)) return;
    iframe.style.height = `${height + frameEdges(iframe)}px`;
    return;
  }
});

// Load events do not bubble, but they can be caught on the way down: this covers iframes added
// later and iframes that navigate.
document.addEventListener(
  'load',
  (event) => {
    const target = event.target;
    if (target instanceof HTMLIFrameElement && target.matches(SELECTOR)) greet(target);
  },
  true,
);
for (const iframe of document.querySelectorAll<HTMLIFrameElement>(SELECTOR)) greet(iframe);

// The host's consent manager dispatches the same event on the iframe as on <live-blog>; it does
// not bubble, but it can be caught on the way down. Only the known provider names cross.
document.addEventListener(
  CONSENT_EVENT,
  (event) => {
    const target = event.target;
    if (!(target instanceof HTMLIFrameElement) || !target.matches(SELECTOR)) return;
    const detail: unknown = event instanceof CustomEvent ? event.detail : undefined;
    const providers =
      typeof detail === 'object' && detail !== null && 'providers' in detail
        ? detail.providers
        : undefined;
    consents.set(target, readProviderGrant(providers));
    sendConsent(target);
  },
  true,
);
