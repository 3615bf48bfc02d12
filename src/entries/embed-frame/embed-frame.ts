// dist/embed-frame.js: the host page's half of the iframe embed. It sizes every
// <iframe data-live-blog> to its content's height, from the frame's own messages
// (src/embed/frame-protocol.ts). No globals; safe to load twice.
import { HELLO_MESSAGE, readHeightMessage } from '../common/frame-protocol';

const SELECTOR = 'iframe[data-live-blog]';

function frameOrigin(iframe: HTMLIFrameElement): string | undefined {
  try {
    return new URL(iframe.src, document.baseURI).origin;
  } catch {
    return undefined;
  }
}

function greet(iframe: HTMLIFrameElement) {
  // The hello carries nothing: '*' is safe here, and it reaches a frame that loaded before this
  // script ran (whose first heights went unheard) without a console error if it has not loaded yet.
  iframe.contentWindow?.postMessage({ type: HELLO_MESSAGE }, '*');
}

window.addEventListener('message', (event) => {
  const height = readHeightMessage(event.data);
  if (height === undefined) return;
  for (const iframe of document.querySelectorAll<HTMLIFrameElement>(SELECTOR)) {
    if (event.source !== iframe.contentWindow) continue;
    if (event.origin !== frameOrigin(iframe)) return;
    iframe.style.height = `${height}px`;
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
