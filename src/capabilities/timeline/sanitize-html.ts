import DOMPurify from 'dompurify';
import { domWindow, isElement } from '../../shared/dom/dom-window';

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

function getPurifier() {
  if (purifier) return purifier;
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
 * Sanitised HTML for one update's body; `baseUrl` is the feed document's URL. `hooks` (the embeds
 * code's, for provider markup) stay on the sanitiser from their first use.
 */
export function sanitizeHtml(
  html: string,
  baseUrl: string | undefined,
  hooks?: SanitizerHooks,
): string {
  const p = getPurifier();
  if (hooks && !added.has(hooks)) {
    added.add(hooks);
    hooks(p, () => currentBase);
  }
  currentBase = baseUrl;
  try {
    return p.sanitize(html);
  } finally {
    currentBase = undefined;
  }
}
