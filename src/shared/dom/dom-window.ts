// Feed HTML is parsed in a DOM: the page's own, or on the server one made for rendering there
// (jsdom), so that the sanitiser and the embeds' splitter work alike in both places.
import type { WindowLike } from 'dompurify';

/**
 * What an HTML sink takes where the page enforces Trusted Types (absent from TypeScript's DOM);
 * it stringifies to its HTML.
 */
export type TrustedHtml = NonNullable<WindowLike['trustedTypes']>['emptyHTML'] & {
  toString(): string;
};

/** Sanitised feed HTML for a sink: TrustedHTML where the browser has Trusted Types, else text. */
export type SafeHtml = TrustedHtml | string;

let chosen: (Window & typeof globalThis) | undefined;

/** The server's DOM for parsing feed HTML; call before the first render. */
export function parseFeedHtmlIn(win: Window & typeof globalThis): void {
  chosen = win;
}

/** Where feed HTML is parsed: the server's DOM if one was given, else the page's window. */
export function domWindow(): Window & typeof globalThis {
  return chosen ?? window;
}

/**
 * An element of whichever window made it: nodes of the server's DOM are not instances of this
 * realm's `Element`.
 */
export function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}
