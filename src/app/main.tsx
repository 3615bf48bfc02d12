import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchFeed } from '../feed/use-live-feed';
import { LiveBlogRoot, type Theme } from './LiveBlogRoot';
import { pageFeed, pageFeedUrl } from './page-feed-url';
import { sharedQueryClient } from './query-client';
import './live-blog.css';
import './page.css';

// The standalone page: the feed comes from ?feed= (default: the demo next to the page), and the
// reader's filters live in the URL.
const params = new URLSearchParams(window.location.search);
const feed = pageFeed(window.location.search);
const theme = params.get('theme');
prefetchFeed(sharedQueryClient(), pageFeedUrl(window.location.search, document.baseURI));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LiveBlogRoot
      feed={feed}
      standalone
      syncUrl
      locale={params.get('locale') ?? undefined}
      timezone={params.get('timezone') ?? undefined}
      theme={theme === 'light' || theme === 'dark' ? (theme as Theme) : 'auto'}
      poll={params.get('poll') !== 'off'}
    />
  </StrictMode>,
);
