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
 * The sanitised body as pieces in their original order, or undefined when it holds no provider
 * markup. A recognised blockquote inside a list or a table splits it there: each side keeps its
 * part of the structure.
 */
export function splitAtEmbeds(html: SafeHtml): BodyPiece[] | undefined {
  if (!String(html).includes(MARK)) return undefined;
  // A template's content is inert: nothing in it loads or runs. TypeScript's DOM types know no
  // TrustedHTML, which the browser takes here (the sanitiser's, where it enforces them).
  const template = domWindow().document.createElement('template');
  template.innerHTML = html as string;
  const root = template.content;
  const found: [Element, Embed][] = [];
  for (const quote of root.querySelectorAll('blockquote[class]')) {
    const provider = QUOTE_CLASSES[quote.getAttribute('class') ?? ''];
    quote.removeAttribute('class');
    if (provider === undefined || found.some(([outer]) => outer.contains(quote))) continue;
    const embed = embedOf(quote, provider);
    if (embed) found.push([quote, embed]);
  }
  const pieces: BodyPiece[] = [];
  const range = root.ownerDocument.createRange();
  range.setStart(root, 0);
  const cut = () => {
    const holder = root.ownerDocument.createElement('div');
    holder.append(range.cloneContents());
    if (holder.innerHTML.trim() !== '') pieces.push({ html: holder.innerHTML });
  };
  for (const [quote, embed] of found) {
    range.setEndBefore(quote);
    cut();
    pieces.push({ embed });
    range.setStartAfter(quote);
  }
  range.setEnd(root, root.childNodes.length);
  cut();
  return pieces;
}
