// The package's server entry, `live-blog/server` (Node): a host whose pages React renders on its
// server loads the feed safely, renders the widget from it, and passes the result to
// <LiveBlog snapshot={…}>:
//   const feed = await loadLiveBlogFeed(url, { allowedOrigins: ['https://feeds.example'] });
//   const snapshot = await renderLiveBlog({ feed: url, limit: 10 }, feed, { stylesheet });
// docs/embedding.md ("Rendered by the host's server") and docs/decisions/0021.
export {
  createFeedLoader,
  FeedLoadError,
  loadLiveBlogFeed,
  type FeedLoader,
  type FeedLoaderOptions,
  type FeedLoadFailure,
  type FeedSnapshot,
  type LoadFeedOptions,
} from './load-live-blog-feed';
export { renderLiveBlog, type RenderLiveBlogOptions } from './render-live-blog';
export { LIVE_BLOG_CSS } from './live-blog-stylesheet';
export type { LiveBlogProps } from '../common/live-blog-props';
export type { LiveBlogSnapshot } from '../common/live-blog-snapshot';
