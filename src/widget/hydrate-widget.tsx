import type { ReactElement } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
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
 * afresh.
 */
export async function hydrateWidget(
  container: Element,
  feed: string,
  snapshot: PageSnapshot,
  widget: (locale: string) => ReactElement,
): Promise<Root | undefined> {
  const root = await hydrate(container, feed, snapshot, widget);
  // A button tapped before now (server/start-after-paint.mjs) is pressed again: React, which
  // listens from now on, takes the press once it has hydrated what it is on. HTML rendered
  // afresh has lost the button.
  const tapped = (globalThis as EarlyTap)[EARLY_TAP]?.();
  if (root && tapped instanceof HTMLElement && container.contains(tapped)) tapped.click();
  return root;
}

async function hydrate(
  container: Element,
  feed: string,
  snapshot: PageSnapshot,
  widget: (locale: string) => ReactElement,
): Promise<Root | undefined> {
  const session = await seedFromSnapshot(feed, snapshot, revalidation);
  if (!session) return undefined;
  // The code for cards and players could not come: the page shows links instead (a fresh render).
  // Nor can bodies be HTML on a page that does not allow the sanitiser's policy: they show as text.
  if (!itemsReady(session.store.items.values()) || !bodiesCanBeHtml()) return undefined;
  await localeSettingsFor(snapshot.locale);
  return hydrateRoot(container, widget(snapshot.locale));
}

const EARLY_TAP = Symbol.for('live-blog.early-tap');
type EarlyTap = { [EARLY_TAP]?: () => unknown };
