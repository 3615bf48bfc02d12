import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchFeed } from '../feed/use-live-feed';
import { LiveBlogRoot, type Theme } from './LiveBlogRoot';
import { sharedQueryClient } from './query-client';
import './live-blog.css';
import './page.css';

// The standalone page: the feed comes from ?feed= (default: the demo next to the page), and the
// reader's filters live in the URL.
const params = new URLSearchParams(window.location.search);
const feed = params.get('feed') || 'feeds/vilnius-2023.json';
const theme = params.get('theme');
prefetchFeed(sharedQueryClient(), new URL(feed, document.baseURI).href);

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
