import type { ReactElement } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { getFeedSession } from '../capabilities/feed/feed-sessions';
import { revalidation } from '../capabilities/feed/revalidation';
import { bodiesCanBeHtml } from '../capabilities/timeline/sanitize-html';
import { localeSettingsFor } from '../shared/i18n/pick-messages';
import { itemsReady, prepareItems } from './prepare-items';
import { sharedQueryClient } from './query-client';
import type { PageSnapshot } from './page-snapshot';

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
  // The session the widget polls: by absolute URL, as useLiveBlog names it (an attribute may be
  // relative), or the widget would start from an empty one and download the feed again.
  const url = new URL(feed, document.baseURI).href;
  const session = getFeedSession(sharedQueryClient(), url, prepareItems);
  try {
    await session.seed(
      {
        kind: 'document',
        text: snapshot.text,
        url,
        validator: snapshot.validator ?? undefined,
        maxAgeSeconds: snapshot.maxAgeSeconds,
      },
      snapshot.fetchedAt,
      revalidation(url, snapshot.validator),
    );
    // The older pages the server rendered too, as it added them.
    for (const page of snapshot.pages ?? []) {
      await session.seedPage(
        { kind: 'document', text: page.text, url: page.url, validator: undefined },
        snapshot.fetchedAt,
      );
    }
  } catch {
    return undefined;
  }
  // The code for cards and players could not come: the page shows links instead (a fresh render).
  // Nor can bodies be HTML on a page that does not allow the sanitiser's policy: they show as text.
  if (!itemsReady(session.store.items.values()) || !bodiesCanBeHtml()) return undefined;
  await localeSettingsFor(snapshot.locale);
  return hydrateRoot(container, widget(snapshot.locale));
}
