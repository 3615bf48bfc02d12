import { useEffect } from 'react';
import {
  listDepthSearch,
  MAX_MORE_STEPS,
  MAX_OLDER_PAGES,
  type ListDepth,
} from '../../core/filters/url-state';

/**
 * How far down the list a page of the widget's own is, in its address (decision 0022, 0033).
 * The address follows the list down, never as a new history entry, so that a reload or Back
 * (the server among them) renders as far as the reader had got. Returns the links one step
 * further, which the server answers without JavaScript: one more render step, or one more older
 * page (and a step, for its updates to show); absolute, as permalinks are. A host owns its
 * address: none of this where the page is not the widget's own (`here` undefined).
 */
export function useListDepth(
  here: string | undefined,
  asked: ListDepth,
  steps: number,
  pagesLoaded: number,
) {
  useEffect(() => {
    if (!here) return;
    const { pathname, search, hash } = window.location;
    try {
      history.replaceState(
        history.state,
        '',
        pathname + listDepthSearch(search, { more: steps, older: pagesLoaded }) + hash,
      );
    } catch {
      // Too many history writes (Safari, Firefox): the address stays as it was, the widget stays.
    }
  }, [here, steps, pagesLoaded]);
  if (!here) return undefined;
  const link = (depth: ListDepth) =>
    new URL(listDepthSearch(new URL(here).search, depth), here).href;
  return {
    more: steps < MAX_MORE_STEPS ? link({ ...asked, more: steps + 1 }) : undefined,
    older:
      asked.older < MAX_OLDER_PAGES ? link({ more: steps + 1, older: asked.older + 1 }) : undefined,
  };
}
