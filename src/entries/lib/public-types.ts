// The types both library entries export: one list, since one declaration file types both
// (tooling/package/build-types.mjs).
export type { Controls } from '../../widget/live-blog-options';
export type { Theme } from '../../widget/LiveBlogRoot';
export type { ReadingOrder, TimelineView } from '../../core/filters/filter-state';
export type { LiveBlogProps, LiveBlogStyle } from '../common/live-blog-props';
export type {
  HTMLLiveBlogElement,
  LiveBlogElementAttributes,
  LiveBlogElementProperties,
} from '../common/live-blog-element-types';
export type { LiveBlogElementProps } from './live-blog-jsx';
export type { LiveBlogSnapshot } from '../common/live-blog-snapshot';
