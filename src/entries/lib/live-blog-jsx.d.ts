// <live-blog> in TSX: React's JSX knows only the elements it is told about. A declaration
// file: it adds to React's JSX namespace, and has no code.
import type { CSSProperties, DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  HTMLLiveBlogElement,
  LiveBlogElementAttributes,
} from '../common/live-blog-element-types';

// In this file, whose React imports the type bundler carries: it copies this file's JSX entry
// into dist/embed.d.ts too, without the imports of other files.
/** The host element's style: CSS, and the --lb-* custom properties that theme the widget. */
export type LiveBlogStyle = CSSProperties & {
  readonly [property: `--lb-${string}`]: string | number | undefined;
};

/**
 * What TSX accepts on <live-blog>: an HTML element's props, a style that may set the --lb-*
 * custom properties, and the element's attributes.
 */
export type LiveBlogElementProps = Omit<
  DetailedHTMLProps<HTMLAttributes<HTMLLiveBlogElement>, HTMLLiveBlogElement>,
  'style'
> & { style?: LiveBlogStyle | undefined } & LiveBlogElementAttributes;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'live-blog': LiveBlogElementProps;
    }
  }
}
