import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchFeed } from '../../capabilities/feed/use-live-feed';
import { LiveBlogRoot } from '../../widget/LiveBlogRoot';
import { prepareItems } from '../../widget/prepare-items';
import { standaloneFeed } from '../common/page-feed-url';
import { sharedQueryClient } from '../../widget/query-client';
import '../../widget/live-blog.css';
import './page.css';

// The standalone page: the feed comes from ?feed= (default: the demo next to the page) if the
// page may show it (its own origin, or one listed in index.html's <meta
// name="live-blog-feed-origins">), and the reader's filters live in the URL.
const params = new URLSearchParams(window.location.search);
const feed = standaloneFeed(window.location.search, document);
const theme = params.get('theme');
const root = createRoot(document.getElementById('root')!);

if (feed) {
  prefetchFeed(sharedQueryClient(), feed, prepareItems);
  root.render(
    <StrictMode>
      <LiveBlogRoot
        feed={feed}
        standalone
        syncUrl
        locale={params.get('locale') ?? undefined}
        timezone={params.get('timezone') ?? undefined}
        theme={theme === 'light' || theme === 'dark' ? theme : 'auto'}
        poll={params.get('poll') !== 'off'}
      />
    </StrictMode>,
  );
} else {
  void import('../common/FeedRefused').then((m) => m.showFeedRefused(root));
}
