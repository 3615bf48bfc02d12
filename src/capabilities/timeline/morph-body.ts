// A lazy chunk, loaded at the first edit of an update on screen (ProseHtml.tsx). The browser's
// scroll anchoring holds the reader's place by a node: where an edit replaced every node of a
// body, what they read moved. Here the nodes that did not change stay (and a player that plays
// goes on); only what differs is inserted, removed or replaced.
import type { SafeHtml } from '../../shared/dom/dom-window';

/** Beyond this many pairs of changed nodes, they are matched by position, not compared. */
const MAX_PAIRS = 10_000;

const same = (a: Node, b: Node) => a.isEqualNode(b);

/** Whether `a` can take `b`'s content in place: text, or the same element, attributes alike. */
const alike = (a: Node, b: Node) =>
  a.nodeType === 3
    ? b.nodeType === 3
    : a.nodeType === 1 && a.cloneNode(false).isEqualNode(b.cloneNode(false));

/** Gives `el` the children of `next` (taking them from it), keeping the ones it already has. */
function morphChildren(el: Node, next: Node): void {
  const was = [...el.childNodes];
  const now = [...next.childNodes];
  let start = 0;
  let end = 0;
  while (start < was.length && start < now.length && same(was[start]!, now[start]!)) start++;
  const most = Math.min(was.length, now.length) - start;
  while (end < most && same(was[was.length - 1 - end]!, now[now.length - 1 - end]!)) end++;
  const a = was.slice(start, was.length - end);
  const b = now.slice(start, now.length - end);
  const after = was[was.length - end] ?? null;
  // common[i][j]: how many of a[i..] and b[j..] can stay, in order (longest common subsequence);
  // none counted past MAX_PAIRS.
  const common: number[][] = [];
  if (a.length * b.length <= MAX_PAIRS) {
    for (let i = a.length; i >= 0; i--) {
      const row = (common[i] = new Array<number>(b.length + 1).fill(0));
      for (let j = b.length - 1; i < a.length && j >= 0; j--) {
        row[j] = same(a[i]!, b[j]!)
          ? common[i + 1]![j + 1]! + 1
          : Math.max(common[i + 1]![j]!, row[j + 1]!);
      }
    }
  }
  const kept = (i: number, j: number) => common[i]?.[j] ?? 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const old = a[i];
    const neu = b[j];
    const here = kept(i, j);
    if (!old) el.insertBefore(neu!, after);
    else if (!neu) el.removeChild(old);
    else if (same(old, neu)) {
      // Kept as it is.
    } else if (kept(i + 1, j + 1) === here) {
      // Changed in place: an edited paragraph keeps its element, so the page holds its place.
      if (!alike(old, neu)) el.replaceChild(neu, old);
      else if (old.nodeType === 3) old.nodeValue = neu.nodeValue;
      else morphChildren(old, neu);
    } else if (kept(i + 1, j) === here) {
      el.removeChild(old);
      i++;
      continue;
    } else {
      el.insertBefore(neu, old);
      j++;
      continue;
    }
    if (old) i++;
    if (neu) j++;
  }
}

const openStates = (root: ParentNode) =>
  [...root.querySelectorAll('details')].map((details) => details.hasAttribute('open'));

/**
 * Makes `el`'s content the sanitised `html`, keeping the nodes of it that did not change. `was`
 * is the HTML it was last given, to tell which sections (`<details>`) the reader opened or closed.
 */
export function morphHtml(el: Element, html: SafeHtml, was: SafeHtml): void {
  const parse = (text: SafeHtml) => {
    const template = el.ownerDocument.createElement('template');
    // A TrustedHTML where the page enforces Trusted Types: the sanitiser's own output.
    template.innerHTML = text as string;
    return template.content;
  };
  const next = parse(html);
  // The reader opens and closes a section through its `open` attribute: compared with it, a
  // section they opened would differ from the edit's and be replaced, closed. So it is left out
  // of the comparison, and put back after: as the reader left it where they changed it, as the
  // edit has it elsewhere. The body matches `was`, then `html`, section by section, in order.
  const sections = el.querySelectorAll('details');
  // `was` is parsed again only where there is a section to tell about.
  const fed = sections.length > 0 ? openStates(parse(was)) : [];
  const readers = new Map<Element, boolean>();
  sections.forEach((details, i) => {
    const open = details.hasAttribute('open');
    if (open !== fed[i]) readers.set(details, open);
  });
  const edited = openStates(next);
  for (const details of [...sections, ...next.querySelectorAll('details')])
    details.removeAttribute('open');
  morphChildren(el, next);
  el.querySelectorAll('details').forEach((details, i) => {
    const open = readers.get(details) ?? edited[i];
    if (open) details.setAttribute('open', '');
  });
}
