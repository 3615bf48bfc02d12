import type { ViewState } from './filter-state';
import { defaultViewState } from './filter-state';
import { OWN_PARAMS } from './url-state';

// Only the filter panel's form needs this: it comes with that lazy chunk, not the first screen.

/**
 * What a filter form submitted without JavaScript (method GET: its fields replace the query) must
 * carry besides its fields: the parameters that are not filters (`feed=`, `locale=`), and the
 * view and order, which the form has no field for.
 */
export function formCarriedParams(search: string, state: ViewState): [string, string][] {
  const carried: [string, string][] = [];
  for (const [name, value] of new URLSearchParams(search)) {
    if (!OWN_PARAMS.has(name)) carried.push([name, value]);
  }
  if (state.view !== defaultViewState.view) carried.push(['view', state.view]);
  if (state.order !== defaultViewState.order) carried.push(['order', state.order]);
  return carried;
}
