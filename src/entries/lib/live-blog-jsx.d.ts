// <live-blog> in TSX: React's JSX knows only the elements it is told about. A declaration
// file: it adds to React's JSX namespace, and has no code.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  HTMLLiveBlogElement,
  LiveBlogElementAttributes,
} from '../common/live-blog-element-types';

/** What TSX accepts on <live-blog>: an HTML element's props and the element's attributes. */
export type LiveBlogElementProps = DetailedHTMLProps<
  HTMLAttributes<HTMLLiveBlogElement>,
  HTMLLiveBlogElement
> &
  LiveBlogElementAttributes;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'live-blog': LiveBlogElementProps;
    }
  }
}
