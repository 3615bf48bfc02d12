/**
 * What the reader types into the widget, and the keys its controls act on, stay in the widget.
 *
 * Why: a key event leaves a shadow root retargeted to <live-blog>. A host page's keyboard
 * shortcuts ("/" for the site search, "j"/"k" between stories) skip keys typed into a field by
 * looking at the event's target, and ASP.NET's default button submits the page's form on Enter
 * unless a link, button or text area has the focus: from inside the widget they see neither, so
 * typing "/" into the search box moved the focus to the site's search, and Enter in it (or on
 * one of the widget's buttons) submitted the host's form, reloading the article. Stopped at the
 * shadow root, the widget's own handlers have run (React's root is inside it).
 *
 * Tab and Escape go on (a host's focus trap, its menu or drawer that Escape closes, and the
 * keyboard users it detects by Tab), as do Ctrl and ⌘ shortcuts; Escape in the gallery viewer
 * stays, because it closes the viewer. Keys pressed where no control has the focus (an update a
 * jump focused) go on too, as they would from the host's own text. (The widget has no other
 * kind of field: one added needs its place in CONTROLS.)
 */
const CONTROLS = 'input,button,a[href],summary,dialog,dialog *';

export function keepKeysInside(shadow: ShadowRoot): void {
  const stop = (event: Event) => {
    const { key, ctrlKey, metaKey } = event as KeyboardEvent;
    const target = event.composedPath()[0] as Element;
    if (ctrlKey || metaKey || key === 'Tab' || !target.matches?.(CONTROLS)) return;
    if (key !== 'Escape' || target.closest('dialog')) event.stopPropagation();
  };
  for (const type of ['keydown', 'keypress', 'keyup']) shadow.addEventListener(type, stop);
}
