import { flushSync } from 'react-dom';

/**
 * A printout holds only the updates rendered, the first few of a long list: before the browser
 * lays out its pages, which it does as soon as this event is handled (so at once, not when React
 * would), `grow` widens the render window to all of them. The paper's styles are the page's
 * (print.css, in live-blog.css). Returns what stops it.
 */
export function printAll(grow: (atLeast: number) => void): () => void {
  const beforePrint = () => flushSync(() => grow(Infinity));
  window.addEventListener('beforeprint', beforePrint);
  return () => window.removeEventListener('beforeprint', beforePrint);
}
