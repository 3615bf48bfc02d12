export type TimelineView = 'topics' | 'latest';
/** The Latest view's reading order (the topic groups always read newest first). */
export type ReadingOrder = 'newest' | 'oldest';

export interface FilterState {
  readonly topics: readonly string[];
  readonly countries: readonly string[];
  readonly speakers: readonly string[];
  readonly q: string;
  readonly keyOnly: boolean;
}

export interface ViewState extends FilterState {
  readonly view: TimelineView;
  readonly order: ReadingOrder;
}

/** Changes the view; `replace` changes it in place in the history (no new Back step). */
export type SetViewState = (next: ViewState, options?: { replace?: boolean }) => void;

export type FacetName = 'topics' | 'countries' | 'speakers';
export const FACETS: readonly FacetName[] = ['topics', 'countries', 'speakers'];

/** One value per facet: a facet added to FacetName fails to compile here until it has one. */
export function byFacet<T>(value: (facet: FacetName) => T): Record<FacetName, T> {
  return { topics: value('topics'), countries: value('countries'), speakers: value('speakers') };
}

export const noFilters: FilterState = {
  topics: [],
  countries: [],
  speakers: [],
  q: '',
  keyOnly: false,
};
export const defaultViewState: ViewState = { ...noFilters, view: 'topics', order: 'newest' };

export function activeFilterCount(state: FilterState): number {
  return (
    state.topics.length +
    state.countries.length +
    state.speakers.length +
    (state.q.trim() ? 1 : 0) +
    (state.keyOnly ? 1 : 0)
  );
}

/** The Latest view read oldest first: arrivals go to the end, older pages to the top. */
export function readsOldestFirst(state: Pick<ViewState, 'view' | 'order'>): boolean {
  return state.view === 'latest' && state.order === 'oldest';
}

/** The same view with every filter off (the view switch and the order stay). */
export function clearFilters<S extends ViewState>(state: S): S {
  return { ...state, ...noFilters };
}

/**
 * A key that changes exactly when the filters change (not the view, nor the state object's
 * identity): what the result announcement, the render window and the matcher follow.
 */
export function filterKey(state: FilterState): string {
  return JSON.stringify([...FACETS.map((facet) => state[facet]), state.q, state.keyOnly]);
}

export function toggleValue(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}
