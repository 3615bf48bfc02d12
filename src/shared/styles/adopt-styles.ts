// Styles that come with a lazy chunk, not in the widget's stylesheet: added to the document or
// to the shadow root that holds the widget (<live-blog>) as a constructable stylesheet, which a
// `style-src 'self'` policy allows. Where constructable sheets are missing, nothing is added.

const sheets = new Map<string, CSSStyleSheet>();

/** Adds `css` (once) to the document or shadow root that `node` is in. */
export function adoptStyles(node: Node, css: string): void {
  const root = node.getRootNode();
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  if (!('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype)) return;
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
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
