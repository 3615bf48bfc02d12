// Type-checked only: a host passes what it has, `undefined` for a setting it has not got (a
// locale from a header, a snapshot its loader did not render). Every optional prop, attribute,
// property and option must take it, also under exactOptionalPropertyTypes: a new one that does
// not fails here.
import {
  LiveBlog,
  type LiveBlogElementAttributes,
  type LiveBlogElementProperties,
  type LiveBlogProps,
} from 'live-blog';
import type { FeedLoaderOptions, RenderLiveBlogOptions } from 'live-blog/server';
import type { loader } from './server-loader.js';

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];
/** Every optional key of T, present and undefined. */
type Unset<T> = { [K in OptionalKeys<T>]: undefined };

export const props = (unset: Unset<LiveBlogProps>): LiveBlogProps => ({ feed: '/f', ...unset });
export const attributes = (unset: Unset<LiveBlogElementAttributes>): LiveBlogElementAttributes =>
  unset;
export const properties = (unset: Unset<LiveBlogElementProperties>): LiveBlogElementProperties =>
  unset;
export const loaderOptions = (unset: Unset<FeedLoaderOptions>): FeedLoaderOptions => ({
  allowedOrigins: [],
  ...unset,
});
export const renderOptions = (unset: Unset<RenderLiveBlogOptions>): RenderLiveBlogOptions => ({
  stylesheet: '/live-blog.css',
  pageUrl: 'https://news.example/',
  ...unset,
});

export function Page({
  data,
  locale,
}: {
  data: Awaited<ReturnType<typeof loader>>;
  locale?: string;
}) {
  return (
    <>
      <LiveBlog {...data.props} snapshot={data.snapshot} locale={locale} />
      <live-blog feed={data.props.feed} locale={locale} />
    </>
  );
}
