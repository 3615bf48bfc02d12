import DOMPurify, { type Config, type WindowLike } from 'dompurify';
import { domWindow, isElement, type SafeHtml, type TrustedHtml } from '../../shared/dom/dom-window';

// Feed HTML comes from many hands: only this allow-list survives. Headings start at h4 because
// the page's own h2/h3 outline (groups, updates) must not be broken by content.
const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'small',
  'sub',
  'sup',
  'mark',
  'abbr',
  'span',
  'blockquote',
  'q',
  'cite',
  'a',
  'ul',
  'ol',
  'li',
  'h4',
  'h5',
  'h6',
  'figure',
  'figcaption',
  'img',
  'video',
  'audio',
  'source',
  'code',
  'pre',
  'hr',
  'time',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'caption',
  'details',
  'summary',
];
const ALLOWED_ATTR = [
  'href',
  'title',
  'alt',
  'src',
  'width',
  'height',
  'cite',
  'datetime',
  'lang',
  'dir',
  'colspan',
  'rowspan',
  'scope',
  'poster',
  'type',
  'open',
];

let purifier: ReturnType<typeof DOMPurify> | undefined;
let currentBase: string | undefined;

function safeUrl(raw: string, base: string | undefined): string | null {
  try {
    const url = new URL(raw, base);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:'
      ? url.href
      : null;
  } catch {
    return null;
  }
}

/** The Trusted Types policy of update bodies: the one name a page's CSP must allow for them. */
export const HTML_POLICY = 'live-blog';

interface HtmlPolicy {
  createHTML(html: string, base: string | undefined, hooks?: SanitizerHooks): TrustedHtml;
}

// Undefined until first needed; null without Trusted Types (the server, older browsers); false
// where the page does not allow the policy (a host's CSP that does not list it).
let policy: HtmlPolicy | null | false | undefined;
/** While the sanitiser runs: DOMPurify's own calls to the policy, to parse the raw body, pass. */
let sanitising = false;

function htmlPolicy(): HtmlPolicy | null | false {
  if (policy !== undefined) return policy;
  try {
    policy =
      (domWindow() as WindowLike).trustedTypes?.createPolicy(HTML_POLICY, {
        // The sanitiser is the only way to a TrustedHTML. The one exception is DOMPurify's own
        // call, for the inert document it parses the raw body into before sanitising it.
        createHTML: (html: string, base?: string, hooks?: SanitizerHooks) =>
          sanitising ? html : sanitizeHtml(html, base, hooks),
      }) ?? null;
  } catch {
    console.warn(
      `[live-blog] Trusted Types policy "${HTML_POLICY}" not allowed: updates shown as text`,
    );
    policy = false;
  }
  return policy;
}

function getPurifier() {
  if (purifier) return purifier;
  const parser = htmlPolicy();
  purifier = DOMPurify(domWindow());
  // Set once: a config passed to every sanitize() call is parsed again each time.
  purifier.setConfig({
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ADD_ATTR: ['target', 'rel', 'loading', 'decoding'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
    SANITIZE_NAMED_PROPS: true,
    // Ours rather than DOMPurify's own "dompurify": one name for a page to allow, and no clash
    // with a host page's DOMPurify. Null without Trusted Types: strings throughout.
    TRUSTED_TYPES_POLICY: (parser || null) as Config['TRUSTED_TYPES_POLICY'],
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (!isElement(node)) return;
    // Relative links in an embedded feed belong to the feed's site, not to the host page.
    // A player or its source loads its file itself: http(s) only, never mailto:.
    const media = /^(VIDEO|AUDIO|SOURCE)$/.test(node.tagName);
    for (const attr of ['href', 'src', 'cite', 'poster'] as const) {
      const value = node.getAttribute(attr);
      if (value === null) continue;
      const resolved = safeUrl(value, currentBase);
      if (resolved === null || (media && resolved.startsWith('mailto:'))) {
        node.removeAttribute(attr);
      } else node.setAttribute(attr, resolved);
    }
    // The reader starts a player (autoplay and loop are not on the allow-list); until then it
    // loads no more than the file's length and size.
    if (node.tagName === 'VIDEO' || node.tagName === 'AUDIO') {
      node.setAttribute('controls', '');
      node.setAttribute('preload', 'metadata');
      if (node.tagName === 'VIDEO') node.setAttribute('playsinline', '');
    }
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    // A wide table scrolls sideways (update-article.css): a keyboard must be able to scroll it.
    if (node.tagName === 'TABLE') node.setAttribute('tabindex', '0');
    // A summary with nothing to read (no words, no image) names its details nothing; without
    // one, the browser's own "Details" does.
    if (node.tagName === 'SUMMARY' && !node.textContent?.trim() && !node.querySelector('img'))
      node.remove();
    if (node.tagName === 'IMG') {
      if (!node.hasAttribute('src')) node.remove();
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
      if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
    }
  });
  return purifier;
}

/** Hooks a caller adds to the sanitiser, once: what it needs kept that would otherwise go. */
export type SanitizerHooks = (
  purifier: ReturnType<typeof DOMPurify>,
  base: () => string | undefined,
) => void;
const added = new WeakSet<SanitizerHooks>();

/**
 * Sanitised HTML for one update's body; `baseUrl` is where its feed document was found. `hooks` (the embeds
 * code's, for provider markup) stay on the sanitiser from their first use.
 */
export function sanitizeHtml(
  html: string,
  baseUrl: string | undefined,
  hooks?: SanitizerHooks,
): string {
  sanitising = true;
  try {
    const p = getPurifier();
    if (hooks && !added.has(hooks)) {
      added.add(hooks);
      hooks(p, () => currentBase);
    }
    currentBase = baseUrl;
    // A body's own h1-h3 (a CMS's subheadings) show as h4, under the update's h3, not as plain
    // text. Renamed before parsing, as DOMPurify cannot rename; what the name becomes is still
    // sanitised (an "h1x" becomes an "h4x", which the allow-list removes as it did the "h1x").
    return p.sanitize(html.replace(/<(\/?)h[1-3]/gi, '<$1h4'));
  } finally {
    sanitising = false;
    currentBase = undefined;
  }
}

/** Whether update bodies can be HTML here: false where the page does not allow the policy. */
export function bodiesCanBeHtml(): boolean {
  return htmlPolicy() !== false;
}

/**
 * An update's body for an HTML sink, sanitised: the policy's TrustedHTML where the browser has
 * Trusted Types, the string where it has none (the server, older browsers). Undefined where the
 * page does not allow the policy: no HTML can go in, and the body is shown as text instead.
 */
export function safeBodyHtml(
  html: string,
  baseUrl: string | undefined,
  hooks?: SanitizerHooks,
): SafeHtml | undefined {
  const trusted = htmlPolicy();
  if (trusted === false) return undefined;
  return trusted ? trusted.createHTML(html, baseUrl, hooks) : sanitizeHtml(html, baseUrl, hooks);
}
