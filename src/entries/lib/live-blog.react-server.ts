// The library entry under the `react-server` condition (Server Components: Next.js App Router
// and others). A server component may render <LiveBlog>: it renders the <live-blog> element
// with its attributes, and a client component whose module defines the element in the browser.
// Nothing here needs React DOM or hooks, which the server's React does not have.
import { createElement, Fragment, type ReactElement } from 'react';
import { liveBlogAttributes, type LiveBlogProps } from '../common/live-blog-props';
import { DefineLiveBlogElement } from './define-element-on-client';

export type * from './public-types';

/** As in the client entry; on a server there is no element to define. */
export function defineLiveBlogElement(_name?: string): void {}

/**
 * The live blog as a React component; props are the <live-blog> attributes in camelCase.
 * `snapshot` is not rendered here yet: the browser renders the updates (docs/embedding.md).
 */
export function LiveBlog(props: LiveBlogProps): ReactElement {
  return createElement(
    Fragment,
    null,
    createElement('live-blog', liveBlogAttributes(props)),
    createElement(DefineLiveBlogElement),
  );
}
