// HTML the client's sanitiser would remove from a body, found by that sanitiser itself
// (DOMPurify with the client's allow-list and hooks, and the provider markup the embeds keep) in
// a DOM made by jsdom, as on the server. jsdom is an optional peer dependency: without it, this
// check is skipped and the report says so.
import type { DOMPurify } from 'dompurify';
import { keepPastedEmbeds } from '../../capabilities/embeds/pasted-embeds';
import { sanitizeHtml, type SanitizerHooks } from '../../capabilities/timeline/sanitize-html';
import { isElement, parseFeedHtmlIn } from '../../shared/dom/dom-window';
import { cut } from './terminal-text';

/** What a body loses, or undefined when the sanitiser keeps it all. */
export type HtmlCheck = (html: string, base: string | undefined) => string | undefined;

/** A piece of markup the sanitiser took out: an element (its text kept), or an attribute of one. */
interface Removal {
  readonly element: string;
  readonly attribute?: string;
}

/** The attributes the allow-list's own hook removes when their URL is not one it allows. */
const URL_ATTRIBUTES = ['href', 'src', 'cite', 'poster'];
// What the parser wraps a fragment in: not the feed's markup.
const WRAPPERS = new Set(['html', 'head', 'body']);

let purifier: DOMPurify | undefined;
/** While a body is checked: what the hooks below saw go, with the node it went from. */
let seen: { node: Node; removal: Removal }[] | undefined;
/** While a body is checked: the images kept without both width and height. */
let unsized = 0;
/** While a body is checked: the sections whose summary says nothing (no text, no image's alt). */
let unnamed = 0;

/**
 * DOMPurify lists what it removes itself, not what the allow-list's hook removes after it
 * (a URL it does not allow, an image without one): these hooks, added after that one, see it.
 */
const watchRemovals: SanitizerHooks = (p) => {
  purifier = p;
  const before = new WeakMap<Node, string[]>();
  p.addHook('beforeSanitizeAttributes', (node) => {
    if (seen && isElement(node))
      before.set(
        node,
        URL_ATTRIBUTES.filter((a) => node.hasAttribute(a)),
      );
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    if (!seen || !isElement(node)) return;
    const element = node.tagName.toLowerCase();
    if (element === 'img' && node.parentNode === null) seen.push({ node, removal: { element } });
    else if (element === 'img' && !(node.hasAttribute('width') && node.hasAttribute('height')))
      unsized++;
    else if (
      element === 'summary' &&
      !node.textContent?.trim() &&
      !node.querySelector('img[alt]:not([alt=""])')
    )
      unnamed++;
    for (const attribute of before.get(node) ?? []) {
      if (!node.hasAttribute(attribute)) seen.push({ node, removal: { attribute, element } });
    }
  });
};

/** Everything the client's sanitiser removes from `html`. */
function removals(html: string, base: string | undefined): Removal[] {
  // The sanitiser keeps hooks from their first use: this installs the watch once.
  sanitizeHtml('', undefined, watchRemovals);
  const watched: NonNullable<typeof seen> = [];
  seen = watched;
  unsized = 0;
  unnamed = 0;
  try {
    sanitizeHtml(html, base, keepPastedEmbeds);
  } finally {
    seen = undefined;
  }
  const out: Removal[] = [];
  const listed = new Map<Node, Set<string>>();
  for (const entry of purifier?.removed ?? []) {
    if ('from' in entry) {
      const name = entry.attribute?.name;
      if (!name) continue;
      out.push({ attribute: name, element: entry.from.nodeName.toLowerCase() });
      listed.set(entry.from, (listed.get(entry.from) ?? new Set()).add(name));
    } else {
      const name = entry.element.nodeName.toLowerCase();
      if (!WRAPPERS.has(name)) out.push({ element: name });
    }
  }
  // DOMPurify's own removals of those attributes are listed already.
  for (const { node, removal } of watched) {
    if (removal.attribute === undefined || !listed.get(node)?.has(removal.attribute)) {
      out.push(removal);
    }
  }
  return out;
}

// Names are the feed's: an invented element's may be as long as the body.
function describe(removal: Removal): string {
  const element = cut(removal.element, 40);
  if (removal.attribute !== undefined) {
    return `the ${cut(removal.attribute, 40)} attribute of <${element}>`;
  }
  return element === '#comment' ? 'comments' : `<${element}>`;
}

/** "<script> (2), the onclick attribute of <p>": each kind once, counted. */
function describeRemovals(removed: readonly Removal[]): string {
  const counts = new Map<string, number>();
  for (const removal of removed) {
    const text = describe(removal);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].map(([text, n]) => (n > 1 ? `${text} (${n})` : text)).join(', ');
}

export const htmlProblem: HtmlCheck = (html, base) => {
  const removed = removals(html, base);
  const problems = [];
  if (removed.length > 0) {
    problems.push(
      `The sanitiser removes ${describeRemovals(removed)}: readers get the body without it. Use the simple markup the contract lists.`,
    );
  }
  // Without its size the browser cannot keep the image's place: what the reader is reading
  // moves when it loads.
  if (unsized > 0) {
    problems.push(
      `${unsized === 1 ? 'An <img> has' : `${unsized} <img> have`} no width and height: the page moves when ${unsized === 1 ? 'it loads' : 'they load'}. Give each its size in pixels.`,
    );
  }
  // The summary is the section's button: without words a screen reader can only say "button".
  if (unnamed > 0) {
    problems.push(
      `${unnamed === 1 ? 'A <summary> has' : `${unnamed} <summary> have`} no text: a screen reader cannot say what the section holds. Give each a few words.`,
    );
  }
  return problems.length > 0 ? problems.join(' ') : undefined;
};

/** The check, once a DOM is ready for it; undefined when jsdom is not installed. */
export async function prepareHtmlCheck(): Promise<HtmlCheck | undefined> {
  try {
    const { JSDOM } = await import('jsdom');
    parseFeedHtmlIn(new JSDOM('<!doctype html>').window as unknown as Window & typeof globalThis);
    return htmlProblem;
  } catch {
    return undefined;
  }
}
