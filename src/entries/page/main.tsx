import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { prefetchFeed } from '../../capabilities/feed/use-live-feed';
import { LiveBlogRoot } from '../../widget/LiveBlogRoot';
import { prepareItems } from '../../widget/prepare-items';
import { standaloneFeed } from '../common/page-feed-url';
import { pageProps } from '../common/page-props';
import { SNAPSHOT_ELEMENT_ID, readPageSnapshot } from '../../widget/page-snapshot';
import { sharedQueryClient } from '../../widget/query-client';
import { seedFromSnapshot } from '../../widget/seed-from-snapshot';
import '../../widget/live-blog.css';
import './page.css';

// The standalone page: the feed comes from ?feed= (default: the demo next to the page) if the
// page may show it (its own origin, or one listed in index.html's <meta
// name="live-blog-feed-origins">), and the reader's filters live in the URL. A page the server
// rendered carries the feed document it rendered from: the browser hydrates that HTML
// (hydrate-widget.tsx), and its first poll asks whether the document is still current.
const params = new URLSearchParams(window.location.search);
const feed = standaloneFeed(window.location.search, document);
const container = document.getElementById('root')!;

const page = (url: string, locale: string | undefined, renderedAt?: number) => (
  <StrictMode>
    <LiveBlogRoot {...pageProps(params)} feed={url} locale={locale} renderedAt={renderedAt} />
  </StrictMode>
);

function render(url: string) {
  container.replaceChildren();
  prefetchFeed(sharedQueryClient(), url, prepareItems);
  createRoot(container).render(page(url, params.get('locale') ?? undefined));
}

const snapshot =
  feed && document.getElementById(SNAPSHOT_ELEMENT_ID)
    ? readPageSnapshot(document, feed)
    : undefined;
if (feed && snapshot && container.firstElementChild) {
  void import('../../widget/hydrate-widget')
    .then((m) =>
      m.hydrateWidget(
        container,
        feed,
        snapshot,
        (locale) => page(feed, locale, snapshot.fetchedAt),
        hydrateRoot,
      ),
    )
    .then(
      (root) => root ?? render(feed),
      // The chunk could not come: the same updates, rendered afresh without the network.
      () => void seedFromSnapshot(feed, snapshot).then(() => render(feed)),
    );
} else if (feed) {
  render(feed);
} else {
  void import('../common/FeedRefused').then((m) =>
    m.showFeedRefused(createRoot(container), params.get('locale') ?? undefined),
  );
}
