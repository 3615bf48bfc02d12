// Styles added where the widget is mounted: <live-blog>'s own into its shadow root, and those
// of a lazy chunk into the document or the shadow root that holds it. A constructable stylesheet,
// shared by every widget of the page, which a `style-src 'self'` policy allows; browsers without
// one (Safari before 16.4) get a <style> element instead.

/** Per document: a constructed sheet can only be adopted in the document it was made for. */
const sheets = new WeakMap<Document, Map<string, CSSStyleSheet>>();
/** Every text each root was given, in order. */
const given = new WeakMap<Node, Set<string>>();

/** Adds `css` (once) to the document or shadow root that `node` is in (or is). */
export function adoptStyles(node: Node, css: string): void {
  const root = node.getRootNode();
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  const texts = given.get(root) ?? new Set<string>();
  given.set(root, texts);
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    // A widget the host moved into an iframe's document (adoptNode) lost its sheets: it gets all
    // it had again, made for that document.
    const doc = root.ownerDocument ?? root;
    const made = sheets.get(doc) ?? new Map<string, CSSStyleSheet>();
    sheets.set(doc, made);
    for (const text of texts.add(css)) {
      let sheet = made.get(text);
      if (!sheet) {
        sheet = new (doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet)();
        sheet.replaceSync(text);
        made.set(text, sheet);
      }
      if (!root.adoptedStyleSheets.includes(sheet)) {
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }
    }
    return;
  }
  // A <style> element goes wherever its root goes: one per text and root.
  if (texts.has(css)) return;
  texts.add(css);
  const style = document.createElement('style');
  style.textContent = css;
  (root instanceof Document ? root.head : root).append(style);
}

/**
 * A ref callback that adopts `css` where the element is mounted. React calls it while it commits,
 * before the browser paints: the element is styled in the first frame it appears in.
 */
export function stylesRef(css: string): (element: Element | null) => void {
  return (element) => {
    if (element) adoptStyles(element, css);
  };
}
