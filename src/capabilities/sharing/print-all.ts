import { flushSync } from 'react-dom';
import { adoptStyles } from '../../shared/styles/adopt-styles';
import printCss from './print.css?inline';

/**
 * A printout holds only the updates rendered, the first few of a long list: before the browser
 * lays out its pages, which it does as soon as this event is handled (so at once, not when React
 * would), `grow` widens the render window to all of them. The paper's styles go where `root` is.
 * Returns what stops it.
 */
export function printAll(root: Element | null, grow: (atLeast: number) => void): () => void {
  if (root) adoptStyles(root, printCss);
  const beforePrint = () => flushSync(() => grow(Infinity));
  window.addEventListener('beforeprint', beforePrint);
  return () => window.removeEventListener('beforeprint', beforePrint);
}
