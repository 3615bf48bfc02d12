import type { FacetName, ViewState } from './filter-state';
import { defaultViewState } from './filter-state';

// Query parameter names: short and stable, because readers share these links.
const PARAM: Record<FacetName, string> = {
  topics: 'topic',
  countries: 'country',
  speakers: 'speaker',
};
const MAX_VALUES = 50;
const MAX_QUERY = 200;

function list(params: URLSearchParams, name: string, normalise = (v: string) => v): string[] {
  const seen = new Set<string>();
  for (const raw of params.getAll(name)) {
    for (const part of raw.split(',')) {
      const value = normalise(part.trim());
      if (value && value.length <= 200) seen.add(value);
    }
  }
  return [...seen].slice(0, MAX_VALUES);
}

/** Reads the view from a query string. Never throws: what it cannot read it leaves at default. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  return {
    topics: list(params, PARAM.topics),
    // Upper-cased before de-duplication, so that ?country=ua,UA is one filter, not two.
    countries: list(params, PARAM.countries, (c) => c.toUpperCase()),
    speakers: list(params, PARAM.speakers),
    // A blank query is no query (and is not written back), so it reads as ''.
    q: (params.get('q') ?? '').trim() === '' ? '' : (params.get('q') ?? '').slice(0, MAX_QUERY),
    keyOnly: params.get('key') === '1',
    view: view === 'latest' ? 'latest' : defaultViewState.view,
  };
}

/**
 * Writes the view into a query string, keeping parameters that are not ours (`feed=`, `locale=`)
 * in place. Defaults are left out so that a plain link stays plain.
 */
export function serializeViewState(state: ViewState, currentSearch = ''): string {
  const params = new URLSearchParams(currentSearch);
  for (const name of [...Object.values(PARAM), 'q', 'key', 'view']) params.delete(name);
  for (const facet of Object.keys(PARAM) as FacetName[]) {
    if (state[facet].length > 0) params.set(PARAM[facet], state[facet].join(','));
  }
  if (state.q.trim()) params.set('q', state.q);
  if (state.keyOnly) params.set('key', '1');
  if (state.view !== defaultViewState.view) params.set('view', state.view);
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

/** Drops ids the feed does not know, so a stale or mistyped link filters nothing away. */
export function withKnownValues<S extends ViewState>(
  state: S,
  known: Record<FacetName, ReadonlySet<string>>,
): S {
  const keep = (facet: FacetName) => state[facet].filter((v) => known[facet].has(v));
  const topics = keep('topics');
  const countries = keep('countries');
  const speakers = keep('speakers');
  if (
    topics.length === state.topics.length &&
    countries.length === state.countries.length &&
    speakers.length === state.speakers.length
  ) {
    return state;
  }
  return { ...state, topics, countries, speakers };
}
