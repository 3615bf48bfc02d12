import type { DOMPurify } from 'dompurify';
import type { Embed } from '../../core/feed/feed-types';
import { recogniseEmbed, type ProviderKey } from '../../core/embeds/providers';
import type { BodyPiece } from '../../core/embeds/pasted-markup';
import { FEED_LIMITS } from '../../core/feed/feed-limits';
import { domWindow, isElement, type SafeHtml } from '../../shared/dom/dom-window';

// The provider markup that CMSs paste into a body (a tweet's blockquote, a YouTube iframe). The
// sanitiser keeps just enough of it to be found again, and the sanitised body is split there:
// the update shows those posts behind the same gate as `_liveblog.embeds`, in their place. Their
// scripts never run (the sanitiser drops every script).

/** The class of each provider's blockquote; `lb-youtube` stands for a pasted YouTube iframe. */
const QUOTE_CLASSES: Readonly<Record<string, ProviderKey>> = {
  'twitter-tweet': 'x',
  'instagram-media': 'instagram',
  'bluesky-embed': 'bluesky',
  'tiktok-embed': 'tiktok',
  'lb-youtube': 'youtube',
};
/**
 * Only a kept blockquote has a class, but not always as its first attribute (a CMS may sort them:
 * `cite` comes first): any class attribute, or words like it in text, calls for the split.
 */
const MARK = ' class="';

/**
 * Sanitiser hooks (timeline/sanitize-html.ts) that keep what the split needs and nothing else of
 * the markup: a known blockquote's class, and a YouTube player as a blockquote citing its video.
 */
export function keepPastedEmbeds(purifier: DOMPurify, base: () => string | undefined): void {
  purifier.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName !== 'iframe' || !isElement(node)) return;
    let url: string;
    try {
      url = new URL(node.getAttribute('src') ?? '', base()).href;
    } catch {
      return;
    }
    // Any other iframe goes, as before.
    if (recogniseEmbed(url)?.provider !== 'youtube') return;
    const quote = node.ownerDocument.createElement('blockquote');
    quote.setAttribute('class', 'lb-youtube');
    quote.setAttribute('cite', url);
    const title = node.getAttribute('title')?.trim();
    // "YouTube video player" is the title YouTube's own snippet gives every video.
    if (title && !/^youtube video player$/i.test(title)) quote.textContent = title;
    node.replaceWith(quote);
  });
  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName !== 'class' || node.nodeName !== 'BLOCKQUOTE') return;
    const known = data.attrValue.split(/\s+/).find((c) => Object.hasOwn(QUOTE_CLASSES, c));
    if (known === undefined || !isElement(node)) return;
    // A kept attribute is not written back: the hook sets the one class itself.
    node.setAttribute('class', known);
    data.forceKeepAttr = true;
  });
}

function quoteText(quote: Element): string | undefined {
  // Paragraphs and line breaks are where the words of a post part.
  for (const el of quote.querySelectorAll('p, br, li')) el.after(' ');
  const text = (quote.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text.slice(0, FEED_LIMITS.maxShortTextChars);
}

/** The post a recognised blockquote stands for: its `cite`, else its first link to the post. */
function embedOf(quote: Element, provider: ProviderKey): Embed | undefined {
  const urls = [quote.getAttribute('cite')];
  for (const a of quote.querySelectorAll('a[href]')) urls.push(a.getAttribute('href'));
  const url = urls.find((u) => u && recogniseEmbed(u)?.provider === provider);
  return url ? { url, text: quoteText(quote) } : undefined;
}

/**
 * Takes what comes before `quote` inside `top` out, with `quote` itself, into a holder: the lists
 * and tables between `top` and `quote` are split there, a shallow copy of each holding the part
 * taken. As a range from `top` would clone it, but each node is moved once: jsdom's ranges took
 * time that grew with the square of the body's length, and the server rendered one for minutes.
 */
function takeBefore(top: Node, quote: Element): Element {
  const holder = quote.ownerDocument.createElement('div');
  let node: Node = quote;
  let carried: Node | undefined;
  while (node !== top) {
    const parent = node.parentNode!;
    const part = parent === top ? holder : parent.cloneNode(false);
    while (parent.firstChild !== node) part.appendChild(parent.firstChild!);
    if (carried) part.appendChild(carried);
    carried = part;
    node = parent;
  }
  quote.remove();
  return holder;
}

/**
 * The sanitised body as pieces in their original order, or undefined when it holds no provider
 * markup. A recognised blockquote inside a list or a table splits it there: each side keeps its
 * part of the structure.
 */
export function splitAtEmbeds(html: SafeHtml): BodyPiece[] | undefined {
  if (!String(html).includes(MARK)) return undefined;
  // A document of the parser's own is inert: nothing in it loads or runs (and jsdom parses into it
  // in linear time, unlike a template). TypeScript's DOM types know no TrustedHTML, which the
  // browser takes here (the sanitiser's, where it enforces them).
  const root = new (domWindow().DOMParser)().parseFromString(html as string, 'text/html').body;
  const found: [Element, Embed][] = [];
  for (const quote of root.querySelectorAll('blockquote[class]')) {
    const provider = QUOTE_CLASSES[quote.getAttribute('class') ?? ''];
    quote.removeAttribute('class');
    // In document order: a quote inside one already found is inside the last one found.
    if (provider === undefined || found.at(-1)?.[0].contains(quote)) continue;
    const embed = embedOf(quote, provider);
    if (embed) found.push([quote, embed]);
  }
  const pieces: BodyPiece[] = [];
  const add = (holder: Element) => {
    if (holder.innerHTML.trim() !== '') pieces.push({ html: holder.innerHTML });
  };
  // Each piece runs from where the last post was: it is split up to the element holding both.
  let from: Node = root;
  for (const [quote, embed] of found) {
    const above = new Set<Node | null>();
    for (let n: Node | null = from; n; n = n.parentNode) above.add(n);
    let top = quote.parentNode!;
    while (!above.has(top)) top = top.parentNode!;
    from = quote.parentNode!;
    add(takeBefore(top, quote));
    pieces.push({ embed });
  }
  add(root);
  return pieces;
}
