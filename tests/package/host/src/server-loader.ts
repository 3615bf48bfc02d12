// Type-checked only: docs/embedding.md's loader ("Rendered by the host's server") as written
// there, and the page that passes its result on; and the same with createFeedLoader, whose
// failures ('busy' past maxLoads among them) send the page without a snapshot.
import {
  createFeedLoader,
  FeedLoadError,
  loadLiveBlogFeed,
  renderLiveBlog,
  type FeedLoadFailure,
} from 'live-blog/server';

const FEED = 'https://feeds.example/vilnius.json';
export async function loader({ request }: { request: Request }) {
  const props = { feed: FEED, limit: 10 };
  const feed = await loadLiveBlogFeed(FEED, { allowedOrigins: ['https://feeds.example'] });
  const snapshot = await renderLiveBlog(props, feed, {
    stylesheet: '/live-blog.css', // the package's live-blog/live-blog.css, served by the host
    pageUrl: request.url, // the page's absolute URL: permalinks are made from it
    locale: request.headers.get('accept-language')?.split(',')[0],
  });
  return { props, snapshot };
}

const feeds = createFeedLoader({ allowedOrigins: ['https://feeds.example'], maxLoads: 8 });
export async function busyServerLoader({ request }: { request: Request }) {
  const props = { feed: FEED, limit: 10 };
  const feed = await feeds.load(FEED).catch((error: unknown) => {
    if (error instanceof FeedLoadError) return undefined; // 'busy', 'timeout', 'http', …
    throw error;
  });
  const snapshot =
    feed &&
    (await renderLiveBlog(props, feed, { stylesheet: '/live-blog.css', pageUrl: request.url }));
  return { props, snapshot };
}

/** Past maxLoads: a reason of its own, for a host that logs it apart. */
export const refused: FeedLoadFailure = 'busy';
