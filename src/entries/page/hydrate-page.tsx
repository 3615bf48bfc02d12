import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { getFeedSession } from '../../capabilities/feed/feed-sessions';
import { localeSettingsFor } from '../../shared/i18n/pick-messages';
import { LiveBlogRoot } from '../../widget/LiveBlogRoot';
import { itemsReady, prepareItems } from '../../widget/prepare-items';
import { sharedQueryClient } from '../../widget/query-client';
import { pageProps } from '../common/page-props';
import type { PageSnapshot } from '../common/page-snapshot';

/**
 * Takes over the HTML the server rendered, from the feed document it rendered from (a chunk of
 * its own: pages the browser renders never load it). False when the browser cannot show the
 * updates as the server did; the caller then renders the page afresh.
 */
export async function hydratePage(
  container: Element,
  url: string,
  snapshot: PageSnapshot,
): Promise<boolean> {
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
    );
  } catch {
    return false;
  }
  // The code for cards and players could not come: the page shows links instead (a fresh render).
  if (!itemsReady(session.store.items.values())) return false;
  await localeSettingsFor(snapshot.locale);
  const props = pageProps(new URLSearchParams(window.location.search));
  hydrateRoot(
    container,
    <StrictMode>
      <LiveBlogRoot {...props} feed={url} locale={snapshot.locale} />
    </StrictMode>,
  );
  return true;
}
