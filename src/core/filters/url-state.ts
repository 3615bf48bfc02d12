import type { FacetName, ViewState } from './filter-state';
import { byFacet, defaultViewState, FACETS } from './filter-state';

/** The query parameters (and <live-blog> attributes) that carry the facets. */
export type FacetParam = 'topic' | 'country' | 'speaker';

// Query parameter names: short and stable, because readers share these links.
export const FACET_PARAM: Record<FacetName, FacetParam> = {
  topics: 'topic',
  countries: 'country',
  speakers: 'speaker',
};
export const OWN_PARAMS: ReadonlySet<string> = new Set([
  ...Object.values(FACET_PARAM),
  'q',
  'key',
  'view',
  'order',
  // The list's depth: a new view starts again at the first screen (see ListDepth).
  'more',
  'older',
]);
const MAX_VALUES = 50;
const MAX_VALUE = 200;
/** The longest search a link carries: the search box takes no more, so a link shows what it did. */
export const MAX_QUERY = 200;
// In a `u` regex a surrogate class matches only a lone surrogate, never half of a pair.
const LONE_SURROGATE = /\p{Cs}/u;

// ---- List text ----
//
// A facet's ids travel as list text: ids separated by literal commas, each percent-encoded where
// it needs it, so that `%2C` is a comma inside an id (`economy%2Cfinance,nato` is two ids;
// docs/decisions/0009). It is the syntax of the `topic`, `country` and `speaker` attributes of
// <live-blog>, and of the raw value of `?topic=` once `+` is read as a space. URLSearchParams
// cannot read it: it decodes `%2C` and `,` alike before the two can be told apart.

/** Percent-decodes, keeping text that is not valid percent-encoded UTF-8 (`50%off`) as written. */
function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The ids in one list text: trimmed, without blanks, duplicates or values over the limits.
 * Countries are upper-cased before de-duplication, so that `ua,UA` is one filter, not two.
 */
function facetValues(facet: FacetName, text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    let value = percentDecode(part).trim();
    if (facet === 'countries') value = value.toUpperCase();
    // A lone surrogate can only come from literal text (an attribute), never from decoding;
    // such a value could not be written back into a URL (see serializeViewState).
    if (value && value.length <= MAX_VALUE && !LONE_SURROGATE.test(value)) seen.add(value);
  }
  return [...seen].slice(0, MAX_VALUES);
}

/**
 * Reads the three facets from their list texts, looked up by parameter name (`topic`, …; null when
 * absent). parseViewState and the embed's attributes both read their ids through here.
 */
export function readFacetLists(
  listText: (name: FacetParam) => string | null,
): Pick<ViewState, FacetName> {
  return byFacet((facet) => facetValues(facet, listText(FACET_PARAM[facet]) ?? ''));
}

/**
 * Writes ids as list text for an attribute: only `%` and `,` need encoding there, so that
 * `['economy,finance', 'nato']` becomes `economy%2Cfinance,nato`.
 */
export function writeListText(values: readonly string[]): string {
  return values.map((v) => v.replace(/%/g, '%25').replace(/,/g, '%2C')).join(',');
}

// ---- Query strings ----

/** The `name=value` parts of a query string, as written. */
const segments = (search: string) => search.replace(/^\?/, '').split('&').filter(Boolean);
/** A segment's parameter name (the names we read are plain ASCII: no decoding needed). */
const nameOf = (segment: string) => segment.split('=', 1)[0]!;

/**
 * The list text of a query parameter: its raw values (every occurrence, so that `?topic=a&topic=b`
 * adds up), `+` read as a space as in form encoding, joined by commas. Null when it is absent.
 */
export function queryListText(search: string, name: string): string | null {
  const values = segments(search)
    .filter((s) => nameOf(s) === name)
    .map((s) => s.slice(name.length + 1).replace(/\+/g, ' '));
  return values.length === 0 ? null : values.join(',');
}

/** Reads the view from a query string. Never throws: what it cannot read it leaves at default. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const q = params.get('q') ?? '';
  return {
    ...readFacetLists((name) => queryListText(search, name)),
    // A blank query is no query (and is not written back), so it reads as ''.
    // Cut between characters: half an emoji could not be written back into the address.
    q: q.trim() === '' ? '' : q.slice(0, MAX_QUERY).replace(LONE_SURROGATE, ''),
    keyOnly: params.get('key') === '1',
    view: view === 'latest' ? 'latest' : defaultViewState.view,
    order: params.get('order') === 'oldest' ? 'oldest' : defaultViewState.order,
  };
}

/**
 * One id in a query: percent-encoded, `,` included, so that the commas between ids stay the only
 * literal ones. A space is `+` (as in form encoding and in `q=`) and `'` is encoded as a browser
 * would encode it in a query, so that location.search reads back what was written.
 */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+').replace(/'/g, '%27');
}

