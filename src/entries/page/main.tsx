import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { getFeedSession } from '../../capabilities/feed/feed-sessions';
import { prefetchFeed } from '../../capabilities/feed/use-live-feed';
import { localeSettingsFor } from '../../shared/i18n/pick-messages';
import { LiveBlogRoot } from '../../widget/LiveBlogRoot';
import { itemsReady, prepareItems } from '../../widget/prepare-items';
import { standaloneFeed } from '../common/page-feed-url';
import { pageProps } from '../common/page-props';
import { readPageSnapshot, type PageSnapshot } from '../common/page-snapshot';
import { sharedQueryClient } from '../../widget/query-client';
import '../../widget/live-blog.css';
import './page.css';

// The standalone page: the feed comes from ?feed= (default: the demo next to the page) if the
// page may show it (its own origin, or one listed in index.html's <meta
// name="live-blog-feed-origins">), and the reader's filters live in the URL. A page the server
// rendered carries the feed document it rendered from: the browser hydrates that HTML from the
// same document, and its first poll asks whether the document is still current.
const params = new URLSearchParams(window.location.search);
const feed = standaloneFeed(window.location.search, document);
const container = document.getElementById('root')!;
const props = pageProps(params);

/** Hydrates the server's HTML; false if the snapshot cannot be read (then the page renders). */
async function hydrate(url: string, snapshot: PageSnapshot): Promise<boolean> {
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
  hydrateRoot(
    container,
    <StrictMode>
      <LiveBlogRoot {...props} feed={url} locale={snapshot.locale} />
    </StrictMode>,
  );
  return true;
}

function render(url: string) {
  prefetchFeed(sharedQueryClient(), url, prepareItems);
  createRoot(container).render(
    <StrictMode>
      <LiveBlogRoot {...props} feed={url} locale={params.get('locale') ?? undefined} />
    </StrictMode>,
  );
}

const snapshot = feed ? readPageSnapshot(document, feed) : undefined;
if (feed && snapshot && container.firstElementChild) {
  void hydrate(feed, snapshot).then((hydrated) => {
    if (!hydrated) {
      container.replaceChildren();
      render(feed);
    }
  });
} else if (feed) {
  render(feed);
} else {
  void import('../common/FeedRefused').then((m) => m.showFeedRefused(createRoot(container)));
}
