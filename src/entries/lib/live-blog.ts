'use client';
// The package's library entry, for hosts whose pages are React themselves:
//   import { LiveBlog } from 'live-blog';
//   <LiveBlog feed="https://news.example/feeds/vilnius.json" topic="ukraine" limit={10} />
// It renders the same <live-blog> element as dist/embed.js (Shadow DOM, lazy loading, the same
// theming through --lb-* properties and ::part()), so the two embeds cannot drift apart, and a
// server-rendered page already carries the element with its attributes. A client module: it
// defines the element, which needs React DOM; Server Components get live-blog.react-server.ts.
import type { WindowLike } from 'dompurify';
import { createElement, type ReactElement } from 'react';
import { defineLiveBlogElement } from '../../widget/live-blog-element';
import { liveBlogAttributes, type LiveBlogProps } from '../common/live-blog-props';
import { shadowRootTemplate } from '../common/live-blog-snapshot';

export type * from './public-types';
export { defineLiveBlogElement };

// Importing the entry defines the element (in a browser; on a server this does nothing).
defineLiveBlogElement();

/** The live blog as a React component; props are the <live-blog> attributes in camelCase. */
export function LiveBlog(props: LiveBlogProps): ReactElement {
  // React 19 hands a function component its ref as a prop: it belongs to the element.
  const attributes = { ...liveBlogAttributes(props), ref: props.ref };
  if (!props.snapshot) return createElement('live-blog', attributes);
  // The server's HTML holds the shadow root in a <template>, which the browser's HTML parser
  // takes out of the element's children: what React hydrates is an element with no children.
  // So the browser renders none, and innerHTML tells React to leave them (and the shadow root,
  // which the element takes over itself) alone. A page that enforces Trusted Types refuses a
  // string there, and the empty TrustedHTML needs no policy.
  const html =
    typeof document === 'undefined'
      ? shadowRootTemplate(props.snapshot, attributes)
      : ((window as WindowLike).trustedTypes?.emptyHTML ?? '');
  return createElement('live-blog', { ...attributes, dangerouslySetInnerHTML: { __html: html } });
}