/**
 * Writes the view into a query string, keeping parameters that are not ours (`feed=`, `locale=`)
 * as they were written. Defaults are left out so that a plain link stays plain. Never throws.
 */
export function serializeViewState(state: ViewState, currentSearch = ''): string {
  const parts = segments(currentSearch).filter((s) => !OWN_PARAMS.has(nameOf(s)));
  for (const facet of FACETS) {
    // A value with a lone surrogate is no id the contract allows, and encodeURIComponent throws
    // on it: it is dropped (rather than replaced by U+FFFD, which would name another id).
    const values = state[facet].filter((v) => !LONE_SURROGATE.test(v));
    if (values.length > 0)
      parts.push(`${FACET_PARAM[facet]}=${values.map(encodeQueryValue).join(',')}`);
  }
  // The free-text query is one value: written as form encoding does, with its commas left plain.
  if (state.q.trim())
    parts.push(new URLSearchParams({ q: state.q }).toString().replace(/%2C/g, ','));
  if (state.keyOnly) parts.push('key=1');
  if (state.view !== defaultViewState.view) parts.push(`view=${state.view}`);
  if (state.order !== defaultViewState.order) parts.push(`order=${state.order}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/**
 * Drops ids the feed does not know, so a stale or mistyped link filters nothing away. An unknown
 * value made of known ids joined by commas is read as those ids: links built before `%2C` meant a
 * comma inside an id (an embed URL written with encodeURIComponent) keep their filters.
 */
export function withKnownValues<S extends ViewState>(
  state: S,
  known: Record<FacetName, ReadonlySet<string>>,
): S {
  const keep = (facet: FacetName) => {
    const ids = known[facet];
    const out = new Set<string>();
    for (const value of state[facet]) {
      if (ids.has(value)) {
        out.add(value);
        continue;
      }
      const parts = value.split(',').map((part) => part.trim());
      if (parts.length > 1 && parts.every((part) => ids.has(part))) {
        for (const part of parts) out.add(part);
      }
    }
    return [...out];
  };
  const kept = byFacet(keep);
  const same = (facet: FacetName) =>
    kept[facet].length === state[facet].length &&
    kept[facet].every((v, i) => v === state[facet][i]);
  return FACETS.every(same) ? state : { ...state, ...kept };
}

// ---- How far down the list ----

/**
 * How far down the list a page goes, as a link without JavaScript asks the server for it: `more`
 * render steps beyond the first screen, and `older` pages of the feed loaded before rendering
 * (docs/decisions/0022). Not part of the view: changing the view starts again at the top.
 */
export interface ListDepth {
  readonly more: number;
  readonly older: number;
}

export const shallowList: ListDepth = { more: 0, older: 0 };
/** The most render steps a link may ask for: a server renders at most that many updates. */
export const MAX_MORE_STEPS = 20;
/** The most older pages a server loads for one page: the client's own burst (decision 0011). */
export const MAX_OLDER_PAGES = 10;

function depthValue(value: string | null, max: number): number {
  if (value === null || !/^\d{1,6}$/.test(value)) return 0;
  return Math.min(Number(value), max);
}

/** Reads `more=` and `older=`; anything else (absent, negative, not a number) reads as 0. */
export function parseListDepth(search: string): ListDepth {
  const params = new URLSearchParams(search);
  return {
    more: depthValue(params.get('more'), MAX_MORE_STEPS),
    older: depthValue(params.get('older'), MAX_OLDER_PAGES),
  };
}

/**
 * The query string of the same page at `depth`: every other parameter (the view, the filters,
 * `feed=`) kept as written, `more=` and `older=` replaced (and left out at 0).
 */
export function listDepthSearch(search: string, depth: ListDepth): string {
  const parts = segments(search).filter((s) => nameOf(s) !== 'more' && nameOf(s) !== 'older');
  const more = Math.min(Math.max(0, Math.floor(depth.more)), MAX_MORE_STEPS);
  const older = Math.min(Math.max(0, Math.floor(depth.older)), MAX_OLDER_PAGES);
  if (more > 0) parts.push(`more=${more}`);
  if (older > 0) parts.push(`older=${older}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
