// Styles added where the widget is mounted: <live-blog>'s own into its shadow root, and those
// of a lazy chunk into the document or the shadow root that holds it. A constructable stylesheet,
// shared by every widget of the page, which a `style-src 'self'` policy allows; browsers without
// one (Safari before 16.4) get a <style> element instead.

const sheets = new Map<string, CSSStyleSheet>();
const styleIds = new Map<string, string>();

/** Adds `css` (once) to the document or shadow root that `node` is in (or is). */
export function adoptStyles(node: Node, css: string): void {
  const root = node.getRootNode();
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
    return;
  }
  let id = styleIds.get(css);
  if (id === undefined) styleIds.set(css, (id = String(styleIds.size)));
  if (root.querySelector(`style[data-live-blog="${id}"]`)) return;
  const style = document.createElement('style');
  style.dataset.liveBlog = id;
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
