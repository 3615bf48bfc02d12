import type { ReactElement } from 'react';
import type { hydrateRoot, Root } from 'react-dom/client';
import { revalidation } from '../capabilities/feed/revalidation';
import { bodiesCanBeHtml } from '../capabilities/timeline/sanitize-html';
import { localeSettingsFor } from '../shared/i18n/pick-messages';
import { itemsReady } from './prepare-items';
import type { PageSnapshot } from './page-snapshot';
import { seedFromSnapshot } from './seed-from-snapshot';

/**
 * Takes over the HTML the server rendered (the standalone page, embed.html, a <live-blog>'s
 * shadow root), from the feed document it rendered from: `widget` is the tree the server
 * rendered, in its locale. A chunk of its own: pages the browser renders never load it.
 * Undefined when the browser cannot show the updates as the server did; the caller then renders
 * afresh. ReactDOM's `hydrate` comes from the caller, whose bundle has ReactDOM: imported here,
 * it had the embed build split React and the English catalogue out of embed.js into a chunk
 * that embed.js imports before it runs (docs/decisions/0012, "the chart counted").
 */
export async function hydrateWidget(
  container: Element,
  feed: string,
  snapshot: PageSnapshot,
  widget: (locale: string) => ReactElement,
  hydrate: typeof hydrateRoot,
): Promise<Root | undefined> {
  const root = await takeOver(container, feed, snapshot, widget, hydrate);
  // HTML rendered afresh has lost what was tapped.
  if (!root) takeTap();
  return root;
}

async function takeOver(
  container: Element,
  feed: string,
  snapshot: PageSnapshot,
  widget: (locale: string) => ReactElement,
  hydrate: typeof hydrateRoot,
): Promise<Root | undefined> {
  const session = await seedFromSnapshot(feed, snapshot, revalidation);
  if (!session) return undefined;
  // The code for cards and players could not come: the page shows links instead (a fresh render).
  // Nor can bodies be HTML on a page that does not allow the sanitiser's policy: they show as text.
  if (!itemsReady(session.store.items.values()) || !bodiesCanBeHtml()) return undefined;
  await localeSettingsFor(snapshot.locale);
  // What the reader ticked, cleared or typed before now: the app draws its fields again as they
  // were drawn. Hidden fields are the form's own.
  const fields = () =>
    [...container.querySelectorAll('input')].filter((f) => f.name && f.type !== 'hidden');
  const box = (f: HTMLInputElement) => f.type === 'checkbox' || f.type === 'radio';
  const wanted = fields()
    .filter((f) => (box(f) ? f.checked !== f.defaultChecked : f.value !== f.defaultValue))
    .map(({ name, type, value, checked }) => ({ name, type, value, checked }));
  const root = hydrate(container, widget(snapshot.locale));
  const tapped = takeTap();
  // Once it answers clicks, the last button tapped before now (server/start-after-paint.mjs) is
  // pressed again, and each field, once drawn again (the filters' code may come later), is put
  // back as the reader left it: a box clicked, text typed.
  const interactive = () => container.querySelector('[data-interactive]');
  void whenThere(container, interactive).then(() => {
    if (tapped instanceof HTMLElement && container.contains(tapped)) tapped.click();
  });
  for (const was of wanted) {
    const same = (f: HTMLInputElement) =>
      f.name === was.name && f.type === was.type && (!box(f) || f.value === was.value);
    void whenThere(container, () => interactive() && fields().find(same)).then((field) => {
      if (box(field)) {
        if (field.checked !== was.checked) field.click();
      } else if (field.value !== was.value) {
        // Through the element's own setter, which React's watch on the value does not see: the
        // input event then reads as the reader's typing.
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(
          field,
          was.value,
        );
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
  }
  return root;
}

/** Resolves with what `find` finds in `container` once it does, if it does within a minute. */
function whenThere<T>(container: Element, find: () => T | null | undefined): Promise<T> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const found = find();
      if (!found) return;
      observer.disconnect();
      resolve(found);
    });
    observer.observe(container, { subtree: true, childList: true, attributes: true });
    setTimeout(() => observer.disconnect(), 60_000);
  });
}

const EARLY_TAP = Symbol.for('live-blog.early-tap');
const takeTap = () => (globalThis as { [EARLY_TAP]?: () => unknown })[EARLY_TAP]?.();
